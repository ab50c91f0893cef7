// Solves an open queueing network in the reference-case format: traffic equations (routing may
// loop), each station by its formula (M/M/c, M/G/1, M/G/c, M/M/c/K), and the end-to-end mean
// by Little's law over the whole network.
import type { NetworkCase } from './network-case';
import { buildQueueingModel, type ModelEdgeInput, type ModelNodeInput, type QueueingModel } from './queueing-model';
import { createModelState, solveModel, type ModelState } from './solve-model';
import { stationPercentilesApproximate, stationPercentilesMs } from './station';

export interface NetworkStationResult {
  /** Offered load per server (lambda/(c mu)) with unlimited room; carried load with a capacity. */
  utilization: number;
  throughputRps?: number;
  meanResponseMs?: number;
  p95ResponseMs?: number;
  p99ResponseMs?: number;
  /** Present (true) only when p95/p99 are an approximation (see stationPercentilesApproximate); absent where exact. */
  percentilesApproximate?: true;
  blockingProbability?: number;
}

export interface NetworkResult {
  stations: Record<string, NetworkStationResult>;
  /** Mean time in the system per request that got in; absent when any station is saturated. */
  meanResponseMs?: number;
  /** Stations with utilization >= 1 and unlimited room: no steady state. */
  saturated: string[];
}

interface CompiledNetwork {
  model: QueueingModel;
  externalRps: Float64Array;
}

function compileNetwork(network: NetworkCase): CompiledNetwork {
  const index = new Map(network.stations.map((s, i) => [s.id, i]));
  const nodes: ModelNodeInput[] = network.stations.map((s) => ({
    id: s.id,
    station: true,
    servers: s.servers,
    serviceMs: s.serviceMs,
    serviceScv: s.serviceScv,
    capacity: s.capacity ?? 0,
    replicas: 0,
    readShare: 0,
  }));
  // Routing is a hand-off: the station is free once it has passed the request on.
  const edges: ModelEdgeInput[] = network.routing.map((r) => ({
    source: index.get(r.from)!,
    target: index.get(r.to)!,
    probability: r.p,
    calls: 1,
    sync: false,
    networkMs: 0,
  }));
  const externalRps = new Float64Array(nodes.length);
  for (const a of network.arrivals) externalRps[index.get(a.to)!]! += a.rps;
  const built = buildQueueingModel(nodes, edges);
  if (!built.ok) throw new Error('unreachable: routing has no synchronous calls');
  return { model: built.model, externalRps };
}

/** Solves a network already checked by parseNetworkCase. Throws when traffic cannot settle. */
export function solveNetwork(network: NetworkCase): NetworkResult {
  const { model, externalRps } = compileNetwork(network);
  const state = solveModel(model, createModelState(model), externalRps);
  if (!state.trafficSettled) {
    const loop = (model.trafficLoop ?? []).map((i) => model.ids[i]);
    throw new Error(`Traffic keeps growing around the routing loop ${[...loop, loop[0]].join(' -> ')}: requests go round more often than they leave.`);
  }
  return describeNetwork(network, model, state, externalRps);
}

function describeNetwork(network: NetworkCase, model: QueueingModel, state: ModelState, externalRps: Float64Array): NetworkResult {
  const stations: Record<string, NetworkStationResult> = {};
  const saturated: string[] = [];
  let inSystem = 0; // sum of throughput * response: mean requests present (Little)
  let entered = 0;
  network.stations.forEach((s, j) => {
    const sol = state.primary[j]!;
    if (state.saturated[j] === 1) {
      saturated.push(s.id);
      stations[s.id] = { utilization: sol.utilization };
      return;
    }
    const [p95, p99] = stationPercentilesMs(sol, [0.95, 0.99]);
    const result: NetworkStationResult = {
      utilization: sol.utilization,
      throughputRps: sol.throughputRps,
      meanResponseMs: sol.meanResponseMs,
      p95ResponseMs: p95!,
      p99ResponseMs: p99!,
    };
    if (stationPercentilesApproximate(sol)) result.percentilesApproximate = true;
    if (model.capacity[j]! > 0) result.blockingProbability = sol.blockingProbability;
    stations[s.id] = result;
    inSystem += sol.throughputRps * sol.meanResponseMs;
    entered += externalRps[j]! * (1 - sol.blockingProbability);
  });
  const result: NetworkResult = { stations, saturated };
  if (saturated.length === 0 && entered > 0) result.meanResponseMs = inSystem / entered;
  return result;
}

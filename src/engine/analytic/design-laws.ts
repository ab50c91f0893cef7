// The response-time law of every node of a solved model (response-law.ts), built callees first
// along the sync calls, for the percentiles of components and of each client's flow.
//
// A station's response is its wait, then its own work, then its sync calls one after another
// (each a network round trip plus the callee's response; a call the callee turns away comes
// back at once). Parts are taken as independent. Exact where the theory is: the wait of M/M/c
// (Erlang C), M/M/c/K (an accepted arrival's view of the chain) and M/G/1 (Pollaczek-Khinchine,
// for every service shape the simulator draws), with service of its own work only; elsewhere
// the wait is fitted to the solved mean and the law is marked approximate.
import { acceptedArrivalView } from './finite-capacity-sojourn';
import type { QueueingModel } from './queueing-model';
import {
  approximate,
  callsLaw,
  exponentialWaitLaw,
  finiteQueueWaitLaw,
  mixLaw,
  pointLaw,
  pollaczekKhinchineWaitLaw,
  serviceLaw,
  sumLaw,
  ZERO_LAW,
  type Law,
} from './response-law';
import type { ModelState } from './solve-model';
import type { StationSolution } from './station';

export interface NodeLaws {
  /**
   * Per node, what the component itself reports: wait and own work, plus the calls it holds a
   * worker through (a proxy's part ends with its own work). null when saturated or a client.
   */
  response: (Law | null)[];
  /** Per node, what one call to it costs its caller, network excluded; for a client, its whole flow. null when saturated. */
  call: (Law | null)[];
}

export function buildNodeLaws(model: QueueingModel, state: ModelState): NodeLaws {
  const n = model.size;
  const response: (Law | null)[] = new Array<Law | null>(n).fill(null);
  const call: (Law | null)[] = new Array<Law | null>(n).fill(null);
  for (let idx = n - 1; idx >= 0; idx--) {
    const j = model.syncOrder[idx]!;
    if (state.saturated[j] === 1) continue;
    const held = heldLaw(model, call, j);
    if (held === null) continue;
    if (model.isStation[j] !== 1) {
      call[j] = held;
      continue;
    }
    const own = serviceLaw(model.serviceMs[j]!, model.serviceScv[j]!);
    const holds = model.holdsWorkers[j] === 1;
    const queued = holds && held !== ZERO_LAW ? sumLaw([own, held]) : own;
    const wait = waitLaw(model, state, j, queued, holds && held !== ZERO_LAW);
    response[j] = sumLaw(holds ? [wait, own, held] : [wait, own]);
    const answered = holds ? response[j]! : sumLaw([wait, own, held]);
    const accept = 1 - state.blocking[j]!;
    const taken = accept < 1 ? mixLaw([{ weight: accept, law: answered }, { weight: 1 - accept, law: ZERO_LAW }]) : answered;
    // A rate limit's turning away follows no queue formula: its caller's figures are approximate.
    call[j] = state.limited[j] === 1 ? approximate(taken) : taken;
  }
  return { response, call };
}

/** Node j's sync calls, one after another (a router's branches: one of them); null when one is saturated. */
function heldLaw(model: QueueingModel, call: (Law | null)[], j: number): Law | null {
  const parts: Law[] = [];
  const branches: { weight: number; law: Law }[] = [];
  let branchTotal = 0;
  for (let slot = model.outStart[j]!, end = model.outStart[j + 1]!; slot < end; slot++) {
    if (model.edgeSync[slot] === 0) continue;
    const p = model.edgeProbability[slot]!;
    const k = model.edgeCalls[slot]!;
    if (!(p > 0) || !(k > 0)) continue;
    const callee = call[model.outTarget[slot]!];
    if (callee === null || callee === undefined) return null;
    const network = model.edgeNetworkMs[slot]!;
    const one = network > 0 ? sumLaw([pointLaw(network), callee]) : callee;
    if (slot >= model.branchStart[j]!) {
      branches.push({ weight: p, law: callsLaw(one, 1, k) });
      branchTotal += p;
    } else {
      parts.push(callsLaw(one, p, k));
    }
  }
  if (branches.length > 0) {
    if (branchTotal < 1) branches.push({ weight: 1 - branchTotal, law: ZERO_LAW });
    parts.push(mixLaw(branches));
  }
  return sumLaw(parts);
}

/** The wait at node j (its copies mixed by the requests each serves), for a worker held for `service`. */
function waitLaw(model: QueueingModel, state: ModelState, j: number, service: Law, holdsCalls: boolean): Law {
  const primary = state.primary[j]!;
  const replicas = model.replicas[j]!;
  const total = state.throughputRps[j]!;
  const replicaFlow = replicas > 0 ? replicas * state.replica[j]!.throughputRps : 0;
  // Solved as a finite population of callers, or its wait reshaped by such callers: no queue formula.
  const fitted = state.finiteCaller[j] === 1 || state.finiteCallRps[j]! > 0;
  const copyWait = (sol: StationSolution) => (fitted ? fittedWait(sol) : stationWaitLaw(sol, service, !holdsCalls, model.serviceScv[j] === 1));
  if (!(replicaFlow > 0 && total > 0)) return copyWait(primary);
  return mixLaw([
    { weight: primary.throughputRps / total, law: copyWait(primary) },
    { weight: replicaFlow / total, law: copyWait(state.replica[j]!) },
  ]);
}

const fittedWait = (sol: StationSolution) => exponentialWaitLaw(sol.waitProbability, sol.meanWaitMs, false);

/**
 * The wait at one station for a worker held for `service`. `ownWork`: the worker is held for its
 * own work only (no calls), where M/G/1 is exact; with `exponential` own work, M/M/c and M/M/c/K are.
 */
function stationWaitLaw(sol: StationSolution, service: Law, ownWork: boolean, exponentialWork: boolean): Law {
  const exponential = ownWork && exponentialWork;
  if (sol.capacity > 0) {
    if (!exponential) return fittedWait(sol);
    const view = acceptedArrivalView(sol.servers, (sol.offeredRps * sol.meanServiceMs) / 1000, sol.capacity);
    return finiteQueueWaitLaw(Math.exp(view.logLow), view.logFirst, view.ratio, view.places, sol.meanServiceMs, sol.servers, sol.meanWaitMs);
  }
  if (sol.servers === 1) return pollaczekKhinchineWaitLaw(sol.offeredRps, service, ownWork);
  return exponentialWaitLaw(sol.waitProbability, sol.meanWaitMs, exponential);
}

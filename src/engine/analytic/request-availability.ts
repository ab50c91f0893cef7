// Availability of a client's requests: the chance a request finds everything it needs up, worked
// out the way the simulator fails things.
//
// - A zone or a region is up or down as a whole, and a component placed in it is down while it
//   is (the simulator's zone or region outage crashes everything placed inside).
// - Otherwise a component's instances fail independently. Its catalog availability is that of one
//   instance standing alone, its zone's and region's failures included, so the instance's own
//   share is that availability divided by its zone's and region's (never above 1): one instance
//   keeps its figure wherever it is placed, but copies in one zone are down together with it.
// - A request needs a component once however many times, or along however many paths, it calls
//   it: the component is up or down for the whole request.
// - A router (load balancer, gateway, DNS) sends each request to one of its targets, skipping
//   those that are down while any is up (its health checks; the few seconds they take to notice
//   are left out of a steady-state figure).
//
// Exact within that model: every zone and region the request can touch, and every component it
// can reach more than once, are conditioned on (each combination of states enumerated with its
// probability); given those, everything else a request visits at most once is independent.
// Combinations less likely than PRUNE_BELOW are skipped and counted as failures, so the figure
// can only err low, by at most their total probability.
import { GROUP_AVAILABILITY, parallelAvailability } from '../metrics/availability';
import { splitsDataOverInstances } from '../../model/traits';
import type { CompiledDesign } from './design-model';
import { placementOf } from './network-latency';
import { promoteAfterS, type FailureEvent } from '../../model/failures';
import { createModelState, solveModel } from './solve-model';

/** One state of a component's own instances: its chance, and the chance a call there succeeds in it (1 up; a read share when only read copies are up; 0 down). */
export interface OwnState {
  p: number;
  serve: number;
}

/** What the availability of a design's requests is worked out from. */
export interface AvailabilityInputs {
  /** Per node (design order): the states of its own instances while its zone and region are up; their chances add up to 1. */
  own: OwnState[][];
  /** Per node: the groups (indices into groupUp) that must be up for it to be. */
  groupsOf: number[][];
  /** Per group (design.groups order): the chance it is up. */
  groupUp: number[];
}

/**
 * Combinations of states less likely than this are not enumerated (and count as failed requests):
 * about 6 of 20 copies at 99.5% down at once. Raised tenfold at a time while more than
 * MAX_COMBINATIONS would be left, so that a design of many shared, often-down parts still solves
 * at once (its figure then errs low by the skipped share).
 */
const PRUNE_BELOW = 1e-13;
const MAX_COMBINATIONS = 50_000;

/** The availability inputs the catalog and the design's zones and regions give. */
export function availabilityInputs(compiled: CompiledDesign): AvailabilityInputs {
  const { design, model, figures } = compiled;
  const groupIndex = new Map(design.groups.map((g, i) => [g.id, i]));
  const groupsById = new Map(design.groups.map((g) => [g.id, g]));
  const groupUp = design.groups.map((g) => GROUP_AVAILABILITY[g.kind]);
  const groupsOf = design.nodes.map((node, j) => {
    if (model.isStation[j] !== 1) return [];
    const { zone, region } = placementOf(node, groupsById);
    return [zone, region].filter((id): id is string => id !== undefined).map((id) => groupIndex.get(id)!);
  });
  const own = design.nodes.map((node, j): OwnState[] => {
    if (model.isStation[j] !== 1) return [{ p: 1, serve: 1 }];
    const f = figures[j]!;
    const groups = groupsOf[j]!.reduce((a, g) => a * groupUp[g]!, 1);
    const instance = groups > 0 ? Math.min(1, f.availability / groups) : f.availability;
    // Shards split the data, so each request needs the shard holding its key: one primary and its replicas.
    const primaries = splitsDataOverInstances(node) ? 1 : f.instances;
    const copies = primaries * (1 + f.replicas);
    const writes = parallelAvailability(instance, primaries);
    const reads = parallelAvailability(instance, copies);
    const states: OwnState[] = [{ p: writes, serve: 1 }];
    if (copies > primaries) states.push({ p: reads - writes, serve: f.readShare });
    states.push({ p: 1 - reads, serve: 0 });
    return states.filter((s) => s.p > 0);
  });
  return { own, groupsOf, groupUp };
}

/** A component on its own: the chance its zone and region are up, times the expected success of a call while they are. */
export function componentAvailability(inputs: AvailabilityInputs, j: number): number {
  const groups = inputs.groupsOf[j]!.reduce((a, g) => a * inputs.groupUp[g]!, 1);
  return groups * inputs.own[j]!.reduce((a, s) => a + s.p * s.serve, 0);
}

/**
 * Chance that all K calls succeed, each with chance q, where K is the whole part of `calls` plus
 * one with probability its fraction (as the simulator draws it), taken with probability `take`.
 */
function callsSucceed(take: number, calls: number, q: number): number {
  const whole = Math.floor(calls);
  const frac = calls - whole;
  const all = (1 - frac) * Math.pow(q, whole) + frac * Math.pow(q, whole + 1);
  return 1 - take + take * all;
}

/** Visit every combination of the given choices (each a list of chances) at least `below` likely, stopping after `limit` visits. */
function walkCombinations(choices: readonly (readonly number[])[], below: number, limit: number, visit: (picked: Int32Array, p: number) => void): number {
  const picked = new Int32Array(choices.length);
  let visits = 0;
  const walk = (at: number, p: number): void => {
    if (p < below || visits >= limit) return;
    if (at === choices.length) {
      visits++;
      return visit(picked, p);
    }
    const options = choices[at]!;
    for (let k = 0; k < options.length; k++) {
      picked[at] = k;
      walk(at + 1, p * options[k]!);
    }
  };
  walk(0, 1);
  return visits;
}

/** Visit the likely combinations of the given choices (see PRUNE_BELOW), with each one's chance. */
function enumerate(choices: readonly (readonly number[])[], visit: (picked: Int32Array, p: number) => void): void {
  let below = PRUNE_BELOW;
  while (below < 1e-2 && walkCombinations(choices, below, MAX_COMBINATIONS + 1, () => {}) > MAX_COMBINATIONS) below *= 10;
  walkCombinations(choices, below, Infinity, visit);
}

/** Per node (design order), for the clients: the chance a request they send finds everything it needs up. Other entries are 0. */
export function requestAvailability(compiled: CompiledDesign, inputs: AvailabilityInputs): Float64Array {
  const result = new Float64Array(compiled.model.size);
  for (const c of compiled.clients) result[c] = clientAvailability(compiled, inputs, c);
  return result;
}

function clientAvailability(compiled: CompiledDesign, inputs: AvailabilityInputs, client: number): number {
  const { model } = compiled;
  const n = model.size;
  const called = (slot: number) => model.edgeSync[slot] === 1 && model.edgeProbability[slot]! > 0 && model.edgeCalls[slot]! > 0;
  // Paths from the client to each node, capped at 2 (several calls over one connection are several paths).
  const paths = new Float64Array(n);
  paths[client] = 1;
  const order: number[] = [];
  for (let idx = 0; idx < n; idx++) {
    const j = model.syncOrder[idx]!;
    if (paths[j] === 0) continue;
    order.push(j);
    for (let slot = model.outStart[j]!; slot < model.outStart[j + 1]!; slot++) {
      if (!called(slot)) continue;
      const t = model.outTarget[slot]!;
      paths[t] = Math.min(2, paths[t]! + paths[j]! * (model.edgeCalls[slot]! > 1 ? 2 : 1));
    }
  }
  // What is conditioned on: the groups these nodes sit in, and the nodes reached more than once.
  const groups = [...new Set(order.flatMap((j) => inputs.groupsOf[j]!))].filter((g) => inputs.groupUp[g]! > 0 && inputs.groupUp[g]! < 1);
  const shared = order.filter((j) => paths[j]! >= 2 && inputs.own[j]!.length > 1);
  const choices = [...groups.map((g) => [inputs.groupUp[g]!, 1 - inputs.groupUp[g]!]), ...shared.map((j) => inputs.own[j]!.map((s) => s.p))];

  const groupIsUp = Uint8Array.from(inputs.groupUp, (a) => (a > 0 ? 1 : 0));
  const state = new Int32Array(n).fill(-1);
  /** Per node: chance it is up (serves at all), and the chance a request there succeeds given that it is. */
  const up = new Float64Array(n);
  const given = new Float64Array(n);
  let total = 0;
  enumerate(choices, (picked, p) => {
    groups.forEach((g, k) => (groupIsUp[g] = picked[k] === 0 ? 1 : 0));
    shared.forEach((j, k) => (state[j] = picked[groups.length + k]!));
    for (let idx = order.length - 1; idx >= 0; idx--) evaluate(order[idx]!);
    total += p * up[client]! * given[client]!;
  });
  return total;

  function evaluate(j: number): void {
    if (!inputs.groupsOf[j]!.every((g) => groupIsUp[g] === 1)) {
      up[j] = 0;
      given[j] = 0;
      return;
    }
    let serve: number;
    if (state[j]! >= 0) {
      serve = inputs.own[j]![state[j]!]!.serve;
      up[j] = serve > 0 ? 1 : 0;
    } else {
      let upChance = 0;
      let served = 0;
      for (const s of inputs.own[j]!) {
        if (s.serve > 0) upChance += s.p;
        served += s.p * s.serve;
      }
      up[j] = upChance;
      serve = upChance > 0 ? served / upChance : 0;
    }
    let a = serve;
    for (let slot = model.outStart[j]!; slot < model.branchStart[j]!; slot++) {
      if (!called(slot)) continue;
      const t = model.outTarget[slot]!;
      a *= callsSucceed(model.edgeProbability[slot]!, model.edgeCalls[slot]!, up[t]! * given[t]!);
    }
    given[j] = a * branchesSucceed(j);
  }

  /** Out of a router: a request takes one branch, among the targets that are up while any is. */
  function branchesSucceed(j: number): number {
    const slots: number[] = [];
    for (let slot = model.branchStart[j]!; slot < model.outStart[j + 1]!; slot++) if (called(slot)) slots.push(slot);
    if (slots.length === 0) return 1;
    const weight = slots.reduce((w, s) => w + model.edgeProbability[s]!, 0);
    const uncertain = slots.filter((s) => up[model.outTarget[s]!]! > 0 && up[model.outTarget[s]!]! < 1);
    const isUp = new Uint8Array(slots.length);
    let sum = 0;
    enumerate(
      uncertain.map((s) => [up[model.outTarget[s]!]!, 1 - up[model.outTarget[s]!]!]),
      (picked, p) => {
        let upWeight = 0;
        slots.forEach((s, k) => {
          const u = up[model.outTarget[s]!]!;
          const at = uncertain.indexOf(s);
          isUp[k] = (at >= 0 ? picked[at] === 0 : u === 1) ? 1 : 0;
          if (isUp[k] === 1) upWeight += model.edgeProbability[s]!;
        });
        let success = 0;
        slots.forEach((s, k) => {
          const w = model.edgeProbability[s]!;
          const calls = model.edgeCalls[s]!;
          // With every target down the shares stand, and a request fails unless it makes no call.
          if (upWeight === 0) success += w * callsSucceed(1, calls, 0);
          else if (isUp[k] === 1) success += ((w * weight) / upWeight) * callsSucceed(1, calls, given[model.outTarget[s]!]!);
        });
        sum += p * success;
      },
    );
    return 1 - weight + sum;
  }
}

/**
 * Per node (design order), for the clients: the share of requests sent between fromS and toS
 * that find everything up, when the only failures are those of a timeline (the simulator's
 * view: nothing fails at random). Each stretch between failures starting or ending is worked out
 * with the request model above and weighted by its length (clients send at a steady rate).
 * Crashes (of a database with replicas too: the simulator stops the whole component, reads and
 * all), zone and region outages, error rates and database failovers are modelled, and a slowdown
 * where it fails nothing (slowdownFailsNothing). null for a partition, and for a slowdown that
 * could turn slow requests into failures (timeouts, admission limits, a finite queue, or more
 * work than the slowed component can do): those failures come from timing this model lacks.
 */
export function timelineAvailability(compiled: CompiledDesign, failures: readonly FailureEvent[], fromS: number, toS: number): Float64Array | null {
  const { design, figures } = compiled;
  const index = new Map(design.nodes.map((n, j) => [n.id, j]));
  if (failures.some((f) => f.kind === 'partition')) return null;
  const slowdowns = failures.filter((f) => f.kind === 'slowdown');
  if (slowdowns.length > 0 && !slowdownsFailNothing(compiled, slowdowns)) return null;
  const groupIndex = new Map(design.groups.map((g, i) => [g.id, i]));
  const steady = availabilityInputs(compiled);
  const edges = new Set([fromS, toS]);
  for (const f of failures) {
    const promote = f.kind === 'db-failover' ? [f.atS + promoteAfterS(f)] : [];
    for (const t of [f.atS, f.atS + (f.durationS ?? Infinity), ...promote]) if (t > fromS && t < toS) edges.add(t);
  }
  const times = [...edges].sort((a, b) => a - b);
  const result = new Float64Array(compiled.model.size);
  for (let k = 0; k + 1 < times.length; k++) {
    const mid = (times[k]! + times[k + 1]!) / 2;
    const inputs: AvailabilityInputs = { groupsOf: steady.groupsOf, groupUp: steady.groupUp.map(() => 1), own: steady.own.map(() => [{ p: 1, serve: 1 }]) };
    const serveAt = (j: number | undefined, serve: number) => {
      if (j !== undefined) inputs.own[j] = [{ p: 1, serve: Math.min(inputs.own[j]![0]!.serve, serve) }];
    };
    for (const f of failures) {
      if (mid < f.atS || mid >= f.atS + (f.durationS ?? Infinity)) continue;
      if (f.kind === 'group-outage') inputs.groupUp[groupIndex.get(f.groupId)!] = 0;
      else if (f.kind === 'crash' && (f.instances === undefined || f.instances >= figures[index.get(f.nodeId)!]!.instances)) serveAt(index.get(f.nodeId), 0);
      else if (f.kind === 'error-rate') serveAt(index.get(f.nodeId), 1 - f.rate);
      else if (f.kind === 'db-failover' && mid < f.atS + promoteAfterS(f)) serveAt(index.get(f.nodeId), figures[index.get(f.nodeId)!]!.replicas > 0 ? figures[index.get(f.nodeId)!]!.readShare : 0);
    }
    const stretch = requestAvailability(compiled, inputs);
    for (const c of compiled.clients) result[c]! += (stretch[c]! * (times[k + 1]! - times[k]!)) / (toS - fromS);
  }
  return result;
}

/**
 * Whether slowing these components down fails no request: nothing on the design gives up on a
 * slow request (no connection has a timeout or a bulkhead, no component an admission limit or a
 * longest queue wait), the slowed components queue without limit, and each, slowed, still does
 * its work in time (utilization times the factor under 1), so every request finishes, late.
 */
function slowdownsFailNothing(compiled: CompiledDesign, slowdowns: readonly Extract<FailureEvent, { kind: 'slowdown' }>[]): boolean {
  const { design, figures, model } = compiled;
  if (design.edges.some((e) => e.resilience?.timeoutMs !== undefined || e.resilience?.bulkheadCalls !== undefined)) return false;
  if (design.nodes.some((n) => n.resilience?.maxInFlight !== undefined || n.resilience?.maxQueueWaitMs !== undefined)) return false;
  const state = solveModel(model, createModelState(model), compiled.externalRps);
  return slowdowns.every((f) => {
    const j = design.nodes.findIndex((n) => n.id === f.nodeId);
    if (j < 0) return true;
    const slowed = Math.max(state.primary[j]!.utilization, figures[j]!.replicas > 0 ? state.replica[j]!.utilization : 0) * f.factor;
    return figures[j]!.queueCapacity === 0 && Number.isFinite(slowed) && slowed < 1;
  });
}

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
//   are left out of a steady-state figure, and worked out on a timeline: timeline-availability.ts).
//   A call it makes that fails is retried on another target that looks up, when the connection
//   retries at all.
// - On a timeline, a call to a cache that fails (the cache down, cut off or too slow) falls back:
//   the caller does what the cache would have done on a miss, as the simulator's cache-aside
//   fallback does, unless the connection turns that fallback off. The steady figure still counts
//   the cache as a machine each request needs: falling back sends every read on to what is behind
//   the cache, which may not take it (a vendor's rate limit, a database sized for the misses),
//   and the steady model does not solve that load.
//
// Exact within that model: every zone and region the request can touch, and every component it
// can reach more than once, are conditioned on (each combination of states enumerated with its
// probability); given those, everything else a request visits at most once is independent.
// Combinations less likely than PRUNE_BELOW are skipped and counted as failures, so the figure
// can only err low, by at most their total probability.
import { GROUP_AVAILABILITY, parallelAvailability } from '../metrics/availability';
import { EDGE_SETTINGS, settingOr } from '../../model/resilience';
import { cachesReads, splitsDataOverInstances } from '../../model/traits';
import type { CompiledDesign } from './design-model';
import { placementOf } from './network-latency';

/** One state of a component's own instances: its chance, and the chance a call there succeeds in it (1 up; a read share when only read copies are up; 0 down). */
export interface OwnState {
  p: number;
  serve: number;
}

/** What the design's connections do about a failed call, per out-edge slot of the model. */
export interface CallSettings {
  /** 1: a failed call to this cache falls back to what the cache does on a miss (cache-aside). */
  fallback: Uint8Array;
  /** Retries after a failed call (0: none). */
  retries: Int32Array;
}

/**
 * What one stretch of a failure timeline does to calls, beyond components being up or down,
 * per out-edge slot of the model.
 */
export interface CallConditions {
  /** 1: a partition cuts the caller off from the callee, so the call never arrives. */
  cut: Uint8Array;
  /** 1 (a router's branch only): the target is down or cut off, but the router's health checks have not noticed yet, so it still sends there. */
  unnoticed: Uint8Array;
  /** The chance the caller gives up on an answer (its timeout) that would have come. */
  timedOut: Float64Array;
}

/** What the availability of a design's requests is worked out from. */
export interface AvailabilityInputs {
  /** Per node (design order): the states of its own instances while its zone and region are up; their chances add up to 1. */
  own: OwnState[][];
  /** Per node: the groups (indices into groupUp) that must be up for it to be. */
  groupsOf: number[][];
  /** Per group (design.groups order): the chance it is up. */
  groupUp: number[];
  calls: CallSettings;
  /** A stretch of a timeline's cut connections, unnoticed losses and timeouts; absent in a steady figure. */
  conditions?: CallConditions;
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
  return { own, groupsOf, groupUp, calls: callSettings(compiled) };
}

/** Each out-edge slot's fallback and retries, from the design's connections (as the simulator reads them). */
export function callSettings(compiled: CompiledDesign): CallSettings {
  const { design, model } = compiled;
  const edges = new Map(design.edges.map((e) => [e.id, e]));
  const slots = model.outTarget.length;
  const fallback = new Uint8Array(slots);
  const retries = new Int32Array(slots);
  for (let slot = 0; slot < slots; slot++) {
    const edge = edges.get(compiled.edgeIds[model.outEdgeOf[slot]!]!);
    const retry = edge?.resilience?.retry;
    retries[slot] = retry ? settingOr(EDGE_SETTINGS.maxRetries, retry.maxRetries) : 0;
    const target = design.nodes[model.outTarget[slot]!]!;
    fallback[slot] = cachesReads(target) && edge?.resilience?.fallbackToOrigin !== false ? 1 : 0;
  }
  return { fallback, retries };
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
  /** Per node: the chance the calls it makes succeed, whether or not it is up (a failed cache's fallback makes them). */
  const onward = new Float64Array(n);
  const { retries } = inputs.calls;
  const fallback = inputs.conditions ? inputs.calls.fallback : new Uint8Array(inputs.calls.fallback.length);
  const cut = inputs.conditions?.cut;
  const unnoticed = inputs.conditions?.unnoticed;
  const timedOut = inputs.conditions?.timedOut;
  let total = 0;
  enumerate(choices, (picked, p) => {
    groups.forEach((g, k) => (groupIsUp[g] = picked[k] === 0 ? 1 : 0));
    shared.forEach((j, k) => (state[j] = picked[groups.length + k]!));
    for (let idx = order.length - 1; idx >= 0; idx--) evaluate(order[idx]!);
    total += p * up[client]! * given[client]!;
  });
  return total;

  /** Chance one call over this slot succeeds, retries included: the callee is up and answers in time, or a failed cache's fallback does the work. */
  function callSucceeds(slot: number): number {
    const t = model.outTarget[slot]!;
    const reached = cut?.[slot] === 1 ? 0 : up[t]! * given[t]!;
    // A retry on the same callee helps only against a slow answer: what is down stays down for the few ms of a backoff.
    const late = timedOut?.[slot] ?? 0;
    const answered = reached * (1 - Math.pow(late, 1 + retries[slot]!));
    return fallback[slot] === 1 ? answered + (1 - answered) * onward[t]! : answered;
  }

  function evaluate(j: number): void {
    // Cache lookups that failed send the request down the miss path, as a miss would.
    let lookupsFailed = 0;
    let a = 1;
    for (let slot = model.outStart[j]!; slot < model.branchStart[j]!; slot++) {
      if (!called(slot)) continue;
      const q = callSucceeds(slot);
      let take = model.edgeProbability[slot]!;
      if (compiled.edgeOnCacheMiss[model.outEdgeOf[slot]!] === 1) take += (compiled.edgeTake[model.outEdgeOf[slot]!]! - take) * lookupsFailed;
      else if (fallback[slot] === 1) lookupsFailed = 1 - (1 - lookupsFailed) * q;
      a *= callsSucceed(Math.min(1, take), model.edgeCalls[slot]!, q);
    }
    onward[j] = a * branchesSucceed(j);
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
    given[j] = serve * onward[j]!;
  }

  /**
   * Out of a router: a request takes one branch, among the targets that look up to its health
   * checks while any does (a target down or cut off looks up until they notice). A failed call
   * is retried on another target that looks up, when the connection retries.
   */
  function branchesSucceed(j: number): number {
    const slots: number[] = [];
    for (let slot = model.branchStart[j]!; slot < model.outStart[j + 1]!; slot++) if (called(slot)) slots.push(slot);
    if (slots.length === 0) return 1;
    const weight = slots.reduce((w, s) => w + model.edgeProbability[s]!, 0);
    const uncertain = slots.filter((s) => up[model.outTarget[s]!]! > 0 && up[model.outTarget[s]!]! < 1);
    const looks = new Uint8Array(slots.length);
    const q = new Float64Array(slots.length);
    let sum = 0;
    enumerate(
      uncertain.map((s) => [up[model.outTarget[s]!]!, 1 - up[model.outTarget[s]!]!]),
      (picked, p) => {
        let upWeight = 0;
        slots.forEach((s, k) => {
          const t = model.outTarget[s]!;
          const at = uncertain.indexOf(s);
          const isUp = (at >= 0 ? picked[at] === 0 : up[t] === 1) && cut?.[s] !== 1;
          looks[k] = isUp || unnoticed?.[s] === 1 ? 1 : 0;
          if (looks[k] === 1) upWeight += model.edgeProbability[s]!;
          const late = timedOut?.[s] ?? 0;
          q[k] = isUp ? callsSucceed(1, model.edgeCalls[s]!, given[t]! * (1 - late)) : callsSucceed(1, model.edgeCalls[s]!, 0);
        });
        let success = 0;
        slots.forEach((s, k) => {
          const w = model.edgeProbability[s]!;
          // With every target looking down the shares stand, and a request fails unless it makes no call.
          if (upWeight === 0) success += w * q[k]!;
          else if (looks[k] === 1) success += ((w * weight) / upWeight) * (q[k]! + (1 - q[k]!) * retriedElsewhere(k, upWeight));
        });
        sum += p * success;
      },
    );
    return 1 - weight + sum;

    /** After a failed call on branch k: the chance a retry succeeds, on another target that looks up (this one again when none does). */
    function retriedElsewhere(k: number, upWeight: number): number {
      if (retries[slots[k]!]! < 1) return 0;
      const others = upWeight - model.edgeProbability[slots[k]!]!;
      if (!(others > 0)) return 0;
      let chance = 0;
      slots.forEach((s, m) => {
        if (m !== k && looks[m] === 1) chance += (model.edgeProbability[s]! / others) * q[m]!;
      });
      return chance;
    }
  }
}

// The layered fixed point on a compiled QueueingModel.
//
// Traffic flows forward: each node's arrivals are its external rate plus what its upstream
// nodes pass on (accepted flow, i.e. arrivals times 1 - blocking; a saturated station passes its
// offered flow on, as the traffic equations of an open network do). Response times flow
// backward along sync calls: a caller's effective service time is its own plus the time it
// holds a worker waiting on each sync call (network round trip plus the callee's response).
// Traffic depends only on the blocking probabilities, and response times only on traffic, so
// the two passes alternate until blocking stops changing. Without finite queues or traffic loops
// the first round is already exact.
import { solveFiniteCaller, type CalleeStation } from './finite-callers';
import type { QueueingModel } from './queueing-model';
import type { SojournMixture } from './sojourn';
import { addStationResponse, emptyStationSolution, markSaturated, responseVarianceMs2, solveStationInto, type StationSolution } from './station';

const MAX_ROUNDS = 200;
const UNDAMPED_ROUNDS = 20;
const ROUND_TOLERANCE = 1e-10;
const MAX_TRAFFIC_SWEEPS = 20_000;
const RUNAWAY_RPS = 1e15;

export interface ModelState {
  /** Offered arrivals per node, requests/s (for a source: the rate it sends). */
  arrivalRps: Float64Array;
  /** Share of arrivals passed downstream, as used by the latest traffic pass. */
  passRatio: Float64Array;
  primary: StationSolution[];
  /** The replica station of a node with read replicas (one replica; they are identical); unused otherwise. */
  replica: StationSolution[];
  // Node-level figures (primary and replicas combined), per accepted request:
  throughputRps: Float64Array;
  blocking: Float64Array;
  waitMs: Float64Array;
  /** Mean response including held time; Infinity when saturated. For a source: end-to-end. */
  responseMs: Float64Array;
  responseVar: Float64Array;
  /** Time per request spent waiting on sync calls, network included. */
  heldMs: Float64Array;
  heldVar: Float64Array;
  /** Mean and variance of what one sync call to this node costs a caller, network excluded. */
  callMs: Float64Array;
  callVar: Float64Array;
  saturated: Uint8Array;
  /** 1 where the node was solved as a finite population of callers (its workers bound its calls in flight). */
  finiteCaller: Uint8Array;
  /** Calls/s from callers solved as a finite population (their workers bound the calls in flight), per callee. */
  finiteCallRps: Float64Array;
  /** Sum over those calls of calls/s times the time each spends at the callee (ms). */
  finiteCallTime: Float64Array;
  /** 1 where a rate limit turns requests away (its share is in `blocking`). */
  limited: Uint8Array;
  /** The node whose own load saturates this one (itself or something it calls), or -1. */
  cause: Int32Array;
  converged: boolean;
  trafficSettled: boolean;
  rounds: number;
  nextPass: Float64Array;
  previousPass: Float64Array;
  previousResidual: Float64Array;
}

const unusedReplica = emptyStationSolution();

export function createModelState(model: QueueingModel): ModelState {
  const n = model.size;
  const f = () => new Float64Array(n);
  return {
    arrivalRps: f(),
    passRatio: f(),
    primary: Array.from({ length: n }, emptyStationSolution),
    // Only nodes with replicas need their own; the rest share one that is never read.
    replica: Array.from(model.replicas, (r) => (r > 0 ? emptyStationSolution() : unusedReplica)),
    throughputRps: f(),
    blocking: f(),
    waitMs: f(),
    responseMs: f(),
    responseVar: f(),
    heldMs: f(),
    heldVar: f(),
    callMs: f(),
    callVar: f(),
    saturated: new Uint8Array(n),
    finiteCaller: new Uint8Array(n),
    finiteCallRps: f(),
    finiteCallTime: f(),
    limited: new Uint8Array(n),
    cause: new Int32Array(n),
    converged: false,
    trafficSettled: true,
    rounds: 0,
    nextPass: f(),
    previousPass: f(),
    previousResidual: f(),
  };
}

/** Solves the model for the given external arrival rates (requests/s per node), into `state`. */
export function solveModel(model: QueueingModel, state: ModelState, externalRps: ArrayLike<number>): ModelState {
  state.passRatio.fill(1);
  state.converged = false;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    state.rounds = round;
    state.trafficSettled = propagateTraffic(model, state, externalRps);
    const change = solveStations(model, state);
    if (!state.trafficSettled) return state;
    if (change <= ROUND_TOLERANCE) {
      state.converged = true;
      return state;
    }
    updatePassRatios(model.size, state, round);
  }
  return state;
}

// Blocking upstream lowers load downstream, and blocking at a station on a loop lowers its own
// load, so the plain update can see-saw. Each node takes a secant step on its residual
// (next - current pass ratio), which settles such loops in a few rounds; where the secant is
// unusable it falls back to a plain step, halved after the first rounds.
function updatePassRatios(n: number, state: ModelState, round: number): void {
  const { passRatio: pass, nextPass: next, previousPass, previousResidual } = state;
  const plain = round <= UNDAMPED_ROUNDS ? 1 : 0.5;
  for (let j = 0; j < n; j++) {
    const x = pass[j]!;
    const residual = next[j]! - x;
    let step = plain * residual;
    if (round > 1 && x !== previousPass[j]!) {
      const slope = (residual - previousResidual[j]!) / (x - previousPass[j]!);
      if (slope < 0 && Number.isFinite(slope)) step = -residual / slope;
    }
    previousPass[j] = x;
    previousResidual[j] = residual;
    pass[j] = Math.min(1, Math.max(0, x + step));
  }
}

function propagateTraffic(model: QueueingModel, state: ModelState, externalRps: ArrayLike<number>): boolean {
  const { trafficOrder, inStart, inSource, inVisits, trafficAcyclic } = model;
  const arrival = state.arrivalRps;
  const pass = state.passRatio;
  const n = model.size;
  for (let sweep = 0; sweep < MAX_TRAFFIC_SWEEPS; sweep++) {
    let change = 0;
    let largest = 0;
    for (let idx = 0; idx < n; idx++) {
      const j = trafficOrder[idx]!;
      let lambda = externalRps[j]!;
      for (let k = inStart[j]!, end = inStart[j + 1]!; k < end; k++) {
        const src = inSource[k]!;
        lambda += arrival[src]! * pass[src]! * inVisits[k]!;
      }
      if (!trafficAcyclic) {
        const diff = Math.abs(lambda - arrival[j]!) / Math.max(lambda, 1e-12);
        if (diff > change) change = diff;
        if (lambda > largest) largest = lambda;
      }
      arrival[j] = lambda;
    }
    if (trafficAcyclic || change <= 1e-13) return true;
    if (largest > RUNAWAY_RPS) return false;
  }
  return false;
}

/** Backward pass over sync callees first; returns the largest change of any pass ratio. */
function solveStations(model: QueueingModel, state: ModelState): number {
  const { syncOrder, outStart, outTarget, edgeSync, edgeProbability, edgeCalls, edgeNetworkMs } = model;
  const { saturated, cause, callMs, callVar, heldMs, heldVar, nextPass, passRatio } = state;
  let change = 0;
  state.finiteCaller.fill(0);
  state.finiteCallRps.fill(0);
  state.finiteCallTime.fill(0);
  for (let idx = model.size - 1; idx >= 0; idx--) {
    const j = syncOrder[idx]!;
    let held = 0;
    let heldVariance = 0;
    // The branches of a split (one taken per request): mean and second moment of their mixture.
    let branchMean = 0;
    let branchSecond = 0;
    const branchStart = model.branchStart[j]!;
    let blockedBy = -1;
    for (let slot = outStart[j]!, end = outStart[j + 1]!; slot < end; slot++) {
      if (edgeSync[slot] === 0) continue;
      const t = outTarget[slot]!;
      if (saturated[t] === 1) {
        if (blockedBy < 0) blockedBy = cause[t]!;
        continue;
      }
      const p = edgeProbability[slot]!;
      const k = edgeCalls[slot]!;
      const m = edgeNetworkMs[slot]! + callMs[t]!;
      held += p * k * m;
      if (slot >= branchStart) {
        branchMean += p * k * m;
        branchSecond += p * (k * callVar[t]! + k * k * m * m);
      } else {
        // Var of a random number of calls: E[N] Var(call) + Var(N) E[call]^2, N = k with probability p.
        heldVariance += p * k * callVar[t]! + p * (1 - p) * k * k * m * m;
      }
    }
    heldVariance += Math.max(0, branchSecond - branchMean * branchMean);
    heldMs[j] = held;
    heldVar[j] = heldVariance;
    if (blockedBy >= 0) markWaitingOnSaturated(model, state, j, blockedBy);
    else if (model.isStation[j] === 1 && model.holdsWorkers[j] === 0) solveProxy(model, state, j, held, heldVariance);
    else if (model.isStation[j] === 1) {
      if (!solveFiniteCallerNode(model, state, j, heldVariance)) solveNode(model, state, j, held, heldVariance);
    }
    else solveSource(state, j, held, heldVariance);
    const lambda = state.arrivalRps[j]!;
    let next = 1 - state.blocking[j]!;
    if (saturated[j] === 1) {
      // What leaves a station saturated by its own load is at most what it can finish; one stuck
      // waiting on a saturated callee passes on what it is sent (its callee caps the flow there).
      const capacity = cause[j] === j ? nodeCapacityRps(model, j, model.holdsWorkers[j] === 1 ? heldMs[j]! : 0) : Infinity;
      next = lambda > capacity ? capacity / lambda : 1;
      state.throughputRps[j] = lambda * next;
    }
    // A rate limiter passes at most its limit even while what it calls is saturated: that is
    // how it takes the load off a saturated service.
    if (lambda * next > model.limitRps[j]!) next = model.limitRps[j]! / lambda;
    const diff = Math.abs(next - passRatio[j]!);
    if (diff > change) change = diff;
    nextPass[j] = next;
  }
  for (let t = 0; t < model.size; t++) if (state.finiteCallRps[t]! > 0 && saturated[t] === 0) mixFiniteCalls(state, t);
  return change;
}

function solveSource(state: ModelState, j: number, held: number, heldVariance: number): void {
  state.saturated[j] = 0;
  state.cause[j] = -1;
  state.throughputRps[j] = state.arrivalRps[j]!;
  state.blocking[j] = 0;
  state.waitMs[j] = 0;
  state.responseMs[j] = held;
  state.responseVar[j] = heldVariance;
  state.callMs[j] = held;
  state.callVar[j] = heldVariance;
}

// Its workers wait on a call that never returns in steady state, so it has no steady state either.
function markWaitingOnSaturated(model: QueueingModel, state: ModelState, j: number, blockedBy: number): void {
  const lambda = state.arrivalRps[j]!;
  for (const sol of [state.primary[j]!, state.replica[j]!]) {
    markSaturated(sol, lambda, lambda > 0 ? Infinity : 0);
    sol.meanServiceMs = Infinity;
    sol.serviceScv = 1;
  }
  setSaturated(state, j, blockedBy);
}

function setSaturated(state: ModelState, j: number, blockedBy: number): void {
  state.saturated[j] = 1;
  state.cause[j] = blockedBy;
  state.throughputRps[j] = state.arrivalRps[j]!;
  state.blocking[j] = 0;
  state.limited[j] = 0;
  state.waitMs[j] = Infinity;
  state.responseMs[j] = Infinity;
  state.responseVar[j] = Infinity;
  state.callMs[j] = Infinity;
  state.callVar[j] = Infinity;
}

/**
 * The most requests/s node j can finish: servers over the time each request holds one (its own
 * work plus heldMs waiting on calls). With read replicas, the copy that fills first (the primary
 * with the writes and its share of reads, or a replica with its share) sets it.
 */
export function nodeCapacityRps(model: QueueingModel, j: number, heldMs: number): number {
  const effectiveMs = model.serviceMs[j]! + heldMs;
  if (!(effectiveMs > 0)) return Infinity;
  const perServer = (model.servers[j]! * 1000) / effectiveMs;
  const replicas = model.replicas[j]!;
  const reads = model.readShare[j]!;
  if (replicas === 0 || reads === 0) return perServer;
  const perCopy = reads / (replicas + 1);
  return Math.min(perServer / (1 - reads + perCopy), perServer / perCopy);
}

/** req/s below which rates are too small to divide by without losing precision. */
const MIN_RATIO_RPS = 1e-9;

function solveNode(model: QueueingModel, state: ModelState, j: number, held: number, heldVariance: number): void {
  const ownMs = model.serviceMs[j]!;
  const serviceMs = ownMs + held;
  const variance = model.serviceScv[j]! * ownMs * ownMs + heldVariance;
  const scv = serviceMs > 0 ? variance / (serviceMs * serviceMs) : 1;
  const lambda = state.arrivalRps[j]!;
  const servers = model.servers[j]!;
  const capacity = model.capacity[j]!;
  const replicas = model.replicas[j]!;
  const primary = state.primary[j]!;

  let primaryWeight = 1;
  let replicaWeight = 0;
  const replica = state.replica[j]!;
  if (replicas > 0) {
    const reads = model.readShare[j]!;
    const perCopy = reads / (replicas + 1);
    solveStationInto(primary, lambda * (1 - reads + perCopy), servers, serviceMs, scv, capacity);
    solveStationInto(replica, lambda * perCopy, servers, serviceMs, scv, capacity);
    const accepted = primary.throughputRps + replicas * replica.throughputRps;
    // Below a trickle (1e-9 req/s) the ratio of tiny rates loses precision; the routing split is exact there.
    primaryWeight = accepted > MIN_RATIO_RPS ? primary.throughputRps / accepted : 1 - reads + perCopy;
    replicaWeight = 1 - primaryWeight;
  } else {
    solveStationInto(primary, lambda, servers, serviceMs, scv, capacity);
  }
  if (primary.saturated || (replicas > 0 && replica.saturated)) {
    setSaturated(state, j, j);
    return;
  }
  state.saturated[j] = 0;
  state.cause[j] = -1;
  if (replicaWeight === 0) {
    state.throughputRps[j] = primary.throughputRps;
    state.blocking[j] = primary.blockingProbability;
    state.waitMs[j] = primary.meanWaitMs;
    state.responseMs[j] = primary.meanResponseMs;
    state.responseVar[j] = responseVarianceMs2(primary);
  } else {
    const r1 = primary.meanResponseMs;
    const r2 = replica.meanResponseMs;
    const mean = primaryWeight * r1 + replicaWeight * r2;
    const second = primaryWeight * (responseVarianceMs2(primary) + r1 * r1) + replicaWeight * (responseVarianceMs2(replica) + r2 * r2);
    const accepted = primary.throughputRps + replicas * replica.throughputRps;
    state.throughputRps[j] = accepted;
    // Each copy turns away its own share: weighted by where requests go, with no division by tiny rates.
    const reads = model.readShare[j]!;
    const perCopy = reads / (replicas + 1);
    state.blocking[j] = (1 - reads + perCopy) * primary.blockingProbability + replicas * perCopy * replica.blockingProbability;
    state.waitMs[j] = primaryWeight * primary.meanWaitMs + replicaWeight * replica.meanWaitMs;
    state.responseMs[j] = mean;
    state.responseVar[j] = Math.max(0, second - mean * mean);
  }
  // A rate limiter passes at most its limit of what it accepts; the rest is turned away like a
  // full queue's overflow (the check itself still ran, so the station's load is unchanged).
  const limit = model.limitRps[j]!;
  const passing = lambda * (1 - state.blocking[j]!);
  state.limited[j] = passing > limit ? 1 : 0;
  if (passing > limit) state.blocking[j] = lambda > 0 ? 1 - limit / lambda : 0;
  setCallFromResponse(state, j);
}

/** What one call to j costs its caller. A rejected call comes back at once (an error), so it holds the caller only for the round trip. */
function setCallFromResponse(state: ModelState, j: number): void {
  const accept = 1 - state.blocking[j]!;
  const r = state.responseMs[j]!;
  state.callMs[j] = accept * r;
  state.callVar[j] = Math.max(0, accept * (state.responseVar[j]! + r * r) - accept * accept * r * r);
}

// An event-driven proxy queues only for its own work; the downstream calls it waits on add to
// its callers' time but leave its servers free.
function solveProxy(model: QueueingModel, state: ModelState, j: number, held: number, heldVariance: number): void {
  solveNode(model, state, j, 0, 0);
  if (state.saturated[j] === 1) return;
  const accept = 1 - state.blocking[j]!;
  state.callMs[j] = state.callMs[j]! + accept * held;
  state.callVar[j] = state.callVar[j]! + accept * heldVariance;
}

/**
 * Adds node j's response-time distribution (primary and replicas mixed by the requests each
 * serves) to `mix`. Only for stations that are not saturated.
 */
export function addNodeResponse(mix: SojournMixture, model: QueueingModel, state: ModelState, j: number): SojournMixture {
  const primary = state.primary[j]!;
  const total = state.throughputRps[j]!;
  const replicas = model.replicas[j]!;
  const replicaFlow = replicas > 0 ? replicas * state.replica[j]!.throughputRps : 0;
  if (replicaFlow > 0 && total > 0) {
    addStationResponse(mix, primary.throughputRps / total, primary);
    addStationResponse(mix, replicaFlow / total, state.replica[j]!);
  } else {
    addStationResponse(mix, 1, primary);
  }
  return mix;
}

// ---------------------------------------------------------------- callers as a finite population

/** A callee the caller's workers can be solved against as a queue: one copy, unlimited room, no limit, not saturated. */
function queuesAsStation(model: QueueingModel, state: ModelState, t: number): boolean {
  return model.isStation[t] === 1 && state.saturated[t] === 0 && model.replicas[t] === 0 && model.capacity[t] === 0 && !Number.isFinite(model.limitRps[t]!);
}

const callees: CalleeStation[] = [];
const calleeNodes: number[] = [];

/**
 * Node j holds a worker through its sync calls: solve it and its calls as a finite population
 * (finite-callers.ts). Returns false where that model does not apply (no callee that queues,
 * read replicas or a rate limit at j, or more workers than it can use); solveNode then does.
 */
function solveFiniteCallerNode(model: QueueingModel, state: ModelState, j: number, heldVariance: number): boolean {
  const lambda = state.arrivalRps[j]!;
  // At a trickle nothing queues and both models agree; their ratios of tiny rates would not.
  if (model.holdsWorkers[j] !== 1 || model.replicas[j]! > 0 || Number.isFinite(model.limitRps[j]!) || lambda < MIN_RATIO_RPS) return false;
  const ownMs = model.serviceMs[j]!;
  let delayMs = ownMs;
  let delayVariance = model.serviceScv[j]! * ownMs * ownMs;
  callees.length = 0;
  calleeNodes.length = 0;
  for (let slot = model.outStart[j]!, end = model.outStart[j + 1]!; slot < end; slot++) {
    if (model.edgeSync[slot] === 0) continue;
    const t = model.outTarget[slot]!;
    const visits = model.edgeProbability[slot]! * model.edgeCalls[slot]!;
    if (!(visits > 0)) continue;
    delayMs += visits * model.edgeNetworkMs[slot]!;
    if (!queuesAsStation(model, state, t)) {
      delayMs += visits * state.callMs[t]!;
      delayVariance += visits * state.callVar[t]!;
      continue;
    }
    const at = calleeNodes.indexOf(t);
    if (at >= 0) callees[at]!.visits += visits;
    else {
      calleeNodes.push(t);
      callees.push({ visits, serviceMs: state.primary[t]!.meanServiceMs, servers: model.servers[t]!, serviceScv: state.primary[t]!.serviceScv, otherLoad: 0 });
    }
  }
  if (callees.length === 0) return false;
  // Load on a callee from elsewhere (other callers, clients), as open Poisson calls beside this
  // caller's: the mixed product-form station (shared-servers.ts).
  const sent = lambda * state.passRatio[j]!;
  for (let i = 0; i < callees.length; i++) {
    const t = calleeNodes[i]!;
    const callee = callees[i]!;
    const others = Math.max(0, state.arrivalRps[t]! - sent * callee.visits);
    callee.otherLoad = (others * callee.serviceMs) / 1000;
    if (callee.otherLoad >= callee.servers) return false;
  }
  for (let i = 0; i < callees.length; i++) {
    const t = calleeNodes[i]!;
    if (model.holdsWorkers[t] !== 0) continue;
    // A proxy queues only for its own work; what it waits on is a delay to the caller.
    delayMs += callees[i]!.visits * state.heldMs[t]!;
    delayVariance += callees[i]!.visits * state.heldVar[t]!;
  }
  const solved = solveFiniteCaller({ arrivalRps: lambda, workers: model.servers[j]!, capacity: model.capacity[j]!, delayMs, delayVarianceMs2: delayVariance, callees });
  if (solved === null) return false;

  const primary = state.primary[j]!;
  const holdMs = solved.holdMs;
  state.heldMs[j] = holdMs - ownMs;
  primary.offeredRps = lambda;
  primary.meanServiceMs = holdMs;
  primary.serviceScv = holdMs > 0 ? (model.serviceScv[j]! * ownMs * ownMs + heldVariance) / (holdMs * holdMs) : 1;
  primary.servers = model.servers[j]!;
  primary.capacity = model.capacity[j]!;
  if (solved.saturated) {
    markSaturated(primary, lambda, lambda / solved.maxThroughputRps);
    setSaturated(state, j, j);
    return true;
  }
  primary.throughputRps = solved.throughputRps;
  primary.utilization = solved.busyWorkers / model.servers[j]!;
  primary.saturated = false;
  primary.blockingProbability = solved.blockingProbability;
  primary.waitProbability = solved.waitProbability;
  primary.meanWaitMs = solved.meanWaitMs;
  primary.meanResponseMs = holdMs + solved.meanWaitMs;
  primary.meanQueueLength = solved.meanQueueLength;
  primary.meanInSystem = solved.meanQueueLength + solved.busyWorkers;
  state.saturated[j] = 0;
  state.cause[j] = -1;
  state.limited[j] = 0;
  state.finiteCaller[j] = 1;
  state.throughputRps[j] = solved.throughputRps;
  state.blocking[j] = solved.blockingProbability;
  state.waitMs[j] = solved.meanWaitMs;
  state.responseMs[j] = primary.meanResponseMs;
  state.responseVar[j] = responseVarianceMs2(primary);
  setCallFromResponse(state, j);
  for (let i = 0; i < callees.length; i++) {
    const t = calleeNodes[i]!;
    const calls = solved.throughputRps * callees[i]!.visits;
    state.finiteCallRps[t]! += calls;
    state.finiteCallTime[t]! += calls * solved.calleeResponseMs[i]!;
  }
  return true;
}

/**
 * Callee t's figures as all its callers see them: the calls from finite populations take the
 * time found for them, the rest (clients, callers without a worker bound) the open-model time.
 */
function mixFiniteCalls(state: ModelState, t: number): void {
  const primary = state.primary[t]!;
  const total = state.throughputRps[t]!;
  if (!(total > 0)) return;
  const finite = Math.min(total, state.finiteCallRps[t]!);
  const response = ((total - finite) * state.responseMs[t]! + (finite / state.finiteCallRps[t]!) * state.finiteCallTime[t]!) / total;
  const wait = Math.max(0, response - primary.meanServiceMs);
  // Keep the wait's shape (mean of those who wait), with fewer waiting.
  if (primary.meanWaitMs > 0) primary.waitProbability *= Math.min(1, wait / primary.meanWaitMs);
  primary.meanWaitMs = wait;
  primary.meanResponseMs = primary.meanServiceMs + wait;
  primary.meanQueueLength = (total * wait) / 1000;
  primary.meanInSystem = primary.meanQueueLength + (total * primary.meanServiceMs) / 1000;
  state.waitMs[t] = wait;
  state.responseMs[t] = primary.meanResponseMs;
  state.responseVar[t] = responseVarianceMs2(primary);
}

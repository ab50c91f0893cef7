// Availability over a failure timeline, worked out the way the simulator plays it: nothing fails
// at random, only the timeline's failures. The run is cut into stretches wherever something
// starts or ends (a failure, a promotion, a router's health checks noticing a loss), and each
// stretch is worked out with the request model of request-availability.ts:
//
// - crashes of a whole component (a database with replicas too: the simulator stops the whole
//   component, reads and all), zone and region outages, error rates, database failovers;
// - partitions: a call from one side to the other never arrives (its caller gives up after its
//   timeout); a router still sends across until its health checks notice (healthCheckS), then
//   steers to the targets it can reach;
// - a router's first seconds after a target goes down, before its health checks notice: calls
//   sent there fail, unless the connection retries (on another target);
// - slowdowns and partial crashes: the stretch's components solved slowed (or with fewer
//   instances), and a call with a timeout fails with the chance its answer comes later than the
//   timeout (the response-time law of the callee, network included).
//
// null when the stretch's figures depend on timing this model lacks: a slowdown that leaves a
// component unable to keep up (its backlog grows, and how many requests finish by the end of the
// run depends on how it drains), a slowdown on a design that turns requests away when they
// wait (admission limits, longest queue waits, bulkheads, a finite queue at the slowed component),
// or a partition that holds more of a caller's workers than it has (each call into it holds one
// until its timeout: the requests that find none free wait, and succeed if the network heals
// before they give up).
import { NODE_SETTINGS, settingOr } from '../../model/resilience';
import { promoteAfterS, type FailureEvent } from '../../model/failures';
import { buildNodeLaws } from './design-laws';
import type { CompiledDesign } from './design-model';
import { lawCdf } from './law-quantiles';
import { placementOf } from './network-latency';
import { availabilityInputs, requestAvailability, type AvailabilityInputs, type CallConditions } from './request-availability';
import { createModelState, solveModel, type ModelState } from './solve-model';

export interface TimelineOptions {
  /** Requests client node c sends between aS and bS; default: its steady rate times the length (clients send at a steady rate). */
  requestsBetween?: (c: number, aS: number, bS: number) => number;
  /** How long a call into a partition takes to fail without a timeout of its own, ms: the simulator's connect timeout (default 3000). */
  connectTimeoutMs?: number;
}

/** The simulator's default connect timeout, ms (DesignSimOptions.connectTimeoutMs). */
const CONNECT_TIMEOUT_MS = 3000;

type Active = (f: FailureEvent) => boolean;

/**
 * Per node (design order), for the clients: the share of the requests sent between fromS and toS
 * that succeed when the only failures are those of the timeline; other entries are 0. null when
 * the timeline holds something this model cannot work out (see above).
 */
export function timelineAvailability(compiled: CompiledDesign, failures: readonly FailureEvent[], fromS: number, toS: number, options: TimelineOptions = {}): Float64Array | null {
  const { design, model } = compiled;
  const steady = availabilityInputs(compiled);
  const healthCheckS = design.nodes.map((n) => settingOr(NODE_SETTINGS.healthCheckS, n.resilience?.healthCheckS));
  const routers = new Set<number>();
  for (let j = 0; j < model.size; j++) if (model.branchStart[j]! < model.outStart[j + 1]!) routers.add(j);
  const edges = new Set([fromS, toS]);
  for (const f of failures) {
    const end = f.atS + (f.durationS ?? Infinity);
    const noticed = [...routers].map((j) => f.atS + healthCheckS[j]!).filter((t) => t < end);
    const promote = f.kind === 'db-failover' ? [f.atS + promoteAfterS(f)] : [];
    for (const t of [f.atS, end, ...promote, ...noticed]) if (t > fromS && t < toS) edges.add(t);
  }
  const times = [...edges].sort((a, b) => a - b);
  const requestsBetween = options.requestsBetween ?? ((c: number, a: number, b: number) => compiled.externalRps[c]! * (b - a));
  const result = new Float64Array(model.size);
  const sent = new Float64Array(model.size);
  let steadyState: ModelState | undefined;
  for (let k = 0; k + 1 < times.length; k++) {
    const mid = (times[k]! + times[k + 1]!) / 2;
    const active: Active = (f) => mid >= f.atS && mid < f.atS + (f.durationS ?? Infinity);
    const inputs = stretchInputs(compiled, steady, failures, active);
    const timedOut = timeouts(compiled, failures.filter(active));
    if (timedOut === null) return null;
    inputs.conditions = { ...cutsAndNotice(compiled, inputs, failures, active, mid, healthCheckS), timedOut };
    if (inputs.conditions.cut.some((x) => x === 1) && partitionHoldsTooMany(compiled, (steadyState ??= solveModel(model, createModelState(model), compiled.externalRps)), inputs.conditions.cut, options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS)) return null;
    const stretch = requestAvailability(compiled, inputs);
    for (const c of compiled.clients) {
      const n = requestsBetween(c, times[k]!, times[k + 1]!);
      result[c]! += stretch[c]! * n;
      sent[c]! += n;
    }
  }
  for (const c of compiled.clients) result[c] = sent[c]! > 0 ? result[c]! / sent[c]! : 1;
  return result;
}

/** The stretch's components and zones, up or down (and serving what share) as its failures leave them. */
function stretchInputs(compiled: CompiledDesign, steady: AvailabilityInputs, failures: readonly FailureEvent[], active: Active): AvailabilityInputs {
  const { design, figures } = compiled;
  const index = new Map(design.nodes.map((n, j) => [n.id, j]));
  const groupIndex = new Map(design.groups.map((g, i) => [g.id, i]));
  const inputs: AvailabilityInputs = { groupsOf: steady.groupsOf, groupUp: steady.groupUp.map(() => 1), own: steady.own.map(() => [{ p: 1, serve: 1 }]), calls: steady.calls };
  const serveAt = (j: number, serve: number) => {
    inputs.own[j] = [{ p: 1, serve: Math.min(inputs.own[j]![0]!.serve, serve) }];
  };
  // A failure naming what the design lacks hits nothing here (the simulator refuses it; the fix grade refuses the design first).
  for (const f of failures) {
    if (!active(f)) continue;
    if (f.kind === 'group-outage') {
      const g = groupIndex.get(f.groupId);
      if (g !== undefined) inputs.groupUp[g] = 0;
      continue;
    }
    if (!('nodeId' in f)) continue;
    const j = index.get(f.nodeId);
    if (j === undefined) continue;
    if (f.kind === 'crash' && (f.instances === undefined || f.instances >= figures[j]!.instances)) serveAt(j, 0);
    else if (f.kind === 'error-rate') serveAt(j, 1 - f.rate);
    else if (f.kind === 'db-failover' && active({ ...f, durationS: promoteAfterS(f) })) serveAt(j, figures[j]!.replicas > 0 ? figures[j]!.readShare : 0);
  }
  return inputs;
}

/**
 * Per out-edge slot: whether a partition in force cuts it, and (a router's branch) whether its
 * target is down or cut off since less time than the router's health checks take to notice.
 */
function cutsAndNotice(compiled: CompiledDesign, inputs: AvailabilityInputs, failures: readonly FailureEvent[], active: Active, mid: number, healthCheckS: readonly number[]): Omit<CallConditions, 'timedOut'> {
  const { design, model } = compiled;
  const slots = model.outTarget.length;
  const cut = new Uint8Array(slots);
  const unnoticed = new Uint8Array(slots);
  const cutSince = new Float64Array(slots).fill(Infinity);
  const groupsById = new Map(design.groups.map((g) => [g.id, g]));
  const placements = design.nodes.map((n) => placementOf(n, groupsById));
  const on = (j: number, ids: readonly string[]) => {
    const p = placements[j]!;
    return ids.includes(design.nodes[j]!.id) || (p.zone !== undefined && ids.includes(p.zone)) || (p.region !== undefined && ids.includes(p.region));
  };
  const sideOf = (j: number, f: Extract<FailureEvent, { kind: 'partition' }>) => (on(j, f.sideA) ? 1 : on(j, f.sideB) ? 2 : 0);
  for (const f of failures) {
    if (f.kind !== 'partition' || !active(f)) continue;
    for (let j = 0; j < model.size; j++) {
      const a = sideOf(j, f);
      if (a === 0) continue;
      for (let slot = model.outStart[j]!; slot < model.outStart[j + 1]!; slot++) {
        const b = sideOf(model.outTarget[slot]!, f);
        if (b !== 0 && b !== a) {
          cut[slot] = 1;
          cutSince[slot] = Math.min(cutSince[slot]!, f.atS);
        }
      }
    }
  }
  // When each component stopped serving: the earliest start among the failures in force that stop it.
  const index = new Map(design.nodes.map((n, j) => [n.id, j]));
  const groupIndex = new Map(design.groups.map((g, i) => [g.id, i]));
  const downSince = new Float64Array(model.size).fill(Infinity);
  for (const f of failures) {
    if (!active(f)) continue;
    if (f.kind === 'group-outage') {
      const g = groupIndex.get(f.groupId);
      inputs.groupsOf.forEach((gs, j) => {
        if (g !== undefined && gs.includes(g)) downSince[j] = Math.min(downSince[j]!, f.atS);
      });
    } else if (f.kind === 'crash') {
      const j = index.get(f.nodeId);
      if (j !== undefined && inputs.own[j]![0]!.serve === 0) downSince[j] = Math.min(downSince[j]!, f.atS);
    }
  }
  for (let j = 0; j < model.size; j++) {
    for (let slot = model.branchStart[j]!; slot < model.outStart[j + 1]!; slot++) {
      const since = Math.min(cutSince[slot]!, downSince[model.outTarget[slot]!]!);
      if (mid - since < healthCheckS[j]!) unnoticed[slot] = 1;
    }
  }
  return { cut, unnoticed };
}

/**
 * Per out-edge slot: the chance a call there times out, with the slowdowns and partial crashes
 * in force (the components solved slowed, or with fewer instances). null when a slowdown leaves
 * the timing to what this model lacks (see the file's head).
 */
function timeouts(compiled: CompiledDesign, inForce: readonly FailureEvent[]): Float64Array | null {
  const { design, figures } = compiled;
  const base = compiled.model;
  const slots = base.outTarget.length;
  const timedOut = new Float64Array(slots);
  const timeoutMs = new Float64Array(slots).fill(Infinity);
  const edges = new Map(design.edges.map((e) => [e.id, e]));
  for (let slot = 0; slot < slots; slot++) timeoutMs[slot] = edges.get(compiled.edgeIds[base.outEdgeOf[slot]!]!)?.resilience?.timeoutMs ?? Infinity;
  const slowdowns = inForce.filter((f) => f.kind === 'slowdown');
  const index = new Map(design.nodes.map((n, j) => [n.id, j]));
  const slowed = new Set(slowdowns.map((f) => index.get(f.nodeId)).filter((j) => j !== undefined));
  if (slowdowns.length > 0) {
    if (design.edges.some((e) => e.resilience?.bulkheadCalls !== undefined)) return null;
    if (design.nodes.some((n) => n.resilience?.maxInFlight !== undefined || n.resilience?.maxQueueWaitMs !== undefined)) return null;
    if ([...slowed].some((j) => figures[j]!.queueCapacity > 0)) return null;
  }
  if (!timeoutMs.some((t) => t < Infinity) && slowdowns.length === 0) return timedOut;
  const serviceMs = Float64Array.from(base.serviceMs);
  const servers = Float64Array.from(base.servers);
  for (const f of inForce) {
    const j = f.kind === 'slowdown' || f.kind === 'crash' ? index.get(f.nodeId) : undefined;
    if (j === undefined) continue;
    if (f.kind === 'slowdown') serviceMs[j]! *= f.factor;
    else if (f.kind === 'crash' && f.instances !== undefined && f.instances < figures[j]!.instances) servers[j] = (figures[j]!.instances - f.instances) * figures[j]!.concurrency;
  }
  const model = { ...base, serviceMs, servers };
  const state = solveModel(model, createModelState(model), compiled.externalRps);
  // Slowed, something a request waits on cannot keep up: its backlog, and so who gives up and who finishes by the end of the run, is a matter of timing.
  // (A backlog behind a queue, on work nobody waits for, fails no request.)
  if (slowdowns.length > 0) {
    const waitedOn = syncReach(compiled);
    if (state.saturated.some((x, j) => x === 1 && waitedOn[j] === 1)) return null;
  }
  const laws = buildNodeLaws(model, state);
  for (let slot = 0; slot < slots; slot++) {
    const limit = timeoutMs[slot]!;
    if (limit === Infinity || model.edgeSync[slot] !== 1) continue;
    const call = laws.call[model.outTarget[slot]!];
    // Into a component that cannot keep up, every call waits ever longer: past any timeout.
    timedOut[slot] = call ? Math.min(1, Math.max(0, 1 - lawCdf(call, limit - model.edgeNetworkMs[slot]!))) : 1;
  }
  return timedOut;
}

/**
 * Whether calls into a partition hold more of some caller's workers than it has: each holds one
 * until it gives up (its timeout, else the connect timeout), so a caller sent λ requests/s of
 * which a share p call across needs λ p t of its c workers for it.
 */
function partitionHoldsTooMany(compiled: CompiledDesign, state: ModelState, cut: Uint8Array, connectTimeoutMs: number): boolean {
  const { model, design } = compiled;
  const edges = new Map(design.edges.map((e) => [e.id, e]));
  for (let j = 0; j < model.size; j++) {
    if (model.isStation[j] !== 1 || model.holdsWorkers[j] !== 1) continue;
    let heldS = 0;
    for (let slot = model.outStart[j]!; slot < model.outStart[j + 1]!; slot++) {
      if (cut[slot] !== 1 || model.edgeSync[slot] !== 1) continue;
      const timeoutMs = edges.get(compiled.edgeIds[model.outEdgeOf[slot]!]!)?.resilience?.timeoutMs ?? Infinity;
      heldS += Math.min(1, model.edgeProbability[slot]!) * (Math.min(timeoutMs, connectTimeoutMs) / 1000);
    }
    if (state.arrivalRps[j]! * heldS > model.servers[j]!) return true;
  }
  return false;
}

/** Per node: 1 when some client's request waits on it (reached by sync calls alone). */
function syncReach(compiled: CompiledDesign): Uint8Array {
  const { model } = compiled;
  const reached = new Uint8Array(model.size);
  const stack = [...compiled.clients];
  for (const c of stack) reached[c] = 1;
  while (stack.length > 0) {
    const j = stack.pop()!;
    for (let slot = model.outStart[j]!; slot < model.outStart[j + 1]!; slot++) {
      const t = model.outTarget[slot]!;
      if (model.edgeSync[slot] !== 1 || !(model.edgeProbability[slot]! > 0) || reached[t] === 1) continue;
      reached[t] = 1;
      stack.push(t);
    }
  }
  return reached;
}

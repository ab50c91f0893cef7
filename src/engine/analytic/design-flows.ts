// Per-flow results: what one client's request goes through along its sync calls.
//
// End-to-end mean: exact within the model, since a caller's response already contains the
// responses of what it calls (held time). Percentiles: the end-to-end mean and variance are
// built up the same way (independent hops; a random number of calls per edge), and a
// distribution with that mean and SCV (the two-moment fit in sojourn.ts) gives the quantiles.
// A request's time includes the whole response of every hop it always passes through (share 1,
// at least one call), so a flow's percentile is never reported below the same percentile of
// such a hop; that floor applies where the fit's tail is too light (hops with heavy tails).
import type { CompiledDesign } from './design-model';
import { nodeName } from './design-model';
import type { FlowResult, HopBreakdown } from './design-results';
import { SojournMixture } from './sojourn';
import type { ModelState } from './solve-model';

export interface NodePercentiles {
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
}

/** The percentiles reported for components and flows: p50, p95, p99. */
export const PERCENTILE_LEVELS: readonly number[] = [0.5, 0.95, 0.99];

const mix = new SojournMixture();
const levels = new Float64Array(3);

/** Scratch arrays reused across the clients of one call. */
interface FlowScratch {
  position: Int32Array;
  stamp: Int32Array;
  visits: Float64Array;
  networkIn: Float64Array;
  certain: Uint8Array;
  /** The router a hop is one branch of, or -1. */
  branchOf: Int32Array;
  stack: number[];
}

export function describeFlows(compiled: CompiledDesign, state: ModelState, percentiles: NodePercentiles, availability: Float64Array): FlowResult[] {
  const { model } = compiled;
  const n = model.size;
  const scratch: FlowScratch = {
    position: new Int32Array(n),
    stamp: new Int32Array(n).fill(-1),
    visits: new Float64Array(n),
    networkIn: new Float64Array(n),
    certain: new Uint8Array(n),
    branchOf: new Int32Array(n),
    stack: [],
  };
  for (let idx = 0; idx < n; idx++) scratch.position[model.syncOrder[idx]!] = idx;
  return compiled.clients.map((c) => describeFlow(compiled, state, percentiles, availability[c]!, c, scratch));
}

/** The nodes a client's sync calls reach (client first), in sync-call order. */
function reachable(compiled: CompiledDesign, client: number, scratch: FlowScratch): number[] {
  const { model } = compiled;
  const { stamp, stack, position } = scratch;
  const found = [client];
  stamp[client] = client;
  stack.length = 0;
  stack.push(client);
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let slot = model.outStart[i]!; slot < model.outStart[i + 1]!; slot++) {
      const t = model.outTarget[slot]!;
      if (model.edgeSync[slot] === 0 || stamp[t] === client) continue;
      stamp[t] = client;
      found.push(t);
      stack.push(t);
    }
  }
  return found.sort((a, b) => position[a]! - position[b]!);
}

function describeFlow(compiled: CompiledDesign, state: ModelState, percentiles: NodePercentiles, availability: number, c: number, scratch: FlowScratch): FlowResult {
  const { model, design } = compiled;
  const { visits, networkIn, certain, branchOf } = scratch;
  const nodes = reachable(compiled, c, scratch);
  for (const i of nodes) {
    visits[i] = 0;
    networkIn[i] = 0;
    certain[i] = 0;
    branchOf[i] = -1;
  }
  visits[c] = 1;
  certain[c] = 1;
  const breakdown: HopBreakdown[] = [];
  // Floors for p50, p95, p99: hops that every request of the flow passes through.
  let floor50 = 0;
  let floor95 = 0;
  let floor99 = 0;
  for (const i of nodes) {
    const v = visits[i]!;
    const saturated = state.saturated[i] === 1;
    const accepted = v * (1 - state.blocking[i]!);
    for (let slot = model.outStart[i]!; slot < model.outStart[i + 1]!; slot++) {
      if (model.edgeSync[slot] === 0) continue;
      const t = model.outTarget[slot]!;
      const p = model.edgeProbability[slot]!;
      const k = model.edgeCalls[slot]!;
      visits[t]! += accepted * p * k;
      networkIn[t]! += accepted * p * k * model.edgeNetworkMs[slot]!;
      if (certain[i] === 1 && p >= 1 && k >= 1) certain[t] = 1;
      if (slot >= model.branchStart[i]! && branchOf[t] === -1) branchOf[t] = i;
    }
    if (i === c || v === 0) continue;
    const queueingMs = saturated ? null : accepted * state.waitMs[i]!;
    const serviceMs = accepted * model.serviceMs[i]!;
    const networkMs = networkIn[i]!;
    const node = design.nodes[i]!;
    const branch = branchOf[i]!;
    breakdown.push({
      nodeId: node.id,
      label: nodeName(node),
      visits: v,
      queueingMs,
      serviceMs,
      networkMs,
      totalMs: queueingMs === null ? null : queueingMs + serviceMs + networkMs,
      branchOf: branch < 0 ? null : design.nodes[branch]!.id,
    });
    if (certain[i] === 1 && !saturated) {
      floor50 = Math.max(floor50, percentiles.p50[i]!);
      floor95 = Math.max(floor95, percentiles.p95[i]!);
      floor99 = Math.max(floor99, percentiles.p99[i]!);
    }
  }
  const client = design.nodes[c]!;
  const saturated = state.saturated[c] === 1;
  const mean = state.responseMs[c]!;
  let p50: number | null = null;
  let p95: number | null = null;
  let p99: number | null = null;
  if (!saturated) {
    const scv = mean > 0 ? state.responseVar[c]! / (mean * mean) : 0;
    mix.clear().addResponse(1, 0, 0, mean, scv).quantiles(PERCENTILE_LEVELS, levels);
    p50 = Math.max(levels[0]!, floor50);
    p95 = Math.max(levels[1]!, floor95, p50);
    p99 = Math.max(levels[2]!, floor99, p95);
  }
  return {
    clientId: client.id,
    label: nodeName(client),
    rps: compiled.externalRps[c]!,
    meanResponseMs: saturated ? null : mean,
    p50ResponseMs: p50,
    p95ResponseMs: p95,
    p99ResponseMs: p99,
    saturated,
    availability,
    failedShare: 1 - availability,
    breakdown,
    criticalPath: criticalPath(compiled, state, c),
  };
}

/** From the client, follow at each step the sync call that costs the caller the most time. */
function criticalPath(compiled: CompiledDesign, state: ModelState, start: number): string[] {
  const { model, design } = compiled;
  const path = [design.nodes[start]!.id];
  let at = start;
  for (;;) {
    let best = -1;
    let bestMs = 0;
    for (let slot = model.outStart[at]!; slot < model.outStart[at + 1]!; slot++) {
      if (model.edgeSync[slot] === 0) continue;
      const t = model.outTarget[slot]!;
      const weight = model.edgeProbability[slot]! * model.edgeCalls[slot]!;
      if (weight === 0) continue;
      const ms = state.saturated[t] === 1 ? Infinity : weight * (model.edgeNetworkMs[slot]! + state.callMs[t]!);
      if (best < 0 || ms > bestMs) {
        best = t;
        bestMs = ms;
      }
    }
    if (best < 0) return path;
    path.push(design.nodes[best]!.id);
    at = best;
  }
}

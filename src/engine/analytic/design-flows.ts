// Per-flow results: what one client's request goes through along its sync calls.
//
// End-to-end mean: exact within the model, since a caller's response already contains the
// responses of what it calls (held time). Percentiles: from the flow's whole response-time law
// (design-laws.ts: every hop's wait and service, the calls one after another, the network round
// trips, the shares and branches), inverted numerically. Exact for hops whose laws are exact
// when each is visited at most once along paths that do not meet again (sojourn times along
// such paths of an open network are independent); otherwise marked approximate.
import type { CompiledDesign } from './design-model';
import { nodeName } from './design-model';
import type { NodeLaws } from './design-laws';
import type { FlowResult, HopBreakdown } from './design-results';
import { lawQuantiles } from './law-quantiles';
import { SojournMixture } from './sojourn';
import type { ModelState } from './solve-model';

/** The percentiles reported for components and flows: p50, p95, p99. */
export const PERCENTILE_LEVELS: readonly number[] = [0.5, 0.95, 0.99];

const levels = new Float64Array(3);
const guesses = new Float64Array(3);
const fit = new SojournMixture();

/** Scratch arrays reused across the clients of one call. */
interface FlowScratch {
  position: Int32Array;
  stamp: Int32Array;
  visits: Float64Array;
  networkIn: Float64Array;
  certain: Uint8Array;
  /** The router a hop is one branch of, or -1. */
  branchOf: Int32Array;
  /** Sync connections into the node from the flow's nodes. */
  callers: Int32Array;
  stack: number[];
}

export function describeFlows(compiled: CompiledDesign, state: ModelState, laws: NodeLaws, availability: Float64Array): FlowResult[] {
  const { model } = compiled;
  const n = model.size;
  const scratch: FlowScratch = {
    position: new Int32Array(n),
    stamp: new Int32Array(n).fill(-1),
    visits: new Float64Array(n),
    networkIn: new Float64Array(n),
    certain: new Uint8Array(n),
    branchOf: new Int32Array(n),
    callers: new Int32Array(n),
    stack: [],
  };
  for (let idx = 0; idx < n; idx++) scratch.position[model.syncOrder[idx]!] = idx;
  return compiled.clients.map((c) => describeFlow(compiled, state, laws, availability[c]!, c, scratch));
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

function describeFlow(compiled: CompiledDesign, state: ModelState, laws: NodeLaws, availability: number, c: number, scratch: FlowScratch): FlowResult {
  const { model, design } = compiled;
  const { visits, networkIn, branchOf, callers } = scratch;
  const nodes = reachable(compiled, c, scratch);
  for (const i of nodes) {
    visits[i] = 0;
    networkIn[i] = 0;
    branchOf[i] = -1;
    callers[i] = 0;
  }
  visits[c] = 1;
  const breakdown: HopBreakdown[] = [];
  // Independent hops: each reached by one connection, at most once a request, and handing on
  // only Poisson traffic (a station that turns requests away does not).
  let independent = true;
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
      if (slot >= model.branchStart[i]! && branchOf[t] === -1) branchOf[t] = i;
      if (++callers[t]! > 1 || k > 1 || state.blocking[i]! > 0) independent = false;
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
  }
  const client = design.nodes[c]!;
  const saturated = state.saturated[c] === 1;
  const mean = state.responseMs[c]!;
  let p50: number | null = null;
  let p95: number | null = null;
  let p99: number | null = null;
  const law = laws.call[c];
  if (!saturated && law) {
    // A distribution with the flow's mean and variance starts the search close to the answer.
    const scv = mean > 0 ? state.responseVar[c]! / (mean * mean) : 0;
    fit.clear().addResponse(1, 0, 0, mean, scv).quantiles(PERCENTILE_LEVELS, guesses);
    lawQuantiles(law, PERCENTILE_LEVELS, levels, guesses);
    p50 = levels[0]!;
    p95 = levels[1]!;
    p99 = levels[2]!;
  }
  return {
    clientId: client.id,
    label: nodeName(client),
    rps: compiled.externalRps[c]!,
    meanResponseMs: saturated ? null : mean,
    p50ResponseMs: p50,
    p95ResponseMs: p95,
    p99ResponseMs: p99,
    percentilesApproximate: !saturated && !(independent && law?.exact === true),
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

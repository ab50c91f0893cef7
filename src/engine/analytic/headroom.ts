// Headroom: for each client, the highest request rate it can send (the other clients unchanged)
// before something saturates or starts turning away requests, and which component that is.
// Held times make load and utilization nonlinear, so this bisects on the full solver.
import type { Design } from '../../model/types';
import { compileDesign, nodeName, type CompiledDesign, type DesignProblem, type SolveDesignOptions } from './design-model';
import { createModelState, solveModel, type ModelState } from './solve-model';

/** Default most share of requests a component may turn away before the design counts as not coping. */
export const DEFAULT_MAX_BLOCKING = 0.01;
const SEARCH_LIMIT_RPS = 1e9;
const PRECISION = 1e-4;

export interface EntryHeadroom {
  clientId: string;
  label: string;
  currentRps: number;
  /** The highest rate (requests/s) this client can send; null when no limit was found below 1e9. */
  maxRps: number | null;
  /** The component that gives out first at that rate. */
  limitingNodeId: string | null;
  reason: 'saturates' | 'rejects' | null;
}

export interface HeadroomOptions extends SolveDesignOptions {
  /** Most share of requests any component may turn away (default 0.01). */
  maxBlocking?: number;
}

export type HeadroomResult = { ok: true; entries: EntryHeadroom[] } | { ok: false; errors: DesignProblem[] };

interface Limit {
  node: number;
  reason: 'saturates' | 'rejects';
}

export function computeHeadroom(design: Design, options: HeadroomOptions = {}): HeadroomResult {
  const built = compileDesign(design, options);
  if (!built.ok) return built;
  const compiled = built.compiled;
  const maxBlocking = options.maxBlocking ?? DEFAULT_MAX_BLOCKING;
  const state = createModelState(compiled.model);
  const rates = new Float64Array(compiled.externalRps.length);
  return { ok: true, entries: compiled.clients.map((c) => headroomFor(compiled, state, rates, c, maxBlocking)) };
}

function headroomFor(compiled: CompiledDesign, state: ModelState, rates: Float64Array, client: number, maxBlocking: number): EntryHeadroom {
  const node = compiled.design.nodes[client]!;
  const currentRps = compiled.externalRps[client]!;
  rates.set(compiled.externalRps);
  const limitAt = (rps: number): Limit | null => {
    rates[client] = rps;
    solveModel(compiled.model, state, rates);
    return findLimit(compiled, state, maxBlocking);
  };
  const result = (maxRps: number | null, limit: Limit | null): EntryHeadroom => ({
    clientId: node.id,
    label: nodeName(node),
    currentRps,
    maxRps,
    limitingNodeId: limit ? compiled.design.nodes[limit.node]!.id : null,
    reason: limit?.reason ?? null,
  });

  const atZero = limitAt(0);
  if (atZero) return result(0, atZero);
  let lo = 0;
  let hi = Math.max(currentRps, 1);
  let limit = limitAt(hi);
  while (!limit) {
    if (hi >= SEARCH_LIMIT_RPS) return result(null, null);
    lo = hi;
    hi *= 2;
    limit = limitAt(hi);
  }
  while (hi - lo > PRECISION * hi) {
    const mid = 0.5 * (lo + hi);
    const atMid = limitAt(mid);
    if (atMid) {
      hi = mid;
      limit = atMid;
    } else {
      lo = mid;
    }
  }
  return result(lo, limit);
}

// The component that gives out: a saturated one whose own load does it (the busiest), else the
// one turning away the largest share above the allowed limit.
function findLimit(compiled: CompiledDesign, state: ModelState, maxBlocking: number): Limit | null {
  const { model } = compiled;
  let saturated = -1;
  let busiest = -Infinity;
  let rejecting = -1;
  let worstBlocking = maxBlocking;
  for (let j = 0; j < model.size; j++) {
    if (model.isStation[j] !== 1) continue;
    if (state.saturated[j] === 1) {
      const util = state.primary[j]!.utilization;
      if (state.cause[j] === j && util > busiest) {
        busiest = util;
        saturated = j;
      }
    } else if (state.blocking[j]! > worstBlocking) {
      worstBlocking = state.blocking[j]!;
      rejecting = j;
    }
  }
  if (saturated >= 0) return { node: saturated, reason: 'saturates' };
  return rejecting >= 0 ? { node: rejecting, reason: 'rejects' } : null;
}

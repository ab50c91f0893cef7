// For components that are saturated at the current load: the fraction of that load (all
// external rates scaled alike) at which each one saturates. Saturation is monotone in load,
// so one shared bisection serves them all: solve at the midpoint, send the components already
// saturated there to the lower half and the rest to the upper half. Components that saturate
// together (a database and the callers waiting on it) share every solve.
import type { QueueingModel } from './queueing-model';
import { createModelState, solveModel } from './solve-model';

/** Relative precision of the saturation point (0.1% is finer than any figure a learner reads). */
const PRECISION = 1e-3;
/**
 * Below 1e-15 of today's load a component counts as saturating at that share: at --rps 1e307 the
 * search would otherwise halve towards 0 for a thousand steps (it overflowed the stack). 50 halvings
 * reach it from 1, so one search makes at most about 50 solves per group of components found.
 */
const SMALLEST_SCALE = 1e-15;

export function findSaturationScales(model: QueueingModel, externalRps: Float64Array, saturatedNodes: readonly number[]): Map<number, number> {
  const found = new Map<number, number>();
  if (saturatedNodes.length === 0) return found;
  const state = createModelState(model);
  const scaled = new Float64Array(model.size);
  // A worklist instead of recursion, so depth never depends on the load.
  const pending: { lo: number; hi: number; nodes: readonly number[] }[] = [{ lo: 0, hi: 1, nodes: saturatedNodes }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { lo, hi, nodes } = next;
    if (nodes.length === 0) continue;
    if (hi - lo <= PRECISION * hi || hi <= SMALLEST_SCALE) {
      for (const j of nodes) found.set(j, hi);
      continue;
    }
    const mid = 0.5 * (lo + hi);
    for (let i = 0; i < model.size; i++) scaled[i] = externalRps[i]! * mid;
    solveModel(model, state, scaled);
    pending.push({ lo: mid, hi, nodes: nodes.filter((j) => state.saturated[j] !== 1) });
    pending.push({ lo, hi: mid, nodes: nodes.filter((j) => state.saturated[j] === 1) });
  }
  return found;
}

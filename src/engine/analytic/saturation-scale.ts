// For components that are saturated at the current load: the fraction of that load (all
// external rates scaled alike) at which each one saturates. Saturation is monotone in load,
// so one shared bisection serves them all: solve at the midpoint, send the components already
// saturated there to the lower half and the rest to the upper half. Components that saturate
// together (a database and the callers waiting on it) share every solve.
import type { QueueingModel } from './queueing-model';
import { createModelState, solveModel } from './solve-model';

/** Relative precision of the saturation point (0.1% is finer than any figure a learner reads). */
const PRECISION = 1e-3;

export function findSaturationScales(model: QueueingModel, externalRps: Float64Array, saturatedNodes: readonly number[]): Map<number, number> {
  const found = new Map<number, number>();
  if (saturatedNodes.length === 0) return found;
  const state = createModelState(model);
  const scaled = new Float64Array(model.size);
  const search = (lo: number, hi: number, nodes: readonly number[]): void => {
    if (nodes.length === 0) return;
    if (hi - lo <= PRECISION * hi) {
      for (const j of nodes) found.set(j, hi);
      return;
    }
    const mid = 0.5 * (lo + hi);
    for (let i = 0; i < model.size; i++) scaled[i] = externalRps[i]! * mid;
    solveModel(model, state, scaled);
    const below = nodes.filter((j) => state.saturated[j] === 1);
    const above = nodes.filter((j) => state.saturated[j] !== 1);
    search(lo, mid, below);
    search(mid, hi, above);
  };
  search(0, 1, saturatedNodes);
  return found;
}

// Statistics of a simulated grade: a figure's mean and 95% confidence interval across the
// replications, and the verdict that interval gives against a target.
import { studentT975 } from '../../../engine/metrics/batch-means';
import type { SimVerdict } from './sim-types';

interface Interval {
  mean: number | null;
  halfWidth: number | null;
}

/** Mean and 95% half-width (Student t with n - 1 degrees of freedom); null when any value is missing. */
export function interval(values: readonly (number | null)[]): Interval {
  const n = values.length;
  if (n === 0 || values.some((v) => v === null || !Number.isFinite(v))) return { mean: null, halfWidth: null };
  const xs = values as readonly number[];
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  // Identical values have no spread (a figure without noise, or a design that never wavers).
  const halfWidth = squares === 0 || n < 2 ? 0 : studentT975(n - 1) * Math.sqrt(squares / (n - 1) / n);
  return { mean, halfWidth };
}

/** 'pass' when the whole interval is on the passing side, 'fail' when wholly on the failing side. */
export function verdictOf(mean: number | null, halfWidth: number | null, target: number, atLeast: boolean): SimVerdict {
  if (mean === null || halfWidth === null || !Number.isFinite(target)) return 'fail';
  const low = mean - halfWidth;
  const high = mean + halfWidth;
  if (atLeast) return low >= target ? 'pass' : high < target ? 'fail' : 'too-close';
  return high <= target ? 'pass' : low > target ? 'fail' : 'too-close';
}

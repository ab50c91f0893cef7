// Display helpers shared by nodes, panels and charts (numbers in words: src/model/format.ts).
import { formatMs as formatMsIn, formatShare } from '../model/format';

/** Green below 60%, amber to 85%, red above: queueing delay grows steeply past ~80% (M/M/1: R = S/(1-rho)). */
export function utilizationColor(u: number | null): string {
  if (u === null) return '#64748b';
  if (u < 0.6) return '#15803d';
  if (u < 0.85) return '#b45309';
  return '#b91c1c';
}

/** The tooltip of a percentile marked ≈ (results panel and canvas cards). */
export const APPROXIMATE_TITLE =
  "Approximate: this queue's wait is estimated from its mean (several servers or a queue limit with service that is not exponential, or workers held through calls), so the tail is an estimate. Run the simulation for a measured figure.";

/** A time on a card or chart: the compact style of model/format.ts. */
export const formatMs = (ms: number | null | undefined): string => formatMsIn(ms, 'compact');

export function formatRps(rps: number | null | undefined): string {
  if (rps === null || rps === undefined || !Number.isFinite(rps)) return '–';
  if (rps >= 1000) return `${(rps / 1000).toFixed(rps >= 10_000 ? 0 : 1)}k req/s`;
  return `${rps.toFixed(rps >= 10 ? 0 : 1)} req/s`;
}

export function formatPercent(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return formatShare(x, digits);
}

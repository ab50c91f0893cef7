// A simulated grade in words: figures with their spread, the verdict sentence, the worst flow and
// why requests failed.
import type { FlowSimSummary } from '../../../engine/simulation';
import type { FlowFigure, RunFigures } from './sim-figures';
import type { SimVerdict } from './sim-types';
import { formatMs, formatPercent } from '../../format';

export const VERDICT_WORDS: Record<SimVerdict, string> = {
  pass: 'passes',
  fail: 'fails',
  'too-close': 'too close to call; run more replications or leave more margin',
};

export function formatCount(x: number): string {
  return Number(x.toFixed(2)).toString();
}

/** "availability" -> "Availability"; "p99 latency" keeps its lower-case p. */
const capitalize = (s: string) => (s.startsWith('p99') ? s : s.charAt(0).toUpperCase() + s.slice(1));

const fixed = (x: number, digits: number) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * "98.013% ± 0.089%", "51.25 ms ± 0.35 ms", "32.9 min ± 0.2 min": the spread to two significant
 * digits and the mean to as many decimals (at least its usual ones); long waits in s or min.
 */
function withSpread(mean: number, halfWidth: number, unit: 'ms' | 'fraction'): string {
  const [scale, suffix] = unit === 'fraction' ? [100, '%'] : mean >= 120_000 ? [1 / 60_000, ' min'] : mean >= 10_000 ? [1 / 1000, ' s'] : [1, ' ms'];
  const plain = unit === 'fraction' ? formatPercent : formatMs;
  if (halfWidth === 0) return `${plain(mean)} ± 0${suffix}`;
  const x = mean * scale;
  const h = halfWidth * scale;
  const digits = Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(h))));
  const usual = unit === 'fraction' ? (x >= 99 || x <= 1 ? 3 : 1) : x < 1 ? 2 : x < 10 ? 1 : 0;
  return `${fixed(x, Math.max(digits, usual))}${suffix} ± ${fixed(h, digits)}${suffix}`;
}

/** "Availability 99.93% ± 0.02% (95% confidence, 5 runs) against a target of at least 99.95%: passes." */
export function verdictSentence(label: string, unit: 'ms' | 'fraction', mean: number, halfWidth: number, runs: number, target: number, atLeast: boolean, verdict: SimVerdict): string {
  const bound = `${atLeast ? 'at least' : 'at most'} ${unit === 'fraction' ? formatPercent(target) : formatMs(target)}`;
  return `${capitalize(label)} ${withSpread(mean, halfWidth, unit)} (95% confidence, ${runs} runs) against a target of ${bound}: ${VERDICT_WORDS[verdict]}.`;
}

/** The flow named most often as the worst, with how often; nothing when there is only one flow. */
export function mostOftenWorst(figures: readonly FlowFigure[]): string {
  if (figures.every((f) => f.flows <= 1)) return '';
  const counts = new Map<string, number>();
  for (const f of figures) if (f.flowLabel !== null) counts.set(f.flowLabel, (counts.get(f.flowLabel) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return '';
  return ranked.length === 1 ? ` Worst flow: ${top[0]}.` : ` Worst flow: ${top[0]} (in ${top[1]} of ${figures.length} runs).`;
}

const REASON_WORDS: Record<keyof FlowSimSummary['failedBy'], string> = {
  error: 'errors',
  down: 'something down or cut off',
  timeout: 'timed out',
  rejected: 'turned away',
  'circuit-open': 'stopped by an open circuit breaker',
};

/** "Why requests failed (all runs together): 812 timed out, 20 turned away." for the worst flows. */
export function failureBreakdown(runs: readonly RunFigures[], figures: readonly FlowFigure[]): string {
  const totals = new Map<string, number>();
  for (const r of runs) {
    if (!r.failedBy) continue;
    for (const [reason, count] of Object.entries(r.failedBy) as [keyof FlowSimSummary['failedBy'], number][]) {
      if (count > 0) totals.set(reason, (totals.get(reason) ?? 0) + count);
    }
  }
  if (totals.size === 0) return '';
  const parts = [...totals].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${count.toLocaleString('en-US')} ${REASON_WORDS[reason as keyof FlowSimSummary['failedBy']]}`);
  const whose = figures.every((f) => f.flows <= 1) ? '' : 'worst flow of each run, ';
  return ` Why requests failed (${whose}all runs together): ${parts.join(', ')}.`;
}

export function formatRate(x: number): string {
  return x >= 10 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(2)).toString();
}

// Figures in words, rounded the same way every time, for check details, findings and tables.
import type { CompareMetric } from './vocabulary';
import { formatMs, formatShareTrimmed } from '../model/format';

/** The unit a compared figure is in. */
export type FigureUnit = 'ms' | 'fraction' | 'x' | 'USD/month' | 'components';

export { formatMs };

/** 0.99948 -> "99.948%"; enough digits to tell nines apart. */
export function formatPercent(x: number): string {
  const p = x * 100;
  return formatShareTrimmed(x, p >= 99 || p <= 1 ? 3 : 1);
}

export function formatUsd(x: number): string {
  return `$${Math.round(x).toLocaleString('en-US')}`;
}

/** One figure of a comparison with its unit: "183 ms", "99.99%", "$4,937/month", "1.34x". */
export function formatCompareFigure(row: { metric: CompareMetric; unit: FigureUnit }, x: number | null): string {
  if (x === null) return row.metric === 'headroomX' ? 'no limit found' : 'none (saturated)';
  switch (row.unit) {
    case 'ms':
      return formatMs(x);
    case 'fraction':
      return formatPercent(x);
    case 'USD/month':
      return `${formatUsd(x)}/month`;
    case 'x':
      return `${x.toFixed(2)}x`;
    case 'components':
      return String(x);
  }
}

export { formatDuration } from '../model/format';

// Figures over time for a set of rows (components, client flows): counters and time areas per
// fixed-length time bucket, response-time percentiles per bucket, and totals over the measured
// period (after a warm-up). Memory is fixed per bucket (rows * fields numbers plus three
// percentiles a row) whatever the request rate: one LogHistogram a row is reused bucket after
// bucket, and one ResponseTally a row keeps the measured period's mean, CI and percentiles.
import { LogHistogram } from './log-histogram';
import { ResponseTally } from './response-tally';

/** The percentiles kept per bucket, in this order. */
export const BUCKET_PERCENTILES: readonly number[] = [0.5, 0.95, 0.99];

export class BucketRecorder {
  /** Values per bucket: index (row * fields + field) * buckets + bucket. */
  readonly series: Float64Array;
  /** p50, p95, p99 per row and bucket: index (row * 3 + k) * buckets + bucket; NaN when empty. */
  readonly percentileSeries: Float64Array;
  /** Sums (or maxima, for raise) over the measured period, per row and field. */
  readonly totals: Float64Array;
  /** Response times over the measured period, per row. */
  readonly tallies: ResponseTally[];
  /** Whether figures now count towards `totals` and `tallies` (false during warm-up); set by startMeasuring. */
  measuring = false;
  /** The bucket being filled. */
  bucket = 0;
  private readonly current: Float64Array;
  private readonly windows: LogHistogram[];
  /** Response times of the bucket under way recorded before the measured period began (then windows hold only the rest). */
  private readonly beforeMeasuring: LogHistogram[];
  private readonly levels = new Float64Array(3);

  constructor(
    readonly rows: number,
    readonly fields: number,
    readonly buckets: number,
  ) {
    this.series = new Float64Array(rows * fields * buckets);
    this.percentileSeries = new Float64Array(rows * 3 * buckets).fill(NaN);
    this.totals = new Float64Array(rows * fields);
    this.current = new Float64Array(rows * fields);
    this.tallies = Array.from({ length: rows }, () => new ResponseTally());
    this.windows = Array.from({ length: rows }, () => new LogHistogram());
    this.beforeMeasuring = Array.from({ length: rows }, () => new LogHistogram());
  }

  /** From now on figures count towards `totals` and `tallies`. */
  startMeasuring(): void {
    if (this.measuring) return;
    this.measuring = true;
    for (let row = 0; row < this.rows; row++) {
      const window = this.windows[row]!;
      this.beforeMeasuring[row]!.addAll(window);
      window.reset();
    }
  }

  add(row: number, field: number, value: number): void {
    const i = row * this.fields + field;
    this.current[i]! += value;
    if (this.measuring) this.totals[i]! += value;
  }

  /** Keeps the largest value seen (a peak rather than a sum). */
  raise(row: number, field: number, value: number): void {
    const i = row * this.fields + field;
    if (value > this.current[i]!) this.current[i] = value;
    if (this.measuring && value > this.totals[i]!) this.totals[i] = value;
  }

  /**
   * Response times go into the bucket's histogram only; the bucket's histogram is added to the
   * row's tally when the bucket closes (or at flushTallies), which gives the tally the same counts
   * as recording each value twice, at a fraction of the cost.
   */
  recordResponse(row: number, ms: number): void {
    this.windows[row]!.record(ms);
    if (this.measuring) this.tallies[row]!.recordMoments(ms);
  }

  /** Adds the measured response times not yet in the tallies (those of a bucket not closed); call before reading the tallies. */
  flushTallies(): void {
    if (!this.measuring) return;
    for (let row = 0; row < this.rows; row++) {
      const window = this.windows[row]!;
      if (window.count === 0) continue;
      this.tallies[row]!.histogram.addAll(window);
      window.reset();
    }
  }

  /** Value of a field in the bucket being filled. */
  pending(row: number, field: number): number {
    return this.current[row * this.fields + field]!;
  }

  /** Stores the bucket being filled and starts the next one. */
  closeBucket(): void {
    const b = this.bucket;
    if (b >= this.buckets) return;
    const { buckets, current, series } = this;
    for (let i = 0; i < current.length; i++) {
      series[i * buckets + b] = current[i]!;
      current[i] = 0;
    }
    const levels = this.levels;
    for (let row = 0; row < this.rows; row++) {
      const window = this.windows[row]!;
      if (this.measuring) this.tallies[row]!.histogram.addAll(window);
      const before = this.beforeMeasuring[row]!;
      if (before.count > 0) {
        window.addAll(before);
        before.reset();
      }
      if (window.count === 0) continue;
      window.percentiles(BUCKET_PERCENTILES, levels);
      for (let k = 0; k < 3; k++) this.percentileSeries[(row * 3 + k) * buckets + b] = levels[k]!;
      window.reset();
    }
    this.bucket = b + 1;
  }

  /** One field of one row over all buckets (a copy). */
  fieldSeries(row: number, field: number): Float64Array {
    const start = (row * this.fields + field) * this.buckets;
    return this.series.slice(start, start + this.buckets);
  }

  /** Percentile k (0 p50, 1 p95, 2 p99) of one row over all buckets (a copy). */
  percentileRow(row: number, k: number): Float64Array {
    const start = (row * 3 + k) * this.buckets;
    return this.percentileSeries.slice(start, start + this.buckets);
  }

  total(row: number, field: number): number {
    return this.totals[row * this.fields + field]!;
  }
}

// Everything kept about one stream of response times: exact mean, a log histogram for
// percentiles, and batch means for the confidence interval of the mean.
import { BatchMeans } from './batch-means';
import { LogHistogram } from './log-histogram';

export class ResponseTally {
  count = 0;
  sum = 0;
  readonly histogram = new LogHistogram();
  readonly batches = new BatchMeans();

  record(value: number): void {
    this.histogram.record(value);
    this.recordMoments(value);
  }

  /** Counts the value in the mean and its interval only; its owner adds it to the histogram (in bulk, with addAll). */
  recordMoments(value: number): void {
    this.count++;
    this.sum += value;
    this.batches.record(value);
  }

  reset(): void {
    this.count = 0;
    this.sum = 0;
    this.histogram.reset();
    this.batches.reset();
  }

  /** NaN when nothing was recorded. */
  get mean(): number {
    return this.count > 0 ? this.sum / this.count : NaN;
  }

  /** Half-width of the 95% confidence interval of the mean (batch means); NaN when too few values. */
  get halfWidth95(): number {
    return this.batches.halfWidth95();
  }
}

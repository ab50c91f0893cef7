// Confidence interval for the mean of a correlated series (response times one after another)
// by batch means: the series is cut into consecutive equal batches whose means are close to
// independent once batches are much longer than the correlation. Batches start at one value and
// double in length whenever 2 * minBatches are full (pairs merge), so any run length ends with
// between minBatches and 2 * minBatches - 1 complete batches, in fixed memory.

/** Student t quantile for two-sided 95% (upper 0.975) with `df` degrees of freedom. */
export function studentT975(df: number): number {
  const z = 1.959963984540054;
  if (!(df > 0)) return NaN;
  if (df === 1) return 12.706204736174707;
  if (df === 2) return 4.302652729749464;
  // Cornish-Fisher expansion in 1/df (Abramowitz & Stegun 26.7.5): within 1e-3 from df = 3.
  const z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = ((5 * z2 + 16) * z2 * z + 3 * z) / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 * z - 15 * z) / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 * z - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

export class BatchMeans {
  private readonly means: Float64Array;
  /** Complete batches held. */
  batches = 0;
  /** Values per batch. */
  batchSize = 1;
  private partialSum = 0;
  private partialCount = 0;

  constructor(readonly minBatches = 30) {
    this.means = new Float64Array(2 * minBatches);
  }

  record(value: number): void {
    this.partialSum += value;
    if (++this.partialCount === this.batchSize) {
      this.means[this.batches++] = this.partialSum / this.batchSize;
      this.partialSum = 0;
      this.partialCount = 0;
      if (this.batches === this.means.length) this.mergePairs();
    }
  }

  reset(): void {
    this.batches = 0;
    this.batchSize = 1;
    this.partialSum = 0;
    this.partialCount = 0;
  }

  /** Half-width of the 95% confidence interval of the mean; NaN before minBatches batches. */
  halfWidth95(): number {
    const k = this.batches;
    if (k < this.minBatches) return NaN;
    let sum = 0;
    for (let i = 0; i < k; i++) sum += this.means[i]!;
    const mean = sum / k;
    let squares = 0;
    for (let i = 0; i < k; i++) squares += (this.means[i]! - mean) ** 2;
    return studentT975(k - 1) * Math.sqrt(squares / (k - 1) / k);
  }

  private mergePairs(): void {
    const half = this.means.length / 2;
    for (let i = 0; i < half; i++) this.means[i] = (this.means[2 * i]! + this.means[2 * i + 1]!) / 2;
    this.batches = half;
    this.batchSize *= 2;
  }
}

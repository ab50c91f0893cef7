// A streaming histogram with log-spaced buckets (HDR-like): fixed memory, O(1) record, and
// percentiles within about 0.4% of the exact order statistic over 2^-30 .. 2^42 (in whatever
// unit the caller records; the simulator records milliseconds). A bucket is one of 128 equal
// slices of a power-of-two range, found straight from the bits of the float, so recording needs
// no logarithm.

/** Sub-buckets per power of two, as bits: 7 gives 128 slices, each at most 1/128 of its value wide. */
const SUB_BITS = 7;
const SUB_COUNT = 1 << SUB_BITS;
const MIN_EXP = -30;
const MAX_EXP = 42;
const BUCKETS = (MAX_EXP - MIN_EXP) * SUB_COUNT;
/** Top 32 bits of the smallest value kept apart, shifted like a bucket index. */
const BASE = (MIN_EXP + 1023) << SUB_BITS;
const MANTISSA_SHIFT = 20 - SUB_BITS;

const scratch = new Float64Array(1);
const oneLevel = new Float64Array(1);
const oneResult = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** Index of the 32-bit word holding sign, exponent and the top of the mantissa. */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Bucket of a positive finite value; values outside the range fall into the first or last. */
function bucketOf(value: number): number {
  scratch[0] = value;
  const index = (scratchWords[HIGH_WORD]! >>> MANTISSA_SHIFT) - BASE;
  return index < 0 ? 0 : index >= BUCKETS ? BUCKETS - 1 : index;
}

/** Lower edge of a bucket. */
function bucketLow(index: number): number {
  const octave = Math.floor(index / SUB_COUNT);
  const slice = index - octave * SUB_COUNT;
  return 2 ** (octave + MIN_EXP) * (1 + slice / SUB_COUNT);
}

export class LogHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  count = 0;
  min = Infinity;
  max = -Infinity;
  // The lowest and highest buckets used since the last reset, so that resetting and reading
  // percentiles touch only that stretch (a simulator resets one histogram per time bucket).
  private low = BUCKETS;
  private high = -1;

  /** Adds one positive value; zero and negative values count in the lowest bucket. */
  record(value: number): void {
    const index = value > 0 ? bucketOf(value) : 0;
    this.counts[index]!++;
    if (index < this.low) this.low = index;
    if (index > this.high) this.high = index;
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Adds every value of `other` (same bucket layout), as if each had been recorded here. */
  addAll(other: LogHistogram): void {
    if (other.count === 0) return;
    const counts = this.counts;
    const from = other.counts;
    for (let i = other.low; i <= other.high; i++) counts[i]! += from[i]!;
    if (other.low < this.low) this.low = other.low;
    if (other.high > this.high) this.high = other.high;
    this.count += other.count;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  reset(): void {
    if (this.high >= this.low) this.counts.fill(0, this.low, this.high + 1);
    this.low = BUCKETS;
    this.high = -1;
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /**
   * Several quantiles in one pass, as percentile() would give each: `levels` ascending, results
   * written to `out` at the same positions (NaN when empty).
   */
  percentiles(levels: ArrayLike<number>, out: { [i: number]: number }): void {
    const n = levels.length;
    if (this.count === 0) {
      for (let k = 0; k < n; k++) out[k] = NaN;
      return;
    }
    const counts = this.counts;
    let seen = 0;
    let index = this.low;
    for (let k = 0; k < n; k++) {
      const rank = Math.max(1, Math.ceil(levels[k]! * this.count));
      // seen counts buckets below `index`; move up until the bucket holding the rank.
      while (index < BUCKETS - 1 && seen + counts[index]! < rank) seen += counts[index++]!;
      const middle = (bucketLow(index) + bucketLow(index + 1)) / 2;
      out[k] = Math.min(this.max, Math.max(this.min, middle));
    }
  }

  /**
   * The q-quantile (0 < q <= 1) by nearest rank: the middle of the bucket holding the
   * ceil(q * count)-th smallest value, kept within the smallest and largest values seen.
   * NaN when empty.
   */
  percentile(q: number): number {
    oneLevel[0] = q;
    this.percentiles(oneLevel, oneResult);
    return oneResult[0]!;
  }
}

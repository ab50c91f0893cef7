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

  /** Adds one positive value; zero and negative values count in the lowest bucket. */
  record(value: number): void {
    this.counts[value > 0 ? bucketOf(value) : 0]!++;
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.min = Infinity;
    this.max = -Infinity;
  }

  /**
   * The q-quantile (0 < q <= 1) by nearest rank: the middle of the bucket holding the
   * ceil(q * count)-th smallest value, kept within the smallest and largest values seen.
   * NaN when empty.
   */
  percentile(q: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    const counts = this.counts;
    let seen = 0;
    let index = 0;
    for (; index < BUCKETS - 1; index++) {
      seen += counts[index]!;
      if (seen >= rank) break;
    }
    const middle = (bucketLow(index) + bucketLow(index + 1)) / 2;
    return Math.min(this.max, Math.max(this.min, middle));
  }
}

// The exponential sampler both simulators use (a ziggurat, src/engine/simulation/random.ts) against the exponential
// distribution itself: the shape overall (Kolmogorov-Smirnov), each of its 256 layers and the
// tail (chi-square on the layer edges, where a wrong wedge or tail would show), and the moments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Random, ZIGGURAT_R, ZIGGURAT_X } from '../../src/engine/simulation/random';

const exponentialCdf = (x: number) => 1 - Math.exp(-x);

function draws(seed: number, n: number): Float64Array {
  const rng = new Random(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.exponential(1);
  return out;
}

describe('Random.exponential (ziggurat)', () => {
  it('has layers of equal area that close at the top (the constants fit 256 layers)', () => {
    // Each layer i >= 1 spans heights e^-X[i] .. e^-X[i+1] with width X[i]; the top one ends at height 1.
    const area = (i: number) => ZIGGURAT_X[i]! * (Math.exp(-ZIGGURAT_X[i + 1]!) - Math.exp(-ZIGGURAT_X[i]!));
    for (const i of [1, 100, 200, 255]) expect(area(i) / area(1)).toBeCloseTo(1, 9);
    // The bottom strip: the rectangle under R plus the tail beyond it, the same area.
    expect((ZIGGURAT_R * Math.exp(-ZIGGURAT_R) + Math.exp(-ZIGGURAT_R)) / area(1)).toBeCloseTo(1, 9);
  });

  it('passes Kolmogorov-Smirnov against Exp(1) on 1,000,000 draws', () => {
    const xs = draws(11, 1_000_000).sort();
    let d = 0;
    xs.forEach((x, i) => {
      const f = exponentialCdf(x);
      d = Math.max(d, Math.abs(f - i / xs.length), Math.abs(f - (i + 1) / xs.length));
    });
    // 1.95 / sqrt(n) is the 0.1% critical value: an exact sampler fails it once in a thousand seeds,
    // a CDF off by 0.002 anywhere (D about 2 / sqrt(n) here) fails it about half the time.
    expect(d).toBeLessThan(1.95 / Math.sqrt(xs.length));
  });

  it('puts the right share in every layer and in the tail (chi-square over the 257 bins, 2,000,000 draws)', () => {
    const n = 2_000_000;
    const edges = Array.from(ZIGGURAT_X.slice(1)).reverse(); // 0 = X[256] < X[255] < ... < X[1] = R
    const counts = new Float64Array(edges.length + 1);
    let tailExcess = 0;
    for (const x of draws(12, n)) {
      if (x >= ZIGGURAT_R) tailExcess += x - ZIGGURAT_R;
      // Binary search for the bin: edges[k-1] <= x < edges[k]; the last bin is the tail beyond R.
      let lo = 0;
      let hi = edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edges[mid]! <= x) lo = mid + 1;
        else hi = mid;
      }
      counts[lo]!++;
    }
    let chi2 = 0;
    for (let k = 1; k <= edges.length; k++) {
      const p = k < edges.length ? exponentialCdf(edges[k]!) - exponentialCdf(edges[k - 1]!) : Math.exp(-ZIGGURAT_R);
      chi2 += (counts[k]! - n * p) ** 2 / (n * p);
    }
    expect(counts[0]).toBe(0); // nothing below 0
    // 255 bins free (256 minus one): mean 255, standard deviation about 22.6; five of them above.
    expect(chi2).toBeLessThan(255 + 5 * 22.6);
    // Beyond R the excess is itself Exp(1) (memoryless): its mean over the ~900 tail draws is 1, give or take 1 / sqrt(900).
    const tail = counts[edges.length]!;
    expect(Math.abs(tailExcess / tail - 1)).toBeLessThan(5 / Math.sqrt(tail));
  });

  it('has mean 1, variance 1 and third moment 6', () => {
    const xs = draws(13, 1_000_000);
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    for (const x of xs) {
      m1 += x;
      m2 += x * x;
      m3 += x * x * x;
    }
    m1 /= xs.length;
    m2 /= xs.length;
    m3 /= xs.length;
    expect(m1).toBeCloseTo(1, 2);
    expect(m2 - m1 * m1).toBeCloseTo(1, 1);
    expect(m3 / 6).toBeCloseTo(1, 1);
  });

  it('scales with the mean and is always positive and finite', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (seed, mean) => {
        const a = new Random(seed);
        const b = new Random(seed);
        for (let i = 0; i < 50; i++) {
          const x = a.exponential(mean);
          expect(x).toBeGreaterThan(0);
          expect(Number.isFinite(x)).toBe(true);
          expect(x).toBe(mean * b.exponential(1));
        }
      }),
    );
  });
});

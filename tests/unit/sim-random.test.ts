// Seeded random numbers and the service-time shapes: same seed, same stream; each shape hits
// its mean and SCV.
import { describe, expect, it } from 'vitest';
import { Random, sampleServiceTime, serviceShapeName, serviceTime, type ServiceFamily } from '../../src/engine/simulation';

describe('Random', () => {
  it('repeats its stream for the same seed and not for another', () => {
    const draw = (seed: number) => {
      const rng = new Random(seed);
      return Array.from({ length: 100 }, () => rng.nextInt32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it('draws uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = new Random(9);
    let sum = 0;
    let squares = 0;
    let min = 1;
    let max = 0;
    const n = 1_000_000;
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      sum += u;
      squares += u * u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(squares / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 3);
  });
});

describe('service times', () => {
  const cases: [number, ServiceFamily, string][] = [
    [0, 'phase', 'deterministic'],
    [0.01, 'phase', 'shifted-exponential'],
    [0.25, 'phase', 'erlang-mix'],
    [0.3, 'phase', 'erlang-mix'],
    [0.7, 'phase', 'erlang-mix'],
    [1, 'phase', 'exponential'],
    [2, 'phase', 'hyperexponential'],
    [4, 'phase', 'hyperexponential'],
    [0.5, 'lognormal', 'lognormal'],
    [2, 'lognormal', 'lognormal'],
  ];
  for (const [scv, family, shape] of cases) {
    it(`scv ${scv} (${family}): ${shape}, mean within 1% and SCV within 3% over 1e6 draws`, () => {
      const meanMs = 12;
      const service = serviceTime(meanMs, scv, family);
      expect(serviceShapeName(service)).toBe(shape);
      const rng = new Random(1000 + scv * 100);
      const n = 1_000_000;
      let sum = 0;
      let squares = 0;
      let min = Infinity;
      for (let i = 0; i < n; i++) {
        const x = sampleServiceTime(rng, service);
        sum += x;
        squares += x * x;
        min = Math.min(min, x);
      }
      const mean = sum / n;
      const variance = squares / n - mean * mean;
      expect(min).toBeGreaterThanOrEqual(0);
      expect(Math.abs(mean / meanMs - 1)).toBeLessThan(0.01);
      const gotScv = variance / (mean * mean);
      if (scv === 0) expect(gotScv).toBeLessThan(1e-12);
      else expect(Math.abs(gotScv / scv - 1)).toBeLessThan(0.03);
    });
  }
});

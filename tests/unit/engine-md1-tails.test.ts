// M/D/1 response-time percentiles: exact (Crommelin's wait distribution, with its exponential
// tail far out), checked against closed forms where they exist and against a long Lindley
// recursion written here. The old two-moment fit put p99 13% high at rho = 0.5.
import { describe, expect, it } from 'vitest';
import { solveStation, stationPercentileMs } from '../../src/engine/analytic';
import { uniforms } from './helpers/uniforms';

const D = 10; // ms

/** p-quantile of T = W + D from n customers of the Lindley recursion W' = max(0, W + D - A). */
function lindleyQuantile(lambdaRps: number, p: number, n: number, seed: number): number {
  const uniform = uniforms(seed);
  const samples = new Float64Array(n);
  let w = 0;
  for (let i = 0; i < n + 10_000; i++) {
    const gapMs = (-Math.log(uniform()) / lambdaRps) * 1000;
    w = Math.max(0, w + D - gapMs);
    if (i >= 10_000) samples[i - 10_000] = w + D;
  }
  samples.sort();
  return samples[Math.floor(p * n)]!;
}

describe('M/D/1 response-time percentiles', () => {
  it('below the first service time the wait has its closed form: P(W <= t) = (1 - rho) e^{lambda t}', () => {
    const lambda = 50; // rho = 0.5
    const sol = solveStation(lambda, { servers: 1, serviceMs: D, serviceScv: 0 });
    for (const p of [0.55, 0.6, 0.7]) {
      const t = (Math.log(p / 0.5) / lambda) * 1000; // ms, below D for these levels
      expect(t).toBeLessThan(D);
      expect(stationPercentileMs(sol, p)).toBeCloseTo(D + t, 6);
    }
    // At or below the share served at once, the response is the service time alone.
    expect(stationPercentileMs(sol, 0.4)).toBeCloseTo(D, 9);
  });

  for (const lambda of [50, 70, 90, 97]) {
    it(`rho = ${lambda / 100}: p95 and p99 agree with a long Lindley recursion`, () => {
      const sol = solveStation(lambda, { servers: 1, serviceMs: D, serviceScv: 0 });
      const n = 2_000_000;
      for (const p of [0.95, 0.99]) {
        const simulated = lindleyQuantile(lambda, p, n, 12345 + lambda);
        // Heavier traffic has longer correlated runs: allow more sampling error there.
        const tolerance = lambda >= 90 ? 0.06 : 0.02;
        expect(Math.abs(stationPercentileMs(sol, p) - simulated) / simulated, `p${p * 100}`).toBeLessThan(tolerance);
      }
    });
  }
});

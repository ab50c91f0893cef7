// M/M/c/K response-time percentiles: the engine's closed form against an independent exact
// computation here (the tagged request's remaining time by uniformization), and against the
// simulator. An accepted request's wait at a finite queue is a mix of Erlangs, not exponential:
// the old exponential-wait fit put p99 158% too high for c = 3, K = 30 near full.
import { describe, expect, it } from 'vitest';
import { solveStation, stationPercentileMs } from '../../src/engine/analytic';
import { simulateCase } from '../../src/engine/simulation';

/**
 * P(T > t) for an accepted request at M/M/c/K, computed without the engine: the state an
 * arrival sees from the birth-death chain's products, and the tagged request's remaining time by
 * uniformization at rate c*mu. With k departures ahead of it (each a jump of the uniformized
 * chain) then its own service (absorbed with probability 1/c per jump), it is still in the
 * system after j jumps with probability 1 for j < k and (1 - 1/c)^(j - k) after.
 */
function exactSurvival(c: number, K: number, lambdaRps: number, serviceMs: number): (tMs: number) => number {
  const mu = 1000 / serviceMs; // per second
  const pi: number[] = [1];
  for (let n = 1; n <= K; n++) pi.push((pi[n - 1]! * lambdaRps) / (Math.min(n, c) * mu));
  const accepted = pi.slice(0, K).reduce((a, b) => a + b, 0);
  const q = pi.slice(0, K).map((p) => p / accepted);
  const rate = c * mu;
  return (tMs: number) => {
    const x = (rate * tMs) / 1000;
    // Poisson(j; x) for j up to where the tail is negligible.
    const jMax = Math.ceil(x + 12 * Math.sqrt(x + 1) + K + 40);
    const pois: number[] = [];
    let log = -x;
    for (let j = 0; j <= jMax; j++) {
      if (j > 0) log += Math.log(x) - Math.log(j);
      pois.push(Math.exp(log));
    }
    let total = 0;
    q.forEach((qn, n) => {
      const k = Math.max(0, n - c + 1);
      let stay = 0;
      for (let j = 0; j <= jMax; j++) stay += pois[j]! * (j < k ? 1 : Math.pow(1 - 1 / c, j - k));
      total += qn * stay;
    });
    return total;
  };
}

function exactQuantileMs(c: number, K: number, lambdaRps: number, serviceMs: number, p: number): number {
  const s = exactSurvival(c, K, lambdaRps, serviceMs);
  let lo = 0;
  let hi = serviceMs;
  while (s(hi) > 1 - p) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (s(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const CASES: [c: number, K: number, lambdaRps: number][] = [
  [3, 30, 299], // near full: the old fit's worst case
  [4, 20, 390],
  [1, 5, 95],
  [2, 10, 250], // overloaded: a fifth turned away
  [2, 40, 120], // light: the queue is rarely long
  [1, 60, 130], // overloaded single server, long room
];

describe('M/M/c/K response-time percentiles', () => {
  for (const [c, K, lambda] of CASES) {
    it(`c=${c}, K=${K}, ${lambda} req/s at 10 ms: p50, p95, p99 exact`, () => {
      const sol = solveStation(lambda, { servers: c, serviceMs: 10, serviceScv: 1, capacity: K });
      for (const p of [0.5, 0.95, 0.99]) {
        const exact = exactQuantileMs(c, K, lambda, 10, p);
        expect(Math.abs(stationPercentileMs(sol, p) - exact) / exact, `p${p * 100}`).toBeLessThan(1e-6);
      }
    });
  }

  it('the chain\'s mean response matches the engine\'s (each accepted arrival waits for the departures ahead of it)', () => {
    for (const [c, K, lambda] of CASES) {
      const mu = 100; // per second, 10 ms service
      const pi: number[] = [1];
      for (let n = 1; n <= K; n++) pi.push((pi[n - 1]! * lambda) / (Math.min(n, c) * mu));
      const accepted = pi.slice(0, K).reduce((a, b) => a + b, 0);
      const meanMs = pi.slice(0, K).reduce((sum, p, n) => sum + (p / accepted) * (Math.max(0, n - c + 1) / (c * mu) + 1 / mu) * 1000, 0);
      const sol = solveStation(lambda, { servers: c, serviceMs: 10, serviceScv: 1, capacity: K });
      expect(Math.abs(meanMs - sol.meanResponseMs) / meanMs, `c=${c} K=${K}`).toBeLessThan(1e-9);
    }
  });

  it('the simulator agrees on p99 for the near-full case', () => {
    const c = 3;
    const K = 30;
    const caseJson = {
      name: 'mm3-k30',
      stations: [{ id: 's', servers: c, serviceMs: 10, serviceScv: 1, capacity: K }],
      arrivals: [{ to: 's', rps: 299 }],
      routing: [],
    };
    const sim = simulateCase(caseJson, { seed: 7, durationS: 2000 });
    const exact = exactQuantileMs(c, K, 299, 10, 0.99);
    expect(Math.abs(sim.stations.s!.p99ResponseMs! - exact) / exact).toBeLessThan(0.06);
  });
});

// M/M/c/K response-time percentiles: the engine's closed form against an independent exact
// computation (helpers/exact-queues: the tagged request's remaining time by uniformization), and against the
// simulator. An accepted request's wait at a finite queue is a mix of Erlangs, not exponential:
// the old exponential-wait fit put p99 158% too high for c = 3, K = 30 near full.
import { describe, expect, it } from 'vitest';
import { solveStation, stationPercentileMs } from '../../src/engine/analytic';
import { simulateCase } from '../../src/engine/simulation';
import { mmckChain, mmckQuantileMs as exactQuantileMs } from './helpers/exact-queues';

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
      const meanMs = mmckChain(c, K, lambda, 10).meanResponseMs;
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

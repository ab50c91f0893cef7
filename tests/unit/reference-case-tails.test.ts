// The public reference cases for finite-queue and deterministic-service tails
// (tests/fixtures/reference-cases/mm*-k*-tail.json, md1-tail-*.json): every figure in them is
// recomputed here from textbook formulas, apart from the engine, so a fixture cannot carry an
// engine's answer. The engines and the CLI run them with the other cases (engine-network,
// sim-reference, cli-sim).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { md1ResponseQuantileMs, md1WaitCdf, mmckChain, mmckQuantileMs, mmckSurvival } from './helpers/exact-queues';

interface TailCase {
  stations: { id: string; servers: number; serviceMs: number; serviceScv: number; capacity?: number }[];
  arrivals: { to: string; rps: number }[];
  expect: { stations: { s: Record<string, number> }; meanResponseMs: number; saturated: string[] };
  tolerance: { analytic: number; simulation: number };
}

const read = (name: string): TailCase => JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/reference-cases', `${name}.json`), 'utf8')) as TailCase;

/** The figures a single-station case should expect, from the formulas in helpers/exact-queues. */
function exactFigures(c: TailCase): Record<string, number> {
  const { servers, serviceMs, serviceScv, capacity } = c.stations[0]!;
  const lambda = c.arrivals[0]!.rps;
  if (capacity !== undefined) {
    expect(serviceScv).toBe(1);
    const chain = mmckChain(servers, capacity, lambda, serviceMs);
    return {
      utilization: (chain.throughputRps * serviceMs) / 1000 / servers,
      throughputRps: chain.throughputRps,
      meanResponseMs: chain.meanResponseMs,
      blockingProbability: chain.blockingProbability,
      p95ResponseMs: mmckQuantileMs(servers, capacity, lambda, serviceMs, 0.95),
      p99ResponseMs: mmckQuantileMs(servers, capacity, lambda, serviceMs, 0.99),
    };
  }
  expect([servers, serviceScv]).toEqual([1, 0]);
  const rho = (lambda * serviceMs) / 1000;
  return {
    utilization: rho,
    throughputRps: lambda,
    meanResponseMs: serviceMs + (rho * serviceMs) / (2 * (1 - rho)), // Pollaczek-Khinchine, SCV 0
    p95ResponseMs: md1ResponseQuantileMs(lambda, serviceMs, 0.95),
    p99ResponseMs: md1ResponseQuantileMs(lambda, serviceMs, 0.99),
  };
}

const NAMES = ['mm3-k30-tail', 'mm4-k20-tail', 'mm1-k5-tail', 'md1-tail-half', 'md1-tail-heavy'];

describe('tail reference cases: every figure is the exact answer', () => {
  for (const name of NAMES) {
    it(name, () => {
      const c = read(name);
      const exact = exactFigures(c);
      expect(Object.keys(c.expect.stations.s).sort()).toEqual(Object.keys(exact).sort());
      // The files keep six significant figures.
      for (const [key, value] of Object.entries(exact)) expect(Math.abs(c.expect.stations.s[key]! - value) / value, key).toBeLessThan(5e-6);
      expect(c.expect.meanResponseMs).toBe(c.expect.stations.s.meanResponseMs);
      expect(c.expect.saturated).toEqual([]);
    });
  }

  it('the formulas hold together: each distribution integrates to its own mean', () => {
    // E[T] = integral of P(T > t): the uniformized M/M/c/K survival against the chain's mean.
    for (const [c, K, lambda] of [[3, 30, 299], [1, 5, 95]] as const) {
      const survival = mmckSurvival(c, K, lambda, 10);
      let integral = 0;
      for (let t = 0.125; t < 600; t += 0.25) integral += survival(t) * 0.25; // midpoint rule
      expect(Math.abs(integral - mmckChain(c, K, lambda, 10).meanResponseMs) / integral).toBeLessThan(1e-4);
    }
    // E[W] = integral of P(W > x): Erlang's series against Pollaczek-Khinchine, rho = 0.5.
    const cdf = md1WaitCdf(50, 10);
    let wait = 0;
    for (let x = 0.005; x < 150; x += 0.01) wait += (1 - cdf(x)) * 0.01;
    expect(wait).toBeCloseTo(5, 4);
  });

  it('the fixtures would catch the old fits: an exponential wait misses each p99 by more than the analytic tolerance', () => {
    for (const name of NAMES.filter((n) => n.startsWith('mm'))) {
      const c = read(name);
      const { servers, capacity } = c.stations[0]!;
      const chain = mmckChain(servers, capacity!, c.arrivals[0]!.rps, 10);
      // The old fit: service plus an exponential wait with the exact waiting probability and mean.
      const waitProbability = chain.seen.slice(servers).reduce((a, b) => a + b, 0);
      const meanWaitGivenWait = (chain.meanResponseMs - 10) / waitProbability;
      const fitP99 = 10 + meanWaitGivenWait * Math.log(waitProbability / 0.01);
      const want = c.expect.stations.s.p99ResponseMs!;
      expect(Math.abs(fitP99 - want) / want, name).toBeGreaterThan(c.tolerance.analytic * 1.5);
    }
  });

  it('Erlang\'s series refuses a point where its terms cancel to noise', () => {
    expect(() => md1WaitCdf(90, 10)(230)).toThrow(/cancels too much/);
    const nearer = md1WaitCdf(90, 10)(100);
    expect(nearer).toBeGreaterThan(0.8);
    expect(nearer).toBeLessThan(0.95);
  });
});

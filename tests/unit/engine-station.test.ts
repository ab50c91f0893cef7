import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erlangB, erlangC } from '../../src/engine/analytic/erlang';
import { SojournMixture } from '../../src/engine/analytic/sojourn';
import { addStationResponse, solveStation, stationPercentileMs, stationPercentilesMs } from '../../src/engine/analytic/station';
import { allenCunneenWaitMs, mmcWaitMs, pollaczekKhinchineWaitMs } from '../../src/engine/analytic/wait-time';

/** Erlang B from the Poisson terms summed in log space: an independent check of the recursion. */
function erlangBByLogSum(c: number, a: number): number {
  const logTerms: number[] = [];
  let logFact = 0;
  for (let k = 0; k <= c; k++) {
    if (k > 0) logFact += Math.log(k);
    logTerms.push(k * Math.log(a) - logFact);
  }
  const max = Math.max(...logTerms);
  const sum = logTerms.reduce((s, t) => s + Math.exp(t - max), 0);
  return Math.exp(logTerms[c]! - max) / sum;
}

/** Mean of a non-negative variable from its survival function (trapezoid rule). */
function integrateSurvival(mix: SojournMixture, upTo: number, steps = 200_000): number {
  const h = upTo / steps;
  let total = 0;
  for (let i = 0; i <= steps; i++) total += (i === 0 || i === steps ? 0.5 : 1) * mix.survival(i * h);
  return total * h;
}

describe('Erlang formulas', () => {
  it('match hand-computed M/M/2 values (a = 1.5 erlangs)', () => {
    // B(1) = 1.5/2.5 = 0.6; B(2) = 0.9/2.9; C = B / (1 - 0.75 (1 - B)) = 9/14.
    expect(erlangB(2, 1.5)).toBeCloseTo(0.9 / 2.9, 12);
    expect(erlangC(2, 1.5)).toBeCloseTo(9 / 14, 12);
    // Wq = C / (c mu - lambda) = (9/14) / (20 - 15) s for S = 100 ms.
    expect(mmcWaitMs(2, 1.5, 100)).toBeCloseTo((9 / 14 / 5) * 1000, 9);
  });

  it('agrees with a log-space sum of Poisson terms, up to thousands of servers', () => {
    for (const [c, a] of [
      [10, 5],
      [50, 45],
      [1000, 950],
      [5000, 4900],
      [4000, 200],
    ] as const) {
      const expected = erlangBByLogSum(c, a);
      expect(Math.abs(erlangB(c, a) - expected)).toBeLessThanOrEqual(1e-10 * Math.max(expected, 1e-300));
    }
    const c = erlangC(5000, 4900);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('Erlang C of one server is its utilization', () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (rho) => Math.abs(erlangC(1, rho) - rho) < 1e-12));
  });
});

describe('waiting time formulas', () => {
  it('Pollaczek-Khinchine: M/D/1 at 50% waits half a service time', () => {
    expect(pollaczekKhinchineWaitMs(0.5, 10, 0)).toBeCloseTo(5, 12);
    expect(pollaczekKhinchineWaitMs(0.5, 10, 1)).toBeCloseTo(10, 12); // M/M/1: rho S / (1 - rho)
  });

  it('Allen-Cunneen equals Pollaczek-Khinchine for one server and M/M/c for SCV 1', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 0.98, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (rho, scv) => {
        const ac = allenCunneenWaitMs(1, rho, 10, scv);
        return Math.abs(ac - pollaczekKhinchineWaitMs(rho, 10, scv)) <= 1e-9 * ac;
      }),
    );
    expect(allenCunneenWaitMs(4, 3, 10, 1)).toBeCloseTo(mmcWaitMs(4, 3, 10), 12);
  });
});

describe('solveStation', () => {
  it('M/M/1: mean and percentiles from the exponential sojourn time', () => {
    const s = solveStation(80, { servers: 1, serviceMs: 10, serviceScv: 1 });
    expect(s.utilization).toBeCloseTo(0.8, 12);
    expect(s.meanResponseMs).toBeCloseTo(50, 9);
    // Sojourn ~ Exp(mu - lambda) = Exp(20/s): p95 = ln(20)/20 s.
    expect(stationPercentileMs(s, 0.95)).toBeCloseTo((Math.log(20) / 20) * 1000, 6);
    expect(stationPercentileMs(s, 0.5)).toBeCloseTo((Math.log(2) / 20) * 1000, 6);
  });

  it('M/M/c sojourn when c*mu - lambda equals mu (the special case of the closed form)', () => {
    // c = 2, mu = 100/s, lambda = 100/s: theta = 200 - 100 = mu. C = 1/3 (B = 0.2).
    const s = solveStation(100, { servers: 2, serviceMs: 10, serviceScv: 1 });
    expect(s.waitProbability).toBeCloseTo(1 / 3, 12);
    const mix = addStationResponse(new SojournMixture(), 1, s);
    const mu = 0.1; // per ms
    for (const t of [1, 7, 20, 55]) {
      const expected = (2 / 3) * Math.exp(-mu * t) + (1 / 3) * (1 + mu * t) * Math.exp(-mu * t);
      expect(mix.survival(t)).toBeCloseTo(expected, 12);
    }
    const p99 = stationPercentileMs(s, 0.99);
    expect(mix.survival(p99)).toBeCloseTo(0.01, 9);
  });

  it('M/M/c/c blocking is Erlang B, and M/M/1/K matches the truncated geometric chain', () => {
    const loss = solveStation(500, { servers: 10, serviceMs: 10, serviceScv: 1, capacity: 10 });
    expect(loss.blockingProbability).toBeCloseTo(erlangB(10, 5), 12);
    expect(loss.meanWaitMs).toBe(0);
    // M/M/1/2 at rho = 0.5: pi = (1, 0.5, 0.25) / 1.75.
    const small = solveStation(50, { servers: 1, serviceMs: 10, serviceScv: 1, capacity: 2 });
    expect(small.blockingProbability).toBeCloseTo(0.25 / 1.75, 12);
    expect(small.meanInSystem).toBeCloseTo((0.5 + 0.5) / 1.75, 12);
    // rho = 1 exactly: uniform over 0..K.
    const even = solveStation(100, { servers: 1, serviceMs: 10, serviceScv: 1, capacity: 3 });
    expect(even.blockingProbability).toBeCloseTo(0.25, 9);
    expect(even.meanInSystem).toBeCloseTo(1.5, 9);
    // Carried utilization = throughput * S / c.
    expect(even.utilization).toBeCloseTo((75 * 10) / 1000, 9);
  });

  it('a huge queue limit behaves like unlimited room below saturation and stays finite above it', () => {
    const unlimited = solveStation(150, { servers: 2, serviceMs: 10, serviceScv: 1 });
    const bounded = solveStation(150, { servers: 2, serviceMs: 10, serviceScv: 1, capacity: 2_000_000 });
    expect(bounded.meanResponseMs).toBeCloseTo(unlimited.meanResponseMs, 9);
    expect(bounded.blockingProbability).toBeLessThan(1e-12);
    const overloaded = solveStation(250, { servers: 2, serviceMs: 10, serviceScv: 1, capacity: 2_000_000 });
    expect(overloaded.saturated).toBe(false);
    expect(overloaded.throughputRps).toBeCloseTo(200, 6);
    expect(overloaded.blockingProbability).toBeCloseTo(0.2, 6);
    expect(Number.isFinite(overloaded.meanResponseMs)).toBe(true);
  });

  it('reports saturation instead of numbers at utilization >= 1 with unlimited room', () => {
    const s = solveStation(120, { servers: 1, serviceMs: 10, serviceScv: 1 });
    expect(s.saturated).toBe(true);
    expect(s.utilization).toBeCloseTo(1.2, 12);
    expect(stationPercentileMs(s, 0.99)).toBe(Infinity);
    expect(solveStation(100, { servers: 1, serviceMs: 10, serviceScv: 1 }).saturated).toBe(true);
  });

  it('idle and zero-time stations give zeros, not NaN', () => {
    const idle = solveStation(0, { servers: 3, serviceMs: 10, serviceScv: 2 });
    expect(idle.meanResponseMs).toBe(10);
    expect(idle.meanWaitMs).toBe(0);
    const instant = solveStation(100, { servers: 1, serviceMs: 0, serviceScv: 1, capacity: 5 });
    expect(instant.meanResponseMs).toBe(0);
    expect(stationPercentileMs(instant, 0.99)).toBe(0);
  });
});

const stationArb = fc.record({
  servers: fc.integer({ min: 1, max: 40 }),
  serviceMs: fc.double({ min: 0.1, max: 500, noNaN: true }),
  serviceScv: fc.double({ min: 0, max: 8, noNaN: true }),
  rho: fc.double({ min: 0, max: 0.995, noNaN: true }),
  room: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
});

describe('station laws (property tests)', () => {
  it("Little's law: mean number present = throughput * mean response", () => {
    fc.assert(
      fc.property(stationArb, fc.double({ min: 0, max: 3, noNaN: true }), ({ servers, serviceMs, serviceScv, room }, load) => {
        // With a capacity any load is allowed; without one, stay below saturation.
        const rho = room === undefined ? Math.min(load, 0.995) : load;
        const lambda = (rho * servers * 1000) / serviceMs;
        const s = solveStation(lambda, { servers, serviceMs, serviceScv, capacity: room === undefined ? 0 : servers + room });
        const little = (s.throughputRps * s.meanResponseMs) / 1000;
        return Math.abs(s.meanInSystem - little) <= 1e-7 * Math.max(1, little);
      }),
    );
  });

  it('flow conservation: arrivals = throughput + rejected', () => {
    fc.assert(
      fc.property(stationArb, fc.double({ min: 0, max: 5, noNaN: true }), ({ servers, serviceMs, serviceScv, room }, load) => {
        const lambda = (load * servers * 1000) / serviceMs;
        const s = solveStation(lambda, { servers, serviceMs, serviceScv, capacity: servers + (room ?? 0) });
        return Math.abs(lambda - s.throughputRps - lambda * s.blockingProbability) <= 1e-9 * Math.max(1, lambda);
      }),
    );
  });

  it('utilization = lambda / (c mu) with unlimited room', () => {
    fc.assert(
      fc.property(stationArb, ({ servers, serviceMs, serviceScv, rho }) => {
        const lambda = (rho * servers * 1000) / serviceMs;
        const s = solveStation(lambda, { servers, serviceMs, serviceScv });
        return Math.abs(s.utilization - (lambda * serviceMs) / 1000 / servers) <= 1e-12;
      }),
    );
  });

  it('more load never lowers the response time; more servers never raise it', () => {
    fc.assert(
      fc.property(stationArb, fc.double({ min: 1, max: 3, noNaN: true }), ({ servers, serviceMs, serviceScv, rho, room }, factor) => {
        const capacity = room === undefined ? 0 : servers + room;
        const lambda = (rho * servers * 1000) / serviceMs;
        const base = solveStation(lambda, { servers, serviceMs, serviceScv, capacity });
        const more = solveStation(lambda * factor, { servers, serviceMs, serviceScv, capacity });
        const wider = solveStation(lambda, { servers: servers + 1, serviceMs, serviceScv, capacity: capacity === 0 ? 0 : capacity + 1 });
        const loadOk = more.saturated || more.meanResponseMs >= base.meanResponseMs * (1 - 1e-12);
        return loadOk && wider.meanResponseMs <= base.meanResponseMs * (1 + 1e-12);
      }),
    );
  });

  it('percentiles are ordered, finite, at least the fixed part of service, and the distribution mean is the mean response', () => {
    fc.assert(
      fc.property(stationArb, ({ servers, serviceMs, serviceScv, rho, room }) => {
        const lambda = (rho * servers * 1000) / serviceMs;
        const s = solveStation(lambda, { servers, serviceMs, serviceScv, capacity: room === undefined ? 0 : servers + room });
        const [p50, p95, p99] = stationPercentilesMs(s, [0.5, 0.95, 0.99]) as unknown as [number, number, number];
        const mix = addStationResponse(new SojournMixture(), 1, s);
        const ordered = 0 <= p50 && p50 <= p95 && p95 <= p99 && Number.isFinite(p99);
        // No response is shorter than the fixed part of the service time (S * (1 - sqrt(SCV)) for SCV <= 1).
        const fixedPart = serviceScv <= 1 ? serviceMs * (1 - Math.sqrt(serviceScv)) : 0;
        const aboveFixed = p50 >= fixedPart * (1 - 1e-12);
        // Each percentile leaves the right share above it (up to the solver's relative precision).
        const tailsOk = [p50, p95, p99].every((q, k) => mix.survival(q * (1 + 1e-9)) <= [0.5, 0.05, 0.01][k]! + 1e-9);
        return ordered && aboveFixed && tailsOk && Math.abs(mix.mean() - s.meanResponseMs) <= 1e-9 * s.meanResponseMs;
      }),
    );
  });

  it('the survival function integrates to the mean response (sojourn distribution is consistent)', () => {
    for (const [lambda, spec] of [
      [300, { servers: 4, serviceMs: 10, serviceScv: 1 }],
      [70, { servers: 1, serviceMs: 10, serviceScv: 0.3 }],
      [50, { servers: 1, serviceMs: 10, serviceScv: 4 }],
      [200, { servers: 2, serviceMs: 10, serviceScv: 1, capacity: 12 }],
    ] as const) {
      const s = solveStation(lambda, spec);
      const mix = addStationResponse(new SojournMixture(), 1, s);
      expect(integrateSurvival(mix, s.meanResponseMs * 60)).toBeCloseTo(s.meanResponseMs, 3);
    }
  });
});

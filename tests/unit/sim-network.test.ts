// Engine laws on random networks (flow conservation, utilization = X S / c), blocking that
// lifts saturation downstream, and messages for cases that cannot be simulated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork, offeredTraffic, simulateCase, simulateCaseDetailed } from '../../src/engine/simulation';
import type { NetworkCase } from '../../src/engine/analytic/network-case';

const scvs = [0, 0.5, 1, 2];

/** Random open networks of 1-4 stations, loops allowed, 1 request/s into s0. */
const networkArb = fc
  .record({
    size: fc.integer({ min: 1, max: 4 }),
    servers: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 4, maxLength: 4 }),
    serviceMs: fc.array(fc.double({ min: 1, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }),
    scv: fc.array(fc.integer({ min: 0, max: scvs.length - 1 }), { minLength: 4, maxLength: 4 }),
    p: fc.array(fc.double({ min: 0, max: 0.45, noNaN: true }), { minLength: 16, maxLength: 16 }),
  })
  .map(({ size, servers, serviceMs, scv, p }): NetworkCase => {
    const ids = Array.from({ length: size }, (_, i) => `s${i}`);
    const routing = [];
    for (let from = 0; from < size; from++) {
      for (let to = 0; to < size; to++) {
        // At most 0.45 out to each of up to 4 others can exceed 1: keep the total below 0.9.
        const share = (p[from * 4 + to]! * 2) / size;
        if (share > 0.02) routing.push({ from: ids[from]!, to: ids[to]!, p: share });
      }
    }
    return {
      stations: ids.map((id, i) => ({ id, servers: servers[i]!, serviceMs: serviceMs[i]!, serviceScv: scvs[scv[i]!]! })),
      arrivals: [{ to: 's0', rps: 1 }],
      routing,
    };
  });

describe('simulation laws on random networks', () => {
  it('carries the offered traffic and keeps utilization = throughput * S / c', () => {
    let compared = 0;
    fc.assert(
      fc.property(networkArb, fc.double({ min: 0.2, max: 0.7, noNaN: true }), (shape, load) => {
        // Scale the arrival rate so the busiest station sits at `load`.
        const busiest = Math.max(...offeredTraffic(compileNetwork(shape)).utilization);
        const net = { ...shape, arrivals: [{ to: 's0', rps: load / busiest }] };
        const report = simulateCaseDetailed(net, { seed: 3, durationS: 60_000 / net.arrivals[0]!.rps });
        report.stations.forEach((s, i) => {
          if (s.offeredRps * report.run.measuredS < 2000) return; // too few visits to compare
          compared++;
          const station = net.stations[i]!;
          const x = s.result.throughputRps!;
          expect(Math.abs(x / s.offeredRps - 1)).toBeLessThan(0.08);
          const fromLittle = (x * station.serviceMs) / 1000 / station.servers;
          expect(Math.abs(s.result.utilization - fromLittle)).toBeLessThan(0.05 * fromLittle + 0.01);
        });
      }),
      { numRuns: 25, seed: 20240611 },
    );
    expect(compared).toBeGreaterThanOrEqual(25); // s0 at least, every run
  });
});

describe('saturation and blocking', () => {
  it('keeps a station below a blocking one out of the saturated list when blocking thins its traffic', () => {
    const net: NetworkCase = {
      stations: [
        { id: 'gate', servers: 1, serviceMs: 10, serviceScv: 1, capacity: 2 },
        { id: 'db', servers: 1, serviceMs: 6, serviceScv: 1 },
      ],
      arrivals: [{ to: 'gate', rps: 200 }],
      routing: [{ from: 'gate', to: 'db', p: 1 }],
    };
    // Without blocking db would get 200 rps (1.2 load); gate passes on under 100 rps.
    const report = simulateCaseDetailed(net, { seed: 4, durationS: 200 });
    expect(report.run.reruns).toBe(1);
    expect(report.result.saturated).toEqual([]);
    const gate = report.result.stations.gate!;
    const db = report.result.stations.db!;
    expect(gate.blockingProbability).toBeGreaterThan(0.5);
    expect(db.throughputRps! / gate.throughputRps!).toBeCloseTo(1, 2);
    expect(db.utilization).toBeCloseTo((gate.throughputRps! * 6) / 1000, 1);
    expect(report.stations[1]!.offeredUtilization).toBeLessThan(0.65);
  });

  it('ends a run with a saturated station and reports only its offered utilization', () => {
    const net: NetworkCase = {
      stations: [{ id: 'hot', servers: 2, serviceMs: 10, serviceScv: 1 }],
      arrivals: [{ to: 'hot', rps: 1000 }],
      routing: [],
    };
    const report = simulateCaseDetailed(net, { seed: 1 });
    expect(report.result).toEqual({ stations: { hot: { utilization: 5 } }, saturated: ['hot'] });
    expect(report.run.stopReason).toBe('nothing-to-measure');
  });
});

describe('cases that cannot be simulated', () => {
  it('says what is wrong with the case', () => {
    expect(() => simulateCase({ stations: [], arrivals: [], routing: [] })).toThrow(/cannot be simulated.*at least one station/);
    const loop: NetworkCase = {
      stations: [{ id: 'a', servers: 1, serviceMs: 1, serviceScv: 1 }],
      arrivals: [{ to: 'a', rps: 1 }],
      routing: [{ from: 'a', to: 'a', p: 1 }],
    };
    expect(() => simulateCase(loop)).toThrow(/never leave/);
  });

  it('says which option is wrong', () => {
    const net: NetworkCase = { stations: [{ id: 'a', servers: 1, serviceMs: 1, serviceScv: 1 }], arrivals: [{ to: 'a', rps: 1 }], routing: [] };
    expect(() => simulateCase(net, { durationS: -1 })).toThrow(/durationS must be a number above 0/);
    expect(() => simulateCase(net, { warmupS: Number.NaN })).toThrow(/warmupS must be 0 or more/);
  });
});

// Near saturation the planned warm-up can outlast the event budget; it is capped to a share of
// the budget so the run still measures something and says its warm-up was cut (issue 11 item 7).
import { describe, expect, it } from 'vitest';
import { simulateCaseDetailed } from '../../src/engine/simulation';

// M/M/64 at rho = 0.99998: 64 servers of 100 ms at 639.987 req/s.
const nearlySaturated = {
  name: 'mm64-edge',
  stations: [{ id: 'pool', servers: 64, serviceMs: 100, serviceScv: 1 }],
  arrivals: [{ to: 'pool', rps: 640 * 0.99998 }],
  routing: [],
  expect: { stations: {}, saturated: [] },
  tolerance: { analytic: 0.01, simulation: 0.05 },
};

describe('simulator warm-up near saturation', () => {
  it('uses at most a fifth of the event budget, measures with the rest, and says the warm-up was cut', () => {
    const maxEvents = 400_000; // small, so the test is quick: the planned warm-up alone needs far more
    const report = simulateCaseDetailed(nearlySaturated, { seed: 2, maxEvents });
    expect(report.run.warmupComplete).toBe(false);
    expect(report.run.stopReason).toBe('max-events');
    expect(report.run.events).toBeLessThanOrEqual(maxEvents);
    const pool = report.result.stations.pool!;
    // Never zeros: busy most of the time and finishing requests at about the offered rate.
    expect(pool.utilization).toBeGreaterThan(0.8);
    expect(pool.throughputRps).toBeGreaterThan(0.8 * 640);
    expect(report.result.saturated).toEqual([]);
  });

  it('keeps a warm-up that fits its share whole', () => {
    const light = { ...nearlySaturated, arrivals: [{ to: 'pool', rps: 320 }] };
    const report = simulateCaseDetailed(light, { seed: 2, durationS: 20 });
    expect(report.run.warmupComplete).toBe(true);
    expect(report.result.stations.pool!.utilization).toBeCloseTo(0.5, 1);
  });
});

// Simulated fix verdicts on the bundled multi-zone-failover scenario, whose story loses zone-a
// for ten minutes (at 120 s). Two replications of the whole timeline (800 s at 800 requests/s)
// keep the file to a few seconds; the verdicts are far from their thresholds.
import { describe, expect, it } from 'vitest';
import { gradeFix, gradeFixSimulated } from '../../src/scenarios';
import { bundledFixScenario as bundled } from './helpers/bundled-scenario';
import { simVerdicts } from './helpers/fix-grades';


describe('multi-zone-failover, simulated', () => {
  const scenario = bundled('multi-zone-failover');
  const options = { replications: 2 } as const;

  it('fails the starting design on availability only, as declared: the zone loss takes everything down', () => {
    const grade = gradeFixSimulated(scenario, scenario.design, options);
    expect(scenario.startingDesignFails).toEqual(['availability']);
    expect(simVerdicts(grade)).toEqual({ availability: 'fail', p99LatencyMs: 'pass', monthlyCostUsd: 'pass' });
    const availability = grade.checks.find((c) => c.check === 'availability')!;
    // Ten minutes of an 800 s run (the first 10 s are warm-up) with everything down.
    expect(availability.mean).toBeGreaterThan(0.15);
    expect(availability.mean).toBeLessThan(0.3);
    expect(availability.detail).toMatch(/something down or cut off/);
  });

  it('passes the reference solution: two API zones behind one balancer, Multi-AZ data on the region, retries to the other zone', () => {
    expect(gradeFix(scenario, scenario.solution).passed).toBe(true);
    const grade = gradeFixSimulated(scenario, scenario.solution, options);
    expect(simVerdicts(grade)).toEqual({ availability: 'pass', p99LatencyMs: 'pass', monthlyCostUsd: 'pass' });
    expect(grade.checks.find((c) => c.check === 'availability')!.mean).toBeGreaterThan(0.9995);
  });

  it('fails the reference solution without its retries: the seconds before the health checks notice the lost zone cost too much', () => {
    const solution = structuredClone(scenario.solution);
    for (const e of solution.edges) delete e.resilience;
    const grade = gradeFixSimulated(scenario, solution, options);
    const availability = grade.checks.find((c) => c.check === 'availability')!;
    expect(availability.verdict).toBe('fail');
    // About 5 s of zone a's half of 800 requests/s fail: some 2,000 of 630,000.
    expect(availability.mean).toBeGreaterThan(0.99);
    expect(availability.mean).toBeLessThan(0.9995);
    // The steady grade works the same seconds out through the story's zone loss and fails it too
    // (it passed on the catalog's availability alone before), with a figure inside the runs' interval.
    const steady = gradeFix(scenario, solution).checks.find((c) => c.check === 'availability')!;
    expect(steady.passed).toBe(false);
    expect(steady.detail).toMatch(/Through the story's failures/);
    expect(Math.abs(steady.actual! - availability.mean!)).toBeLessThanOrEqual(Math.max(availability.halfWidth!, 1e-4));
  });
});

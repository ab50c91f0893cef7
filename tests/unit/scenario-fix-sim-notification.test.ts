// Simulated fix verdicts on the bundled notification-system scenario, over its whole timeline
// (the morning peak of a daily cycle at about 150 requests/s, a slow SMS provider at 900 s, a
// one-minute spike at 3600 s): the reference solution passes, the starting design fails, and
// where the simulation disagrees with the analytic grade the test says why. Two replications
// keep the file to seconds; the verdicts are far from their thresholds, so two runs settle them.
import { describe, expect, it } from 'vitest';
import { gradeFix, gradeFixSimulated } from '../../src/scenarios';
import { bundledFixScenario as bundled } from './helpers/bundled-scenario';
import { simVerdicts } from './helpers/fix-grades';


// Each test simulates over a million requests: seconds on an idle machine, tens on a shared one,
// so no tight timeout (the verdicts, not the time, are what is tested).
describe('notification-system, simulated', { timeout: 180_000 }, () => {
  const scenario = bundled('notification-system');

  it('passes the reference solution', () => {
    const grade = gradeFixSimulated(scenario, scenario.solution, { replications: 2 });
    expect(grade).toMatchObject({ passed: true, durationS: 4030, seeds: [1, 2], problems: [] });
    expect(simVerdicts(grade)).toEqual({ p99LatencyMs: 'pass', errorRate: 'pass', capacity: 'pass' });
    // Queues in front of the providers: the callers' p99 stays far under 200 ms, spike included.
    expect(grade.checks.find((c) => c.check === 'p99LatencyMs')!.mean).toBeLessThan(100);
  });

  it('fails the starting design on p99 and capacity; error rate is where the simulation disagrees', () => {
    const grade = gradeFixSimulated(scenario, scenario.design, { replications: 2 });
    expect(grade.passed).toBe(false);
    const p99 = grade.checks.find((c) => c.check === 'p99LatencyMs')!;
    expect(p99.verdict).toBe('fail');
    expect(p99.mean).toBeGreaterThan(600_000); // callers wait many minutes behind a backlog that keeps growing
    const capacity = grade.checks.find((c) => c.check === 'capacity')!;
    expect(capacity.verdict).toBe('fail');
    expect(capacity.detail).toMatch(/Notification API/);
    // The analytic grade counts requests that wait past the clinics' 2 s as errors. A scenario's
    // design carries no client timeout, so in the simulation nobody gives up and no request
    // fails (error rate 0%): the waiting shows in the p99 instead.
    expect(scenario.startingDesignFails).toEqual(['p99LatencyMs', 'errorRate', 'capacity']);
    expect(gradeFix(scenario, scenario.design).checks.every((c) => !c.passed)).toBe(true);
    expect(simVerdicts(grade)).toEqual({ p99LatencyMs: 'fail', errorRate: 'pass', capacity: 'fail' });
    expect(grade.checks.find((c) => c.check === 'errorRate')!.values).toEqual([0, 0]);
  });
});

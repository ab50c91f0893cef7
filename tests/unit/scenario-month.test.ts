// A scenario's monthly bill: instances for every hour of the month, per-request charges for the
// requests its traffic sends in a month (its timeline as the simulator plays it, for its busy
// hours, and its quiet rate for the rest). Steady traffic all month is billed as before.
import { describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic';
import { SECONDS_PER_MONTH } from '../../src/engine/metrics/cost';
import { compactScenarioFile, formatIssue, monthlyRequests, monthlyRequestScale, parseScenarioObject, scenarioToFile, scenarioToYaml, parseScenarioYaml } from '../../src/scenarios';
import { solveForScenario } from '../../src/scenarios/evaluate';
import { bundledScenario, bundledScenarios, scenarioFromYaml } from './helpers/bundled-scenario';

const base = (workload: string) => `
version: 2
id: month
title: Month
summary: A month's bill.
difficulty: beginner
estimatedMinutes: 5
objectives: [cost]
mode: critique
story: One API calls an outside service.
workload:
${workload}
design:
  nodes:
    - { id: users, kind: client, label: Users, position: { x: 0, y: 0 }, params: { rps: 10 } }
    - { id: api, kind: service, label: API, position: { x: 260, y: 0 } }
    - { id: vendor, kind: third-party-api, label: Vendor, position: { x: 520, y: 0 } }
  edges:
    - { id: e1, source: users, target: api }
    - { id: e2, source: api, target: vendor }
key:
  - { target: vendor, category: single-point-of-failure, severity: high, explanation: One vendor. }
`;

describe('the month a scenario is billed for', () => {
  it('steady traffic all month is the steady rate for every second of it: scale 1, the engine\'s own bill', () => {
    const s = scenarioFromYaml(base('  rps: { users: 10 }'));
    expect(monthlyRequestScale(s)).toBe(1);
    const plain = solveDesign(s.design);
    const graded = solveForScenario(s, s.design);
    if (!plain.ok || !graded.ok) throw new Error('does not solve');
    expect(graded.solution.cost).toEqual(plain.cost);
  });

  it('a busy hour a month and a quiet rate otherwise, worked by hand', () => {
    const s = scenarioFromYaml(base('  rps: { users: 10 }\n  busyHoursPerMonth: 2\n  quietRps: 0.5'));
    expect(monthlyRequests(s)).toBeCloseTo(10 * 7_200 + 0.5 * (SECONDS_PER_MONTH - 7_200), 3);
    const scale = monthlyRequestScale(s);
    const plain = solveDesign(s.design);
    const graded = solveForScenario(s, s.design);
    if (!plain.ok || !graded.ok) throw new Error('does not solve');
    // Per-request charges scale; machines are paid all month either way.
    expect(graded.solution.cost.requestsUsdPerMonth).toBeCloseTo(plain.cost.requestsUsdPerMonth * scale, 6);
    expect(graded.solution.cost.instancesUsdPerMonth).toBe(plain.cost.instancesUsdPerMonth);
    expect(graded.solution.components.vendor!.cost.requestsUsdPerMonth).toBeCloseTo(plain.components.vendor!.cost.requestsUsdPerMonth * scale, 6);
  });

  it('a timeline counts as the simulator plays it: a step to 30/s after an hour holds for the rest of the busy time', () => {
    const s = scenarioFromYaml(base('  rps: { users: 10 }\n  busyHoursPerMonth: 5\n  overTime:\n    - { atS: 3600, shape: constant, rps: 30 }'));
    expect(monthlyRequests(s)).toBeCloseTo(10 * 3_600 + 30 * 4 * 3_600, 0);
  });

  it('a daily cycle is billed at its average over the day', () => {
    const s = scenarioFromYaml(base('  rps: { users: 10 }\n  overTime:\n    - { atS: 0, shape: daily, peakRps: 10, troughRps: 2, peakAtS: 0 }'));
    expect(monthlyRequests(s) / SECONDS_PER_MONTH).toBeCloseTo(6, 1);
  });

  it('the engine reads a scale that is not a number as 1 and a negative one as 0', () => {
    const s = scenarioFromYaml(base('  rps: { users: 10 }'));
    const at = (monthlyRequestScale: number) => {
      const r = solveDesign(s.design, { monthlyRequestScale });
      if (!r.ok) throw new Error('does not solve');
      return r.cost.requestsUsdPerMonth;
    };
    expect(at(Number.NaN)).toBe(at(1));
    expect(at(-3)).toBe(0);
    expect(at(1)).toBeGreaterThan(0);
  });

  it('refuses busy hours outside (0, 730] and a negative quiet rate, saying which field', () => {
    for (const bad of ['  busyHoursPerMonth: 0', '  busyHoursPerMonth: 800', '  quietRps: -1']) {
      const r = parseScenarioYaml(base(`  rps: { users: 10 }\n${bad}`));
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => formatIssue(i)).join(' ')).toContain(bad.trim().split(':')[0]!);
    }
  });

  it('a scenario written back to its file keeps its month', () => {
    const s = bundledScenario('checkout-flash-sale');
    const again = parseScenarioObject(compactScenarioFile(scenarioToFile(s)));
    if (!again.ok) throw new Error('does not load');
    expect(again.scenario.workload).toEqual(s.workload);
    expect(scenarioToYaml(scenarioToFile(s))).toMatch(/busyHoursPerMonth: 1\n\s+quietRps: 0.05/);
  });

  it('no bundled scenario bills more requests than its busiest rate for the whole month', () => {
    for (const s of bundledScenarios()) {
      const steady = Object.values(s.workload.clientRps).reduce((a, b) => a + b, 0);
      const peak = Math.max(steady, ...s.workload.overTime.map((step) => ('rps' in step ? step.rps : 'peakRps' in step ? step.peakRps : 0) ?? 0));
      expect(monthlyRequests(s), s.id).toBeLessThanOrEqual(peak * SECONDS_PER_MONTH * 1.000001);
    }
  });
});

// The simulator against every reference case (tests/fixtures/reference-cases): each expected
// figure within tolerance.simulation (p99 gets 1.5x), the saturated list exact, and runs
// repeatable by seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCase, simulateCaseDetailed, type SimResult } from '../../src/engine/simulation';

interface ReferenceCase {
  name: string;
  expect: { stations: Record<string, Record<string, number>>; meanResponseMs?: number; saturated: string[] };
  tolerance: { simulation: number };
}

const dir = join(import.meta.dirname, '../fixtures/reference-cases');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReferenceCase);
const byName = (name: string): ReferenceCase => cases.find((c) => c.name === name)!;

/** Every figure the case expects that the result misses by more than its tolerance. */
function misses(c: ReferenceCase, result: SimResult): string[] {
  const out: string[] = [];
  const check = (label: string, got: number | undefined, want: number, tolerance: number) => {
    if (got === undefined || !(Math.abs(got - want) <= tolerance * Math.abs(want))) out.push(`${label}: got ${got}, want ${want} +- ${(tolerance * 100).toFixed(1)}%`);
  };
  for (const [id, figures] of Object.entries(c.expect.stations)) {
    const station = result.stations[id] as Record<string, number | undefined> | undefined;
    for (const [key, want] of Object.entries(figures)) {
      check(`${id}.${key}`, station?.[key], want, c.tolerance.simulation * (key === 'p99ResponseMs' ? 1.5 : 1));
    }
  }
  if (c.expect.meanResponseMs !== undefined) check('meanResponseMs', result.meanResponseMs, c.expect.meanResponseMs, c.tolerance.simulation);
  return out;
}

describe('simulation of the reference cases', () => {
  it('finds the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  for (const c of cases) {
    it(`${c.name}: every expected figure within tolerance, saturated list exact`, () => {
      const report = simulateCaseDetailed(c, { seed: 1 });
      expect(misses(c, report.result)).toEqual([]);
      expect(report.result.saturated).toEqual(c.expect.saturated);
      expect('meanResponseMs' in report.result).toBe(c.expect.meanResponseMs !== undefined);
      for (const id of c.expect.saturated) expect(Object.keys(report.result.stations[id]!)).toEqual(['utilization']);
      expect(report.run.precisionMet).toBe(true);
      expect(report.run.completionsMet).toBe(true);
      expect(report.run.stopReason).toBe('precision-met');
    });
  }

  it('gives byte-identical output for the same seed', () => {
    const c = byName('three-tier');
    const first = JSON.stringify(simulateCase(c, { seed: 7, durationS: 300 }));
    expect(JSON.stringify(simulateCase(c, { seed: 7, durationS: 300 }))).toBe(first);
    const adaptive = JSON.stringify(simulateCaseDetailed(byName('md1-deterministic'), { seed: 3 }));
    expect(JSON.stringify(simulateCaseDetailed(byName('md1-deterministic'), { seed: 3 }))).toBe(adaptive);
  });

  it('gives different results for different seeds, both within tolerance', () => {
    for (const name of ['mm4-pool', 'cache-aside', 'mm2-k10-overload']) {
      const c = byName(name);
      const a = simulateCase(c, { seed: 11 });
      const b = simulateCase(c, { seed: 12 });
      expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
      expect(misses(c, a)).toEqual([]);
      expect(misses(c, b)).toEqual([]);
    }
  });

  it('reports the confidence interval it stopped on', () => {
    const report = simulateCaseDetailed(byName('cache-aside'), { seed: 5 });
    const e2e = report.endToEnd!;
    expect(e2e.relativeHalfWidth).toBeLessThanOrEqual(0.015);
    expect(e2e.halfWidthMs / e2e.meanResponseMs).toBeCloseTo(e2e.relativeHalfWidth, 12);
    expect(report.run.achievedRelativeHalfWidth).toBe(e2e.relativeHalfWidth);
    for (const s of report.stations) expect(s.meanResponseHalfWidthMs).toBeGreaterThan(0);
  });

  it('stops a fixed-length run at the asked duration and says the precision may not be met', () => {
    const report = simulateCaseDetailed(byName('mm1-heavy'), { seed: 2, durationS: 50, warmupS: 10 });
    expect(report.run.stopReason).toBe('fixed-duration');
    expect(report.run.measuredS).toBe(50);
    expect(report.run.warmupS).toBe(10);
    expect(report.run.precisionMet).toBe(false);
  });

  it('bounds a run by the event budget', () => {
    const report = simulateCaseDetailed(byName('mm1-heavy'), { seed: 2, maxEvents: 200_000 });
    expect(report.run.stopReason).toBe('max-events');
    expect(report.run.events).toBe(200_000);
    expect(report.run.precisionMet).toBe(false);
  });
});

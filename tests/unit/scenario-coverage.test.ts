// Issue 14's library targets, counted from the scenario files themselves: the raw YAML fields, not
// the parsed scenarios or the coverage table the catalog page prints, so a bug in either cannot
// make the library look bigger than it is. The figures are the issue's, written out here; the
// catalog's COURSE_TARGETS must ask at least as much, and `scenario check` must pass them all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COURSE_TARGETS, courseCoverage } from '../../src/scenarios';
import { OBJECTIVES } from '../../src/scenarios/vocabulary';
import { bundledScenarios } from './helpers/bundled-scenario';
import { ROOT, runCli } from './helpers/run-cli';

const DIR = join(ROOT, 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));
const raw = files.map((f) => ({ file: f, doc: parse(readFileSync(join(DIR, f), 'utf8')) as { id?: unknown; mode?: unknown; difficulty?: unknown; objectives?: unknown } }));

/** The issue's "Done when": at least this many scenarios of each kind. */
const ISSUE = { total: 40, beginner: 10, identify: 8, critique: 8, fix: 10, compare: 8, perObjective: 3 } as const;

/** Objectives the issue names one by one (course objectives and the gaps it lists). */
const NAMED_OBJECTIVES = [
  'identify-components',
  'scalability-impact',
  'trade-off-build-vs-buy',
  'trade-off-monolith-vs-microservices',
  'trade-off-sql-vs-nosql',
  'trade-off-sync-vs-async',
  'cost',
  'critique-proposal',
  'feasibility',
  'api-design',
  'justify-with-data',
] as const;

const count = (keep: (doc: (typeof raw)[number]['doc']) => boolean) => raw.filter((r) => keep(r.doc)).length;
const objectivesOf = (doc: (typeof raw)[number]['doc']): unknown[] => (Array.isArray(doc.objectives) ? doc.objectives : []);

describe("the scenario library meets issue 14's counts", () => {
  it('has one scenario per file, named after its id', () => {
    for (const { file, doc } of raw) expect(`${String(doc.id)}.yaml`, file).toBe(file);
  });

  it(`has at least ${ISSUE.total} scenarios and ${ISSUE.beginner} for beginners`, () => {
    expect(raw.length).toBeGreaterThanOrEqual(ISSUE.total);
    expect(count((d) => d.difficulty === 'beginner')).toBeGreaterThanOrEqual(ISSUE.beginner);
  });

  it.each(['identify', 'critique', 'fix', 'compare'] as const)('has at least the issue\'s number of %s scenarios', (mode) => {
    expect(count((d) => d.mode === mode)).toBeGreaterThanOrEqual(ISSUE[mode]);
  });

  it.each([...new Set([...NAMED_OBJECTIVES, ...OBJECTIVES])])(`teaches %s in at least ${ISSUE.perObjective} scenarios`, (objective) => {
    expect(count((d) => objectivesOf(d).includes(objective))).toBeGreaterThanOrEqual(ISSUE.perObjective);
  });

  it('names only objectives the format knows, so a misspelt one cannot count for nothing', () => {
    for (const { file, doc } of raw) for (const o of objectivesOf(doc)) expect(OBJECTIVES as readonly unknown[], file).toContain(o);
  });

  it("asks in the catalog's coverage table at least what the issue asks, and counts what the files say", () => {
    expect(COURSE_TARGETS.total).toBeGreaterThanOrEqual(ISSUE.total);
    expect(COURSE_TARGETS.difficulties.beginner).toBeGreaterThanOrEqual(ISSUE.beginner);
    for (const mode of ['identify', 'critique', 'fix', 'compare'] as const) expect(COURSE_TARGETS.modes[mode]).toBeGreaterThanOrEqual(ISSUE[mode]);
    expect(COURSE_TARGETS.perObjective).toBeGreaterThanOrEqual(ISSUE.perObjective);
    const rows = courseCoverage(bundledScenarios());
    for (const r of rows) {
      const fromFiles =
        r.group === 'total' ? raw.length : r.group === 'mode' ? count((d) => d.mode === r.name) : r.group === 'difficulty' ? count((d) => d.difficulty === r.name) : count((d) => objectivesOf(d).includes(r.name));
      expect(r.have, `${r.group} ${r.name}`).toBe(fromFiles);
    }
  });

  it('passes `scenario check` on every file', async () => {
    const r = await runCli('scenario', ['check', 'scenarios', '--json']);
    const report = JSON.parse(r.stdout) as { scenarios: number; passed: number; failures: unknown[] };
    expect(report.failures).toEqual([]);
    expect(report.scenarios).toBe(raw.length);
    expect(report.passed).toBe(raw.length);
    expect(r.code).toBe(0);
  }, 600_000);
});

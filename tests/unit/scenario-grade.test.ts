// Grading each mode: critique matching (full marks, partial, synonyms, extras) and its Markdown
// report, identify answers, fix verdicts (deterministic), compare tables, and submissions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Design } from '../../src/model/types';
import {
  compareDesigns,
  critiqueReportMarkdown,
  formatIssue,
  gradeCompare,
  gradeCritique,
  gradeFix,
  gradeIdentify,
  gradeSubmission,
  parseScenarioYaml,
  parseSubmission,
  type CompareScenario,
  type CritiqueScenario,
  type FixScenario,
  type IdentifyScenario,
  type Scenario,
} from '../../src/scenarios';

function load(text: string): Scenario {
  const r = parseScenarioYaml(text);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r.scenario;
}

const bundled = <T extends Scenario>(id: string) => load(readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8')) as T;

const CRITIQUE = load(`
version: 1
id: tiny-critique
title: Tiny critique
summary: Find the problems.
difficulty: beginner
estimatedMinutes: 5
objectives: [critique-proposal]
mode: critique
story: One API, one database, one queue nobody limits.
design:
  nodes:
    - { id: users, kind: client, label: Users, position: { x: 0, y: 0 } }
    - { id: api, kind: service, label: API, position: { x: 260, y: 0 } }
    - { id: db, kind: relational-db, label: Orders DB, position: { x: 520, y: 0 } }
    - { id: q, kind: queue, label: Jobs, position: { x: 520, y: 110 }, params: { queueCapacity: 0 } }
    - { id: w, kind: worker, label: Worker, position: { x: 780, y: 110 } }
  edges:
    - { id: e1, source: users, target: api }
    - { id: e2, source: api, target: db }
    - { id: e3, source: api, target: q, mode: async }
    - { id: e4, source: q, target: w, mode: async }
key:
  - { target: db, category: single-point-of-failure, severity: high, explanation: One copy holds every order. }
  - { target: q, category: unbounded-queue, severity: medium, explanation: The backlog can grow for ever. }
  - { target: e2, acceptedTargets: [api], category: security, severity: low, explanation: "The connection is not encrypted <b>at all</b>." }
`) as CritiqueScenario;

describe('critique grading', () => {
  it('gives full marks for the key itself, severity included', () => {
    const grade = gradeCritique(
      CRITIQUE,
      CRITIQUE.key.map((k) => ({ target: k.target, category: k.category, severity: k.severity })),
    );
    expect(grade).toMatchObject({ score: 1, found: 3, total: 3, severityRight: 3, scoreWithSeverity: 1, missed: [], extras: [] });
  });

  it('gives partial marks and lists what was missed with its explanation', () => {
    const grade = gradeCritique(CRITIQUE, [{ target: 'db', category: 'single-point-of-failure', severity: 'medium' }]);
    // Precision 1, recall 1/3: the F-measure is 2 * 1 * (1/3) / (1 + 1/3) = 0.5.
    expect(grade.recall).toBeCloseTo(1 / 3);
    expect(grade.precision).toBe(1);
    expect(grade.score).toBeCloseTo(0.5);
    expect(grade.matched[0]!.severityRight).toBe(false);
    expect(grade.severityRight).toBe(0);
    expect(grade.missed.map((k) => k.target)).toEqual(['q', 'e2']);
    expect(grade.missed[0]!.explanation).toBe('The backlog can grow for ever.');
  });

  it('accepts synonyms for categories and the other targets the key allows', () => {
    const grade = gradeCritique(CRITIQUE, [
      { target: 'db', category: 'SPOF' },
      { target: 'q', category: 'no backpressure' },
      { target: 'api', category: 'Security' },
    ]);
    expect(grade.found).toBe(3);
    expect(grade.matched.every((m) => m.severityRight === null)).toBe(true);
  });

  it('lists extras with the reason, recognising real problems the key does not ask about', () => {
    const grade = gradeCritique(CRITIQUE, [
      { target: 'db', category: 'single-point-of-failure' },
      { target: 'db', category: 'spof' },
      { target: 'api', category: 'single point of failure' },
      { target: 'api', category: 'too many microservices' },
      { target: 'ghost', category: 'cost' },
      { target: 'db', category: 'missing cache' },
    ]);
    expect(grade.found).toBe(1);
    expect(grade.extras.map((e) => e.reason)).toEqual(['duplicate', 'not-in-key', 'unknown-category', 'unknown-target', 'not-in-key']);
    expect(grade.extras[1]!.alsoFoundByChecks).toBeNull(); // the API has two instances
    expect(grade.extras[4]!.alsoFoundByChecks?.category).toBe('missing-cache');
  });

  it('grades the same findings the same way every time', () => {
    const findings = [{ target: 'q', category: 'backlog' }, { target: 'db', category: 'hot key' }];
    expect(gradeCritique(CRITIQUE, findings)).toEqual(gradeCritique(CRITIQUE, findings));
  });

  it('exports a Markdown report that escapes scenario and learner text', () => {
    const grade = gradeCritique(CRITIQUE, [
      { target: 'db', category: 'spof', severity: 'high', note: 'Add a <script>alert(1)</script> standby *now*' },
      { target: 'db', category: 'missing-cache' },
    ]);
    const md = critiqueReportMarkdown(CRITIQUE, grade);
    expect(md).toMatch(/^# Critique: Tiny critique\n/);
    // One of three found (recall 1/3), one of one counted finding holds (the missing cache is sound, so not counted): F = 0.5.
    expect(md).toContain('Score **50%**: found 1 of 3 problems in the key; 1 of 1 finding holds.');
    expect(md).toContain('- **Orders DB**: single point of failure (high, as in the key). One copy holds every order.');
    expect(md).toContain('Your note: Add a \\<script\\>alert(1)\\</script\\> standby \\*now\\*');
    expect(md).toContain('## Missed');
    expect(md).toContain('**API → Orders DB**: security (low). The connection is not encrypted \\<b\\>at all\\</b\\>.');
    expect(md).toMatch(/## Other findings\n\n- \*\*Orders DB\*\*: missing cache\. A fair point, though not one this review is about \(it costs nothing\)/);
    expect(md).not.toMatch(/(^|[^\\])</); // every "<" is escaped, so no HTML can come through
  });
});

describe('identify grading', () => {
  const scenario = bundled<IdentifyScenario>('url-shortener');
  const right = { entry: 'Load balancer', 'fast-path': 'cache', mint: ['keygen'], buffer: 'clicks', store: 'nosql' };

  it('marks every right answer, accepting kind ids or catalog labels', () => {
    const grade = gradeIdentify(scenario, right);
    expect(grade).toMatchObject({ score: 1, correct: 5, total: 5 });
    expect(grade.results[0]).toMatchObject({ questionId: 'entry', correct: true, expected: ['load-balancer'], given: ['Load balancer'] });
  });

  it('marks wrong, extra and missing answers wrong, with the explanation', () => {
    const grade = gradeIdentify(scenario, { ...right, entry: 'api-gateway', mint: ['keygen', 'api'], buffer: undefined as unknown as string });
    expect(grade.correct).toBe(2);
    const byId = Object.fromEntries(grade.results.map((r) => [r.questionId, r]));
    expect(byId.entry!.correct).toBe(false);
    expect(byId.mint!.correct).toBe(false);
    expect(byId.buffer).toMatchObject({ correct: false, given: null });
    expect(byId.mint!.explanation).toMatch(/single instance/);
  });
});

describe('fix grading', () => {
  const scenario = bundled<FixScenario>('video-streaming-cdn');

  it('passes the reference solution and fails the starting design, with figures', () => {
    const good = gradeFix(scenario, scenario.solution);
    expect(good.passed).toBe(true);
    expect(good.checks.map((c) => [c.check, c.passed])).toEqual([
      ['p99LatencyMs', true],
      ['capacity', true],
    ]);
    const start = gradeFix(scenario, scenario.design);
    expect(start.passed).toBe(false);
    expect(start.checks.find((c) => c.check === 'capacity')!.detail).toMatch(/Video segments \(S3\) \(sent 6,000 requests\/s, can finish 5,500\)/);
    expect(start.explanation?.nodeId).toBe('segments');
  });

  it('fails a fix that adds capacity but keeps the slow tail', () => {
    const design = structuredClone(scenario.design);
    design.nodes.find((n) => n.id === 'segments')!.params.instances = 2;
    design.nodes.find((n) => n.id === 'api')!.params.instances = 20;
    const grade = gradeFix(scenario, design);
    expect(grade.checks.map((c) => [c.check, c.passed])).toEqual([
      ['p99LatencyMs', false],
      ['capacity', true],
    ]);
    expect(grade.checks[0]!.actual).toBeGreaterThan(250);
  });

  it('grades at the scenario traffic, whatever the design says its clients send', () => {
    const design = structuredClone(scenario.design);
    design.nodes.find((n) => n.id === 'viewers')!.params.rps = 10;
    expect(gradeFix(scenario, design).passed).toBe(false);
  });

  it('gives identical verdicts for identical designs, however they reached the grader', () => {
    const roundTripped = JSON.parse(JSON.stringify(scenario.solution)) as Design;
    expect(gradeFix(scenario, roundTripped)).toEqual(gradeFix(scenario, scenario.solution));
    expect(gradeFix(scenario, scenario.design)).toEqual(gradeFix(scenario, scenario.design));
  });

  it('says why a design cannot be graded', () => {
    const design = structuredClone(scenario.solution);
    design.nodes = design.nodes.filter((n) => n.id !== 'viewers');
    design.edges = design.edges.filter((e) => e.source !== 'viewers');
    const grade = gradeFix(scenario, design);
    expect(grade).toMatchObject({ passed: false, checks: [] });
    expect(grade.problems[0]).toMatch(/no client "viewers"/);
  });
});

describe('compare', () => {
  const scenario = bundled<CompareScenario>('build-vs-buy-queue');

  it('tabulates both designs and says which is better on each figure', () => {
    const c = compareDesigns(scenario);
    if (!c.ok) throw new Error(c.problems.join('\n'));
    const row = (metric: string) => c.rows.find((r) => r.metric === metric)!;
    expect(row('monthlyCostUsd')).toMatchObject({ better: 'a' });
    // Three brokers either way: MSK at $0.204/h against a $0.0816/h VM, 730 hours a month.
    expect(row('monthlyCostUsd').b! - row('monthlyCostUsd').a!).toBeCloseTo(3 * (0.204 - 0.0816) * 730, 0);
    // The same Kafka on the same three brokers: nothing but the price differs.
    expect(row('availability')).toMatchObject({ better: 'same' });
    expect(row('availability').a).toBe(row('availability').b);
    expect(row('p99LatencyMs').better).toBe('same');
    expect(row('headroomX').better).toBe('same');
  });

  it('grades answers against the key', () => {
    const grade = gradeCompare(scenario, { bill: 'a', people: 'b' });
    expect(grade).toMatchObject({ correct: 1, total: 4 });
    expect(grade.results.find((r) => r.questionId === 'people')).toMatchObject({ given: 'b', correct: false, expected: 'a' });
    expect(grade.results.find((r) => r.questionId === 'total')).toMatchObject({ given: null, correct: false, expected: 'b' });
  });
});

describe('submissions', () => {
  it('reads and grades each mode', () => {
    const critique = parseSubmission({ scenarioId: 'tiny-critique', mode: 'critique', findings: [{ target: 'db', category: 'spof', severity: 'high' }] });
    expect(critique.ok).toBe(true);
    if (!critique.ok) return;
    const graded = gradeSubmission(CRITIQUE, critique.submission);
    expect(graded.ok && graded.grade.mode === 'critique' && graded.grade.found).toBe(1);

    const fixScenario = bundled<FixScenario>('video-streaming-cdn');
    const asFile = { format: 'archlab-design', version: 2, design: fixScenario.solution };
    for (const design of [fixScenario.solution, asFile]) {
      const fix = parseSubmission({ scenarioId: 'video-streaming-cdn', mode: 'fix', design });
      if (!fix.ok) throw new Error(fix.error);
      const result = gradeSubmission(fixScenario, fix.submission);
      expect(result.ok && result.grade.mode === 'fix' && result.grade.passed).toBe(true);
    }
  });

  it('refuses submissions for another scenario or mode, and broken ones, in one sentence', () => {
    const other = parseSubmission({ scenarioId: 'something-else', mode: 'critique', findings: [] });
    if (!other.ok) throw new Error(other.error);
    expect(gradeSubmission(CRITIQUE, other.submission)).toEqual({ ok: false, error: 'The submission is for scenario "something-else", not "tiny-critique".' });
    const wrongMode = parseSubmission({ scenarioId: 'tiny-critique', mode: 'compare', answers: {} });
    if (!wrongMode.ok) throw new Error(wrongMode.error);
    expect(gradeSubmission(CRITIQUE, wrongMode.submission)).toMatchObject({ ok: false, error: expect.stringMatching(/compare answer, but "tiny-critique" is a critique scenario/) });
    expect(parseSubmission({ scenarioId: 'x', mode: 'critique' })).toEqual({ ok: false, error: 'Not a scenario submission: "findings" is missing.' });
    const badDesign = parseSubmission({ scenarioId: 'x', mode: 'fix', design: { id: 'd', name: 'd', nodes: [{ id: 'a' }], edges: [], groups: [] } });
    expect(badDesign).toMatchObject({ ok: false, error: expect.stringMatching(/^The submitted design is not valid: /) });
  });
});

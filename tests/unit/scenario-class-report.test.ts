// Submissions and the class report: the app's versioned submission (scenario id and content
// hash) graded by the CLI one at a time or as a class folder, which writes a CSV and an HTML
// report and reports each bad or mismatched file in one line without stopping the batch.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildSubmission,
  classReport,
  CRITIQUE_CATEGORIES,
  gradeSubmission,
  parseSubmission,
  scenarioHash,
  shotgunFindings,
  type CritiqueScenario,
  type IdentifyScenario,
} from '../../src/scenarios';
import { bundledScenarioText as text, scenarioFromYaml as load } from './helpers/bundled-scenario';
import { runCli, type CliOutcome } from './helpers/run-cli';

const AT = '2026-12-03T10:00:00.000Z';

describe('the scenario hash', () => {
  const chat = text('chat-app-critique');

  it('is the same however the file is laid out, and changes with the content', () => {
    const hash = scenarioHash(load(chat));
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(scenarioHash(load(`# a comment\n${chat.replace('title: ', 'title:   ')}`))).toBe(hash);
    expect(scenarioHash(load(chat.replace('severity: high', 'severity: low')))).not.toBe(hash);
  });

  it('a submission made against another version of the scenario is refused in one sentence', () => {
    const scenario = load(chat) as CritiqueScenario;
    const older = load(chat.replace('severity: high', 'severity: low'));
    const sub = parseSubmission(buildSubmission(older, { mode: 'critique', findings: [{ target: 'msgdb', category: 'spof' }] }, { submittedAt: AT }));
    expect(sub.ok).toBe(true);
    const graded = gradeSubmission(scenario, sub.ok ? sub.submission : (null as never));
    expect(graded).toEqual({ ok: false, error: 'The submission was made against a different version of "chat-app-critique" (its content has changed since), so its answers may not fit this one.' });
  });

  it('reads a version 1 submission (no hash) as before', () => {
    const scenario = load(chat);
    const sub = parseSubmission({ scenarioId: 'chat-app-critique', mode: 'critique', findings: [{ target: 'msgdb', category: 'spof' }] });
    expect(sub.ok && gradeSubmission(scenario, sub.submission).ok).toBe(true);
  });
});

describe('a class of submissions graded from a folder', () => {
  const scenario = load(text('chat-app-critique')) as CritiqueScenario;
  const dir = mkdtempSync(join(tmpdir(), 'archlab-class-'));
  const out = join(dir, 'out');
  mkdirSync(out);
  const put = (name: string, data: unknown) => writeFileSync(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  const key = scenario.key.map((k) => ({ target: k.target, category: k.category, severity: k.severity }));
  put('ada.json', buildSubmission(scenario, { mode: 'critique', findings: key }, { learner: 'Ada', submittedAt: AT }));
  put('bob.json', buildSubmission(scenario, { mode: 'critique', findings: shotgunFindings(scenario, CRITIQUE_CATEGORIES) }, { learner: '=HYPERLINK("http://x")', submittedAt: AT }));
  put('cy.json', buildSubmission(scenario, { mode: 'critique', findings: key.slice(0, 2) }, { learner: '<script>alert(1)</script>', submittedAt: AT }));
  put('dee.json', buildSubmission(load(text('url-shortener')), { mode: 'identify', answers: { entry: 'load-balancer' }, attempts: {} }, { learner: 'Dee', submittedAt: AT }));
  put('eve.json', '{ "scenarioId": "chat-app-critique", "mode": "critique", "findings": [');
  put('fay.json', { ...buildSubmission(scenario, { mode: 'critique', findings: key }, { learner: 'Fay', submittedAt: AT }), scenarioHash: '0123456789abcdef' });
  put('notes.txt', 'not a submission');

  let r: CliOutcome;
  beforeAll(async () => {
    r = await runCli('scenario', ['grade', 'scenarios/chat-app-critique.yaml', dir, '--out', out]);
  });

  it('grades every good file, and says in one line why each other one was not graded', () => {
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^3 of 6 submissions graded for "chat-app-critique"; class average \d+%\nwrote .*chat-app-critique-class-report\.csv\nwrote .*chat-app-critique-class-report\.html\n$/);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^not graded: dee\.json: The submission is for scenario "url-shortener", not "chat-app-critique"\.$/);
    expect(lines[1]).toMatch(/^not graded: eve\.json: ".*eve\.json" is not valid JSON/);
    expect(lines[2]).toMatch(/^not graded: fay\.json: The submission was made against a different version of "chat-app-critique"/);
  });

  it('writes a CSV: one row per learner with score, items and the reason a file was not graded; formulas defused', () => {
    const csv = readFileSync(join(out, 'chat-app-critique-class-report.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(7);
    expect(csv[0]).toBe(`learner,file,score_percent,complete,attempts,${scenario.key.map((_, i) => `key-${i + 1}`).sort().join(',')},error`);
    expect(csv[1]).toBe(`Ada,ada.json,100,yes,,${scenario.key.map(() => 1).join(',')},`);
    const bob = csv.find((l) => l.includes('bob.json'))!;
    expect(bob.startsWith(`"'=HYPERLINK(""http://x"")",bob.json,`)).toBe(true);
    expect(Number(bob.split(',')[2])).toBeLessThan(50); // the shotgun's score
    expect(csv.find((l) => l.startsWith('eve,'))).toMatch(/^eve,eve\.json,,,,+".*is not valid JSON.*"$/);
  });

  it('writes an HTML report with learners, objectives and the most missed items, escaping what learners wrote', () => {
    const html = readFileSync(join(out, 'chat-app-critique-class-report.html'), 'utf8');
    expect(html).toContain('<h1>Class report: Review a group chat proposal</h1>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    for (const objective of scenario.objectives) expect(html).toContain(`<td>${objective}</td>`);
    expect(html).toMatch(/<h2>Most missed<\/h2>/);
    expect(html).toContain('Not graded: The submission is for scenario &quot;url-shortener&quot;');
  });

  it('lists items most missed first', () => {
    const critiqueGrade = (findings: typeof key) => {
      const graded = gradeSubmission(scenario, { scenarioId: scenario.id, mode: 'critique', findings });
      if (!graded.ok) throw new Error(graded.error);
      return graded.grade;
    };
    const report = classReport(scenario, [
      { file: 'a.json', learner: 'A', grade: critiqueGrade(key.slice(0, 1)) },
      { file: 'b.json', learner: 'B', grade: critiqueGrade(key.slice(0, 2)) },
      { file: 'c.json', learner: null, error: 'broken' },
    ]);
    expect(report.items.map((i) => i.got)).toEqual([...report.items.map((i) => i.got)].sort((x, y) => x - y));
    expect(report.items[report.items.length - 1]!.got).toBe(2);
    expect(report.rows.map((r) => r.learner)).toEqual(['A', 'B', 'c']);
    expect(report).toMatchObject({ graded: 2, failed: 1 });
  });
});

describe('identify submissions carry their tries', () => {
  it('grades the first tries and reports the attempts in the class report', () => {
    const scenario = load(text('url-shortener')) as IdentifyScenario;
    const sub = parseSubmission(buildSubmission(scenario, { mode: 'identify', answers: { entry: 'api-gateway', 'fast-path': 'cache' }, attempts: { entry: 2, 'fast-path': 1 } }, { learner: 'Ida', submittedAt: AT }));
    if (!sub.ok) throw new Error(sub.error);
    const graded = gradeSubmission(scenario, sub.submission);
    if (!graded.ok) throw new Error(graded.error);
    expect(graded.grade).toMatchObject({ mode: 'identify', correct: 1, attempts: { entry: 2, 'fast-path': 1 } });
    const report = classReport(scenario, [{ file: 'ida.json', learner: sub.submission.learner ?? null, grade: graded.grade }]);
    expect(report.rows[0]).toMatchObject({ learner: 'Ida', attempts: 3, score: 0.2 });
  });
});

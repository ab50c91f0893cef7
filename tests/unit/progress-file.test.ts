// Course progress carried to another browser as a file: bad files are refused with a reason and
// change nothing; a good one merges in without changing any result made in this browser.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeProgress, mergeSummary, progressFileText, PROGRESS_FILE_VERSION, readProgressFile } from '../../src/store/progress-file';
import { objectiveMastery } from '../../src/store/courseProgress';
import { emptyProgress, firstTry, type IdentifyAttempt, type ScenarioProgress } from '../../src/store/scenarioStore';
import { serializeDesign } from '../../src/model/file';
import { exampleDesign } from '../../src/model/example';
import { bundledScenario, bundledScenarios } from './helpers/bundled-scenario';

const all = bundledScenarios();
const known = new Set(all.map((s) => s.id));
const first = bundledScenario('first-steps');

const attempt = (...tries: boolean[]): IdentifyAttempt => ({ given: 'x', correct: tries[tries.length - 1]!, tries: tries.map((correct) => ({ given: 'x', correct })) });
const identify = (id: string, qs: Record<string, boolean[]>, updatedAt = 10): ScenarioProgress => ({
  ...emptyProgress(id),
  identify: Object.fromEntries(Object.entries(qs).map(([q, t]) => [q, attempt(...t)])),
  updatedAt,
});
const fileOf = (scenarios: Record<string, unknown>, version: unknown = PROGRESS_FILE_VERSION) => JSON.stringify({ format: 'archlab-progress', version, exportedAt: '2026-12-03T00:00:00Z', scenarios });
const problemsOf = (text: string) => {
  const r = readProgressFile(text, known);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problems.join(' ');
};

describe('a progress file written and read back', () => {
  it('comes back as it was, without the simulated-check cache', () => {
    const fix = all.find((s) => s.mode === 'fix')!;
    const records = {
      'first-steps': identify('first-steps', { start: [true], follow: [false, true] }),
      [fix.id]: { ...emptyProgress(fix.id), score: 1, completed: true, updatedAt: 5, simulatedCheck: { designKey: 'k', grade: {} as never, ranAt: 1 } },
    };
    const read = readProgressFile(progressFileText(records, new Date(0)), known);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.notes).toEqual([]);
    expect(read.records['first-steps']).toEqual(records['first-steps']);
    const { simulatedCheck: _dropped, ...fixWithout } = records[fix.id]!;
    expect(read.records[fix.id]).toEqual(fixWithout);
  });
});

describe('files that are not progress are refused, with the reason', () => {
  it('text that is not JSON', () => {
    expect(problemsOf('{"format": "archlab-progress", "version": 1, ')).toMatch(/not valid JSON/);
    expect(problemsOf('')).toMatch(/not valid JSON/);
  });

  it("another app's JSON, or JSON that is not an object", () => {
    for (const text of ['{"name": "my-app", "version": "1.0.0", "dependencies": {}}', '{"type": "excalidraw", "version": 2, "elements": []}', '[1, 2]', 'null', '42', '"archlab-progress"']) {
      expect(problemsOf(text)).toMatch(/not an ArchLab progress file/);
    }
  });

  it('an ArchLab design or scenario says what it is and where it opens', () => {
    expect(problemsOf(serializeDesign(exampleDesign()))).toMatch(/holds the design “.+”, not progress\. Open a design with Import/);
    expect(problemsOf(JSON.stringify({ mode: 'identify', title: 'Cache basics' }))).toMatch(/holds the scenario “Cache basics”, not progress/);
  });

  it('a file from a newer ArchLab, or with no usable version', () => {
    const newer = problemsOf(fileOf({ 'first-steps': identify('first-steps', { start: [true] }) }, PROGRESS_FILE_VERSION + 1));
    expect(newer).toContain(`version ${PROGRESS_FILE_VERSION + 1}`);
    expect(newer).toMatch(/newer ArchLab/);
    expect(problemsOf(JSON.stringify({ format: 'archlab-progress', scenarios: {} }))).toMatch(/version is missing or not a whole number/);
    for (const v of [0, 1.5, '1', null]) expect(problemsOf(fileOf({}, v))).toMatch(/version is missing or not a whole number/);
  });

  it('a file with no scenarios part, or progress only for scenarios this ArchLab does not have', () => {
    expect(problemsOf(JSON.stringify({ format: 'archlab-progress', version: 1 }))).toMatch(/no scenario progress/);
    const none = problemsOf(fileOf({ 'no-such-scenario': identify('no-such-scenario', { q: [true] }) }));
    expect(none).toMatch(/no progress for any scenario in this ArchLab/);
    expect(none).toContain('no-such-scenario');
  });
});

describe('parts of a good file that cannot be taken are left out and named', () => {
  it('unknown scenario ids, __proto__ included, are named and left out; the rest is taken', () => {
    const text = `{"format":"archlab-progress","version":1,"scenarios":{"__proto__":{"completed":true},"gone-scenario":{"completed":true},"first-steps":${JSON.stringify(identify('first-steps', { start: [true] }))}}}`;
    const read = readProgressFile(text, known);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.records)).toEqual(['first-steps']);
    expect(read.notes.join(' ')).toMatch(/2 scenarios in the file are not in this ArchLab \(__proto__, gone-scenario\)/);
    expect(({} as Record<string, unknown>).completed).toBeUndefined();
  });

  it('a record that is not an object is left out; a damaged one keeps what is well formed', () => {
    const damaged = { ...identify('first-steps', { start: [true] }), identify: { start: attempt(true), follow: { given: 3 } } };
    const read = readProgressFile(fileOf({ 'first-steps': damaged, pagination: 'junk' }), known);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(Object.keys(read.records['first-steps']!.identify)).toEqual(['start']);
    expect(read.records.pagination).toBeUndefined();
    expect(read.notes.join(' ')).toMatch(/progress of 1 scenario could not be read \(pagination\)/);
    expect(read.notes.join(' ')).toMatch(/Part of the progress of 1 scenario could not be read \(first-steps\)/);
  });

  it('a file far too big is refused before it is parsed', () => {
    expect(problemsOf(' '.repeat(5_000_001))).toMatch(/far smaller/);
  });
});

describe('merging a file into the progress here', () => {
  it('a file claiming right first tries where this browser has wrong ones changes nothing here, and says so', () => {
    const here = { 'first-steps': identify('first-steps', { start: [false, true], follow: [true], busiest: [false, true] }) };
    const claim = { 'first-steps': identify('first-steps', { start: [true], follow: [true], busiest: [true] }, 99) };
    const before = objectiveMastery('identify-components', all, here).score;
    const m = mergeProgress(here, claim);
    expect(m.keptHere).toEqual(['first-steps']);
    expect(m.changed).toEqual({});
    expect(objectiveMastery('identify-components', all, { ...here, ...m.changed }).score).toBe(before);
    expect(mergeSummary(m, (id) => id).join(' ')).toMatch(/first-steps\) has a different result in the file; this browser's was kept/);
  });

  it("fills in questions, predictions and scenarios this browser does not have, and keeps this browser's answers", () => {
    const compare = all.find((s) => s.mode === 'compare')!;
    const prediction = { answers: { q1: 'b' as const }, at: 7 };
    const here = { 'first-steps': identify('first-steps', { start: [false, true] }), [compare.id]: { ...emptyProgress(compare.id), compareAnswers: { q1: 'a' as const }, updatedAt: 3 } };
    const file = {
      'first-steps': identify('first-steps', { start: [true], follow: [true], busiest: [true] }, 20),
      [compare.id]: { ...emptyProgress(compare.id), compareAnswers: { q1: 'b' as const }, comparePrediction: prediction, updatedAt: 8 },
      pagination: { ...emptyProgress('pagination'), score: 0.5, updatedAt: 4 },
    };
    const m = mergeProgress(here, file);
    expect(m.added).toEqual(['pagination']);
    expect(m.filledIn.sort()).toEqual([compare.id, 'first-steps'].sort());
    const merged = m.changed['first-steps']!;
    expect(firstTry(merged.identify.start!).correct).toBe(false);
    expect(Object.keys(merged.identify).sort()).toEqual(['busiest', 'follow', 'start']);
    expect(merged.updatedAt).toBe(20);
    // Predictions checked elsewhere are the first try there; this browser had none checked.
    expect(m.changed[compare.id]!.comparePrediction).toEqual(prediction);
    expect(m.keptHere).toEqual(['first-steps']);
  });

  it('a fix solved elsewhere counts as solved here; a critique score here is kept over the file', () => {
    const here = { 'cache-stampede': { ...emptyProgress('cache-stampede'), score: 0.4 }, 'chat-app-critique': { ...emptyProgress('chat-app-critique'), score: 0.5 } };
    const file = { 'cache-stampede': { ...emptyProgress('cache-stampede'), score: 1, completed: true }, 'chat-app-critique': { ...emptyProgress('chat-app-critique'), score: 0.9 } };
    const m = mergeProgress(here, file);
    expect(m.changed['cache-stampede']!.completed).toBe(true);
    expect(m.changed['chat-app-critique']).toBeUndefined();
    expect(m.keptHere.sort()).toEqual(['cache-stampede', 'chat-app-critique']);
  });

  it('loading the same file twice adds nothing the second time', () => {
    const file = { 'first-steps': identify('first-steps', { start: [true] }) };
    const once = mergeProgress({}, file);
    const twice = mergeProgress(once.changed, file);
    expect(twice.changed).toEqual({});
    expect(mergeSummary(twice, (id) => id)).toEqual(['Nothing new: this browser already had all of the progress in the file.']);
  });

  it('never changes or removes an answer, finding or prediction made here (property)', () => {
    const tries = fc.array(fc.boolean(), { minLength: 1, maxLength: 3 });
    const record = (id: string) =>
      fc.record({
        qs: fc.dictionary(fc.constantFrom('start', 'follow', 'busiest', 'q4'), tries),
        findings: fc.array(fc.constantFrom('f1', 'f2'), { maxLength: 2 }),
        predicted: fc.option(fc.constantFrom('a' as const, 'b' as const)),
        score: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        completed: fc.boolean(),
      }).map((r): ScenarioProgress => ({
        ...identify(id, r.qs),
        findings: r.findings.map((f) => ({ id: f, target: 'db', category: 'bottleneck', severity: 'high' as const })),
        ...(r.predicted ? { comparePrediction: { answers: { q1: r.predicted }, at: 1 } } : {}),
        score: r.score,
        completed: r.completed,
      }));
    fc.assert(
      fc.property(record('first-steps'), record('first-steps'), (mine, theirs) => {
        const merged = mergeProgress({ 'first-steps': mine }, { 'first-steps': theirs }).changed['first-steps'] ?? mine;
        for (const [q, a] of Object.entries(mine.identify)) expect(merged.identify[q]).toEqual(a);
        if (mine.findings.length) expect(merged.findings).toEqual(mine.findings);
        if (mine.comparePrediction) expect(merged.comparePrediction).toEqual(mine.comparePrediction);
        if (mine.score !== null) expect(merged.score).toBe(mine.score);
        if (mine.completed) expect(merged.completed).toBe(true);
      }),
    );
  });
});

// The first-steps scenario the tests above use has the three questions they name.
it('first-steps has the questions start, follow and busiest', () => {
  if (first.mode !== 'identify') throw new Error('first-steps is an identify scenario');
  expect(first.questions.map((q) => q.id).sort()).toEqual(['busiest', 'follow', 'start']);
});

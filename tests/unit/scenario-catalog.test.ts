// The catalog page (docs/scenarios-catalog.md) and the course it describes: the page must be what
// the scenario files make, the coverage counts must be the files' counts, and the course order
// must go from beginner to advanced with the on-ramp's numbered steps first.
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioYaml, issueText, CATALOG_PATH, COURSE_TARGETS, courseCoverage, courseTracks, coverageShortfalls, onRamp, scenarioCatalogMarkdown, type Scenario } from '../../src/scenarios';
import { bundledScenarios, bundledScenarioText } from './helpers/bundled-scenario';
import { ROOT, runCli } from './helpers/run-cli';

const all = bundledScenarios();
const row = (rows: ReturnType<typeof courseCoverage>, group: string, name: string) => rows.find((r) => r.group === group && r.name === name)!;

describe('the catalog page', () => {
  it('is what the scenario files make (after adding or changing a scenario, run "npm run catalog")', () => {
    expect(readFileSync(join(ROOT, CATALOG_PATH), 'utf8'), 'docs/scenarios-catalog.md is out of step with scenarios/: run "npm run catalog"').toBe(scenarioCatalogMarkdown(all));
  });

  it('lists every scenario once, by title, with a link to its file', () => {
    const page = scenarioCatalogMarkdown(all);
    for (const s of all) expect(page.split(`](../scenarios/${s.id}.yaml) |`).length - 1, s.id).toBe(1);
  });

  it('changes when a scenario changes, so a stale page cannot pass', () => {
    const page = scenarioCatalogMarkdown(all);
    const first = all[0]!;
    const harder: Scenario = { ...first, difficulty: first.difficulty === 'advanced' ? 'beginner' : 'advanced' };
    expect(scenarioCatalogMarkdown([harder, ...all.slice(1)])).not.toBe(page);
    expect(scenarioCatalogMarkdown([{ ...first, topics: ['hot-keys'] }, ...all.slice(1)])).toContain('- **hot-keys**: [');
    expect(scenarioCatalogMarkdown(all.slice(1))).not.toBe(page);
  });

  it('keeps a summary with a pipe and line breaks in its one table cell', () => {
    const odd: Scenario = { ...all[0]!, summary: 'Reads | writes\nand more' };
    const line = scenarioCatalogMarkdown([odd]).split('\n').find((l) => l.includes('Reads'))!;
    expect(line).toContain('Reads \\| writes and more |');
    expect(line.split(/(?<!\\)\|/).length).toBe(9); // 7 cells between 8 unescaped pipes
  });

  it('scenario catalog --check fails on a stale page and passes on a fresh one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'archlab-catalog-'));
    mkdirSync(join(folder, 'scenarios'));
    for (const id of ['url-shortener', 'news-feed-fanout']) copyFileSync(join(ROOT, 'scenarios', `${id}.yaml`), join(folder, 'scenarios', `${id}.yaml`));
    const out = join(folder, 'catalog.md');
    writeFileSync(out, scenarioCatalogMarkdown(all));
    expect((await runCli('scenario', ['catalog', join(folder, 'scenarios'), '--out', out, '--check'])).code).toBe(1);
    expect((await runCli('scenario', ['catalog', join(folder, 'scenarios'), '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('2 scenarios.');
    expect(await runCli('scenario', ['catalog', join(folder, 'scenarios'), '--out', out, '--check'])).toMatchObject({ code: 0, stdout: `${out} is up to date\n` });
  });

  it('names a scenario file that does not load instead of writing a page without it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'archlab-catalog-bad-'));
    writeFileSync(join(folder, 'broken.yaml'), 'version: 2\nid: broken\n');
    const r = await runCli('scenario', ['catalog', folder]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('broken.yaml');
    expect(r.stdout).toBe('');
  });
});

describe('the coverage table', () => {
  it('counts the files: modes and difficulties add up to the total, and a scenario counts for each of its objectives', () => {
    const rows = courseCoverage(all);
    expect(row(rows, 'total', 'scenarios').have).toBe(all.length);
    const sum = (group: string) => rows.filter((r) => r.group === group).reduce((n, r) => n + r.have, 0);
    expect(sum('mode')).toBe(all.length);
    expect(sum('difficulty')).toBe(all.length);
    expect(sum('objective')).toBe(all.reduce((n, s) => n + s.objectives.length, 0));
    for (const s of all) expect(row(rows, 'mode', s.mode).have).toBe(all.filter((x) => x.mode === s.mode).length);
  });

  it('holds the issue\'s targets and reports what is short', () => {
    const rows = courseCoverage(all);
    expect(row(rows, 'total', 'scenarios').target).toBe(40);
    expect(row(rows, 'mode', 'fix').target).toBe(COURSE_TARGETS.modes.fix);
    expect(row(rows, 'difficulty', 'intermediate').target).toBeNull();
    const one = courseCoverage([all[0]!]);
    expect(coverageShortfalls(one).map((r) => r.name)).toContain('scenarios');
    const many = Array.from({ length: 40 }, (_, i) => ({ ...all[i % all.length]!, id: `copy-${i}` }));
    expect(coverageShortfalls(courseCoverage(many)).some((r) => r.group === 'total')).toBe(false);
  });
});

describe('the course order', () => {
  it('puts each track in order beginner -> intermediate -> advanced', () => {
    const rank = { beginner: 0, intermediate: 1, advanced: 2 } as const;
    for (const track of courseTracks(all)) {
      const ranks = track.scenarios.map((s) => rank[s.difficulty]);
      expect(ranks, track.id).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('starts the on-ramp with its numbered steps, then the shortest beginner scenarios', () => {
    const base = all.find((s) => s.difficulty === 'beginner')!;
    const long: Scenario = { ...base, id: 'long', title: 'A long one', estimatedMinutes: 30 };
    const short: Scenario = { ...base, id: 'short', title: 'Z short one', estimatedMinutes: 3 };
    const second: Scenario = { ...base, id: 'second', title: 'Second', estimatedMinutes: 20, onRampStep: 2 };
    const first: Scenario = { ...base, id: 'first', title: 'First', estimatedMinutes: 25, onRampStep: 1 };
    const advanced: Scenario = { ...base, id: 'hard', difficulty: 'advanced', onRampStep: 1 };
    expect(onRamp([long, short, advanced, second, first]).map((s) => s.id)).toEqual(['first', 'second', 'short', 'long']);
  });

  it('gives every objective with a scenario its own track, and a scenario with two objectives sits in both', () => {
    const tracks = courseTracks(all);
    for (const s of all) for (const o of s.objectives) expect(tracks.find((t) => t.id === o)!.scenarios).toContain(s);
    expect(tracks.every((t) => t.scenarios.length > 0)).toBe(true);
  });
});

describe('topics and on-ramp steps in a scenario file', () => {
  const withHead = (extra: string) => bundledScenarioText('url-shortener').replace('mode: identify\n', `mode: identify\n${extra}\n`);

  it('loads them, and leaves them out of a scenario that has none', () => {
    const r = parseScenarioYaml(withHead('topics: [caching, hot-keys]\nonRampStep: 2'));
    expect(r.ok && r.scenario.topics).toEqual(['caching', 'hot-keys']);
    expect(r.ok && r.scenario.onRampStep).toBe(2);
    const plain = parseScenarioYaml(bundledScenarioText('url-shortener'));
    expect(plain.ok && 'topics' in plain.scenario).toBe(false);
  });

  it('refuses a topic that is not lower-case words, and a step that is not a whole number from 1', () => {
    for (const [extra, words] of [
      ['topics: [Hot Keys]', 'lower-case words joined by hyphens'],
      ['onRampStep: 0', 'onRampStep'],
      ['onRampStep: 1.5', 'whole number'],
    ] as const) {
      const r = parseScenarioYaml(withHead(extra));
      expect(r.ok, extra).toBe(false);
      if (!r.ok) expect(r.issues.map(issueText).join(' '), extra).toContain(words);
    }
  });
});

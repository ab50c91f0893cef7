// `scenario check`, `scenario grade` and `scenario schema` run as a learner or CI would, and
// the committed JSON Schema matches a fresh generation from the valibot schema.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText, toJsonSchema } from '../../src/scenarios';
import { runCliSync } from './helpers/run-cli';

const root = join(import.meta.dirname, '../..');
const scenarioCli = (...args: string[]) => runCliSync('scenario', args);

describe('scenario check', () => {
  it('prints exactly {scenarios, passed, failures} for the bundled library and exits 0', () => {
    const r = scenarioCli('check', 'scenarios/', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['scenarios', 'passed', 'failures']);
    expect(report.scenarios).toBeGreaterThanOrEqual(12);
    expect(report.passed).toBe(report.scenarios);
    expect(report.failures).toEqual([]);
  });

  it('exits 1 and names file and line when a scenario fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlab-scenarios-'));
    const good = readFileSync(join(root, 'scenarios/url-shortener.yaml'), 'utf8');
    writeFileSync(join(dir, 'url-shortener.yaml'), good.replace('kind: cache', 'kind: cash'));
    const r = scenarioCli('check', dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { scenarios: number; passed: number; failures: { file: string; message: string }[] };
    expect(report).toMatchObject({ scenarios: 1, passed: 0 });
    expect(report.failures[0]!.file).toBe(join(dir, 'url-shortener.yaml'));
    expect(report.failures[0]!.message).toMatch(/^line \d+: design\.nodes\[3\]\.kind must be one of: .* \(got "cash"\)$/);
    const text = scenarioCli('check', dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/FAIL {2}.*url-shortener\.yaml\n {6}line \d+: design\.nodes\[3\]\.kind/);
  });

  it('--simulate passes a sound fix scenario through its timeline, and fails a reference solution the story breaks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlab-scenarios-'));
    const good = readFileSync(join(root, 'scenarios/multi-zone-failover.yaml'), 'utf8');
    writeFileSync(join(dir, 'multi-zone-failover.yaml'), good);
    expect(scenarioCli('check', dir, '--simulate', '--replications', '2').code).toBe(0);
    // Without its retries the solution loses the requests sent to the lost zone before the health checks notice.
    const noRetries = good.replaceAll(', resilience: { retry: { maxRetries: 2 } }', '');
    expect(noRetries).not.toBe(good);
    writeFileSync(join(dir, 'multi-zone-failover.yaml'), noRetries);
    // The steady check works the story's zone loss out analytically and refuses it already, naming
    // the figure the simulated check replays; --simulate keeps that verdict.
    const failing = /line \d+: solution the reference solution fails availability: .*Through the story's failures, as the simulated check replays them: Business customers: 99\.\d+% of requests succeed \(target 99\.95%\)/;
    const steady = scenarioCli('check', dir);
    expect(steady.code).toBe(1);
    expect(steady.stdout).toMatch(failing);
    const r = scenarioCli('check', dir, '--simulate', '--replications', '2');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(failing);
    const bad = scenarioCli('check', dir, '--simulate', '--replications', '1');
    expect([bad.code, bad.stderr]).toEqual([2, '--replications must be a whole number of at least 2 (got "1")\n']);
  });

  it('says in one line when the path does not exist', () => {
    const r = scenarioCli('check', 'no/such/folder');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('cannot read "no/such/folder": no such file or folder\n');
  });
});

describe('scenario grade', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archlab-submissions-'));
  const write = (name: string, data: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
    return path;
  };

  it('grades an identify submission as JSON and as text', () => {
    const path = write('identify.json', { scenarioId: 'url-shortener', mode: 'identify', answers: { entry: 'load-balancer', 'fast-path': 'cache' } });
    const json = scenarioCli('grade', 'scenarios/url-shortener.yaml', path, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ mode: 'identify', correct: 2, total: 5 });
    const text = scenarioCli('grade', 'scenarios/url-shortener.yaml', path);
    expect(text.stdout).toMatch(/^Score: 2 of 5 \(40%\)\n/);
  });

  it('prints a critique as its Markdown report', () => {
    const path = write('critique.json', { scenarioId: 'chat-app-critique', mode: 'critique', findings: [{ target: 'msgdb', category: 'SPOF', severity: 'high' }] });
    const r = scenarioCli('grade', 'scenarios/chat-app-critique.yaml', path);
    expect(r.code).toBe(0);
    // One of seven found, nothing wrong: recall 1/7, precision 1, F = 2/8 = 25%.
    expect(r.stdout).toMatch(/^# Critique: Review a group chat proposal\n\nScore \*\*25%\*\*: found 1 of 7 problems in the key; 1 of 1 finding holds\./);
  });

  it('refuses bad input in one line with a non-zero exit', () => {
    const cases = [
      [write('broken.json', '{ nope'), /^".*broken\.json" is not valid JSON/],
      [write('wrong.json', { scenarioId: 'url-shortener', mode: 'critique', findings: [] }), /a critique answer, but "url-shortener" is an identify scenario/],
      [write('empty.json', { scenarioId: 'url-shortener', mode: 'identify' }), /"answers" is missing/],
    ] as const;
    for (const [path, message] of cases) {
      const r = scenarioCli('grade', 'scenarios/url-shortener.yaml', path);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('the JSON Schema', () => {
  it('committed file equals a fresh generation (run "npm run scenario:schema" after changing the schema)', () => {
    expect(readFileSync(join(root, 'public/schema/scenario.schema.json'), 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('carries the fixed word lists and the descriptions editors show', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as { oneOf: { properties: Record<string, { enum?: string[]; items?: { enum?: string[] } }> }[]; definitions: Record<string, unknown> };
    expect(schema.oneOf).toHaveLength(4);
    expect(schema.oneOf[0]!.properties.difficulty!.enum).toEqual(['beginner', 'intermediate', 'advanced']);
    expect(JSON.stringify(schema.definitions.node)).toContain('Request rate (req/s)');
  });

  it('refuses to translate what it does not know, rather than drifting', () => {
    expect(() => toJsonSchema(v.date())).toThrow(/"date" is not supported/);
    expect(() => toJsonSchema(v.pipe(v.string(), v.email()))).toThrow(/action "email" is not supported/);
  });

  it('scenario schema --check fails when the file is out of date', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'archlab-schema-')), 'schema.json');
    writeFileSync(path, '{}\n');
    expect(scenarioCli('schema', '--out', path, '--check').code).toBe(1);
    expect(scenarioCli('schema', '--out', path).code).toBe(0);
    expect(scenarioCli('schema', '--out', path, '--check')).toMatchObject({ code: 0, stdout: `${path} is up to date\n` });
  });
});

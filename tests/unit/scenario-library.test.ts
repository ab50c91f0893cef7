// The bundled scenarios: every one passes `scenario check`, together they cover every mode and
// objective, and the self-check catches scenarios that contradict themselves.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioSources, checkScenarioText, MODES, OBJECTIVES, type Scenario, type ScenarioSource } from '../../src/scenarios';

const dir = join(import.meta.dirname, '../../scenarios');
const sources: ScenarioSource[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: `scenarios/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
const scenarios: Scenario[] = sources.map((s) => checkScenarioText(s.text).scenario).filter((s): s is Scenario => s !== null);

describe('the bundled library', () => {
  it('has at least 12 scenarios and every one passes the check', () => {
    expect(sources.length).toBeGreaterThanOrEqual(12);
    expect(checkScenarioSources(sources)).toEqual({ scenarios: sources.length, passed: sources.length, failures: [] });
  });

  it('covers every mode and every objective', () => {
    expect(new Set(scenarios.map((s) => s.mode))).toEqual(new Set(MODES));
    expect(new Set(scenarios.flatMap((s) => s.objectives))).toEqual(new Set(OBJECTIVES));
  });

  it('points each file at the JSON Schema for editors', () => {
    for (const { file, text } of sources) expect(text.split('\n')[0], file).toBe('# yaml-language-server: $schema=../public/schema/scenario.schema.json');
  });

  it('lays out every design left to right, no cards overlapping, groups around their members', () => {
    for (const s of scenarios) {
      const clients = s.design.nodes.filter((n) => n.kind === 'client');
      const others = s.design.nodes.filter((n) => n.kind !== 'client');
      expect(Math.max(...clients.map((n) => n.position.x)), s.id).toBeLessThan(Math.min(...others.map((n) => n.position.x)));
    }
  });
});

describe('the authors\' guide', () => {
  it('has a worked example that passes the check', () => {
    const guide = readFileSync(join(import.meta.dirname, '../../docs/scenarios.md'), 'utf8');
    const example = /```yaml\n(# yaml-language-server[^\n]*\nversion:[\s\S]*?)```/.exec(guide)?.[1];
    expect(example).toBeDefined();
    const checked = checkScenarioText(example!);
    expect(checked.issues).toEqual([]);
    expect(checked.scenario?.mode).toBe('fix');
  });
});

describe('the self-check catches a scenario that contradicts itself', () => {
  const text = (id: string) => sources.find((s) => s.file === `scenarios/${id}.yaml`)!.text;
  const problems = (t: string) => checkScenarioText(t).issues.map((i) => `${i.line}: ${i.path} ${i.message}`);

  it('a fix scenario whose reference solution misses a check', () => {
    const broken = text('video-streaming-cdn').replace('params: { hitRatio: 0.95 }', 'params: { hitRatio: 0.05 }');
    const found = problems(broken);
    expect(found.length).toBeGreaterThan(0);
    for (const problem of found) expect(problem).toMatch(/^\d+: solution the reference solution fails (p99 latency|capacity): /);
  });

  it('a fix scenario whose starting design fails other checks than it declares', () => {
    const broken = text('multi-zone-failover').replace('startingDesignFails: [availability]', 'startingDesignFails: [availability, p99LatencyMs]');
    expect(problems(broken)).toEqual([expect.stringMatching(/startingDesignFails says the starting design fails \[availability, p99LatencyMs\], but it fails \[availability\]/)]);
  });

  it('a fix scenario with nothing to fix', () => {
    // Through the story's zone loss the starting design keeps about a fifth of its requests (analytic
    // timeline, as the simulator replays it), so only a target below that leaves nothing to fix.
    const easy = text('multi-zone-failover').replace('  availability: 0.9995\n', '  availability: 0.1\n').replace('startingDesignFails: [availability]\n', '');
    expect(problems(easy)).toEqual([expect.stringMatching(/checks the starting design already passes every check/)]);
  });

  it('a compare question whose answer the figures contradict', () => {
    const broken = text('build-vs-buy-queue').replace(/(id: bill\n.*\n) {4}answer: a/, '$1    answer: b');
    expect(problems(broken)).toEqual([expect.stringMatching(/questions\[0\]\.answer is b, but monthly cost favours a \(Run it ourselves: \$26,816\/month, Rent it \(MSK\): \$27,084\/month\)/)]);
  });

  it('a critique key that points at something missing, and a layout with overlapping cards', () => {
    const missing = text('chat-app-critique').replace('  - target: push\n', '  - target: pushes\n');
    expect(problems(missing)).toEqual([expect.stringMatching(/key\[1\]\.target there is no component or connection "pushes"/)]);
    const overlap = text('url-shortener').replace('position: { x: 780, y: 330 }', 'position: { x: 790, y: 20 }');
    expect(problems(overlap)).toEqual([expect.stringMatching(/design\.nodes\[4\]\.position puts "Short-code generator" on top of "Link cache \(Redis\)"/)]);
  });

  it('two files with the same id, or a file not named after its scenario', () => {
    const one = sources[0]!;
    const report = checkScenarioSources([one, { file: 'scenarios/copy.yaml', text: one.text }]);
    expect(report.passed).toBe(1);
    expect(report.failures.map((f) => f.message)).toEqual([`the file should be named after the scenario id: ${scenarios[0]!.id}.yaml`, `scenario id "${scenarios[0]!.id}" is already used by ${one.file}`]);
  });
});

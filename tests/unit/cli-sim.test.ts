import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../src/model/example';
import { serializeDesign } from '../../src/model/file';
import { shopScenarioYaml } from './helpers/shop-scenario';
import { ROOT, runCli, type CliOutcome } from './helpers/run-cli';
import { describeCaseRun, solveCaseFile } from '../../src/cli/sim-case';
import type { NetworkResult } from '../../src/engine/analytic';
import type { RunReport } from '../../src/engine/simulation';

const CASES_DIR = join(ROOT, 'tests/fixtures/reference-cases');

type Outcome = CliOutcome;
const sim = (...args: string[]): Promise<Outcome> => runCli('sim', args);

function expectOneLineError(outcome: Outcome, pattern: RegExp): void {
  expect(outcome.code).not.toBe(0);
  expect(outcome.stdout).toBe('');
  const lines = outcome.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(outcome.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
}

interface ReferenceCase {
  name: string;
  expect: { stations: Record<string, Record<string, number>>; meanResponseMs?: number; saturated: string[] };
  tolerance: { analytic: number; simulation: number };
}

// Each test starts a node process running the CLI; on a busy machine that can take several seconds.
const SPAWN_TIMEOUT_MS = 300_000; // a hang guard: a busy machine may be far slower than an idle one

const caseFiles = readdirSync(CASES_DIR).filter((f) => f.endsWith('.json'));
/** Run through the CLI by each method: a three-station network with an end-to-end mean, and one with a saturated station (no mean). */
const CLI_CASES = ['three-tier.json', 'saturated-db.json'];
const tmp = mkdtempSync(join(tmpdir(), 'archlab-sim-'));

// The reference README: simulation gets its own tolerance, and 1.5 times that for p99.
const toleranceFor = (ref: ReferenceCase, method: 'analytic' | 'simulation', key: string) =>
  method === 'analytic' ? ref.tolerance.analytic : ref.tolerance.simulation * (key.startsWith('p99') ? 1.5 : 1);

/** Every figure the case expects that `output` misses by more than the case's tolerance for `method`. */
function misses(ref: ReferenceCase, output: NetworkResult, method: 'analytic' | 'simulation'): string[] {
  const out: string[] = [];
  const check = (label: string, actual: number | undefined, expected: number) => {
    if (actual === undefined || !(Math.abs(actual - expected) / Math.abs(expected) <= toleranceFor(ref, method, label))) out.push(`${label}: ${actual} vs ${expected}`);
  };
  for (const [id, figures] of Object.entries(ref.expect.stations)) {
    for (const [key, expected] of Object.entries(figures)) check(key, (output.stations[id] as Record<string, number | undefined> | undefined)?.[key], expected);
  }
  if (ref.expect.meanResponseMs !== undefined) check('meanResponseMs', output.meanResponseMs, ref.expect.meanResponseMs);
  return out;
}

/** The output contract: exactly these keys, the saturated list, and no mean for a saturated station. */
function expectContract(ref: ReferenceCase, output: NetworkResult): void {
  expect(Object.keys(output).sort()).toEqual(ref.expect.meanResponseMs === undefined ? ['saturated', 'stations'] : ['meanResponseMs', 'saturated', 'stations']);
  expect([...output.saturated].sort()).toEqual([...ref.expect.saturated].sort());
  for (const id of ref.expect.saturated) expect(output.stations[id]!.meanResponseMs).toBeUndefined();
}

const readCase = (file: string) => JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as ReferenceCase;

// The figures of every case are held in process, by engine-network.test.ts (analytic) and
// sim-reference.test.ts (simulation, the same seed 1 the CLI uses); here the contract of what
// `sim --case` makes of them, for every case in process, and through the CLI's stdout for a case
// with an end-to-end mean and one with a saturated station, by each method.
describe('sim --case: the output contract', () => {
  it.each(caseFiles)('%s: the contract\'s keys and saturated list (in process, analytic)', (file) => {
    const ref = readCase(file);
    const { result, run } = solveCaseFile(join(CASES_DIR, file), { method: 'analytic' });
    expectContract(ref, result);
    expect(misses(ref, result, 'analytic')).toEqual([]);
    expect(run).toBeNull();
  });

  it('the cases through the CLI include one with an end-to-end mean and one with a saturated station', () => {
    expect(CLI_CASES.map((f) => readCase(f).expect.meanResponseMs === undefined).sort()).toEqual([false, true]);
  });

  describe.each(['analytic', 'simulation'] as const)('--method %s --json', (method) => {
    it.concurrent.each(CLI_CASES)('%s: one JSON object within tolerance', { timeout: SPAWN_TIMEOUT_MS }, async (file) => {
      const ref = readCase(file);
      const outcome = await sim('--case', join(CASES_DIR, file), '--method', method, '--json');
      expect(outcome.code).toBe(0);
      expect(outcome.stderr).toBe('');
      const output = JSON.parse(outcome.stdout) as NetworkResult;
      expectContract(ref, output);
      expect(misses(ref, output, method)).toEqual([]);
    });
  });
});

describe('sim on bad input', { timeout: SPAWN_TIMEOUT_MS }, () => {
  const aCase = join(CASES_DIR, caseFiles[0]!);

  it.concurrent('a seed that is not a whole number', async () => {
    expectOneLineError(await sim('--case', aCase, '--method', 'simulation', '--seed', '1.5'), /--seed must be a whole number above 0/);
  });

  it.concurrent('the same seed gives the same simulation output', async () => {
    const [a, b] = await Promise.all([sim('--case', aCase, '--method', 'simulation', '--seed', '7', '--json'), sim('--case', aCase, '--method', 'simulation', '--seed', '7', '--json')]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it.concurrent('an unknown method', async () => {
    expectOneLineError(await sim('--case', aCase, '--method', 'guess'), /unknown method "guess"/);
  });

  it.concurrent('a missing file', async () => {
    expectOneLineError(await sim('--case', join(tmp, 'nope.json'), '--json'), /cannot read ".*nope\.json": no such file/);
  });

  it.concurrent('an endless stream is read only up to the cap', async () => {
    expectOneLineError(await sim('/dev/zero'), /^cannot read "\/dev\/zero": it is larger than 20 MB, the most ArchLab reads$/);
  });

  it.concurrent('invalid JSON', async () => {
    const path = join(tmp, 'broken.json');
    writeFileSync(path, '{"stations": [');
    expectOneLineError(await sim('--case', path, '--json'), /broken\.json" is not valid JSON/);
  });

  it.concurrent('a negative arrival rate in a case', async () => {
    const path = join(tmp, 'negative.json');
    writeFileSync(path, JSON.stringify({ stations: [{ id: 's', servers: 1, serviceMs: 5, serviceScv: 1 }], arrivals: [{ to: 's', rps: -5 }], routing: [] }));
    expectOneLineError(await sim('--case', path, '--json'), /arrivals\.0\.rps" must be 0 or more/);
  });

  it.concurrent('an invalid design', async () => {
    const path = join(tmp, 'not-a-design.json');
    writeFileSync(path, JSON.stringify({ hello: 'world' }));
    expectOneLineError(await sim(path), /not-a-design\.json" is not a valid design: /);
  });

  it.concurrent('a negative --rps', async () => {
    const path = join(tmp, 'design-for-rps.json');
    writeFileSync(path, serializeDesign(exampleDesign()));
    expectOneLineError(await sim(path, '--rps', '-5'), /--rps must be a number of requests per second, 0 or more \(got "-5"\)/);
  });

  it.concurrent('an --rps beyond what a client can send, and a --duration beyond the longest run', async () => {
    const path = join(tmp, 'design-for-limits.json');
    writeFileSync(path, serializeDesign(exampleDesign()));
    const [rps, duration, backlog] = await Promise.all([sim(path, '--rps', '1e307'), sim(path, '--method', 'simulation', '--duration', '1e308'), sim(path, '--method', 'simulation', '--max-backlog', '1e20')]);
    // Before: "Maximum call stack size exceeded", and "at least Infinity s".
    expectOneLineError(rps, /^--rps 1e\+307 would have client "Mobile users" send 1\.00e\+307 requests\/s; a client sends at most 10,000,000$/);
    expectOneLineError(duration, /^--duration must be at most 1,000,000 s, the longest simulation ArchLab runs \(11\.6 days of simulated time\) \(got "1e308"\)$/);
    // Before: accepted, so the backlog limit no longer kept a flooded run's memory in bounds.
    expectOneLineError(backlog, /^--max-backlog must be at most 20,000,000 requests, or the run could fill the computer's memory \(got "1e20"\)$/);
  });

  it.concurrent('a broken scenario: one line with file:line and what is wrong (exit 1)', async () => {
    const path = join(tmp, 'broken-scenario.yaml');
    writeFileSync(path, 'version: 1\nid: broken\nmode: identify\ntitle: [unclosed\n');
    const outcome = await sim(path, '--method', 'simulation');
    expectOneLineError(outcome, /broken-scenario\.yaml:\d+: /);
    expect(outcome.code).toBe(1);
  });

  it.concurrent('an unknown option', async () => {
    expectOneLineError(await sim('--colour'), /unknown option '--colour'/);
  });
});

describe('sim --method simulation', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it.concurrent('a design simulated twice with the same seed gives the same JSON, without series unless asked', async () => {
    const path = join(tmp, 'example-for-sim.json');
    writeFileSync(path, serializeDesign(exampleDesign()));
    const [a, b] = await Promise.all([sim(path, '--method', 'simulation', '--duration', '40', '--seed', '5', '--json'), sim(path, '--method', 'simulation', '--duration', '40', '--seed', '5', '--json')]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as { seed: number; durationS: number; components: { nodeId: string; series?: unknown; summary: { offeredRps: number } }[]; flows: { summary: { availability: number } }[]; timeS?: unknown };
    expect(report.seed).toBe(5);
    expect(report.durationS).toBe(40);
    expect(report.timeS).toBeUndefined();
    expect(report.components.every((c) => c.series === undefined)).toBe(true);
    expect(report.components.find((c) => c.nodeId === 'api')!.summary.offeredRps).toBeGreaterThan(250); // the example sends 300 req/s to the API
  });

  it.concurrent('a scenario with a failure shows lower availability than the same scenario without it', async () => {
    const scenario = (failures: string) =>
      shopScenarioYaml({ id: 'cli-crash', title: 'A crash', summary: 'One API crashes for a minute.' }, `requirements: { availability: 0.999 }
workload: { rps: { users: 50 } }
${failures}`);
    const withFailure = join(tmp, 'with-crash.yaml');
    const without = join(tmp, 'without-crash.yaml');
    writeFileSync(withFailure, scenario('failures:\n  - { atS: 40, durationS: 60, kind: crash, target: api }'));
    writeFileSync(without, scenario(''));
    const [failing, healthy] = await Promise.all([sim(withFailure, '--method', 'simulation', '--json'), sim(without, '--method', 'simulation', '--duration', '160', '--json')]);
    expect(failing.code).toBe(0);
    expect(healthy.code).toBe(0);
    type Run = { durationS: number; overall: { availability: number }; slo: { pass: boolean } | null; setup: { failures?: unknown[] } };
    const a = JSON.parse(failing.stdout) as Run;
    const b = JSON.parse(healthy.stdout) as Run;
    expect(a.durationS).toBe(160); // the crash ends at 100 s, then a minute to watch
    expect(a.setup.failures).toEqual([{ kind: 'crash', nodeId: 'api', atS: 40, durationS: 60 }]);
    expect(b.overall.availability).toBe(1);
    expect(a.overall.availability).toBeLessThan(0.7);
    expect(a.slo?.pass).toBe(false);
    expect(b.slo?.pass).toBe(true);
  });
});

describe('sim <design.json>', { timeout: SPAWN_TIMEOUT_MS }, () => {
  const path = join(tmp, 'example.json');
  writeFileSync(path, serializeDesign(exampleDesign()));

  it.concurrent('--rps scales the clients to the given total and --json prints the results', async () => {
    const outcome = await sim(path, '--rps', '120', '--json');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as { entryRps: number; components: Record<string, { utilization: number | null }>; flows: { rps: number }[]; headroom: unknown[] };
    expect(report.entryRps).toBeCloseTo(120, 9);
    expect(report.flows.reduce((s, f) => s + f.rps, 0)).toBeCloseTo(120, 9);
    expect(Object.keys(report.components)).toContain('db');
    expect(report.headroom).toHaveLength(report.flows.length);
  });

  it.concurrent('prints a table of components and flows', async () => {
    const outcome = await sim(path);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/component\s+util %\s+mean ms\s+p99 ms\s+status/);
    expect(outcome.stdout).toMatch(/Photos DB/);
    expect(outcome.stdout).toMatch(/flow\s+rps\s+mean ms/);
  });
});

describe('sim --case --method simulation, as text: why the run stopped, in words', () => {
  it.concurrent('a fixed duration says it ran for the time asked and how precise the mean is; the analytic table says nothing of a run', { timeout: SPAWN_TIMEOUT_MS }, async () => {
    const aCase = join(CASES_DIR, 'mm1-moderate.json');
    const [simulated, analytic] = await Promise.all([sim('--case', aCase, '--method', 'simulation', '--duration', '5', '--seed', '3'), sim('--case', aCase)]);
    expect(simulated.code).toBe(0);
    expect(simulated.stdout).toMatch(/Simulated 5 s after a warm-up of [\d.,]+ s \([\d,]+ events\)\. It ran for the time asked; the mean is known to ±\d+\.\d% \(95% confidence\)\./);
    expect(analytic.code).toBe(0);
    expect(analytic.stdout).not.toMatch(/Simulated|warm-up/);
  });

  it('each way a run can stop has its own sentence, and a warm-up cut short is said', () => {
    const run: RunReport = {
      seed: 1,
      serviceFamily: 'phase',
      warmupS: 2,
      warmupComplete: true,
      measuredS: 100,
      events: 1_000_000,
      chunks: 3,
      targetRelativeHalfWidth: 0.015,
      achievedRelativeHalfWidth: 0.05,
      precisionMet: false,
      completionsMet: true,
      stopReason: 'max-events',
      reruns: 0,
    };
    const reasons: RunReport['stopReason'][] = ['precision-met', 'fixed-duration', 'max-duration', 'max-events', 'nothing-to-measure'];
    const sentences = reasons.map((stopReason) => describeCaseRun({ ...run, stopReason }));
    expect(new Set(sentences).size).toBe(reasons.length);
    expect(sentences[3]).toContain('used its budget of events, before the mean was as precise as asked: it is known to ±5.0% only');
    expect(sentences[4]).toContain('nothing to measure');
    expect(describeCaseRun(run)).not.toContain('warm-up was cut short');
    expect(describeCaseRun({ ...run, warmupComplete: false })).toContain('The warm-up was cut short');
  });
});

// `sim --method simulation` and `sim <scenario.yaml>` in-process (the spawned end-to-end checks
// are in cli-sim.test.ts): which setup a run takes, what the JSON and tables hold, and bad input
// as one line in the learner's words.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error';
import { DEFAULT_SIM_DURATION_S, designSimOptions, formatSimulationRun, simulateDesignFile, simulationJson } from '../../src/cli/sim-design';
import { isScenarioPath, loadScenarioFile, simulateScenarioFile, solveScenarioFile } from '../../src/cli/sim-scenario';
import { demoDesign } from '../../src/model/demos';
import { serializeDesign } from '../../src/model/file';
import type { Design } from '../../src/model/types';
import { MIN_SCENARIO_DURATION_S } from '../../src/scenarios/simulation';
import { shopScenarioYaml } from './helpers/shop-scenario';

const tmp = mkdtempSync(join(tmpdir(), 'archlab-sim-sim-'));

function designFile(name: string, design: Design): string {
  const path = join(tmp, name);
  writeFileSync(path, serializeDesign(design));
  return path;
}

/** A client and one API, small enough to simulate for minutes in a blink. */
const tiny: Design = {
  id: 'tiny',
  name: 'Tiny shop',
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', params: { rps: 20 }, position: { x: 0, y: 0 } },
    { id: 'api', kind: 'service', label: 'Shop API', params: {}, position: { x: 260, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'api', mode: 'sync', share: 1, callsPerRequest: 1 }],
  groups: [],
};

const SCENARIO = shopScenarioYaml(
  { id: 'cli-sim-scenario', title: 'A slow API', summary: 'The API slows down for half a minute.' },
  `requirements: { p99LatencyMs: 150 }
workload:
  rps: { users: 40 }
  overTime:
    - { atS: 20, shape: step, rps: 60 }
failures:
  - { atS: 30, durationS: 30, kind: slow, target: api, factor: 4 }`,
);

function scenarioFile(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

function cliError(run: () => unknown): CliError {
  try {
    run();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('simulating a design file', () => {
  it('takes the design\'s own setup, and the flags win over it', () => {
    const demo = demoDesign('zone-outage-one-zone')!;
    expect(designSimOptions(demo, {})).toEqual({ durationS: 180, seed: 1, failures: demo.simulation!.failures });
    expect(designSimOptions(demo, { durationS: 50, seed: 9 })).toMatchObject({ durationS: 50, seed: 9 });
    expect(designSimOptions(tiny, {})).toEqual({ durationS: DEFAULT_SIM_DURATION_S, seed: 1 });
  });

  it('a saved zone outage shows in the run: failed requests, the failure listed, the timeline', () => {
    const run = simulateDesignFile(designFile('zone.json', demoDesign('zone-outage-one-zone')!), { durationS: 100 });
    expect(run.report.durationS).toBe(100);
    expect(run.report.overall.availability).toBeLessThan(0.7); // 40 of 90 measured seconds without the zone
    const text = formatSimulationRun(run);
    expect(text).toMatch(/component\s+offered rps\s+util %\s+p99 ms\s+errors\/s/);
    expect(text).toMatch(/flow\s+rps\s+avail %\s+mean ms\s+p99 ms\s+error %/);
    expect(text).toMatch(/60 s to 120 s: Zone us-east-1a is lost, with everything in it/);
    expect(text).toMatch(/timeline:\n\s+60 s\s+.*is lost, with everything in it \(\d+ components\)/);
  });

  it('JSON leaves the per-second series out unless asked', () => {
    const run = simulateDesignFile(designFile('tiny.json', tiny), { durationS: 20 });
    const plain = simulationJson(run, false) as Record<string, unknown> & { components: Record<string, unknown>[]; flows: Record<string, unknown>[] };
    expect(plain.timeS).toBeUndefined();
    expect(plain.components[0]!.series).toBeUndefined();
    expect(plain.flows[0]!.series).toBeUndefined();
    expect(plain.setup).toEqual({ durationS: 20, seed: 1 });
    const full = simulationJson(run, true) as typeof plain;
    expect(full.timeS).toHaveLength(20);
    expect(full.components[0]!.series).toBeDefined();
    expect(full.flows[0]!.series).toBeDefined();
  });

  it('a setup the simulator cannot run is one line naming the file', () => {
    const broken: Design = { ...tiny, simulation: { durationS: 30, failures: [{ kind: 'crash', nodeId: 'ghost', atS: 5 }] } };
    const error = cliError(() => simulateDesignFile(designFile('ghost.json', broken), {}));
    // Design validation now refuses the file as it is read, with the path of the bad reference.
    expect(error.message).toMatch(/ghost\.json" is not a valid design: Field "simulation\.failures\[0\]\.nodeId": there is no component "ghost"\.$/);
    expect(error.message).not.toContain('\n');
  });
});

describe('a scenario file', () => {
  const path = scenarioFile('slow-api.yaml', SCENARIO);

  it('is told apart from a design by its extension', () => {
    expect(isScenarioPath(path)).toBe(true);
    expect(isScenarioPath('scenario.YML')).toBe(true);
    expect(isScenarioPath('design.json')).toBe(false);
  });

  it('simulated: the scenario\'s traffic, failures and targets, long enough to watch the failure end', () => {
    const run = simulateScenarioFile(path, {});
    expect(run.report.durationS).toBe(MIN_SCENARIO_DURATION_S); // the slowdown ends at 60 s; runs last at least two minutes
    expect(run.setup.workload).toEqual({ users: [{ kind: 'step', atS: 20, toRps: 60 }] });
    expect(run.report.slo?.checks.map((c) => c.target)).toEqual(['p99Ms']);
    const text = formatSimulationRun(run);
    expect(text).toMatch(/traffic:\n\s+Users: 60 req\/s from 20 s/);
    expect(text).toMatch(/30 s to 60 s: Shop API is 4x slower/);
    expect(text).toMatch(/SLO: (pass|FAIL)\n\s+p99 latency at most 150\.0 ms: /);
  });

  it('simulated with flags: --duration and --seed win', () => {
    const run = simulateScenarioFile(path, { durationS: 25, seed: 4 });
    expect(run.report.durationS).toBe(25);
    expect(run.report.seed).toBe(4);
  });

  it('solved analytically at the scenario\'s rates, whatever the design\'s clients say', () => {
    expect(solveScenarioFile(path, undefined).entryRps).toBeCloseTo(40, 9);
    expect(solveScenarioFile(path, 100).entryRps).toBeCloseTo(100, 9);
  });

  it('a broken one is a single line with file:line and what is wrong', () => {
    const bad = scenarioFile('bad-kind.yaml', SCENARIO.replace('kind: service', 'kind: servise'));
    const error = cliError(() => loadScenarioFile(bad));
    expect(error.message).toMatch(/bad-kind\.yaml:\d+: design\.nodes\[1\]\.kind must be one of: /);
    expect(error.message).not.toContain('\n');
  });
});

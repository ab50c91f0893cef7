// `scenario grade <scenario> <submission> --simulate` gives the verdict the app's fix panel gives:
// the same simulated runs (the app's worker path: planReplications, runReplication per seed,
// combineReplications), and "solved" only when the steady and simulated checks both pass.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combineReplications, DEFAULT_REPLICATIONS, formatIssue, parseScenarioYaml, planReplications, runReplication, type FixScenario, type SimulatedFixGrade } from '../../src/scenarios';
import type { Design } from '../../src/model/types';
import { runCliSync } from './helpers/run-cli';

const root = join(import.meta.dirname, '../..');
const SCENARIO = 'scenarios/multi-zone-failover.yaml';

const scenarioCli = (...args: string[]) => runCliSync('scenario', args);

function load(): FixScenario {
  const r = parseScenarioYaml(readFileSync(join(root, SCENARIO), 'utf8'));
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r.scenario as FixScenario;
}

/** What the app's simulated check computes: one plan, each run on its own (in a worker there), combined in seed order. */
function appSimulatedGrade(scenario: FixScenario, design: Design, replications: number): SimulatedFixGrade {
  const planned = planReplications(scenario, design, { replications });
  if (!planned.ok) return planned.grade;
  const runs = planned.plan.seeds.map((_, k) => runReplication(scenario, planned.plan, k));
  return combineReplications(scenario, design, planned.plan, runs);
}

const scenario = load();
const dir = mkdtempSync(join(tmpdir(), 'archlab-grade-sim-'));
const submit = (name: string, design: Design) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ scenarioId: scenario.id, mode: 'fix', design }));
  return path;
};

// Long simulations on a shared machine: no tight timeout.
describe('scenario grade --simulate', { timeout: 300_000 }, () => {
  it('fails both API copies in one zone as the app does, in the steady checks (the zone fails as one) and in the simulated zone loss', () => {
    const oneZone = structuredClone(scenario.solution);
    Object.assign(oneZone.nodes.find((n) => n.id === 'api-b')!, { groupId: 'zone-a', position: { x: 520, y: 0 } });
    const r = scenarioCli('grade', SCENARIO, submit('one-zone.json', oneZone), '--simulate', '--replications', '2', '--json');
    expect([r.code, r.stderr]).toEqual([0, '']);
    const graded = JSON.parse(r.stdout) as { passed: boolean; solved: boolean; checks: { check: string; passed: boolean }[]; simulated: SimulatedFixGrade };
    expect(graded.passed).toBe(false);
    expect(graded.checks.find((c) => c.check === 'availability')!.passed).toBe(false);
    expect(graded.solved).toBe(false);
    expect(graded.simulated.checks.find((c) => c.check === 'availability')!.verdict).toBe('fail');
    expect(graded.simulated).toEqual(JSON.parse(JSON.stringify(appSimulatedGrade(scenario, oneZone, 2))));
  });

  it('calls the reference solution solved, in words', () => {
    const r = scenarioCli('grade', SCENARIO, submit('reference.json', scenario.solution), '--simulate', '--replications', '2');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^PASSED: the design meets every check\./);
    expect(r.stdout).toMatch(/Under the scenario's traffic and failures \(simulated, 2 runs, seeds 1, 2\):\npass {2}availability: Availability (100|99\.9\d+)% /);
    expect(r.stdout.trimEnd()).toMatch(/\nSOLVED \(the app's verdict: the steady checks and the simulated check must pass\)\.$/);
  });

  it("runs as many times as the app by default, and gives no figures to a design that breaks the story's world", () => {
    const cheat = structuredClone(scenario.solution);
    cheat.nodes.find((n) => n.id === 'api-a')!.params.availability = 0.99999;
    const r = scenarioCli('grade', SCENARIO, submit('cheat.json', cheat), '--simulate', '--json');
    const graded = JSON.parse(r.stdout) as { passed: boolean; solved: boolean; checks: unknown[]; invariants: { message: string }[]; simulated: SimulatedFixGrade };
    expect(graded).toMatchObject({ passed: false, solved: false, checks: [] });
    expect(graded.invariants[0]!.message).toMatch(/^"Invoicing API \(zone a\)" is new, with availability per instance 99\.999%/);
    expect(graded.simulated).toMatchObject({ passed: false, replications: DEFAULT_REPLICATIONS, checks: [] });
    expect(graded.simulated.problems).toEqual(graded.invariants.map((i) => i.message));
  });

  it('refuses --simulate on other modes and too few runs, in one line', () => {
    const identify = join(dir, 'identify.json');
    writeFileSync(identify, JSON.stringify({ scenarioId: 'url-shortener', mode: 'identify', answers: {} }));
    const other = scenarioCli('grade', 'scenarios/url-shortener.yaml', identify, '--simulate');
    expect([other.code, other.stderr]).toEqual([2, '--simulate grades fix scenarios only; "url-shortener" is an identify scenario\n']);
    const one = scenarioCli('grade', SCENARIO, submit('any.json', scenario.solution), '--simulate', '--replications', '1');
    expect([one.code, one.stderr]).toEqual([2, '--replications must be a whole number of at least 2 (got "1")\n']);
  });
});

// `scenario check` as a library: load each scenario, run its self-check, and check the set as a
// whole (ids unique, each file named after its scenario). Takes texts, not paths, so it runs the
// same in the CLI, in tests and in the browser's authoring panel.
import type { Design } from '../model/types';
import { combineReplications, planReplications, runReplication } from './modes/fix/simulated';
import type { ReplicationPlan, ReplicationResult, SimulatedFixGrade } from './modes/fix/sim-types';
import type { ScenarioIssue } from './modes/mode-spec';
import { issueText, locateAll, parseScenarioYaml, type LocatedIssue } from './parse';
import { firstLookPlan, hasTimeline, selfCheckScenario, selfCheckSimulated, settledAfterFirstLook, simulatedSelfCheckIssues, type SelfCheckSide, type SimulatedSelfCheckOptions } from './self-check';
import type { FixScenario, Scenario } from './types';

export interface ScenarioSource {
  /** The file's path or name, as it should appear in messages. */
  file: string;
  text: string;
}

export interface CheckFailure {
  file: string;
  message: string;
}

export interface CheckReport {
  scenarios: number;
  /** Scenarios with no failure. */
  passed: number;
  failures: CheckFailure[];
}

export type CheckedScenario = { scenario: Scenario; issues: LocatedIssue[] } | { scenario: null; issues: LocatedIssue[] };

export interface CheckOptions {
  /** Also simulate fix scenarios through their timelines (seconds to minutes each). */
  simulate?: SimulatedSelfCheckOptions;
}

/** Loads one scenario and runs its self-check; an empty issue list means it passes. */
export function checkScenarioText(text: string, options: CheckOptions = {}): CheckedScenario {
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok) return { scenario: null, issues: parsed.issues };
  const issues = selfCheckScenario(parsed.scenario);
  // The simulation only for a scenario that passes the quick checks: a broken one would waste minutes.
  if (options.simulate && issues.length === 0) issues.push(...selfCheckSimulated(parsed.scenario, options.simulate));
  return { scenario: parsed.scenario, issues: locateAll(issues, parsed.locate) };
}

// ---- the simulated check spread over threads -------------------------------------------------

/** One simulated run the check needs: run k of a fix scenario's reference solution or starting design (plain data, for a worker thread). */
export interface ReplicationJob {
  text: string;
  side: 'solution' | 'design';
  replications: number;
  k: number;
}

/** Runs every job (in any order, as many at once as it can) and answers with their results in the jobs' order. */
export type ReplicationRunner = (jobs: readonly ReplicationJob[]) => Promise<ReplicationResult[]>;

function jobPlan(scenario: FixScenario, side: ReplicationJob['side'], replications: number): { design: Design; planned: ReturnType<typeof planReplications> } {
  const design = side === 'solution' ? scenario.solution : scenario.design;
  return { design, planned: planReplications(scenario, design, { replications }) };
}

/** One job, in this thread: the same run as `scenario check --simulate` makes in order (what a worker thread does with it). */
export function runReplicationJob(job: ReplicationJob): ReplicationResult {
  const parsed = parseScenarioYaml(job.text);
  if (!parsed.ok || parsed.scenario.mode !== 'fix') throw new Error('a replication job must be a fix scenario that loads');
  const { planned } = jobPlan(parsed.scenario, job.side, job.replications);
  if (!planned.ok) throw new Error('a replication job must be for a design the simulator can run');
  return runReplication(parsed.scenario, planned.plan, job.k);
}

/** Simulated work of a plan, for running the longest first: simulated seconds times requests per second offered. */
const planCost = (scenario: Scenario, plan: ReplicationPlan) => plan.durationS * Object.values(scenario.workload.clientRps).reduce((a, b) => a + b, 0);

/**
 * checkScenarioSources with `--simulate`, each simulated run handed to `run` (the CLI spreads
 * them over worker threads, longest first). The report is the same as checkScenarioSources'
 * with the same replications: the same runs, combined in seed order.
 */
export async function checkScenarioSourcesSimulated(sources: readonly ScenarioSource[], simulate: SimulatedSelfCheckOptions, run: ReplicationRunner): Promise<CheckReport> {
  type Pending = { side: SelfCheckSide; text: string; scenario: FixScenario; design: Design; planned: ReturnType<typeof planReplications>; results: ReplicationResult[]; grade: SimulatedFixGrade | null };
  const steady = sources.map(({ text }) => {
    const parsed = parseScenarioYaml(text);
    if (!parsed.ok) return { parsed, issues: [] as ScenarioIssue[], pending: [] as Pending[] };
    const issues = selfCheckScenario(parsed.scenario);
    const scenario = parsed.scenario;
    // As selfCheckSimulated: only a fix scenario with a timeline that passes the quick checks.
    if (issues.length > 0 || scenario.mode !== 'fix' || !hasTimeline(scenario)) return { parsed, issues, pending: [] as Pending[] };
    const pending = (['solution', 'design'] as const).map((side): Pending => {
      const { design, planned } = jobPlan(scenario, side, simulate.replications);
      return { side, text, scenario, design, planned, results: [], grade: planned.ok ? null : planned.grade };
    });
    return { parsed, issues, pending };
  });
  const all = steady.flatMap((s) => s.pending);
  // Runs each design still without a grade up to `to` runs, all in one batch (longest first).
  const runBatch = async (to: (plan: ReplicationPlan) => number) => {
    const jobs: { p: Pending; k: number; cost: number }[] = [];
    for (const p of all) {
      if (p.grade !== null || !p.planned.ok) continue;
      for (let k = p.results.length; k < to(p.planned.plan); k++) jobs.push({ p, k, cost: planCost(p.scenario, p.planned.plan) });
    }
    jobs.sort((a, b) => b.cost - a.cost);
    const ran = await run(jobs.map(({ p, k }) => ({ text: p.text, side: p.side, replications: simulate.replications, k })));
    jobs.forEach(({ p, k }, n) => (p.results[k] = ran[n]!));
  };
  // First look: FIRST_LOOK_RUNS runs of each design; a design whose verdicts those settle is graded from them.
  await runBatch((plan) => (firstLookPlan(plan) ?? plan).seeds.length);
  for (const p of all) {
    if (p.grade !== null || !p.planned.ok) continue;
    const early = firstLookPlan(p.planned.plan);
    // No runs left, or one that could not run (the grade fails with its reason).
    if (early === null || p.results.some((r) => !r.ok)) p.grade = combineReplications(p.scenario, p.design, p.planned.plan, p.results);
    else {
      const first = combineReplications(p.scenario, p.design, early, p.results);
      if (settledAfterFirstLook(first, p.side)) p.grade = first;
    }
  }
  await runBatch((plan) => plan.seeds.length);
  const checked = steady.map(({ parsed, issues, pending }): CheckedScenario => {
    if (!parsed.ok) return { scenario: null, issues: parsed.issues };
    if (pending.length === 2) {
      const [reference, start] = pending.map((p): SimulatedFixGrade => p.grade ?? (p.planned.ok ? combineReplications(p.scenario, p.design, p.planned.plan, p.results) : p.planned.grade));
      issues.push(...simulatedSelfCheckIssues(reference!, start!));
    }
    return { scenario: parsed.scenario, issues: locateAll(issues, parsed.locate) };
  });
  return reportOf(sources, checked);
}

/** "line 12: design.nodes[3] ..."; the message alone when it has no line. */
export function issueLine(issue: LocatedIssue): string {
  return issue.line === null ? issueText(issue) : `line ${issue.line}: ${issueText(issue)}`;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.ya?ml$/i, '');
}

export function checkScenarioSources(sources: readonly ScenarioSource[], options: CheckOptions = {}): CheckReport {
  return reportOf(
    sources,
    sources.map(({ text }) => checkScenarioText(text, options)),
  );
}

/** The report from each source's own check: its issues, then the set's (file names, unique ids). */
function reportOf(sources: readonly ScenarioSource[], checks: readonly CheckedScenario[]): CheckReport {
  const failures: CheckFailure[] = [];
  const failed = new Set<string>();
  const fileById = new Map<string, string>();
  sources.forEach(({ file }, i) => {
    const fail = (message: string) => {
      failures.push({ file, message });
      failed.add(file);
    };
    const checked = checks[i]!;
    for (const issue of checked.issues) fail(issueLine(issue));
    if (!checked.scenario) return;
    const { id } = checked.scenario;
    if (baseName(file) !== id) fail(`the file should be named after the scenario id: ${id}.yaml`);
    const earlier = fileById.get(id);
    if (earlier !== undefined) fail(`scenario id "${id}" is already used by ${earlier}`);
    else fileById.set(id, file);
  });
  return { scenarios: sources.length, passed: sources.filter((s) => !failed.has(s.file)).length, failures };
}

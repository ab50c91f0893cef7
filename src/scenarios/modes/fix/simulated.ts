// Fix-mode verdicts from the discrete-event simulator: the learner's design runs under the
// scenario's traffic over time and failure timeline (scenarioSimOptions), as independent
// replications with fixed seeds, and each check gets a mean, a 95% confidence interval across
// the replications (Student t) and one of three verdicts: 'pass' when the whole interval is on
// the passing side, 'fail' when it is wholly on the failing side, and 'too-close' when the
// target lies inside it. Fixed seeds make the grade a pure function of scenario, design and
// options: the same design always gets the same verdict.
//
// What each check measures (the flows are the clients the requirements name, or all of them):
// - p99LatencyMs: the worst flow's p99 end-to-end time of successful requests over the run
//   (after the warm-up). A flow that sent requests but had none succeed has no p99 and fails.
// - availability: the worst flow's share of finished requests that succeeded over the run.
// - errorRate: the worst flow's share that failed, for any reason (timeouts, turned away,
//   something down, errors), as its client sees it.
// - capacity: how many components cannot keep up outside failures and traffic spikes and ramps
//   (the steady part): their backlog keeps growing, or their workers are busy 99% of the time.
//   Target 0. Backlogs that build up during a failure or a spike and drain afterwards are fine.
// - monthlyCostUsd: the analytic figure; it does not depend on the run, so it has no noise.
import { DesignSimError, simulateDesign, type DesignSimReport } from '../../../engine/simulation';
import type { Design } from '../../../model/types';
import { runFigures, type RunFigures } from './sim-figures';
import { gradeCheck } from './sim-grading';
import { DEFAULT_REPLICATIONS, type GradeFixSimulatedOptions, type ReplicationPlan, type ReplicationResult, type SimulatedFixGrade } from './sim-types';
import { checkFixInvariants } from './invariants';
import { scenarioSimOptions } from '../../simulation';
import type { FixScenario } from '../../types';

export { DEFAULT_REPLICATIONS, type GradeFixSimulatedOptions, type ReplicationPlan, type ReplicationResult, type SimulatedCheckResult, type SimulatedFixGrade, type SimVerdict } from './sim-types';
export { SATURATED_UTILIZATION, type RunFigures } from './sim-figures';

/**
 * The runs a simulated grade needs, or the failing grade (with the reasons in words) when the
 * design cannot be simulated for the scenario. Throws RangeError for options out of range.
 */
export function planReplications(scenario: FixScenario, design: Design, options: GradeFixSimulatedOptions = {}): { ok: true; plan: ReplicationPlan } | { ok: false; grade: SimulatedFixGrade } {
  const replications = options.replications ?? DEFAULT_REPLICATIONS;
  if (!Number.isInteger(replications) || replications < 2) throw new RangeError(`replications must be a whole number of at least 2 (got ${String(replications)}): one run gives no idea of the noise.`);
  const baseSeed = options.baseSeed ?? 1;
  if (!Number.isFinite(baseSeed)) throw new RangeError(`baseSeed must be a number (got ${String(baseSeed)}).`);
  const seeds = Array.from({ length: replications }, (_, i) => baseSeed + i);
  // The story's work and world first, as in the steady grade: a design that breaks them gets no figures.
  const broken = checkFixInvariants(scenario, design);
  if (broken.length > 0) return { ok: false, grade: failedGrade(replications, seeds, options.durationS ?? NaN, broken.map((b) => b.message)) };
  try {
    const prepared = scenarioSimOptions(scenario, design);
    const durationS = options.durationS ?? prepared.options.durationS;
    return { ok: true, plan: { design: prepared.design, options: { ...prepared.options, durationS }, seeds, durationS } };
  } catch (error) {
    if (error instanceof DesignSimError) return { ok: false, grade: failedGrade(replications, seeds, options.durationS ?? NaN, error.problems) };
    throw error;
  }
}

/** Run k of the plan (seed plan.seeds[k]); onProgress gets the share of this run done. */
export function runReplication(scenario: FixScenario, plan: ReplicationPlan, k: number, options: { onProgress?: (done: number) => void; keepReport?: boolean } = {}): ReplicationResult {
  const seed = plan.seeds[k]!;
  let report: DesignSimReport;
  try {
    report = simulateDesign(plan.design, { ...plan.options, seed, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } catch (error) {
    if (error instanceof DesignSimError) return { ok: false, problems: error.problems };
    throw error;
  }
  const result: ReplicationResult = { ok: true, seed, figures: runFigures(scenario, report, plan.options), warnings: report.warnings, stoppedAfterEvents: report.stoppedEarly ? report.events : null };
  return options.keepReport ? { ...result, report } : result;
}

/** The grade from every run of the plan, in seed order; the first run's report is kept when it has one. */
export function combineReplications(scenario: FixScenario, design: Design, plan: ReplicationPlan, results: readonly ReplicationResult[]): SimulatedFixGrade {
  const { seeds, durationS } = plan;
  const runs: RunFigures[] = [];
  const problems: string[] = [];
  const warnings = new Set<string>();
  for (const result of results) {
    if (!result.ok) return failedGrade(seeds.length, seeds, durationS, result.problems);
    if (result.stoppedAfterEvents !== null) problems.push(`The run with seed ${result.seed} hit the event limit after ${result.stoppedAfterEvents.toLocaleString('en-US')} events and stopped before ${durationS} s; its figures cover only the part simulated.`);
    for (const w of result.warnings) warnings.add(w);
    runs.push(result.figures);
  }
  const checks = scenario.checks.map((check) => gradeCheck(scenario, design, check, runs));
  const grade: SimulatedFixGrade = { mode: 'fix-simulated', passed: checks.every((c) => c.verdict === 'pass'), checks, replications: seeds.length, seeds, durationS, problems, warnings: [...warnings] };
  const first = results[0];
  return first?.ok && first.report ? { ...grade, report: first.report } : grade;
}

/**
 * Grades a learner's design for a fix scenario by simulating it `replications` times with seeds
 * baseSeed, baseSeed + 1, ... Throws RangeError for options out of range; a design the simulator
 * cannot run gives a failing grade with the problems in words.
 */
export function gradeFixSimulated(scenario: FixScenario, design: Design, options: GradeFixSimulatedOptions = {}): SimulatedFixGrade {
  const planned = planReplications(scenario, design, options);
  if (!planned.ok) return planned.grade;
  const { plan } = planned;
  const progress = progressReporter(plan.seeds.length, options.onProgress);
  const results: ReplicationResult[] = [];
  for (let k = 0; k < plan.seeds.length; k++) {
    const result = runReplication(scenario, plan, k, { ...(progress ? { onProgress: (done: number) => progress(k + done) } : {}), keepReport: k === 0 && options.keepReport === true });
    results.push(result);
    if (!result.ok) break;
    progress?.(k + 1);
  }
  return combineReplications(scenario, design, plan, results);
}

function failedGrade(replications: number, seeds: number[], durationS: number, problems: string[]): SimulatedFixGrade {
  return { mode: 'fix-simulated', passed: false, checks: [], replications, seeds, durationS, problems, warnings: [] };
}

/** Maps "runs done" (0..replications, fractional within a run) to a rising share 0..1. */
function progressReporter(replications: number, onProgress: ((done: number) => void) | undefined): ((runsDone: number) => void) | null {
  if (!onProgress) return null;
  let last = -1;
  return (runsDone) => {
    const share = Math.min(1, Math.max(0, runsDone / replications));
    if (share <= last) return;
    last = share;
    onProgress(share);
  };
}

/**
 * A short fingerprint of what the simulator reads of a design (components, their settings and
 * places, connections), so a saved simulated grade can tell whether it still applies: moving or
 * renaming a component keeps it, any change the simulation could feel does not.
 */
export function simulationKey(design: Design): string {
  const text = JSON.stringify([
    design.nodes.map(({ id, kind, params, groupId, resilience }) => [id, kind, params, groupId ?? null, resilience ?? null]),
    design.edges.map(({ id, source, target, mode, callsPerRequest, share, onCacheMiss, resilience }) => [id, source, target, mode, callsPerRequest, share, onCacheMiss ?? null, resilience ?? null]),
    design.groups.map(({ id, kind, parentId }) => [id, kind, parentId ?? null]),
  ]);
  // FNV-1a, 32 bits, twice with different offsets: collisions between a learner's edits are
  // vanishingly unlikely, and a collision only shows an old grade as current.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

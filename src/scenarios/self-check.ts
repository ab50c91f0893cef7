// A scenario checks itself: every design solves and is laid out tidily, then the mode's own
// self-check (modes/<mode>/index.ts) confirms the file's answers grade as it says: a fix
// scenario's reference solution passes and its starting design fails, a critique key grades 100%
// against itself, identify answers are right, compare answers agree with their figures.
import { solveForScenario } from './evaluate';
import { combineReplications, planReplications, runReplication } from './modes/fix/simulated';
import { verdictOf } from './modes/fix/sim-stats';
import type { ReplicationPlan, ReplicationResult, SimulatedCheckResult, SimulatedFixGrade, SimVerdict } from './modes/fix/sim-types';
import { layoutIssues } from './layout';
import { modeSpec } from './modes';
import { scenarioDesigns, type ScenarioIssue } from './normalize';
import { hasTimeline } from './simulation';
import type { Scenario } from './types';

export { hasTimeline };

export function selfCheckScenario(scenario: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  let solvable = true;
  for (const { design, path } of scenarioDesigns(scenario)) {
    issues.push(...layoutIssues(design, (p) => [...path, ...p]));
    const solved = solveForScenario(scenario, design);
    if (!solved.ok) {
      solvable = false;
      issues.push(...solved.problems.map((message) => ({ path, message: `cannot be solved: ${message}` })));
    } else if (!solved.solution.converged) {
      issues.push({ path, message: `does not settle: ${solved.solution.message ?? ''}` });
    }
  }
  if (!solvable) return issues;
  modeSpec(scenario.mode).selfCheck(scenario, issues);
  return issues;
}

export interface SimulatedSelfCheckOptions {
  /** Runs per design (fixed seeds 1, 2, ...). */
  replications: number;
}


/**
 * The slow half of a fix scenario's self-check, from its two simulated grades: the reference
 * solution passes every check (a verdict too close to call counts against it: a reference
 * solution needs margin), and the starting design fails at least one.
 */
export function simulatedSelfCheckIssues(reference: SimulatedFixGrade, start: SimulatedFixGrade): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const problem of reference.problems) issues.push({ path: ['solution'], message: `the reference solution, simulated: ${problem}` });
  for (const c of reference.checks) {
    if (c.verdict !== 'pass') issues.push({ path: ['solution'], message: `the reference solution, simulated through the scenario's timeline: ${c.detail}` });
  }
  if (start.problems.length === 0 && start.checks.every((c) => c.verdict === 'pass')) {
    issues.push({ path: ['design'], message: "the starting design passes every check when simulated through the scenario's timeline, so the timeline tests nothing the steady checks do not" });
  }
  return issues;
}

/** Which design of a fix scenario a simulated grade is for: the reference solution or the starting design. */
export type SelfCheckSide = 'solution' | 'design';

/**
 * Runs of each design looked at first (seeds 1 to 3): the fewest whose 95% interval means
 * something (Student t with 2 degrees of freedom is 4.30). The rest run only when they could
 * change what the self-check says.
 */
export const FIRST_LOOK_RUNS = 3;

/** The plan's first FIRST_LOOK_RUNS runs; null when the plan has no more runs than that. */
export function firstLookPlan(plan: ReplicationPlan): ReplicationPlan | null {
  return plan.seeds.length > FIRST_LOOK_RUNS ? { ...plan, seeds: plan.seeds.slice(0, FIRST_LOOK_RUNS) } : null;
}

/**
 * The check's verdict with its interval doubled: the target must lie beyond twice the early
 * runs' own half-width. With 3 runs that is 8.6 standard errors of one run's mean; the mean
 * over all runs would have to move by more than about 6 of them for the full grade to say
 * otherwise, which independent runs of the same design do not do.
 */
function clearVerdict(c: SimulatedCheckResult): SimVerdict {
  if (c.mean === null || c.halfWidth === null) return c.verdict;
  return verdictOf(c.mean, 2 * c.halfWidth, c.target, c.check === 'availability');
}

/**
 * Whether the grade from the first runs already gives what the self-check would say after all of
 * them. The starting design only has to fail one check: one that fails clearly cannot pass with
 * more runs. The reference solution has to pass every check: each must pass clearly, and a noisy
 * figure that came out the same in every early run (no laggard in 3 runs, say) proves nothing
 * about the next runs, so it waits for them; the cost has no noise.
 */
export function settledAfterFirstLook(grade: SimulatedFixGrade, side: SelfCheckSide): boolean {
  if (grade.problems.length > 0 || grade.checks.length === 0) return false;
  if (side === 'design') return grade.checks.some((c) => clearVerdict(c) === 'fail');
  return grade.checks.every((c) => clearVerdict(c) === 'pass' && (c.check === 'monthlyCostUsd' || (c.halfWidth ?? 0) > 0));
}

/** The simulated self-check (`scenario check --simulate`); nothing to do for other modes, or a fix scenario with no timeline. */
export function selfCheckSimulated(scenario: Scenario, options: SimulatedSelfCheckOptions): ScenarioIssue[] {
  if (scenario.mode !== 'fix' || !hasTimeline(scenario)) return [];
  const grade = (side: SelfCheckSide): SimulatedFixGrade => {
    const design = side === 'solution' ? scenario.solution : scenario.design;
    const planned = planReplications(scenario, design, { replications: options.replications });
    if (!planned.ok) return planned.grade;
    const { plan } = planned;
    const results: ReplicationResult[] = [];
    const runUpTo = (count: number) => {
      while (results.length < count && results.at(-1)?.ok !== false) results.push(runReplication(scenario, plan, results.length));
    };
    const early = firstLookPlan(plan);
    if (early) {
      runUpTo(early.seeds.length);
      const first = combineReplications(scenario, design, early, results);
      if (settledAfterFirstLook(first, side)) return first;
    }
    runUpTo(plan.seeds.length);
    return combineReplications(scenario, design, plan, results);
  };
  return simulatedSelfCheckIssues(grade('solution'), grade('design'));
}

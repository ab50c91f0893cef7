// A scenario checks itself: every design solves and is laid out tidily, then the mode's own
// self-check (modes/<mode>/index.ts) confirms the file's answers grade as it says: a fix
// scenario's reference solution passes and its starting design fails, a critique key grades 100%
// against itself, identify answers are right, compare answers agree with their figures.
import { solveForScenario } from './evaluate';
import type { Design } from '../model/types';
import { gradeFixSimulated, type SimulatedFixGrade } from './modes/fix/simulated';
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

/** The simulated self-check (`scenario check --simulate`); nothing to do for other modes, or a fix scenario with no timeline. */
export function selfCheckSimulated(scenario: Scenario, options: SimulatedSelfCheckOptions): ScenarioIssue[] {
  if (scenario.mode !== 'fix' || !hasTimeline(scenario)) return [];
  const grade = (design: Design) => gradeFixSimulated(scenario, design, { replications: options.replications });
  return simulatedSelfCheckIssues(grade(scenario.solution), grade(scenario.design));
}

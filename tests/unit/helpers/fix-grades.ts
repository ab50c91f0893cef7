// Shorthands for tests that grade fix designs: the steady solution the grader sees, and a
// simulated grade's verdict per check.
import type { DesignSolution } from '../../../src/engine/analytic';
import type { Design } from '../../../src/model/types';
import type { Scenario, SimulatedFixGrade } from '../../../src/scenarios';
import { solveForScenario } from '../../../src/scenarios/evaluate';

/** The analytic solution of a design under the scenario's traffic, failing loudly if it does not solve. */
export function steadySolution(scenario: Scenario, design: Design = scenario.design): DesignSolution {
  const solved = solveForScenario(scenario, design);
  if (!solved.ok) throw new Error(solved.problems.join('\n'));
  return solved.solution;
}

/** { p99LatencyMs: 'pass', capacity: 'fail', ... } */
export const simVerdicts = (grade: SimulatedFixGrade) => Object.fromEntries(grade.checks.map((c) => [c.check, c.verdict]));

// Grading fix: the learner's design keeps the story's work and world (invariants.ts), then must
// pass the scenario's checks with the analytic engine's figures, availability and error rate
// through the story's failures too (story-failures.ts).
import { explainMainProblem, type Explanation } from '../../../engine/analytic';
import type { Design } from '../../../model/types';
import { runChecks, solveForScenario, type CheckResult } from '../../evaluate';
import { checkFixInvariants, turnedAwayWork, type InvariantFailure } from './invariants';
import { findStructuralIssues, type StructuralFinding } from '../../structure';
import { holdToStoryFailures } from './story-failures';
import type { FixScenario } from '../../types';

export interface FixGrade {
  mode: 'fix';
  /** Every check passes. */
  passed: boolean;
  checks: CheckResult[];
  /** Why the design could not be solved at all (a sync loop, a missing client); empty when it could. */
  problems: string[];
  /** The design's main problem in one or two sentences, when it has one. */
  explanation: Explanation | null;
  /** What the structural checks see in the design, as hints. */
  hints: StructuralFinding[];
  /** The story's work or world the design breaks (fix-invariants.ts); when any, no figure counts and `checks` is empty. */
  invariants: InvariantFailure[];
}

export function gradeFix(scenario: FixScenario, design: Design): FixGrade {
  const hints = findStructuralIssues(design);
  const invariants = checkFixInvariants(scenario, design);
  const solved = solveForScenario(scenario, design);
  if (!solved.ok) return { mode: 'fix', passed: false, checks: [], problems: solved.problems, explanation: null, hints, invariants };
  invariants.push(...turnedAwayWork(scenario, solved.solution));
  if (invariants.length > 0) return { mode: 'fix', passed: false, checks: [], problems: [], explanation: null, hints, invariants };
  const checks = holdToStoryFailures(scenario, design, solved.solution, runChecks(scenario, solved.solution, scenario.checks));
  const problems = solved.solution.converged ? [] : [solved.solution.message ?? 'The figures did not settle.'];
  return { mode: 'fix', passed: checks.every((c) => c.passed), checks, problems, explanation: explainMainProblem(design, solved.solution), hints, invariants };
}


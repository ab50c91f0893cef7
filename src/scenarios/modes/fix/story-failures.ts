// The steady availability and error-rate checks of a fix scenario with a failure timeline also
// hold the design to the story's failures, worked out analytically over the run the simulated
// check replays (scenarioTimelineAvailability). Without this a design could pass the steady
// check on its catalog availability while the story's zone loss, partition or slow provider
// takes it down in the simulated check, and a class graded without simulating would count it
// as solved. The analytic and simulated figures are held together by
// tests/unit/availability-agreement.test.ts and scenario-story-failures.test.ts.
import type { DesignSolution } from '../../../engine/analytic';
import { DesignSimError } from '../../../engine/simulation';
import type { Design } from '../../../model/types';
import { flowsInScope, worst, type CheckResult } from '../../evaluate';
import { formatPercent } from '../../format';
import { scenarioTimelineAvailability } from '../../simulation';
import type { FixScenario } from '../../types';

/** The worst flow in scope through the story's failures, or why there is no figure. */
type Through = { ok: true; label: string; availability: number } | { ok: false; why: string; fails: boolean };

function throughFailures(scenario: FixScenario, design: Design, solution: DesignSolution): Through {
  let figures: Record<string, number> | null;
  try {
    figures = scenarioTimelineAvailability(scenario, design);
  } catch (error) {
    if (error instanceof DesignSimError) return { ok: false, why: `the story's failures cannot be replayed on this design: ${error.problems.join(' ')}`, fails: true };
    throw error;
  }
  if (figures === null) return { ok: false, why: "what the story's failures do to this design depends on timing only the simulated check follows (a backlog that builds up, or callers' workers held by a cut network), so the simulated check decides", fails: false };
  const flow = worst(flowsInScope(scenario.requirements, solution), (f) => -(figures[f.clientId] ?? 1));
  return flow ? { ok: true, label: flow.label, availability: figures[flow.clientId] ?? 1 } : { ok: true, label: '', availability: 1 };
}

/** The checks with availability and error rate held to the story's failures too, when the scenario has any. */
export function holdToStoryFailures(scenario: FixScenario, design: Design, solution: DesignSolution, checks: CheckResult[]): CheckResult[] {
  if (scenario.failures.length === 0 || !checks.some((c) => (c.check === 'availability' || c.check === 'errorRate') && Number.isFinite(c.target))) return checks;
  const through = throughFailures(scenario, design, solution);
  return checks.map((c) => {
    if ((c.check !== 'availability' && c.check !== 'errorRate') || !Number.isFinite(c.target)) return c;
    // A design the story's failures cannot be replayed on fails here as in the simulated check; one only the simulator can follow is left to it.
    if (!through.ok) return { ...c, passed: c.passed && !through.fails, detail: `${c.detail} Through the story's failures: no analytic figure, ${through.why}.` };
    const who = through.label ? `${through.label}: ` : '';
    if (c.check === 'availability') {
      const passed = c.passed && through.availability >= c.target;
      const actual = Math.min(c.actual ?? 1, through.availability);
      return { ...c, passed, actual, detail: `${c.detail} Through the story's failures, as the simulated check replays them: ${who}${formatPercent(through.availability)} of requests succeed (target ${formatPercent(c.target)}).` };
    }
    const failed = 1 - (1 - (c.actual ?? 0)) * through.availability;
    return {
      ...c,
      passed: c.passed && failed <= c.target,
      actual: failed,
      detail: `${c.detail} Through the story's failures, as the simulated check replays them: ${who}${formatPercent(failed)} of requests fail (target at most ${formatPercent(c.target)}).`,
    };
  });
}

// Whether a fix scenario is solved, as the app's fix panel and `scenario grade --simulate` both
// decide it: the steady checks pass and, for a scenario with a timeline (traffic over time or
// failures), the simulated check passes on the same design too.
import { hasTimeline } from '../../simulation';
import type { FixScenario } from '../../types';

/** `simulatedPassed` is null when the simulated check has not run on this design. */
export function fixSolved(scenario: FixScenario, steadyPassed: boolean, simulatedPassed: boolean | null): boolean {
  return steadyPassed && (!hasTimeline(scenario) || simulatedPassed === true);
}

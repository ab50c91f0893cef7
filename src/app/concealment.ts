// A stored scenario attempt of an identify scenario holds the components the learner is asked to
// name, kinds and settings included. While any of them is still to be named, the attempt does not
// leave the scenario: My designs neither exports it nor keeps it as a design of the learner's own,
// nor opens it outside its scenario (where nothing would be masked).
import { loadLibrary, loadProgress } from '../store/scenarioLibrary';
import { stillToName, useScenarioStore } from '../store/scenarioStore';
import { designWithShownIds, shownIds, type Scenario } from '../scenarios';
import type { Design } from '../model/types';

/** The scenario key of an attempt's id (`scenario-<key>`, `preview-<key>`, with `-a`/`-b` for a compare side), or null for a design of the learner's own. */
function attemptKey(id: string): string | null {
  const m = /^(?:scenario|preview)-(.+)$/.exec(id);
  return m ? m[1]! : null;
}

/**
 * Why the stored attempt `design` must stay in its scenario, or null when it may go: the open
 * session's scenario, or a bundled one, is an identify scenario with a component in the design
 * still to be named. `what` is what would leave ("Exporting it").
 */
export async function attemptConcealment(design: Design, what: string): Promise<string | null> {
  const key = attemptKey(design.id);
  if (key === null) return null;
  const session = useScenarioStore.getState().session;
  let scenario: Scenario | undefined;
  let tried: Readonly<Record<string, unknown>>;
  let shown = design;
  if (session?.key === key) ({ scenario, progress: { identify: tried } } = session);
  else {
    const bundled = (await loadLibrary()).entries.find((e) => e.scenario.id === key)?.scenario;
    if (bundled?.mode !== 'identify') return null;
    // The page's ids, as the attempt was saved with them (or, saved before the page used them, brought to them).
    const ids = shownIds(bundled);
    scenario = ids.scenario;
    shown = designWithShownIds(design, ids.fileIds);
    tried = (await loadProgress(key))?.identify ?? {};
  }
  const hidden = shown.nodes.filter((n) => stillToName(scenario, tried, n.id)).length;
  if (hidden === 0) return null;
  return `${what} would show what the ${hidden === 1 ? 'component' : `${hidden} components`} you are asked to name ${hidden === 1 ? 'is' : 'are'}. Finish naming ${hidden === 1 ? 'it' : 'them'} in the scenario first.`;
}

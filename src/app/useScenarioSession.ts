// Starting, leaving and saving a scenario session. The learner works on their own copy of the
// scenario's design (saved like any design), and their answers are saved as progress.
import { useCallback, useEffect } from 'react';
import { designWithShownIds, type Scenario } from '../scenarios';
import type { ScenarioProgress } from '../store/scenarioStore';
import { useDesignStore } from '../store/designStore';
import type { Design } from '../model/types';
import { useScenarioStore } from '../store/scenarioStore';
import { loadProgressChecked, saveProgress, scenarioKey } from '../store/scenarioLibrary';
import type { DesignLibrary } from '../store/designLibrary';

/** The learner's copy of a scenario's design, under the scenario's key (its id, or id~hash when it reuses a bundled id). */
function workingCopy(scenario: Scenario, key: string, design: Design, side: 'a' | 'b' | null, preview: boolean): Design {
  const suffix = side ? `-${side}` : '';
  const prefix = preview ? 'preview' : 'scenario';
  const label = side && scenario.mode === 'compare' ? ` (${scenario.labels[side]})` : '';
  return { ...design, id: `${prefix}-${key}${suffix}`, name: `${preview ? 'Preview' : 'Scenario'}: ${scenario.title}${label}` };
}

/** onProgressProblem: told, in a sentence, when part of a scenario's saved progress could not be read. */
export function useScenarioSession(library: DesignLibrary, onProgressProblem: (sentence: string) => void = () => undefined) {
  /** Opens a scenario with its progress and working copy; returns its key. */
  const start = useCallback(
    async (scenario: Scenario, preview = false): Promise<string> => {
      const key = await scenarioKey(scenario);
      const read = preview ? null : await loadProgressChecked(key);
      if (read?.problem) onProgressProblem(read.problem);
      const saved = read?.progress ?? null;
      useScenarioStore.getState().start(scenario, saved, preview, key);
      const { scenario: shown, fileIds } = useScenarioStore.getState().session!;
      await library.openOrCreate(workingCopy(shown, key, shown.design, shown.mode === 'compare' ? 'a' : null, preview), (stored) => designWithShownIds(stored, fileIds));
      return key;
    },
    [library, onProgressProblem],
  );

  /** After a reload, the session goes on with its saved progress; an attempt on screen saved under the file's ids is shown under the page's. */
  const resume = useCallback(
    async (scenario: Scenario, progress: ScenarioProgress | null) => {
      useScenarioStore.getState().start(scenario, progress);
      const { scenario: shown, key, fileIds } = useScenarioStore.getState().session!;
      const onScreen = useDesignStore.getState().design;
      if (onScreen.id === workingCopy(shown, key, shown.design, null, false).id && designWithShownIds(onScreen, fileIds) !== onScreen) {
        await library.openOrCreate(onScreen, (stored) => designWithShownIds(stored, fileIds));
      }
    },
    [library],
  );

  const exit = useCallback(() => useScenarioStore.getState().exit(), []);

  const show = useCallback(
    async (side: 'a' | 'b') => {
      const session = useScenarioStore.getState().session;
      if (!session || session.scenario.mode !== 'compare') return;
      useScenarioStore.getState().show(side);
      await library.openOrCreate(workingCopy(session.scenario, session.key, side === 'a' ? session.scenario.design : session.scenario.designB, side, session.preview));
    },
    [library],
  );

  // Progress is saved as it changes, so a reload finds the answers and pins where they were.
  useEffect(
    () =>
      useScenarioStore.subscribe((state, prev) => {
        const s = state.session;
        if (s && !s.preview && s.progress !== prev.session?.progress) void saveProgress(s.progress);
      }),
    [],
  );

  return { start, resume, exit, show };
}

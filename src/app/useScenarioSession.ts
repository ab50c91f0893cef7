// Starting, leaving and saving a scenario session. The learner works on their own copy of the
// scenario's design (saved like any design), and their answers are saved as progress.
import { useCallback, useEffect } from 'react';
import type { Scenario } from '../scenarios';
import type { Design } from '../model/types';
import { useScenarioStore } from '../store/scenarioStore';
import { loadProgress, saveProgress } from '../store/scenarioLibrary';
import type { DesignLibrary } from '../store/designLibrary';

function workingCopy(scenario: Scenario, design: Design, side: 'a' | 'b' | null, preview: boolean): Design {
  const suffix = side ? `-${side}` : '';
  const prefix = preview ? 'preview' : 'scenario';
  const label = side && scenario.mode === 'compare' ? ` (${scenario.labels[side]})` : '';
  return { ...design, id: `${prefix}-${scenario.id}${suffix}`, name: `${preview ? 'Preview' : 'Scenario'}: ${scenario.title}${label}` };
}

export function useScenarioSession(library: DesignLibrary) {
  const start = useCallback(
    async (scenario: Scenario, preview = false) => {
      const saved = preview ? null : await loadProgress(scenario.id);
      useScenarioStore.getState().start(scenario, saved, preview);
      await library.openOrCreate(workingCopy(scenario, scenario.design, scenario.mode === 'compare' ? 'a' : null, preview));
    },
    [library],
  );

  const exit = useCallback(() => useScenarioStore.getState().exit(), []);

  const show = useCallback(
    async (side: 'a' | 'b') => {
      const session = useScenarioStore.getState().session;
      if (!session || session.scenario.mode !== 'compare') return;
      useScenarioStore.getState().show(side);
      await library.openOrCreate(workingCopy(session.scenario, side === 'a' ? session.scenario.design : session.scenario.designB, side, session.preview));
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

  return { start, exit, show };
}

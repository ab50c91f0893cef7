// The scenario panel's part for each mode, by mode name: the learner's exercise below the story
// (or above it, where the live work matters more than the story). The panel renders the entry for
// the scenario's mode; a Record keyed by ScenarioMode makes the compiler ask for a new mode's.
import type { ReactNode } from 'react';
import type { ModePart, ScenarioMode } from '../../../scenarios';
import type { Design } from '../../../model/types';
import type { DesignSolution } from '../../../engine/analytic/design-results';
import { CompareBody } from './CompareBody';
import { CritiqueBody } from './CritiqueBody';
import { FixBody } from './FixBody';
import { IdentifyBody } from './IdentifyBody';

/** What the panel hands every mode's body; each takes what it needs. */
export interface ModeBodyProps<M extends ScenarioMode> {
  scenario: ModePart<M, 'scenario'>;
  /** The analytic solution of the design on the canvas, when up to date. */
  solution: DesignSolution | null;
  /** Put design A or B on the canvas (compare). */
  onShow: (side: 'a' | 'b') => void;
  /** Open a design in the editor (a fix scenario's reference solution). */
  onOpenDesign: (design: Design) => void;
}

// A method (not a function-valued property) on purpose: a mode's entry then serves where any mode's is expected.
export interface ModePanel<M extends ScenarioMode> {
  /** The exercise, as an element (hooks live in the component it returns). */
  body(props: ModeBodyProps<M>): ReactNode;
  /** The body and targets come before the story, which is then folded once there is a score (fix: its checks change with every edit). */
  workFirst?: boolean;
}

export const MODE_PANELS: { [M in ScenarioMode]: ModePanel<M> } = {
  identify: { body: ({ scenario }) => <IdentifyBody scenario={scenario} /> },
  critique: { body: ({ scenario, solution }) => <CritiqueBody scenario={scenario} solution={solution} /> },
  fix: { body: ({ scenario, onOpenDesign }) => <FixBody scenario={scenario} onOpenDesign={onOpenDesign} />, workFirst: true },
  compare: { body: ({ scenario, onShow }) => <CompareBody scenario={scenario} onShow={onShow} /> },
};

export function modePanel(mode: ScenarioMode): ModePanel<ScenarioMode> {
  return MODE_PANELS[mode];
}

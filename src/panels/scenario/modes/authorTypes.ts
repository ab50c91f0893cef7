// A mode's part of the authoring form (panels/author/AuthorDialog.tsx): its fields as the form
// holds them, the editor for them, their problems in the author's words, and the draft they give
// (scenarios/modes/<mode>/draft.ts). A mode without one is written as YAML; the form does not offer it.
import type { ReactNode } from 'react';
import type { Design } from '../../../model/types';
import type { ModePart, ScenarioMode } from '../../../scenarios';
import type { DesignSummary } from '../../../store/persistence';

/** What every mode's part of the form may read. */
export interface AuthorContext {
  /** The design on the canvas: the scenario's starting design. */
  design: Design;
  /** The saved designs, for a second design (a reference solution, design B). */
  designs: DesignSummary[];
  /** Components and connections, by their labels: what a finding may be about. */
  targets: readonly { id: string; label: string }[];
}

export type DraftOrProblem<M extends ScenarioMode> = { ok: true; draft: ModePart<M, 'draft'> } | { ok: false; problem: string };

// Methods (not function-valued properties) on purpose: a mode's entry then serves where any mode's is expected.
export interface ModeAuthoring<M extends ScenarioMode, F extends object> {
  /** The mode's line in the form's Mode list. */
  option: string;
  /** Its fields as a new form has them. */
  empty: F;
  /** Its part of the form, as an element (hooks live in the component it returns). */
  editor(props: { form: F; set: (patch: Partial<F>) => void; ctx: AuthorContext }): ReactNode;
  /** What is wrong with its fields, one sentence each, before the file is made. */
  problems?(form: F, ctx: AuthorContext): string[];
  /** Its part of the draft (a saved design loaded where it names one), or why there is none yet. */
  draft(form: F, ctx: AuthorContext): Promise<DraftOrProblem<M>>;
  /** Shown under a check that passed (fix: the timeline through the simulator). */
  checked?(props: { scenario: ModePart<M, 'scenario'> }): ReactNode;
}

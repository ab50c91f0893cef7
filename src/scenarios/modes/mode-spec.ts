// What a scenario mode is: one object per mode (modes/<mode>/index.ts) with the hooks every layer
// calls by the mode's name: loading, reference checks, the self-check, the submission, grading and
// the grade in words. The registry (modes/index.ts) lists them; nothing else switches on a mode.
import type * as v from 'valibot';
import type { Design } from '../../model/types';
import type { ScenarioData } from '../design-file';
import type { ScenarioFileBase } from '../schema';
import type { ScenarioBase } from '../types';
import type { PathKey } from '../yaml-source';
import type { ModePart, ProgressBase, ScenarioMode } from './mode-types';

/** A problem at a place in the file (a path of keys and indices), before it is given a line. */
export interface ScenarioIssue {
  path: PathKey[];
  message: string;
}

export type Report = (path: PathKey[], message: string) => void;

/** Something the scenario asks for (a key problem, a question, a check) and whether a learner got it. */
export interface GradedItem {
  id: string;
  label: string;
  passed: boolean;
}

export interface OtherDesign {
  design: Design;
  path: PathKey[];
  at?: (path: PathKey[]) => PathKey[];
  prefix?: string;
}

type Scn<M extends ScenarioMode> = ModePart<M, 'scenario'>;
type Prg<M extends ScenarioMode> = ModePart<M, 'progress'>;
type Grd<M extends ScenarioMode> = ModePart<M, 'grade'>;
/** The scenario's fields every mode shares, as loading fills them in. */
export type ScenarioBaseFields = Omit<ScenarioBase, 'mode'>;

// Methods (not function-valued properties) on purpose: a mode's spec then serves where any mode's is expected.
export interface ModeSpec<M extends ScenarioMode, E extends v.ObjectEntries = v.ObjectEntries> {
  mode: M;
  /** The mode's name in the gallery's filter. */
  label: string;
  /** What the scenario's `design` is to this mode, in problem messages: "the starting design". */
  designWords: string;
  /** How many bundled scenarios of this mode the course aims for (course.ts). */
  courseTarget: number;
  /** The file's mode fields made into the scenario: ids assigned, designs completed. */
  build(file: ModePart<M, 'file'>, base: ScenarioBaseFields): { ok: true; scenario: Scn<M> } | { ok: false; issues: ScenarioIssue[] };
  /**
   * The designs beside `design`, each with where it sits in the file; given the file, also where
   * a problem inside one is placed (`at`) and how its message starts (`prefix`).
   */
  otherDesigns(scenario: Scn<M>, file?: ModePart<M, 'file'>): OtherDesign[];
  /** The mode's references: ids its questions, key or checks name exist and fit. */
  checkContent(scenario: Scn<M>, report: Report): void;
  /** The self-check beyond solving each design: the file's own answers grade as it says. */
  selfCheck(scenario: Scn<M>, issues: ScenarioIssue[]): void;
  /** The scenario back in the file's shape, given the common fields already written (author-file.ts): loading it gives an equal scenario. */
  toFile(scenario: Scn<M>, base: ScenarioFileBase): ModePart<M, 'file'>;
  /**
   * The file for what the authoring form gives (author.ts), given the common fields already
   * written and the starting design on the canvas. A mode without it is written as YAML only.
   */
  fromDraft?(draft: ModePart<M, 'draft'>, base: ScenarioFileBase, startingDesign: Design): ModePart<M, 'file'>;
  /** The mode's fields (with `design`, which some modes write after their own) with every default left out, in the order the bundled files use. */
  compactFields(file: ModePart<M, 'file'>): ScenarioData;
  /** The submission's fields for this mode, beside the common ones (submission.ts). */
  submissionEntries: E;
  /** The body from a submission that passed `submissionEntries`, or why it cannot be graded. */
  readSubmission(fields: v.InferOutput<v.ObjectSchema<E, undefined>>): { ok: true; body: ModePart<M, 'submission'> } | { ok: false; error: string };
  grade(scenario: Scn<M>, body: ModePart<M, 'submission'>): Grd<M>;
  /** The grade as the terminal prints it (`scenario grade`). */
  gradeText(scenario: Scn<M>, grade: Grd<M>): string;
  /** Item by item, what the learner was asked for (class report). */
  gradedItems(scenario: Scn<M>, grade: Grd<M>): GradedItem[];
  /** The score 0..1 and whether the work is complete (class report). */
  scoreOf(grade: Grd<M>): { score: number; complete: boolean };
  /** Tries in all, where the mode records them. */
  attemptsOf(grade: Grd<M>): number | null;
  /** The fields this mode keeps in the learner's saved progress, as a new record has them. */
  emptyProgress(): Prg<M>;
  /** Those fields read back from storage: what is well formed, and how many items could not be read. */
  readProgress(raw: Readonly<Record<string, unknown>>): { fields: Prg<M>; dropped: number };
  /** The scored first try, 0..1, that the course map and mastery use; null until there is one. */
  firstTryScore(scenario: Scn<M>, progress: ProgressBase & Prg<M>): number | null;
  /**
   * This browser's fields with a progress file's filling their gaps (store/progress-file.ts):
   * nothing made here is replaced; clash when a first result here differs from the file's.
   */
  mergeProgress(here: Prg<M>, file: Prg<M>): { fields: Prg<M>; clash: boolean };
}

// The types of each scenario mode, by mode name. Each mode's folder adds its own entry
// (`declare module '../mode-types'`, as tldraw's custom shapes add theirs to its props map), so
// the unions built from this map (Scenario, ScenarioFile, Submission, Grade) grow with no list
// to edit, and a Record keyed by ScenarioMode makes the compiler name each place a new mode
// must be handled.

/**
 * One entry per mode: `{ scenario; file; submission; grade; progress; draft }` (loaded scenario,
 * file, the learner's submission body, grade, the fields it keeps in the learner's saved progress,
 * and what the in-app authoring form gives for it; a mode written only as YAML has no draft).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- each mode's folder fills it in
export interface ScenarioModeTypes {}

export type ScenarioMode = keyof ScenarioModeTypes;
type Part = 'scenario' | 'file' | 'submission' | 'grade' | 'progress' | 'draft';
/** One part of the named modes' types, as a union when several are named. */
export type ModePart<M extends ScenarioMode, K extends Part> = { [N in M]: ScenarioModeTypes[N] extends Record<K, infer X> ? X : never }[M];

/** What every scenario's saved progress has, whatever its mode (the store keeps it; ScenarioProgress in types.ts). */
export interface ProgressBase {
  /** The scenario's key (store/scenarioLibrary scenarioKey): its id, or id~hash for one that reuses a bundled id. */
  scenarioId: string;
  /** Best score so far, 0..1, and whether the scenario counts as done. */
  score: number | null;
  completed: boolean;
  updatedAt: number;
}

/** All of a union's members at once: `A | B` to `A & B`. */
export type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/**
 * Every mode's progress fields in one record. A saved record has them all whatever the scenario's
 * mode (as records saved before modes were specs did), so old progress reads back unchanged.
 */
export type AllModeProgress = Intersection<ModePart<ScenarioMode, 'progress'>>;

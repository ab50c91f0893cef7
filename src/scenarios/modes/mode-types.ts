// The types of each scenario mode, by mode name. Each mode's folder adds its own entry
// (`declare module '../mode-types'`, as tldraw's custom shapes add theirs to its props map), so
// the unions built from this map (Scenario, ScenarioFile, Submission, Grade) grow with no list
// to edit, and a Record keyed by ScenarioMode makes the compiler name each place a new mode
// must be handled.

/** One entry per mode: `{ scenario; file; submission; grade }` (loaded scenario, file, the learner's submission body, grade). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- each mode's folder fills it in
export interface ScenarioModeTypes {}

export type ScenarioMode = keyof ScenarioModeTypes;
type Part = 'scenario' | 'file' | 'submission' | 'grade';
/** One part of the named modes' types, as a union when several are named. */
export type ModePart<M extends ScenarioMode, K extends Part> = { [N in M]: ScenarioModeTypes[N] extends Record<K, infer X> ? X : never }[M];

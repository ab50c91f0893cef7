// The learner's saved progress in one scenario, each mode keeping its own part (the mode spec's
// `emptyProgress`, `readProgress`, `mergeProgress`, `firstTryScore`): a new record, a record read
// back from storage, one merged with a progress file, and the first-try result the course map and
// mastery score.
import { MODES, modeSpec } from './modes';
import type { AllModeProgress } from './modes/mode-types';
import type { Scenario, ScenarioProgress } from './types';

/** Every mode's progress fields as a new record has them. */
export function emptyModeProgress(): AllModeProgress {
  return Object.assign({}, ...MODES.map((m) => modeSpec(m).emptyProgress())) as AllModeProgress;
}

/** Every mode's progress fields read back from a stored record, and how many items could not be read. */
export function readModeProgress(raw: Readonly<Record<string, unknown>>): { fields: AllModeProgress; dropped: number } {
  const read = MODES.map((m) => modeSpec(m).readProgress(raw));
  return { fields: Object.assign({}, ...read.map((r) => r.fields)) as AllModeProgress, dropped: read.reduce((n, r) => n + r.dropped, 0) };
}

/** Every mode's fields of this browser's record with a progress file's filling their gaps; clash when any mode's first result differs. */
export function mergeModeProgress(here: AllModeProgress, file: AllModeProgress): { fields: AllModeProgress; clash: boolean } {
  const merged = MODES.map((m) => modeSpec(m).mergeProgress(here, file));
  return { fields: Object.assign({}, ...merged.map((r) => r.fields)) as AllModeProgress, clash: merged.some((r) => r.clash) };
}

/** The scored first try, 0..1, or null until there is one (or without progress): what the mode's spec says. */
export function firstTryScore(scenario: Scenario, progress: ScenarioProgress | undefined): number | null {
  return progress ? modeSpec(scenario.mode).firstTryScore(scenario, progress) : null;
}

export type { IdentifyAttempt, IdentifyTry } from './modes/identify/progress';
export { firstTry, tryCount } from './modes/identify/progress';
export type { ComparePrediction } from './modes/compare/progress';
export type { PinnedFinding } from './modes/critique/progress';
export type { SimulatedCheckRecord } from './modes/fix/progress';

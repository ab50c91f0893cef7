// Saved scenario progress as read back from storage: a record written by an older version, cut
// short, or edited by hand must not break the scenario panel. What is well formed is kept (the
// answers and findings the learner made, each mode reading its own fields); anything else is
// dropped, and the caller is told.
import { readModeProgress, type ScenarioProgress } from '../scenarios';
import { finite, isObj } from '../scenarios/stored-record';

export interface ReadProgress {
  progress: ScenarioProgress | null;
  /** Set when part or all of the stored record could not be read. */
  problem: string | null;
}

/** The stored progress of scenario `key`, with what could not be read left out. */
export function readProgressRecord(raw: unknown, key: string): ReadProgress {
  if (raw === undefined || raw === null) return { progress: null, problem: null };
  if (!isObj(raw)) return { progress: null, problem: 'The saved progress of this scenario could not be read, so it starts afresh.' };
  const { fields, dropped } = readModeProgress(raw);
  const progress: ScenarioProgress = {
    scenarioId: key,
    ...fields,
    score: finite(raw.score) && raw.score >= 0 && raw.score <= 1 ? raw.score : null,
    completed: raw.completed === true,
    updatedAt: finite(raw.updatedAt) ? raw.updatedAt : 0,
  };
  return { progress, problem: dropped > 0 ? `Part of the saved progress of this scenario could not be read (${dropped} item${dropped === 1 ? '' : 's'}); the rest is kept.` : null };
}

// What identify keeps in the learner's saved progress: every try at each question, in order.
// Only the first try is scored (the course map's first-try result).
import { entries, isObj, MAX_ITEMS, text } from '../../stored-record';
import type { IdentifyScenario } from './schema';

export interface IdentifyTry {
  given: string | string[];
  correct: boolean;
}

/** A question's latest answer, and every try in order (only the first is scored). */
export interface IdentifyAttempt extends IdentifyTry {
  /** Absent in progress saved before tries were kept: the latest answer was then the only one. */
  tries?: IdentifyTry[];
}

export interface IdentifyProgress {
  identify: Record<string, IdentifyAttempt>;
}

/** The try that is scored. */
export const firstTry = (attempt: IdentifyAttempt): IdentifyTry => attempt.tries?.[0] ?? attempt;
export const tryCount = (attempt: IdentifyAttempt): number => attempt.tries?.length ?? 1;

function tryOf(v: unknown): IdentifyTry | null {
  if (!isObj(v) || typeof v.correct !== 'boolean') return null;
  const given = v.given;
  if (text(given, 1000)) return { given, correct: v.correct };
  if (Array.isArray(given) && given.length <= 1000 && given.every((g) => text(g, 1000))) return { given: given as string[], correct: v.correct };
  return null;
}

function attempt(v: unknown): IdentifyAttempt | null {
  const latest = tryOf(v);
  if (!latest) return null;
  const tries = isObj(v) && Array.isArray(v.tries) ? v.tries.slice(0, MAX_ITEMS).map(tryOf) : null;
  return tries && tries.length > 0 && tries.every((t) => t !== null) ? { ...latest, tries: tries as IdentifyTry[] } : latest;
}

export function readIdentifyProgress(raw: Readonly<Record<string, unknown>>): { fields: IdentifyProgress; dropped: number } {
  const { kept, dropped } = entries(raw.identify, attempt);
  return { fields: { identify: kept }, dropped };
}

const sameTry = (a: IdentifyAttempt, b: IdentifyAttempt) => {
  const x = firstTry(a);
  const y = firstTry(b);
  return x.correct === y.correct && JSON.stringify(x.given) === JSON.stringify(y.given);
};

/** Questions answered here keep their tries; the file adds the others. */
export function mergeIdentifyProgress(here: IdentifyProgress, file: IdentifyProgress): { fields: IdentifyProgress; clash: boolean } {
  const clash = Object.keys(here.identify).some((q) => file.identify[q] && !sameTry(here.identify[q]!, file.identify[q]!));
  return { fields: { identify: { ...file.identify, ...here.identify } }, clash };
}

/** The share of questions right at the first try, once every question has been tried. */
export function identifyFirstTryScore(scenario: IdentifyScenario, progress: IdentifyProgress): number | null {
  const tried = scenario.questions.filter((q) => Object.hasOwn(progress.identify, q.id));
  if (tried.length < scenario.questions.length) return null;
  return tried.filter((q) => firstTry(progress.identify[q.id]!).correct).length / scenario.questions.length;
}

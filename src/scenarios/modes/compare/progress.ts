// What compare keeps in the learner's saved progress: the answers being chosen, and the
// predictions as first checked (locked then, and the ones scored).
import { entries, finite, isObj } from '../../stored-record';
import type { DesignSide } from '../../vocabulary';
import { scoreCompareAnswers } from './grade';
import type { CompareScenario } from './schema';

/** The predictions as first checked (scored), and when. */
export interface ComparePrediction {
  answers: Record<string, DesignSide>;
  at: number;
}

export interface CompareProgress {
  compareAnswers: Record<string, DesignSide>;
  /** Set once the learner checks; the answers are then locked and the figures shown. */
  comparePrediction?: ComparePrediction;
}

const side = (x: unknown): DesignSide | null => (x === 'a' || x === 'b' ? x : null);

export function readCompareProgress(raw: Readonly<Record<string, unknown>>): { fields: CompareProgress; dropped: number } {
  const answers = entries(raw.compareAnswers, side);
  const p = raw.comparePrediction;
  const prediction = isObj(p) && finite(p.at) ? { answers: entries(p.answers, side).kept, at: p.at } : null;
  return { fields: { compareAnswers: answers.kept, ...(prediction ? { comparePrediction: prediction } : {}) }, dropped: answers.dropped };
}

const sameAnswers = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Predictions checked here stay, with the answers chosen here; else the file's answers and predictions come in. */
export function mergeCompareProgress(here: CompareProgress, file: CompareProgress): { fields: CompareProgress; clash: boolean } {
  const clash = Boolean(here.comparePrediction && file.comparePrediction && !sameAnswers(here.comparePrediction.answers, file.comparePrediction.answers));
  if (here.comparePrediction || !file.comparePrediction) {
    const compareAnswers = Object.keys(here.compareAnswers).length ? here.compareAnswers : file.compareAnswers;
    return { fields: { compareAnswers, ...(here.comparePrediction ? { comparePrediction: here.comparePrediction } : {}) }, clash };
  }
  return { fields: { compareAnswers: file.compareAnswers, comparePrediction: file.comparePrediction }, clash };
}

/** The predictions as first checked, scored; null until checked. */
export function compareFirstTryScore(scenario: CompareScenario, progress: CompareProgress): number | null {
  return progress.comparePrediction ? scoreCompareAnswers(scenario, progress.comparePrediction.answers).score : null;
}

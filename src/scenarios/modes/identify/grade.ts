// Grading identify: the first answer to each question, clicked components or a named kind.
import { CATALOG } from '../../../model/catalog';
import { COMPONENT_KINDS, type ComponentKind } from '../../../model/types';
import type { IdentifyScenario } from '../../types';
import { answerTo, type QuestionResult } from '../questions';

/** By question id: the component id(s) clicked, or for naming questions the kind chosen (id or label). */
export type IdentifyAnswers = Readonly<Record<string, string | readonly string[]>>;

export interface IdentifyGrade {
  mode: 'identify';
  /** Right on the first try, over the questions. */
  score: number;
  correct: number;
  total: number;
  results: QuestionResult<string[]>[];
  /** Tries per question id (1 when not recorded); only the first counts. */
  attempts: Record<string, number>;
}

/** Tries per question: how many answers the learner gave before moving on. */
export type IdentifyAttempts = Readonly<Record<string, number>>;

/** "load-balancer", "Load balancer" and "load balancer" all name the same kind. */
export function kindFromWord(word: string): ComponentKind | null {
  const w = word.trim().toLowerCase().replace(/\s+/g, ' ');
  return COMPONENT_KINDS.find((k) => k === w.replace(/ /g, '-') || CATALOG[k].label.toLowerCase() === w) ?? null;
}

const asList = (x: string | readonly string[] | undefined): string[] | null => (x === undefined ? null : typeof x === 'string' ? [x] : [...x]);

/** A try count as reported: a whole number of at least 1 (anything else, such as NaN or -3, reads as one try). */
const tryCountOf = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? Math.max(1, Math.floor(n)) : 1);

/** Grades the first answer to each question; `attempts` only reports how many tries each took. */
export function gradeIdentify(scenario: IdentifyScenario, answers: IdentifyAnswers, attempts: IdentifyAttempts = {}): IdentifyGrade {
  const results = scenario.questions.map((q): QuestionResult<string[]> => {
    const given = asList(answerTo(answers, q.id));
    const base = { questionId: q.id, prompt: q.prompt, explanation: q.explanation, given };
    if (q.answer.type === 'click') {
      const expected = [...q.answer.nodeIds];
      const chosen = new Set(given ?? []);
      const correct = given !== null && chosen.size === expected.length && expected.every((id) => chosen.has(id));
      return { ...base, expected, correct };
    }
    const accepted = q.answer.acceptedKinds;
    const kind = given?.length === 1 ? kindFromWord(given[0]!) : null;
    return { ...base, expected: [...accepted], correct: kind !== null && accepted.includes(kind) };
  });
  const correct = results.filter((r) => r.correct).length;
  const tries = Object.fromEntries(scenario.questions.filter((q) => answerTo(answers, q.id) !== undefined).map((q) => [q.id, tryCountOf(answerTo(attempts, q.id))]));
  return { mode: 'identify', score: results.length > 0 ? correct / results.length : 0, correct, total: results.length, results, attempts: tries };
}


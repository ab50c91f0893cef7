// What the modes that ask questions (identify, compare) share: question ids and each question's result.
import { duplicates } from '../../model/validate';
import type { GradedItem, Report } from './mode-spec';

export interface QuestionResult<T> {
  questionId: string;
  prompt: string;
  correct: boolean;
  expected: T;
  /** null when the learner did not answer. */
  given: T | null;
  explanation: string;
}

/**
 * The learner's answer to one question, or undefined: only the answers' own entries count, so a
 * question id such as "constructor" never reads something the learner did not give.
 */
export function answerTo<T>(answers: Readonly<Record<string, T>>, questionId: string): T | undefined {
  return Object.hasOwn(answers, questionId) ? answers[questionId] : undefined;
}

/** A question's id: the one in the file, or q1, q2, ... by its place. */
export const questionId = (id: string | undefined, i: number): string => id ?? `q${i + 1}`;

/** A question's id as the file writes it: left out when it is the one loading gives by its place. */
export const questionIdFile = (id: string, i: number): { id?: string } => (id === `q${i + 1}` ? {} : { id });

/** Each question id once. */
export function checkQuestionIds(ids: readonly string[], report: Report): void {
  for (const { id, index } of duplicates(ids)) report(['questions', index, 'id'], `another question already has the id "${id}"`);
}

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One class-report item per question, right at the first try or not. */
export function questionItems(results: readonly QuestionResult<unknown>[]): GradedItem[] {
  return results.map((r) => ({ id: r.questionId, label: clip(r.prompt), passed: r.correct }));
}

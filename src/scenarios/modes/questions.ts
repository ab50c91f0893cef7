// The result of one question, shared by the modes that ask questions (identify, compare).
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

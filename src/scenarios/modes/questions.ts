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

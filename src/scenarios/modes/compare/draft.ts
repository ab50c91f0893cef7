// What the authoring form gives for a compare scenario, and its part of the file.
import type { Design } from '../../../model/types';
import { designToFile } from '../../design-file';
import { oneLine, paragraphs } from '../../draft-text';
import type { ScenarioFileBase } from '../../schema';
import type { CompareMetric, DesignSide } from '../../vocabulary';
import type { CompareScenarioFile } from './schema';

/** A compare question as the form holds it. */
export interface DraftCompareQuestion {
  id?: string;
  prompt: string;
  answer: DesignSide;
  /** The figure that decides it, when one does (the check then confirms the answer). */
  metric?: CompareMetric;
  explanation: string;
}

export interface CompareDraft {
  /** Design B; design A is the one on the canvas. */
  designB: Design;
  labels: { a: string; b: string };
  questions: readonly DraftCompareQuestion[];
  takeaway: string;
}

export function compareFromDraft(draft: CompareDraft, base: ScenarioFileBase): CompareScenarioFile {
  return {
    ...base,
    mode: 'compare',
    designB: designToFile(draft.designB, { defaultId: draft.designB.id, defaultName: draft.designB.name, round: true }),
    labels: { a: oneLine(draft.labels.a), b: oneLine(draft.labels.b) },
    questions: draft.questions.map((q) => {
      const id = q.id?.trim();
      return { ...(id ? { id } : {}), prompt: oneLine(q.prompt), answer: q.answer, ...(q.metric ? { metric: q.metric } : {}), explanation: paragraphs(q.explanation).trimEnd() };
    }),
    takeaway: paragraphs(draft.takeaway).trimEnd(),
  };
}

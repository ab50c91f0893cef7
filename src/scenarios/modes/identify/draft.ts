// What the authoring form gives for an identify scenario, and its part of the file.
import type { ComponentKind } from '../../../model/types';
import { oneLine, paragraphs, unique } from '../../draft-text';
import type { ScenarioFileBase } from '../../schema';
import type { IdentifyScenarioFile } from './schema';

/** An identify question as the form holds it: the components to click, or the component to name and the kinds accepted. */
export interface DraftIdentifyQuestion {
  /** Defaults to q1, q2, ... in order. */
  id?: string;
  prompt: string;
  answer: { nodeIds: readonly string[] } | { nodeId: string; acceptedKinds: readonly ComponentKind[] };
  explanation: string;
}

export interface IdentifyDraft {
  questions: readonly DraftIdentifyQuestion[];
}

function identifyQuestion(q: DraftIdentifyQuestion): IdentifyScenarioFile['questions'][number] {
  const answer = 'nodeIds' in q.answer ? unique(q.answer.nodeIds) : { nodeId: q.answer.nodeId, acceptedKinds: unique(q.answer.acceptedKinds) };
  const id = q.id?.trim();
  return { ...(id ? { id } : {}), prompt: oneLine(q.prompt), answer: Array.isArray(answer) && answer.length === 1 ? answer[0]! : answer, explanation: paragraphs(q.explanation).trimEnd() };
}

export function identifyFromDraft(draft: IdentifyDraft, base: ScenarioFileBase): IdentifyScenarioFile {
  return { ...base, mode: 'identify', questions: draft.questions.map(identifyQuestion) };
}

// What the authoring form gives for a critique scenario, and its part of the file.
import { paragraphs, unique } from '../../draft-text';
import type { AlsoAcceptableItem, CritiqueKeyItem, ScenarioFileBase } from '../../schema';
import type { CritiqueScenarioFile } from './schema';

export interface CritiqueDraft {
  key: readonly CritiqueKeyItem[];
  alsoAcceptable?: readonly AlsoAcceptableItem[];
}

const accepted = (targets: readonly string[] | undefined) => (targets && targets.length > 0 ? { acceptedTargets: unique(targets) } : {});

export function critiqueFromDraft(draft: CritiqueDraft, base: ScenarioFileBase): CritiqueScenarioFile {
  return {
    ...base,
    mode: 'critique',
    key: draft.key.map((item) => ({ target: item.target, ...accepted(item.acceptedTargets), category: item.category, severity: item.severity, explanation: paragraphs(item.explanation).trimEnd() })),
    alsoAcceptable: (draft.alsoAcceptable ?? []).map((item) => ({ target: item.target, ...accepted(item.acceptedTargets), category: item.category, explanation: paragraphs(item.explanation).trimEnd() })),
  };
}

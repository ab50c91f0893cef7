// What the authoring form gives for a fix scenario, and its part of the file.
import type { Design } from '../../../model/types';
import { designToFile } from '../../design-file';
import { unique } from '../../draft-text';
import type { EnvironmentRule, PathInvariant, ScenarioFileBase } from '../../schema';
import type { CheckName } from '../../vocabulary';
import type { FixScenarioFile } from './schema';
import { startingWorkInvariants } from './starting-work';

export interface FixDraft {
  checks: readonly CheckName[];
  /** Exactly the checks the starting design fails, when the author wants the check to hold them to it. */
  startingDesignFails?: readonly CheckName[];
  /** The reference solution, a whole design; the starting design is the one on the canvas. */
  solution: Design;
  /** Work that must still happen, and the settings that are the world's (kept from the scenario being edited). */
  invariants?: readonly PathInvariant[];
  environment?: readonly EnvironmentRule[];
}

/** With no work listed, the starting design's work is kept (startingWorkInvariants). */
export function fixFromDraft(draft: FixDraft, base: ScenarioFileBase, startingDesign: Design): FixScenarioFile {
  return {
    ...base,
    mode: 'fix',
    checks: unique(draft.checks),
    ...(draft.startingDesignFails === undefined ? {} : { startingDesignFails: unique(draft.startingDesignFails) }),
    solution: { design: designToFile(draft.solution, { defaultId: draft.solution.id, defaultName: draft.solution.name, round: true }) },
    invariants: draft.invariants && draft.invariants.length > 0 ? structuredClone([...draft.invariants]) : startingWorkInvariants(startingDesign),
    environment: structuredClone([...(draft.environment ?? [])]),
  };
}

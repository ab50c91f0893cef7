// The fix mode's file fields and loaded scenario: the checks to pass, the reference solution, and the story's work and world the answer must keep.
import * as v from 'valibot';
import type { Design } from '../../../model/types';
import type { ScenarioBase } from '../../scenario-base';
import { described, EnvironmentRuleSchema, list, PathInvariantSchema, SCENARIO_COMMON_FIELDS, SolutionSchema, type EnvironmentRule, type PathInvariant } from '../../schema';
import { CHECK_NAMES, type CheckName } from '../../vocabulary';

export const FixScenarioSchema = v.strictObject({
  ...SCENARIO_COMMON_FIELDS,
  mode: v.literal('fix'),
  checks: described(v.pipe(v.array(v.picklist(CHECK_NAMES)), v.minLength(1)), 'What the learner\'s design must pass; each needs its target in requirements (capacity needs none).'),
  startingDesignFails: v.optional(described(v.array(v.picklist(CHECK_NAMES)), 'Exactly the checks the starting design fails; `scenario check` confirms it.')),
  solution: SolutionSchema,
  invariants: list(PathInvariantSchema, 'Work that must still happen in any answer, as paths between components; checked before any figure.'),
  environment: list(EnvironmentRuleSchema, 'Settings that belong to the world, not the design (vendors, managed services, traffic); changing one fails. Some are fixed for every fix scenario.'),
});

export type FixScenarioFile = v.InferOutput<typeof FixScenarioSchema>;

export interface FixScenario extends ScenarioBase {
  mode: 'fix';
  checks: CheckName[];
  /** The checks the author says the starting design fails; null when not declared. */
  startingDesignFails: CheckName[] | null;
  /** The reference solution, complete (a patch in the file is already applied). */
  solution: Design;
  /** Work that must still happen, as paths between components (see modes/fix/invariants.ts). */
  invariants: PathInvariant[];
  /** Settings declared the world's, beyond those fixed for every fix scenario (see modes/fix/environment.ts). */
  environment: EnvironmentRule[];
}

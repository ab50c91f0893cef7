// The critique mode's file fields and loaded scenario: a proposal, the key of problems a good review finds, and sound findings beside it.
import * as v from 'valibot';
import type { ScenarioBase } from '../../scenario-base';
import { AlsoAcceptableItemSchema, CritiqueKeyItemSchema, described, list, SCENARIO_COMMON_FIELDS, type AlsoAcceptableItem, type CritiqueKeyItem } from '../../schema';

export const CritiqueScenarioSchema = v.strictObject({
  ...SCENARIO_COMMON_FIELDS,
  mode: v.literal('critique'),
  key: described(v.pipe(v.array(CritiqueKeyItemSchema), v.minLength(1)), 'The problems a good critique finds.'),
  alsoAcceptable: list(AlsoAcceptableItemSchema, 'Sound findings that are not the point of the review: each earns half the credit of a key item and costs nothing.'),
});

export type CritiqueScenarioFile = v.InferOutput<typeof CritiqueScenarioSchema>;

export interface CritiqueScenario extends ScenarioBase {
  mode: 'critique';
  key: CritiqueKeyItem[];
  /** Sound findings beside the key: partial credit, no penalty. */
  alsoAcceptable: AlsoAcceptableItem[];
}

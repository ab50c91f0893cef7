// The identify mode's file fields and loaded scenario: questions answered by clicking components or naming a kind.
import * as v from 'valibot';
import type { ComponentKind } from '../../../model/types';
import type { ScenarioBase } from '../../scenario-base';
import { described, IdentifyQuestionSchema, SCENARIO_COMMON_FIELDS } from '../../schema';

export const IdentifyScenarioSchema = v.strictObject({
  ...SCENARIO_COMMON_FIELDS,
  mode: v.literal('identify'),
  questions: v.pipe(v.array(IdentifyQuestionSchema), v.minLength(1)),
  showFigures: v.optional(
    described(
      v.boolean(),
      'Show the engine\'s figures (how busy each component is, how long requests take) while the learner answers. Off by default: figures labelled with names give the parts away. Not with naming questions.',
    ),
  ),
});

export type IdentifyScenarioFile = v.InferOutput<typeof IdentifyScenarioSchema>;

/** Click the component(s): correct when the learner selects exactly these. */
export interface ClickAnswer {
  type: 'click';
  nodeIds: string[];
}

/** Name the highlighted component: correct when the learner picks one of these kinds. */
export interface NamingAnswer {
  type: 'naming';
  nodeId: string;
  acceptedKinds: ComponentKind[];
}

export interface IdentifyQuestion {
  id: string;
  prompt: string;
  answer: ClickAnswer | NamingAnswer;
  explanation: string;
}

export interface IdentifyScenario extends ScenarioBase {
  mode: 'identify';
  questions: IdentifyQuestion[];
  /** The engine's figures stay on screen (a scenario that teaches what they are); absent when hidden. */
  showFigures?: boolean;
}

// The compare mode's file fields and loaded scenario: a second design, questions on which one wins, and the takeaway.
import * as v from 'valibot';
import type { Design } from '../../../model/types';
import type { ScenarioBase } from '../../scenario-base';
import { CompareQuestionSchema, list, SCENARIO_COMMON_FIELDS, ScenarioDesignSchema, text } from '../../schema';
import type { CompareMetric, DesignSide } from '../../vocabulary';

export const CompareScenarioSchema = v.strictObject({
  ...SCENARIO_COMMON_FIELDS,
  mode: v.literal('compare'),
  designB: ScenarioDesignSchema,
  labels: v.strictObject({ a: text(80), b: text(80) }),
  questions: list(CompareQuestionSchema),
  takeaway: text(3000),
});

export type CompareScenarioFile = v.InferOutput<typeof CompareScenarioSchema>;

export interface CompareQuestion {
  id: string;
  prompt: string;
  answer: DesignSide;
  metric: CompareMetric | null;
  explanation: string;
}

export interface CompareScenario extends ScenarioBase {
  mode: 'compare';
  designB: Design;
  labels: { a: string; b: string };
  questions: CompareQuestion[];
  takeaway: string;
}

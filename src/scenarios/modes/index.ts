// The registry of scenario modes: one spec per mode (modes/<mode>/index.ts) and its file schema
// (modes/<mode>/schema.ts). Loading, the reference checks, the self-check, submissions, grading,
// the CLI and the class report call a mode through `modeSpec`; adding a mode is its folder and a
// line in each list here (docs/extending.md).
import * as v from 'valibot';
import { compareMode } from './compare';
import { CompareScenarioSchema } from './compare/schema';
import { critiqueMode } from './critique';
import { CritiqueScenarioSchema } from './critique/schema';
import { fixMode } from './fix';
import { FixScenarioSchema } from './fix/schema';
import { identifyMode } from './identify';
import { IdentifyScenarioSchema } from './identify/schema';
import type { ModeSpec } from './mode-spec';
import type { ModePart, ScenarioMode } from './mode-types';

export const MODE_SPECS: { [M in ScenarioMode]: ModeSpec<M> } = {
  identify: identifyMode,
  critique: critiqueMode,
  fix: fixMode,
  compare: compareMode,
};

/** A scenario file of any mode, told apart by its `mode`. */
export const ScenarioFileSchema = v.variant('mode', [IdentifyScenarioSchema, CritiqueScenarioSchema, FixScenarioSchema, CompareScenarioSchema]);

/** The modes, in the order the gallery and the course list them. */
export const MODES = Object.keys(MODE_SPECS) as ScenarioMode[];

/** The spec of a mode, typed for any scenario: its hooks take the scenario (or grade) of that same mode. */
export function modeSpec(mode: ScenarioMode): ModeSpec<ScenarioMode> {
  return MODE_SPECS[mode];
}

export type { ModeSpec, GradedItem, OtherDesign, Report, ScenarioIssue } from './mode-spec';
export type { Intersection, ModePart, ScenarioMode } from './mode-types';
export type SubmissionBody = ModePart<ScenarioMode, 'submission'>;
export type Grade = ModePart<ScenarioMode, 'grade'>;

// The authoring form's part for each mode that has one, by mode name (authorTypes.ts). The form
// offers these modes, in this order, and holds every one's fields at once, so switching mode
// loses nothing the author typed.
import type { Intersection, ScenarioMode } from '../../../scenarios';
import type { ModeAuthoring } from './authorTypes';
import { compareAuthoring } from './CompareAuthoring';
import { critiqueAuthoring } from './CritiqueAuthoring';
import { fixAuthoring } from './FixAuthoring';
import { identifyAuthoring } from './IdentifyAuthoring';

export const MODE_AUTHORING = {
  identify: identifyAuthoring,
  critique: critiqueAuthoring,
  fix: fixAuthoring,
  compare: compareAuthoring,
} satisfies { [M in ScenarioMode]?: ModeAuthoring<M, object> };

/** The modes the form offers. */
export type AuthoredMode = keyof typeof MODE_AUTHORING;
export const AUTHORED_MODES = Object.keys(MODE_AUTHORING) as AuthoredMode[];

/** Every authored mode's fields, as the form holds them all at once. */
export type ModeForms = Intersection<(typeof MODE_AUTHORING)[AuthoredMode]['empty']>;

/** Every authored mode's fields as a new form has them. */
export function emptyModeForms(): ModeForms {
  return Object.assign({}, ...AUTHORED_MODES.map((m) => structuredClone(MODE_AUTHORING[m].empty))) as ModeForms;
}

/** The form's part for a mode, typed for the whole form (each part reads its own fields); none for a mode written only as YAML. */
export function modeAuthoring(mode: AuthoredMode): ModeAuthoring<ScenarioMode, ModeForms>;
export function modeAuthoring(mode: ScenarioMode): ModeAuthoring<ScenarioMode, ModeForms> | undefined;
export function modeAuthoring(mode: ScenarioMode): ModeAuthoring<ScenarioMode, ModeForms> | undefined {
  return (MODE_AUTHORING as Partial<Record<ScenarioMode, ModeAuthoring<ScenarioMode, ModeForms>>>)[mode];
}

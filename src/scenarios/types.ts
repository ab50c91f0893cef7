// A scenario after loading: every design complete (catalog defaults filled in, the reference
// solution's patch applied), question ids assigned and the workload resolved to a request rate
// per client. This is what the UI, the grader and the CLI work with. Each mode's own fields are
// in modes/<mode>/schema.ts; a Scenario is any of them.
import type { AllModeProgress, ModePart, ProgressBase, ScenarioMode } from './modes/mode-types';

export type { AlsoAcceptableItem, CritiqueKeyItem, EnvironmentRule, FailureEvent, PatchOp, PathInvariant, Requirements, WorkloadStep } from './schema';
export type { ScenarioBase, ScenarioWorkload } from './scenario-base';
export type { ScenarioMode } from './modes/mode-types';
export type { ClickAnswer, IdentifyQuestion, IdentifyScenario, NamingAnswer } from './modes/identify/schema';
export type { CritiqueScenario } from './modes/critique/schema';
export type { FixScenario } from './modes/fix/schema';
export type { CompareQuestion, CompareScenario } from './modes/compare/schema';

export type Scenario = ModePart<ScenarioMode, 'scenario'>;

/** What a learner has done in one scenario, saved so it survives a reload: the common fields and every mode's own. */
export type ScenarioProgress = ProgressBase & AllModeProgress;
export type { ProgressBase };

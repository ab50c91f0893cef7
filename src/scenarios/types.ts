// A scenario after loading: every design complete (catalog defaults filled in, the reference
// solution's patch applied), question ids assigned and the workload resolved to a request rate
// per client. This is what the UI, the grader and the CLI work with.
import type { ComponentKind, Design } from '../model/types';
import type { AlsoAcceptableItem, CritiqueKeyItem, EnvironmentRule, FailureEvent, PathInvariant, Requirements, WorkloadStep } from './schema';
import type { CheckName, CompareMetric, DesignSide, Difficulty, Objective } from './vocabulary';

export type { AlsoAcceptableItem, CritiqueKeyItem, EnvironmentRule, FailureEvent, PatchOp, PathInvariant, Requirements, WorkloadStep } from './schema';

export interface ScenarioWorkload {
  /** Constant requests/s for every client of the scenario's design, by client id. */
  clientRps: Record<string, number>;
  /** Traffic over time, for the simulator; the analytic grading uses clientRps. */
  overTime: WorkloadStep[];
}

interface ScenarioBase {
  version: number;
  id: string;
  title: string;
  summary: string;
  difficulty: Difficulty;
  estimatedMinutes: number;
  objectives: Objective[];
  /** Classic problems the scenario is about (hot-keys, idempotency...); absent when the file lists none. */
  topics?: string[];
  /** Place in the beginner on-ramp (1 first); absent for most scenarios. */
  onRampStep?: number;
  /** Plain text: blank lines separate paragraphs, lines starting "- " are list items. Never HTML. */
  story: string;
  hints: string[];
  requirements: Requirements;
  design: Design;
  workload: ScenarioWorkload;
  failures: FailureEvent[];
}

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

export interface CompareQuestion {
  id: string;
  prompt: string;
  answer: DesignSide;
  metric: CompareMetric | null;
  explanation: string;
}

export interface IdentifyScenario extends ScenarioBase {
  mode: 'identify';
  questions: IdentifyQuestion[];
  /** The engine's figures stay on screen (a scenario that teaches what they are); absent when hidden. */
  showFigures?: boolean;
}

export interface CritiqueScenario extends ScenarioBase {
  mode: 'critique';
  key: CritiqueKeyItem[];
  /** Sound findings beside the key: partial credit, no penalty. */
  alsoAcceptable: AlsoAcceptableItem[];
}

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

export interface CompareScenario extends ScenarioBase {
  mode: 'compare';
  designB: Design;
  labels: { a: string; b: string };
  questions: CompareQuestion[];
  takeaway: string;
}

export type Scenario = IdentifyScenario | CritiqueScenario | FixScenario | CompareScenario;

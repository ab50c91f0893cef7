// What every scenario has after loading, whatever its mode: every design complete (catalog defaults filled in, the reference
// solution's patch applied), question ids assigned and the workload resolved to a request rate
// per client. This is what the UI, the grader and the CLI work with.
import type { Design } from '../model/types';
import type { FailureEvent, Requirements, WorkloadStep } from './schema';
import type { Difficulty, Objective } from './vocabulary';

export interface ScenarioWorkload {
  /** Constant requests/s for every client of the scenario's design, by client id. */
  clientRps: Record<string, number>;
  /** Traffic over time, for the simulator; the analytic grading uses clientRps. */
  overTime: WorkloadStep[];
  /** Hours a month the scenario's traffic runs, for its bill (month.ts); 730 (all month) unless the file says. */
  busyHoursPerMonth: number;
  /** Requests/s of all clients together for the rest of the month, for its bill; 0 unless the file says. */
  quietRps: number;
}

export interface ScenarioBase {
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


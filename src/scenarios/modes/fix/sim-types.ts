// What a simulated fix grade is made of: its verdicts, per-check results, the grade, its options
// and the plan and per-run results that let runs be spread over workers (simulated.ts).
import type { DesignSimOptions, DesignSimReport } from '../../../engine/simulation';
import type { Design } from '../../../model/types';
import type { CheckResult } from '../../evaluate';
import type { RunFigures } from './sim-figures';
import type { CheckName } from '../../vocabulary';

export type SimVerdict = 'pass' | 'fail' | 'too-close';

export interface SimulatedCheckResult {
  check: CheckName;
  /** "p99 latency", "availability", ... (as in the analytic grade). */
  label: string;
  verdict: SimVerdict;
  /** Mean over the replications; null when a run had nothing to measure (no request succeeded, none finished). */
  mean: number | null;
  /** Half-width of the 95% confidence interval of the mean across replications; 0 for a figure without noise; null with the mean. */
  halfWidth: number | null;
  /** The requirement (NaN when the scenario gives none); for capacity, 0 components falling behind. */
  target: number;
  unit: CheckResult['unit'];
  /** The figure of each replication, in seed order; null where it could not be measured. */
  values: (number | null)[];
  /** Plain sentences with the figures and the verdict. */
  detail: string;
}

export interface SimulatedFixGrade {
  mode: 'fix-simulated';
  /** Every check's verdict is 'pass'. */
  passed: boolean;
  checks: SimulatedCheckResult[];
  replications: number;
  /** The seed of each replication. */
  seeds: number[];
  /** Simulated length of each run, s (warm-up included). */
  durationS: number;
  /** Why the design could not be simulated, in words (then `checks` is empty), or what limits the figures. */
  problems: string[];
  /** What the simulator set aside (settings it ignores), once each. */
  warnings: string[];
  /** The first replication's whole report, for charts; only with keepReport. */
  report?: DesignSimReport;
}

export interface GradeFixSimulatedOptions {
  /** Independent runs, at least 2. Default 5. */
  replications?: number;
  /** Seed of the first run; the others follow one by one. Default 1. */
  baseSeed?: number;
  /** Simulated length of each run, s. Default: the scenario's (scenarioDurationS). */
  durationS?: number;
  /** Share of all the runs done, 0..1, rising; for progress bars. */
  onProgress?: (done: number) => void;
  /** Keep the first replication's report in the grade (for charts of the run over time). */
  keepReport?: boolean;
}

export const DEFAULT_REPLICATIONS = 5;

/** What a simulated grade runs: the design in the simulator's terms, its options and the seeds. */
export interface ReplicationPlan {
  design: Design;
  options: DesignSimOptions;
  seeds: number[];
  durationS: number;
}

/** One run's figures: plain data, so runs can be spread over workers and combined after. */
export type ReplicationResult =
  | { ok: true; seed: number; figures: RunFigures; warnings: string[]; stoppedAfterEvents: number | null; report?: DesignSimReport }
  | { ok: false; problems: string[] };

// The simulator's figures guard: bundled scenario designs run over fixed seeds, each figure
// (per flow and per component) summarised across the replications, and compared with the figures
// the same runs gave before a change to the engine (tests/fixtures/sim-guard-baseline.json,
// written by scripts/sim-guard-baseline.ts). A faster engine may draw its random numbers in
// another order, so figures are not expected to match exactly, only to stay within the noise.
import { simulateDesign, type DesignSimReport, type FlowSimSummary } from '../../../src/engine/simulation';
import { scenarioSimOptions } from '../../../src/scenarios/simulation';
import type { Design } from '../../../src/model/types';
import type { Scenario } from '../../../src/scenarios';
import { bundledScenario } from './bundled-scenario';

export interface GuardCase {
  /** The scenario id, and whether its solution runs instead of its starting design. */
  scenario: string;
  solution?: boolean;
  /**
   * Simulated seconds, shorter than the scenario's own run to keep the test cheap, but long
   * enough to cover its failure (if any) and some steady traffic.
   */
  durationS: number;
  /** What the case exercises, so a reader sees why it is here. */
  covers: string;
}

/**
 * A subset chosen to touch every path a hop takes: caches and cache-aside, worker pools with
 * queues, load balancers and replicas, async messages, retries and timeouts, a zone outage, a
 * slowdown, and fan-out to many calls. About 4 million events per replication altogether.
 */
export const GUARD_CASES: GuardCase[] = [
  { scenario: 'multi-zone-failover', solution: true, durationS: 180, covers: 'zone outage at 120 s, failover to the other zone, cache, replicas' },
  { scenario: 'video-streaming-cdn', solution: true, durationS: 60, covers: 'CDN and caches without a worker limit, traffic ramp' },
  { scenario: 'url-shortener', durationS: 40, covers: 'cache-aside reads, database writes' },
  { scenario: 'web-crawler-critique', durationS: 40, covers: 'async messages to a queue and its workers' },
  { scenario: 'checkout-flash-sale', durationS: 180, covers: 'payment provider errors from 60 s, retries, traffic ramp from 120 s' },
  { scenario: 'news-feed-fanout', durationS: 2, covers: 'fan-out: many calls per request to one component' },
];

/** Replications the test runs; the baseline script runs more, for a tighter baseline. */
export const TEST_REPLICATIONS = 5;
export const BASELINE_REPLICATIONS = 10;
/** Seeds of the baseline start at 1, the test's here: independent runs, so the unchanged engine is put to the same test as a changed one. */
export const TEST_BASE_SEED = 1001;

/**
 * A figure fails when its mean moved by more than this many standard errors of the difference
 * (Welch). With 5 and 10 replications (about 13 degrees of freedom) a figure that did not move
 * exceeds it with probability about 6e-4, so among the guard's hundred-odd figures a false
 * alarm is rare (Bonferroni: under 10%), while a real shift of a couple of run-to-run standard
 * deviations is caught.
 */
export const MAX_STANDARD_ERRORS = 4.5;
/** Figures that barely vary (a share of exactly 1 in every run) may still move by this share of their size... */
const RELATIVE_FLOOR = 1e-3;
/** ...or this much (shares are 0..1, times in ms, rates in req/s, queue lengths in requests). */
const ABSOLUTE_FLOOR = 1e-4;

export function guardDesign(c: GuardCase): { scenario: Scenario; design: Design } {
  const scenario = bundledScenario(c.scenario);
  if (c.solution && scenario.mode !== 'fix') throw new Error(`${c.scenario} has no solution`);
  const design = c.solution && scenario.mode === 'fix' ? scenario.solution : scenario.design;
  return { scenario, design };
}

export function runGuardCase(c: GuardCase, seed: number, edit: (design: Design) => Design = (d) => d): DesignSimReport {
  const { scenario, design } = guardDesign(c);
  const prepared = scenarioSimOptions(scenario, edit(design));
  return simulateDesign(prepared.design, { ...prepared.options, durationS: c.durationS, seed });
}

function flowFigures(prefix: string, f: FlowSimSummary, measuredS: number, out: Record<string, number | null>): void {
  out[`${prefix} sent rps`] = f.sent / measuredS;
  out[`${prefix} availability`] = f.availability;
  out[`${prefix} mean ms`] = f.meanResponseMs;
  out[`${prefix} p50 ms`] = f.p50ResponseMs;
  out[`${prefix} p99 ms`] = f.p99ResponseMs;
}

/** The figures of one run by name: what the panels, the grading and the scenario checks read. */
export function guardFigures(report: DesignSimReport): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const measuredS = report.durationS - report.warmupS;
  out['stopped early'] = report.stoppedEarly ? 1 : 0;
  flowFigures('all clients', report.overall, measuredS, out);
  if (report.flows.length > 1) for (const f of report.flows) flowFigures(`flow ${f.clientId}`, f.summary, measuredS, out);
  for (const c of report.components) {
    const s = c.summary;
    const at = `${c.nodeId}`;
    out[`${at} throughput rps`] = s.throughputRps;
    out[`${at} failed share`] = s.arrivals > 0 ? (s.errors + s.timeouts + s.rejections) / s.arrivals : null;
    out[`${at} utilization`] = s.utilization;
    out[`${at} mean queue`] = s.meanQueueLength;
    out[`${at} mean ms`] = s.meanResponseMs;
    out[`${at} p99 ms`] = s.p99ResponseMs;
  }
  return out;
}

export interface FigureSummary {
  mean: number;
  /** Standard deviation across the replications. */
  sd: number;
  n: number;
}

/** Each figure's mean and spread across the runs; figures missing (null) in any run are left out. */
export function summarise(runs: readonly Record<string, number | null>[]): Record<string, FigureSummary> {
  const out: Record<string, FigureSummary> = {};
  const first = runs[0] ?? {};
  for (const name of Object.keys(first)) {
    const values = runs.map((r) => r[name]);
    if (values.some((v) => v === null || v === undefined || !Number.isFinite(v))) continue;
    const xs = values as number[];
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.length > 1 ? xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) : 0;
    out[name] = { mean, sd: Math.sqrt(variance), n: xs.length };
  }
  return out;
}

export interface FigureShift {
  figure: string;
  before: number;
  after: number | null;
  allowed: number;
}

/** Figures of `after` whose mean moved beyond the noise from `before`, or that can no longer be measured. */
export function shiftedFigures(before: Record<string, FigureSummary>, after: Record<string, FigureSummary>): FigureShift[] {
  const shifts: FigureShift[] = [];
  for (const [figure, b] of Object.entries(before)) {
    const a = after[figure];
    const floor = Math.max(RELATIVE_FLOOR * Math.abs(b.mean), ABSOLUTE_FLOOR);
    if (!a) {
      shifts.push({ figure, before: b.mean, after: null, allowed: 0 });
      continue;
    }
    const standardError = Math.sqrt((b.sd * b.sd) / b.n + (a.sd * a.sd) / a.n);
    const allowed = Math.max(MAX_STANDARD_ERRORS * standardError, floor);
    if (Math.abs(a.mean - b.mean) > allowed) shifts.push({ figure, before: b.mean, after: a.mean, allowed });
  }
  return shifts;
}

/** The summarised figures of a case over seeds baseSeed, baseSeed + 1, ... */
export function caseFigures(c: GuardCase, replications: number, baseSeed: number, edit?: (design: Design) => Design): Record<string, FigureSummary> {
  const runs = Array.from({ length: replications }, (_, k) => guardFigures(runGuardCase(c, baseSeed + k, edit)));
  return summarise(runs);
}

export function caseKey(c: GuardCase): string {
  return `${c.scenario}${c.solution ? ' (solution)' : ''} ${c.durationS} s`;
}

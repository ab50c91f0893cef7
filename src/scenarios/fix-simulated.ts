// Fix-mode verdicts from the discrete-event simulator: the learner's design runs under the
// scenario's traffic over time and failure timeline (scenarioSimOptions), as independent
// replications with fixed seeds, and each check gets a mean, a 95% confidence interval across
// the replications (Student t) and one of three verdicts: 'pass' when the whole interval is on
// the passing side, 'fail' when it is wholly on the failing side, and 'too-close' when the
// target lies inside it. Fixed seeds make the grade a pure function of scenario, design and
// options: the same design always gets the same verdict.
//
// What each check measures (the flows are the clients the requirements name, or all of them):
// - p99LatencyMs: the worst flow's p99 end-to-end time of successful requests over the run
//   (after the warm-up). A flow that sent requests but had none succeed has no p99 and fails.
// - availability: the worst flow's share of finished requests that succeeded over the run.
// - errorRate: the worst flow's share that failed, for any reason (timeouts, turned away,
//   something down, errors), as its client sees it.
// - capacity: how many components cannot keep up outside failures and traffic spikes and ramps
//   (the steady part): their backlog keeps growing, or their workers are busy 99% of the time.
//   Target 0. Backlogs that build up during a failure or a spike and drain afterwards are fine.
// - monthlyCostUsd: the analytic figure; it does not depend on the run, so it has no noise.
import { studentT975 } from '../engine/metrics/batch-means';
import { DesignSimError, simulateDesign, type DesignSimOptions, type DesignSimReport, type FlowSimSummary } from '../engine/simulation';
import type { Design } from '../model/types';
import { runChecks, solveForScenario, type CheckResult } from './evaluate';
import { checkFixInvariants } from './fix-invariants';
import { formatMs, formatPercent, formatUsd } from './format';
import { scenarioSimOptions } from './simulation';
import type { FixScenario } from './types';
import type { CheckName } from './vocabulary';

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

/** Mean utilization over the steady part at or above this counts as unable to keep up. */
export const SATURATED_UTILIZATION = 0.99;
/** A backlog growing faster than this share of what the component is sent counts as unable to keep up... */
const GROWTH_SHARE = 0.01;
/** ...and faster than this many requests/s (so a trickle of traffic does not flag noise). */
const MIN_GROWTH_RPS = 0.1;
/** Steady stretches shorter than this many buckets are too short to fit a trend to. */
const MIN_STRETCH_BUCKETS = 20;

const LABELS: Record<CheckName, string> = {
  p99LatencyMs: 'p99 latency',
  availability: 'availability',
  errorRate: 'error rate',
  monthlyCostUsd: 'monthly cost',
  capacity: 'capacity',
};

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

/**
 * The runs a simulated grade needs, or the failing grade (with the reasons in words) when the
 * design cannot be simulated for the scenario. Throws RangeError for options out of range.
 */
export function planReplications(scenario: FixScenario, design: Design, options: GradeFixSimulatedOptions = {}): { ok: true; plan: ReplicationPlan } | { ok: false; grade: SimulatedFixGrade } {
  const replications = options.replications ?? DEFAULT_REPLICATIONS;
  if (!Number.isInteger(replications) || replications < 2) throw new RangeError(`replications must be a whole number of at least 2 (got ${String(replications)}): one run gives no idea of the noise.`);
  const baseSeed = options.baseSeed ?? 1;
  if (!Number.isFinite(baseSeed)) throw new RangeError(`baseSeed must be a number (got ${String(baseSeed)}).`);
  const seeds = Array.from({ length: replications }, (_, i) => baseSeed + i);
  // The story's work and world first, as in the steady grade: a design that breaks them gets no figures.
  const broken = checkFixInvariants(scenario, design);
  if (broken.length > 0) return { ok: false, grade: failedGrade(replications, seeds, options.durationS ?? NaN, broken.map((b) => b.message)) };
  try {
    const prepared = scenarioSimOptions(scenario, design);
    const durationS = options.durationS ?? prepared.options.durationS;
    return { ok: true, plan: { design: prepared.design, options: { ...prepared.options, durationS }, seeds, durationS } };
  } catch (error) {
    if (error instanceof DesignSimError) return { ok: false, grade: failedGrade(replications, seeds, options.durationS ?? NaN, error.problems) };
    throw error;
  }
}

/** Run k of the plan (seed plan.seeds[k]); onProgress gets the share of this run done. */
export function runReplication(scenario: FixScenario, plan: ReplicationPlan, k: number, options: { onProgress?: (done: number) => void; keepReport?: boolean } = {}): ReplicationResult {
  const seed = plan.seeds[k]!;
  let report: DesignSimReport;
  try {
    report = simulateDesign(plan.design, { ...plan.options, seed, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  } catch (error) {
    if (error instanceof DesignSimError) return { ok: false, problems: error.problems };
    throw error;
  }
  const result: ReplicationResult = { ok: true, seed, figures: runFigures(scenario, report, plan.options), warnings: report.warnings, stoppedAfterEvents: report.stoppedEarly ? report.events : null };
  return options.keepReport ? { ...result, report } : result;
}

/** The grade from every run of the plan, in seed order; the first run's report is kept when it has one. */
export function combineReplications(scenario: FixScenario, design: Design, plan: ReplicationPlan, results: readonly ReplicationResult[]): SimulatedFixGrade {
  const { seeds, durationS } = plan;
  const runs: RunFigures[] = [];
  const problems: string[] = [];
  const warnings = new Set<string>();
  for (const result of results) {
    if (!result.ok) return failedGrade(seeds.length, seeds, durationS, result.problems);
    if (result.stoppedAfterEvents !== null) problems.push(`The run with seed ${result.seed} hit the event limit after ${result.stoppedAfterEvents.toLocaleString('en-US')} events and stopped before ${durationS} s; its figures cover only the part simulated.`);
    for (const w of result.warnings) warnings.add(w);
    runs.push(result.figures);
  }
  const checks = scenario.checks.map((check) => gradeCheck(scenario, design, check, runs));
  const grade: SimulatedFixGrade = { mode: 'fix-simulated', passed: checks.every((c) => c.verdict === 'pass'), checks, replications: seeds.length, seeds, durationS, problems, warnings: [...warnings] };
  const first = results[0];
  return first?.ok && first.report ? { ...grade, report: first.report } : grade;
}

/**
 * Grades a learner's design for a fix scenario by simulating it `replications` times with seeds
 * baseSeed, baseSeed + 1, ... Throws RangeError for options out of range; a design the simulator
 * cannot run gives a failing grade with the problems in words.
 */
export function gradeFixSimulated(scenario: FixScenario, design: Design, options: GradeFixSimulatedOptions = {}): SimulatedFixGrade {
  const planned = planReplications(scenario, design, options);
  if (!planned.ok) return planned.grade;
  const { plan } = planned;
  const progress = progressReporter(plan.seeds.length, options.onProgress);
  const results: ReplicationResult[] = [];
  for (let k = 0; k < plan.seeds.length; k++) {
    const result = runReplication(scenario, plan, k, { ...(progress ? { onProgress: (done: number) => progress(k + done) } : {}), keepReport: k === 0 && options.keepReport === true });
    results.push(result);
    if (!result.ok) break;
    progress?.(k + 1);
  }
  return combineReplications(scenario, design, plan, results);
}

function failedGrade(replications: number, seeds: number[], durationS: number, problems: string[]): SimulatedFixGrade {
  return { mode: 'fix-simulated', passed: false, checks: [], replications, seeds, durationS, problems, warnings: [] };
}

/** Maps "runs done" (0..replications, fractional within a run) to a rising share 0..1. */
function progressReporter(replications: number, onProgress: ((done: number) => void) | undefined): ((runsDone: number) => void) | null {
  if (!onProgress) return null;
  let last = -1;
  return (runsDone) => {
    const share = Math.min(1, Math.max(0, runsDone / replications));
    if (share <= last) return;
    last = share;
    onProgress(share);
  };
}

// ---- what one run measured ----------------------------------------------------------------------

/** A flow's figure in one run, with the flow it came from. */
interface FlowFigure {
  value: number | null;
  flowLabel: string | null;
  /** Flows in scope that sent requests in the run. */
  flows: number;
}

interface Laggard {
  nodeId: string;
  label: string;
  /** Backlog growth over the steady part, requests/s. */
  growthRps: number;
  /** Mean utilization over the steady part; null when it had no workers to measure. */
  utilization: number | null;
}

export interface RunFigures {
  p99: FlowFigure;
  availability: FlowFigure;
  errorRate: FlowFigure;
  /** Failures of the flow with the worst error rate, by reason. */
  failedBy: FlowSimSummary['failedBy'] | null;
  laggards: Laggard[];
}

function runFigures(scenario: FixScenario, report: DesignSimReport, options: DesignSimOptions): RunFigures {
  const listed = scenario.requirements.clients;
  const flows = report.flows.filter((f) => (listed === undefined || listed.includes(f.clientId)) && f.summary.sent > 0);
  // Availability with nothing finished (every request still waiting at the end) counts as none succeeding.
  const availabilityOf = (s: FlowSimSummary) => s.availability ?? 0;
  const worstAvailability = worstFlow(flows, (f) => -availabilityOf(f.summary));
  const worstP99 = worstFlow(flows, (f) => f.summary.p99ResponseMs ?? Infinity);
  const label = (f: (typeof flows)[number] | undefined) => f?.label ?? null;
  const availability = worstAvailability ? availabilityOf(worstAvailability.summary) : null;
  return {
    p99: { value: worstP99?.summary.p99ResponseMs ?? null, flowLabel: label(worstP99), flows: flows.length },
    availability: { value: availability, flowLabel: label(worstAvailability), flows: flows.length },
    errorRate: { value: availability === null ? null : 1 - availability, flowLabel: label(worstAvailability), flows: flows.length },
    failedBy: worstAvailability?.summary.failedBy ?? null,
    laggards: laggards(report, options),
  };
}

function worstFlow<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let worst: T | undefined;
  let worstScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (worst === undefined || s > worstScore) {
      worst = item;
      worstScore = s;
    }
  }
  return worst;
}

// ---- capacity: the steady part of the run -------------------------------------------------------

/** Time windows [from, to) s where the scenario disturbs the design on purpose: failures, spikes, ramps. */
function disturbedWindows(options: DesignSimOptions): [number, number][] {
  const windows: [number, number][] = [];
  for (const f of options.failures ?? []) windows.push([f.atS, f.atS + (f.durationS ?? Infinity)]);
  for (const shapes of Object.values(options.workload ?? {})) {
    for (const s of Array.isArray(shapes) ? shapes : [shapes]) {
      if (s.kind === 'spike') windows.push([s.startS, s.startS + s.durationS]);
      if (s.kind === 'ramp') windows.push([s.startS, s.endS]);
    }
  }
  return windows;
}

/**
 * The measured buckets outside every disturbance, as stretches of consecutive buckets long enough
 * to fit a trend to; all the measured buckets as one stretch when no such stretch is left.
 */
function steadyStretches(report: DesignSimReport, options: DesignSimOptions): number[][] {
  const windows = disturbedWindows(options);
  const measured: number[] = [];
  const stretches: number[][] = [];
  let current: number[] = [];
  report.timeS.forEach((t, b) => {
    if (t < report.warmupS) return;
    measured.push(b);
    const end = Math.min(t + report.bucketS, report.durationS);
    const disturbed = windows.some(([from, to]) => t < to && end > from);
    if (disturbed) {
      if (current.length > 0) stretches.push(current);
      current = [];
    } else current.push(b);
  });
  if (current.length > 0) stretches.push(current);
  const long = stretches.filter((s) => s.length >= MIN_STRETCH_BUCKETS);
  return long.length > 0 ? long : measured.length > 1 ? [measured] : [];
}

/** Least-squares slope of y over x. */
function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  return sxx > 0 ? sxy / sxx : 0;
}

/**
 * Components that cannot keep up over the steady part: their backlog grows (the length-weighted
 * trend of the requests waiting, fitted within each steady stretch so a backlog left by a failure
 * and draining does not count) faster than 1% of what they are sent, or their workers are busy
 * at least 99% of the time.
 */
function laggards(report: DesignSimReport, options: DesignSimOptions): Laggard[] {
  const stretches = steadyStretches(report, options);
  const buckets = stretches.flat();
  if (buckets.length === 0) return [];
  const out: Laggard[] = [];
  for (const c of report.components) {
    const { queueLength, offeredRps, utilization } = c.series;
    let weighted = 0;
    for (const stretch of stretches) {
      const times = stretch.map((b) => report.timeS[b]!);
      weighted += slope(times, stretch.map((b) => queueLength[b]!)) * stretch.length;
    }
    const growthRps = weighted / buckets.length;
    const offered = buckets.reduce((sum, b) => sum + offeredRps[b]!, 0) / buckets.length;
    let busy = 0;
    let busyCount = 0;
    for (const b of buckets) {
      const u = utilization[b];
      if (u === null || u === undefined) continue;
      busy += u;
      busyCount++;
    }
    const meanUtilization = busyCount > 0 ? busy / busyCount : null;
    const growing = growthRps > Math.max(GROWTH_SHARE * offered, MIN_GROWTH_RPS);
    const saturated = meanUtilization !== null && meanUtilization >= SATURATED_UTILIZATION;
    if (growing || saturated) out.push({ nodeId: c.nodeId, label: c.label, growthRps, utilization: meanUtilization });
  }
  return out;
}

// ---- statistics and verdicts --------------------------------------------------------------------

interface Interval {
  mean: number | null;
  halfWidth: number | null;
}

/** Mean and 95% half-width (Student t with n - 1 degrees of freedom); null when any value is missing. */
function interval(values: readonly (number | null)[]): Interval {
  const n = values.length;
  if (n === 0 || values.some((v) => v === null || !Number.isFinite(v))) return { mean: null, halfWidth: null };
  const xs = values as readonly number[];
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of xs) squares += (x - mean) ** 2;
  // Identical values have no spread (a figure without noise, or a design that never wavers).
  const halfWidth = squares === 0 || n < 2 ? 0 : studentT975(n - 1) * Math.sqrt(squares / (n - 1) / n);
  return { mean, halfWidth };
}

/** 'pass' when the whole interval is on the passing side, 'fail' when wholly on the failing side. */
function verdictOf(mean: number | null, halfWidth: number | null, target: number, atLeast: boolean): SimVerdict {
  if (mean === null || halfWidth === null || !Number.isFinite(target)) return 'fail';
  const low = mean - halfWidth;
  const high = mean + halfWidth;
  if (atLeast) return low >= target ? 'pass' : high < target ? 'fail' : 'too-close';
  return high <= target ? 'pass' : low > target ? 'fail' : 'too-close';
}

const VERDICT_WORDS: Record<SimVerdict, string> = {
  pass: 'passes',
  fail: 'fails',
  'too-close': 'too close to call; run more replications or leave more margin',
};

function formatCount(x: number): string {
  return Number(x.toFixed(2)).toString();
}

/** "availability" -> "Availability"; "p99 latency" keeps its lower-case p. */
const capitalize = (s: string) => (s.startsWith('p99') ? s : s.charAt(0).toUpperCase() + s.slice(1));

const fixed = (x: number, digits: number) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * "98.013% ± 0.089%", "51.25 ms ± 0.35 ms", "32.9 min ± 0.2 min": the spread to two significant
 * digits and the mean to as many decimals (at least its usual ones); long waits in s or min.
 */
function withSpread(mean: number, halfWidth: number, unit: 'ms' | 'fraction'): string {
  const [scale, suffix] = unit === 'fraction' ? [100, '%'] : mean >= 120_000 ? [1 / 60_000, ' min'] : mean >= 10_000 ? [1 / 1000, ' s'] : [1, ' ms'];
  const plain = unit === 'fraction' ? formatPercent : formatMs;
  if (halfWidth === 0) return `${plain(mean)} ± 0${suffix}`;
  const x = mean * scale;
  const h = halfWidth * scale;
  const digits = Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(h))));
  const usual = unit === 'fraction' ? (x >= 99 || x <= 1 ? 3 : 1) : x < 1 ? 2 : x < 10 ? 1 : 0;
  return `${fixed(x, Math.max(digits, usual))}${suffix} ± ${fixed(h, digits)}${suffix}`;
}

/** "Availability 99.93% ± 0.02% (95% confidence, 5 runs) against a target of at least 99.95%: passes." */
function verdictSentence(label: string, unit: 'ms' | 'fraction', mean: number, halfWidth: number, runs: number, target: number, atLeast: boolean, verdict: SimVerdict): string {
  const bound = `${atLeast ? 'at least' : 'at most'} ${unit === 'fraction' ? formatPercent(target) : formatMs(target)}`;
  return `${capitalize(label)} ${withSpread(mean, halfWidth, unit)} (95% confidence, ${runs} runs) against a target of ${bound}: ${VERDICT_WORDS[verdict]}.`;
}

/** The flow named most often as the worst, with how often; nothing when there is only one flow. */
function mostOftenWorst(figures: readonly FlowFigure[]): string {
  if (figures.every((f) => f.flows <= 1)) return '';
  const counts = new Map<string, number>();
  for (const f of figures) if (f.flowLabel !== null) counts.set(f.flowLabel, (counts.get(f.flowLabel) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return '';
  return ranked.length === 1 ? ` Worst flow: ${top[0]}.` : ` Worst flow: ${top[0]} (in ${top[1]} of ${figures.length} runs).`;
}

function noTarget(check: CheckName, runs: readonly RunFigures[]): SimulatedCheckResult {
  const label = LABELS[check];
  return { check, label, verdict: 'fail', mean: null, halfWidth: null, target: NaN, unit: 'fraction', values: runs.map(() => null), detail: `The scenario gives no ${label} target.` };
}

function gradeCheck(scenario: FixScenario, design: Design, check: CheckName, runs: readonly RunFigures[]): SimulatedCheckResult {
  switch (check) {
    case 'capacity':
      return gradeCapacity(runs);
    case 'monthlyCostUsd':
      return gradeCost(scenario, design, runs);
    case 'p99LatencyMs':
      return scenario.requirements.p99LatencyMs === undefined ? noTarget(check, runs) : gradeP99(scenario.requirements.p99LatencyMs, runs);
    case 'availability':
    case 'errorRate': {
      const target = scenario.requirements[check];
      return target === undefined ? noTarget(check, runs) : gradeShare(check, target, runs);
    }
  }
}

function gradeP99(target: number, runs: readonly RunFigures[]): SimulatedCheckResult {
  const check = 'p99LatencyMs';
  const label = LABELS[check];
  const figures = runs.map((r) => r.p99);
  const values = figures.map((f) => f.value);
  const { mean, halfWidth } = interval(values);
  const verdict = verdictOf(mean, halfWidth, target, false);
  let detail: string;
  if (mean === null || halfWidth === null) {
    const missing = values.filter((v) => v === null).length;
    detail = `In ${missing} of ${runs.length} runs ${figures.find((f) => f.value === null)?.flowLabel ?? 'a flow'} had no successful request, so there is no p99 to hold to the target of at most ${formatMs(target)}: fails.`;
  } else {
    detail = verdictSentence(label, 'ms', mean, halfWidth, runs.length, target, false, verdict) + mostOftenWorst(figures);
  }
  return { check, label, verdict, mean, halfWidth, target, unit: 'ms', values, detail };
}

const REASON_WORDS: Record<keyof FlowSimSummary['failedBy'], string> = {
  error: 'errors',
  down: 'something down or cut off',
  timeout: 'timed out',
  rejected: 'turned away',
  'circuit-open': 'stopped by an open circuit breaker',
};

/** "Why requests failed (all runs together): 812 timed out, 20 turned away." for the worst flows. */
function failureBreakdown(runs: readonly RunFigures[], figures: readonly FlowFigure[]): string {
  const totals = new Map<string, number>();
  for (const r of runs) {
    if (!r.failedBy) continue;
    for (const [reason, count] of Object.entries(r.failedBy) as [keyof FlowSimSummary['failedBy'], number][]) {
      if (count > 0) totals.set(reason, (totals.get(reason) ?? 0) + count);
    }
  }
  if (totals.size === 0) return '';
  const parts = [...totals].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${count.toLocaleString('en-US')} ${REASON_WORDS[reason as keyof FlowSimSummary['failedBy']]}`);
  const whose = figures.every((f) => f.flows <= 1) ? '' : 'worst flow of each run, ';
  return ` Why requests failed (${whose}all runs together): ${parts.join(', ')}.`;
}

function gradeShare(check: 'availability' | 'errorRate', target: number, runs: readonly RunFigures[]): SimulatedCheckResult {
  const label = LABELS[check];
  const atLeast = check === 'availability';
  const figures = runs.map((r) => (check === 'availability' ? r.availability : r.errorRate));
  const values = figures.map((f) => f.value);
  const { mean, halfWidth } = interval(values);
  const verdict = verdictOf(mean, halfWidth, target, atLeast);
  const detail =
    mean === null || halfWidth === null
      ? `In ${values.filter((v) => v === null).length} of ${runs.length} runs no request was sent, so there is no ${label} to hold to the target: fails.`
      : verdictSentence(label, 'fraction', mean, halfWidth, runs.length, target, atLeast, verdict) + mostOftenWorst(figures) + failureBreakdown(runs, figures);
  return { check, label, verdict, mean, halfWidth, target, unit: 'fraction', values, detail };
}

function gradeCapacity(runs: readonly RunFigures[]): SimulatedCheckResult {
  const check = 'capacity';
  const label = LABELS[check];
  const values = runs.map((r) => r.laggards.length);
  const { mean, halfWidth } = interval(values);
  const verdict = verdictOf(mean, halfWidth, 0, false);
  const n = runs.length;
  const byNode = new Map<string, { label: string; runs: number; growth: number; utilization: number | null }>();
  for (const r of runs) {
    for (const l of r.laggards) {
      const seen = byNode.get(l.nodeId) ?? { label: l.label, runs: 0, growth: 0, utilization: null };
      seen.runs++;
      seen.growth += l.growthRps;
      if (l.utilization !== null) seen.utilization = Math.max(seen.utilization ?? 0, l.utilization);
      byNode.set(l.nodeId, seen);
    }
  }
  let detail: string;
  if (byNode.size === 0) {
    detail = `Every component keeps up with its traffic outside failures and traffic spikes, in all ${n} runs: passes.`;
  } else {
    const names = [...byNode.values()].map((s) => {
      const growth = s.growth / s.runs;
      const how = growth > MIN_GROWTH_RPS ? `backlog growing by about ${formatRate(growth)} requests/s` : `busy ${formatPercent(s.utilization ?? 1)} of the time`;
      return `${s.label} (${how}, in ${s.runs} of ${n} runs)`;
    });
    const m = mean ?? 0;
    const hw = halfWidth ?? 0;
    detail = `Components that cannot keep up outside failures and traffic spikes: ${formatCount(m)} ± ${formatCount(hw)} (95% confidence, ${n} runs) against a target of none: ${VERDICT_WORDS[verdict]}. Falling behind: ${names.join('; ')}.`;
  }
  return { check, label, verdict, mean, halfWidth, target: 0, unit: 'components', values, detail };
}

function formatRate(x: number): string {
  return x >= 10 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(2)).toString();
}

/** The analytic cost: what the design costs does not depend on the run. */
function gradeCost(scenario: FixScenario, design: Design, runs: readonly RunFigures[]): SimulatedCheckResult {
  const check = 'monthlyCostUsd';
  const label = LABELS[check];
  const target = scenario.requirements.monthlyCostUsd;
  if (target === undefined) return noTarget(check, runs);
  const solved = solveForScenario(scenario, design);
  if (!solved.ok) {
    return { check, label, verdict: 'fail', mean: null, halfWidth: null, target, unit: 'USD/month', values: runs.map(() => null), detail: `The cost could not be worked out: ${solved.problems.join(' ')}` };
  }
  const [analytic] = runChecks(scenario, solved.solution, [check]);
  const cost = analytic?.actual ?? solved.solution.cost.totalUsdPerMonth;
  const verdict: SimVerdict = cost <= target ? 'pass' : 'fail';
  const detail = `Costs ${formatUsd(cost)} a month, the same in every run, against a budget of at most ${formatUsd(target)}: ${VERDICT_WORDS[verdict]}.`;
  return { check, label, verdict, mean: cost, halfWidth: 0, target, unit: 'USD/month', values: runs.map(() => cost), detail };
}

/**
 * A short fingerprint of what the simulator reads of a design (components, their settings and
 * places, connections), so a saved simulated grade can tell whether it still applies: moving or
 * renaming a component keeps it, any change the simulation could feel does not.
 */
export function simulationKey(design: Design): string {
  const text = JSON.stringify([
    design.nodes.map(({ id, kind, params, groupId, resilience }) => [id, kind, params, groupId ?? null, resilience ?? null]),
    design.edges.map(({ id, source, target, mode, callsPerRequest, share, onCacheMiss, resilience }) => [id, source, target, mode, callsPerRequest, share, onCacheMiss ?? null, resilience ?? null]),
    design.groups.map(({ id, kind, parentId }) => [id, kind, parentId ?? null]),
  ]);
  // FNV-1a, 32 bits, twice with different offsets: collisions between a learner's edits are
  // vanishingly unlikely, and a collision only shows an old grade as current.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

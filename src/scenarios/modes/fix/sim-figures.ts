// What one simulated run of a fix scenario measured: each flow's worst figures, and the components
// that cannot keep up over the steady part of the run (outside failures, spikes and ramps).
import type { DesignSimOptions, DesignSimReport, FlowSimSummary } from '../../../engine/simulation';
import type { FixScenario } from '../../types';
import { worst } from '../../evaluate';

/** Mean utilization over the steady part at or above this counts as unable to keep up. */
export const SATURATED_UTILIZATION = 0.99;
/** A backlog growing faster than this share of what the component is sent counts as unable to keep up... */
const GROWTH_SHARE = 0.01;
/** ...and faster than this many requests/s (so a trickle of traffic does not flag noise). */
export const MIN_GROWTH_RPS = 0.1;
/** Steady stretches shorter than this many buckets are too short to fit a trend to. */
const MIN_STRETCH_BUCKETS = 20;

/** A flow's figure in one run, with the flow it came from. */
export interface FlowFigure {
  value: number | null;
  flowLabel: string | null;
  /** Flows in scope that sent requests in the run. */
  flows: number;
}

export interface Laggard {
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

export function runFigures(scenario: FixScenario, report: DesignSimReport, options: DesignSimOptions): RunFigures {
  const listed = scenario.requirements.clients;
  const flows = report.flows.filter((f) => (listed === undefined || listed.includes(f.clientId)) && f.summary.sent > 0);
  // Availability with nothing finished (every request still waiting at the end) counts as none succeeding.
  const availabilityOf = (s: FlowSimSummary) => s.availability ?? 0;
  const worstAvailability = worst(flows, (f) => -availabilityOf(f.summary));
  const worstP99 = worst(flows, (f) => f.summary.p99ResponseMs ?? Infinity);
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

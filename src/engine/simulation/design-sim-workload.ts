// Request rate over time for one client, and the next arrival of the non-homogeneous Poisson
// stream it defines, drawn by thinning (Lewis & Shedler): candidates at the highest rate the
// shapes can reach, each kept with probability rate(t) / highest.
import type { Random } from './random';
import type { WorkloadShape } from './design-sim-types';

export const DEFAULT_DAY_S = 1440;

export class ClientWorkload {
  /** An upper bound of rateRps over the whole run. */
  readonly maxRps: number;
  private readonly shapes: readonly WorkloadShape[];
  /** Times (ms) where a shape switches, ascending. */
  private readonly breakpointsMs: number[];

  constructor(
    readonly baseRps: number,
    shapes: readonly WorkloadShape[],
  ) {
    this.shapes = shapes;
    this.breakpointsMs = shapes.flatMap(breakpointsS).map((t) => t * 1000).sort((a, b) => a - b);
    let bound = baseRps;
    for (const s of shapes) bound = shapeBound(s, bound);
    this.maxRps = Math.max(0, bound);
  }

  /** Requests per second at time tS. */
  rateRps(tS: number): number {
    let rate = this.baseRps;
    for (const s of this.shapes) rate = applyShape(s, rate, tS);
    return rate > 0 ? rate : 0;
  }

  /** Time (ms) of the next arrival after nowMs, or Infinity when none comes before endMs. */
  nextArrivalMs(rng: Random, nowMs: number, endMs: number): number {
    const max = this.maxRps;
    if (!(max > 0)) return Infinity;
    const gapMs = 1000 / max;
    let t = nowMs;
    for (;;) {
      t += rng.exponential(gapMs);
      if (t > endMs) return Infinity;
      const rate = this.rateRps(t / 1000);
      if (rng.nextFloat() * max <= rate && rate > 0) return t;
      // A zero rate holds until the next switch (rates are linear between switches and never
      // negative), so skip there instead of drawing candidates through a long silence.
      if (rate === 0) t = Math.max(t, this.breakpointsMs.find((b) => b > t) ?? Infinity);
    }
  }
}

function breakpointsS(s: WorkloadShape): number[] {
  switch (s.kind) {
    case 'step':
      return [s.atS];
    case 'ramp':
      return [s.startS, s.endS];
    case 'spike':
      return [s.startS, s.startS + s.durationS];
    default:
      return [];
  }
}

function applyShape(s: WorkloadShape, rate: number, t: number): number {
  switch (s.kind) {
    case 'constant':
      return s.rps ?? rate;
    case 'step':
      return t >= s.atS ? s.toRps : rate;
    case 'ramp': {
      const from = s.fromRps ?? rate;
      if (t <= s.startS) return from;
      if (t >= s.endS) return s.toRps;
      return from + ((s.toRps - from) * (t - s.startS)) / (s.endS - s.startS);
    }
    case 'spike':
      return t >= s.startS && t < s.startS + s.durationS ? rate * s.multiplier : rate;
    case 'daily': {
      const period = s.periodS ?? DEFAULT_DAY_S;
      const peakAtS = s.peakAtS ?? period / 2;
      return rate * (1 + dailyAmplitude(s.peakToTrough) * Math.cos((2 * Math.PI * (t - peakAtS)) / period));
    }
  }
}

/** Amplitude a of 1 - a cos(...) giving peak / trough = ratio. */
function dailyAmplitude(ratio: number): number {
  return (ratio - 1) / (ratio + 1);
}

/** Highest rate the shape can give when its input never exceeds `bound` (every shape is monotone in its input). */
function shapeBound(s: WorkloadShape, bound: number): number {
  switch (s.kind) {
    case 'constant':
      return s.rps ?? bound;
    case 'step':
      return Math.max(bound, s.toRps);
    case 'ramp':
      return Math.max(s.fromRps ?? bound, s.toRps, bound);
    case 'spike':
      return bound * Math.max(1, s.multiplier);
    case 'daily':
      return bound * (1 + dailyAmplitude(s.peakToTrough));
  }
}

/** A message in plain words when the shape cannot be used, else null. */
export function workloadProblem(s: WorkloadShape, clientName: string): string | null {
  const bad = (what: string) => `The workload of ${clientName}: ${what}.`;
  const nonNegative = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
  switch (s.kind) {
    case 'constant':
      return s.rps === undefined || nonNegative(s.rps) ? null : bad('the rate must be a number of requests per second, 0 or more');
    case 'step':
      return nonNegative(s.atS) && nonNegative(s.toRps) ? null : bad('a step needs a time (s) and a new rate (requests/s), both 0 or more');
    case 'ramp':
      if (!nonNegative(s.startS) || !nonNegative(s.endS) || !(s.endS > s.startS)) return bad('a ramp needs a start before its end (s)');
      return nonNegative(s.toRps) && (s.fromRps === undefined || nonNegative(s.fromRps)) ? null : bad('ramp rates must be 0 or more requests/s');
    case 'spike':
      return nonNegative(s.startS) && nonNegative(s.durationS) && nonNegative(s.multiplier) ? null : bad('a spike needs a start, a length (s) and a multiplier, all 0 or more');
    case 'daily':
      if (!(typeof s.peakToTrough === 'number' && s.peakToTrough >= 1 && Number.isFinite(s.peakToTrough))) return bad('the daily peak-to-trough ratio must be 1 or more');
      if (!(s.periodS === undefined || (nonNegative(s.periodS) && s.periodS > 0))) return bad('the daily period must be above 0 s');
      return s.peakAtS === undefined || nonNegative(s.peakAtS) ? null : bad('the time of the daily peak must be 0 s or later');
    default:
      return bad(`"${String((s as { kind?: unknown }).kind)}" is not a workload shape (constant, step, ramp, spike, daily)`);
  }
}

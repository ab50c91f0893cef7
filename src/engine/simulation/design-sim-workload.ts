// Request rate over time for one client, and the next arrival of the non-homogeneous Poisson
// stream it defines, drawn by thinning (Lewis & Shedler): candidates at the highest rate the
// shapes can reach, each kept with probability rate(t) / highest.
import type { Random } from './random';
import { DEFAULT_DAY_S, workloadShapeProblems, type WorkloadKind, type WorkloadShape, type WorkloadShapeOf } from '../../model/workloads';

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

/** What the simulator needs of each kind: how it changes the rate, a bound of that, and where it switches. */
interface ShapeRate<K extends WorkloadKind> {
  /** The rate at time tS, given the rate the shapes before it give. */
  apply: (s: WorkloadShapeOf<K>, rate: number, tS: number) => number;
  /** Highest rate the shape can give when its input never exceeds `bound` (every shape is monotone in its input). */
  bound: (s: WorkloadShapeOf<K>, bound: number) => number;
  /** Times (s) where the shape switches. */
  breakpointsS: (s: WorkloadShapeOf<K>) => number[];
}

const SHAPE_RATES: { readonly [K in WorkloadKind]: ShapeRate<K> } = {
  constant: {
    apply: (s, rate) => s.rps ?? rate,
    bound: (s, bound) => s.rps ?? bound,
    breakpointsS: () => [],
  },
  step: {
    apply: (s, rate, t) => (t >= s.atS ? s.toRps : rate),
    bound: (s, bound) => Math.max(bound, s.toRps),
    breakpointsS: (s) => [s.atS],
  },
  ramp: {
    apply: (s, rate, t) => {
      const from = s.fromRps ?? rate;
      if (t <= s.startS) return from;
      if (t >= s.endS) return s.toRps;
      return from + ((s.toRps - from) * (t - s.startS)) / (s.endS - s.startS);
    },
    bound: (s, bound) => Math.max(s.fromRps ?? bound, s.toRps, bound),
    breakpointsS: (s) => [s.startS, s.endS],
  },
  spike: {
    apply: (s, rate, t) => (t >= s.startS && t < s.startS + s.durationS ? rate * s.multiplier : rate),
    bound: (s, bound) => bound * Math.max(1, s.multiplier),
    breakpointsS: (s) => [s.startS, s.startS + s.durationS],
  },
  daily: {
    apply: (s, rate, t) => {
      const period = s.periodS ?? DEFAULT_DAY_S;
      const peakAtS = s.peakAtS ?? period / 2;
      return rate * (1 + dailyAmplitude(s.peakToTrough) * Math.cos((2 * Math.PI * (t - peakAtS)) / period));
    },
    bound: (s, bound) => bound * (1 + dailyAmplitude(s.peakToTrough)),
    breakpointsS: () => [],
  },
};

function rateOf(s: WorkloadShape): ShapeRate<WorkloadKind> {
  return SHAPE_RATES[s.kind] as ShapeRate<WorkloadKind>;
}

function breakpointsS(s: WorkloadShape): number[] {
  return rateOf(s).breakpointsS(s);
}

function applyShape(s: WorkloadShape, rate: number, t: number): number {
  return rateOf(s).apply(s, rate, t);
}

function shapeBound(s: WorkloadShape, bound: number): number {
  return rateOf(s).bound(s, bound);
}

/** Amplitude a of 1 - a cos(...) giving peak / trough = ratio. */
function dailyAmplitude(ratio: number): number {
  return (ratio - 1) / (ratio + 1);
}

/** A message in plain words when the shape cannot be used (its spec's ranges, src/model/workloads.ts), else null. */
export function workloadProblem(s: WorkloadShape, clientName: string): string | null {
  const problems = workloadShapeProblems(s);
  return problems.length === 0 ? null : `The workload of ${clientName}: ${problems.map((p) => p.message).join('; ')}.`;
}

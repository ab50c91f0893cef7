// How traffic changes over time, each kind defined once: its name, label, its fields (unit, range,
// starting value, help) in the two forms it is stored in, and how it reads in a sentence.
//
// A kind is stored two ways, and both are described here:
// - a design's simulation setup keeps **shapes**, in the simulator's terms: per client, each
//   applied to the rate the shapes before it give (a spike multiplies the rate so far);
// - a scenario file keeps **steps**, in the learner's terms: rates in requests/s for all the
//   scenario's clients together (or for one), from a time on. `toShapes` turns a step into shapes.
// The design schema, the scenario schema, the simulator's checks, the CLI text, the scenario
// timeline text, the simulation panel's form and the authoring form are built from this table.
// Adding a kind: an entry here (its name in WORKLOAD_KINDS, its stored forms in WorkloadShapes and
// WorkloadSteps, its spec in WORKLOAD_SPECS), and its rate over time in
// src/engine/simulation/design-sim-workload.ts (SHAPE_RATES); the compiler asks for both.
import { formatDuration, formatNumber, formatWholeRps } from './format';

export const WORKLOAD_KINDS = ['constant', 'step', 'ramp', 'spike', 'daily'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

/** Each kind's fields in a design's setup (the simulator's terms; WORKLOAD_SPECS gives their ranges and words). */
interface WorkloadShapes {
  /** rps, or the client's own rate. */
  constant: { rps?: number };
  /** The rate until atS, then toRps. */
  step: { atS: number; toRps: number };
  /** fromRps (default: the rate so far) until startS, linearly to toRps at endS, then toRps. */
  ramp: { startS: number; endS: number; toRps: number; fromRps?: number };
  /** The rate times multiplier from startS for durationS. */
  spike: { startS: number; durationS: number; multiplier: number };
  /**
   * A day as a sinusoid around the rate: peak at peakAtS (default half a period, so the trough is
   * at t = 0), peak/trough = peakToTrough. periodS defaults to DEFAULT_DAY_S.
   */
  daily: { peakToTrough: number; periodS?: number; peakAtS?: number };
}

/** Each kind's fields in a scenario file besides atS and client (the learner's terms: rates in requests/s). */
interface WorkloadSteps {
  /** From atS, rps. */
  constant: { rps: number };
  /** From atS, rps (the same as constant; kept for the story's words). */
  step: { rps: number };
  /** From atS, linearly to rps over durationS, then rps. */
  ramp: { rps: number; durationS: number };
  /** From atS, rps for durationS, then back. */
  spike: { rps: number; durationS: number };
  /** From atS, a day between troughRps and peakRps, peaking at peakAtS (default half a period). */
  daily: { peakRps: number; troughRps: number; periodS: number; peakAtS?: number };
}

/**
 * How one client's request rate changes over time. Several shapes in a list apply one after
 * another, each to the rate the previous ones give (e.g. daily, then a spike on top).
 */
export type WorkloadShape = { [K in WorkloadKind]: { kind: K } & WorkloadShapes[K] }[WorkloadKind];
export type WorkloadShapeOf<K extends WorkloadKind> = Extract<WorkloadShape, { kind: K }>;

/** A change of a scenario's traffic from atS on, for one client or (client left out) all of them in their usual proportions. */
export type WorkloadStep = { [K in WorkloadKind]: { shape: K; atS: number; client?: string | undefined } & WorkloadSteps[K] }[WorkloadKind];
export type WorkloadStepOf<K extends WorkloadKind> = Extract<WorkloadStep, { shape: K }>;

export interface WorkloadFieldSpec<Key extends string = string> {
  key: Key;
  /** Label beside the input, in the learner's words. */
  label: string;
  unit: 's' | 'req/s' | '×';
  min: number;
  max: number;
  /** The value a new workload of this kind starts with in an editor; null leaves it empty. */
  initial: number | null;
  /** A rate an editor starts at this multiple of the clients' own rate (a design's rates are its own), instead of `initial`. */
  initialTimesOwnRate?: number;
  /** What leaving it out means; absent: the field is required. */
  whenAbsent?: string;
  /** Scenario files: the value a field left out takes when the file is read. */
  fileDefault?: number;
  help: string;
}

export interface WorkloadSpec<K extends WorkloadKind> {
  kind: K;
  /** Menu label: "Spike". */
  label: string;
  /** One line on what happens, for help text and the scenario schema. */
  help: string;
  /** The design's stored fields (the simulation panel edits these). */
  shapeFields: readonly WorkloadFieldSpec<keyof WorkloadShapes[K] & string>[];
  /** The scenario file's fields besides atS and client (the authoring form edits these). */
  stepFields: readonly WorkloadFieldSpec<keyof WorkloadSteps[K] & string>[];
  /** A problem the ranges cannot see (a ramp ending before it starts): the field and what is wrong, or null. */
  shapeProblem?: (shape: WorkloadShapeOf<K>) => { key: string; message: string } | null;
  /** The shape in words, for the CLI: "x2.5 for 60 s from 60 s". */
  describeShape: (shape: WorkloadShapeOf<K>) => string;
  /** The step in words without its time; who is "" or " from Web app": "a spike to 900 req/s for 1 min". */
  describeStep: (step: WorkloadStepOf<K>, who: string) => string;
  /** How long after atS the step plays out, s (0: a lasting change). */
  stepLastsS: (step: WorkloadStepOf<K>) => number;
  /**
   * The step as the simulator's shapes for one client. share: the client's part of a step for all
   * clients (1 for a step naming it); rateBeforeRps(): the client's rate just before the step.
   */
  toShapes: (step: WorkloadStepOf<K>, share: number, rateBeforeRps: () => number) => WorkloadShape[];
}

/** s: the simulator's day when a design's daily shape does not say, a day compressed to 24 minutes (a minute an hour), short enough to run. */
export const DEFAULT_DAY_S = 1440;
/** s: a scenario's day when its daily step does not say; scenarios tell a real day's story. */
export const SCENARIO_DAY_S = 86_400;

// Ranges: 1e9 req/s is far beyond any design (the largest public sites serve about 1e7 req/s);
// 1e7 s (116 days) matches the failure timeline's limit (failures.ts, FAILURE_TIME).
const RPS_MAX = 1e9;
const TIME_MAX = 1e7;
/** The steepest day or spike the simulator takes: its thinning draws candidates at the peak rate, so a deeper trough only costs time. */
const RATIO_MAX = 1000;

const time = <Key extends string>(key: Key, label: string, help: string, initial: number | null, extra: Partial<Omit<WorkloadFieldSpec, 'key'>> = {}): WorkloadFieldSpec<Key> => ({
  key,
  label,
  unit: 's',
  min: 0,
  max: TIME_MAX,
  initial,
  help,
  ...extra,
});
const rate = <Key extends string>(key: Key, label: string, help: string, extra: Partial<Omit<WorkloadFieldSpec, 'key'>> = {}): WorkloadFieldSpec<Key> => ({
  key,
  label,
  unit: 'req/s',
  min: 0,
  max: RPS_MAX,
  initial: null,
  help,
  ...extra,
});
/** s: a scenario's ramp or spike lasts at least this long; shorter is a step. */
const STEP_MIN_S = 1;

const seconds = (s: number) => `${formatNumber(s)} s`;
const rps = (x: number) => `${formatNumber(x)} req/s`;
/** From atS on, this rate: a constant at the start, else a step. */
const rateFrom = (atS: number, toRps: number): WorkloadShape => (atS === 0 ? { kind: 'constant', rps: toRps } : { kind: 'step', atS, toRps });

export const WORKLOAD_SPECS: { readonly [K in WorkloadKind]: WorkloadSpec<K> } = {
  constant: {
    kind: 'constant',
    label: 'Constant',
    help: 'A steady rate.',
    shapeFields: [rate('rps', 'rate', 'Requests a second; the client\'s own rate when left out.', { whenAbsent: 'the client\'s own rate' })],
    stepFields: [rate('rps', 'rate', 'Requests a second from this time on.')],
    describeShape: (s) => (s.rps === undefined ? 'steady' : rps(s.rps)),
    describeStep: (s, who) => `${formatWholeRps(s.rps)}${who}`,
    stepLastsS: () => 0,
    toShapes: (s, share) => [rateFrom(s.atS, s.rps * share)],
  },
  step: {
    kind: 'step',
    label: 'Step',
    help: 'The rate jumps to a new level and stays there.',
    shapeFields: [
      // 60 s: past the simulator's warm-up, so the run shows the level before the step.
      time('atS', 'from', 'When the rate changes, s from the start of the run.', 60),
      // 2x: doubling is a change a design sized for its own rate visibly feels.
      rate('toRps', 'to', 'The new rate, requests a second.', { initialTimesOwnRate: 2 }),
    ],
    stepFields: [rate('rps', 'rate', 'Requests a second from this time on.')],
    describeShape: (s) => `${rps(s.toRps)} from ${seconds(s.atS)}`,
    describeStep: (s, who) => `${formatWholeRps(s.rps)}${who}`,
    stepLastsS: () => 0,
    toShapes: (s, share) => [rateFrom(s.atS, s.rps * share)],
  },
  ramp: {
    kind: 'ramp',
    label: 'Ramp',
    help: 'The rate rises (or falls) in a straight line to a new level.',
    shapeFields: [
      // 60 s to 180 s: after the warm-up, two minutes of climb, a minute at the new level in a 5-minute run.
      time('startS', 'from', 'When the ramp starts, s from the start of the run.', 60),
      time('endS', 'until', 'When the ramp reaches its rate, s from the start of the run.', 180),
      // 2x, as for a step.
      rate('toRps', 'to', 'The rate at the end of the ramp, requests a second.', { initialTimesOwnRate: 2 }),
      rate('fromRps', 'starting at', 'The rate at the start of the ramp; the rate so far when left out.', { whenAbsent: 'the rate so far' }),
    ],
    stepFields: [rate('rps', 'rate', 'The rate at the end of the ramp, requests a second.'), time('durationS', 'for', 'How long the ramp takes, s.', 60, { min: STEP_MIN_S })],
    shapeProblem: (s) => (s.endS < s.startS ? { key: 'endS', message: `the ramp ends (${s.endS} s) before it starts (${s.startS} s)` } : null),
    describeShape: (s) => `ramp ${s.fromRps === undefined ? '' : `from ${formatNumber(s.fromRps)} `}to ${rps(s.toRps)} over ${seconds(s.startS)}-${seconds(s.endS)}`,
    describeStep: (s, who) => `traffic${who} ramps to ${formatWholeRps(s.rps)} over ${formatDuration(s.durationS)}`,
    stepLastsS: (s) => s.durationS,
    toShapes: (s, share) => [{ kind: 'ramp', startS: s.atS, endS: s.atS + s.durationS, toRps: s.rps * share }],
  },
  spike: {
    kind: 'spike',
    label: 'Spike',
    help: 'For a while the rate is a multiple of what it was, then it falls back.',
    shapeFields: [
      // 3x for a minute from 60 s: a flash sale or a mention on a busy site, seen whole in a 5-minute run.
      time('startS', 'from', 'When the spike starts, s from the start of the run.', 60),
      time('durationS', 'for', 'How long the spike lasts, s.', 60, { min: 0.001 }),
      { key: 'multiplier', label: 'times', unit: '×', min: 0, max: RATIO_MAX, initial: 3, help: 'The rate during the spike as a multiple of the rate before it.' },
    ],
    stepFields: [rate('rps', 'rate', 'Requests a second during the spike.'), time('durationS', 'for', 'How long the spike lasts, s.', 60, { min: STEP_MIN_S })],
    describeShape: (s) => `x${formatNumber(s.multiplier)} for ${seconds(s.durationS)} from ${seconds(s.startS)}`,
    describeStep: (s, who) => `a spike to ${formatWholeRps(s.rps)}${who} for ${formatDuration(s.durationS)}`,
    stepLastsS: (s) => s.durationS,
    toShapes: (s, share, rateBeforeRps) => {
      // The simulator's spike multiplies, so its multiplier is the step's rate over the rate before it.
      const to = s.rps * share;
      const before = rateBeforeRps();
      if (before > 0) return [{ kind: 'spike', startS: s.atS, durationS: s.durationS, multiplier: to / before }];
      // Nothing to multiply: the rate for the spike's length, then back to nothing.
      return [rateFrom(s.atS, to), { kind: 'step', atS: s.atS + s.durationS, toRps: 0 }];
    },
  },
  daily: {
    kind: 'daily',
    label: 'Daily cycle',
    help: 'The rate swings between a trough and a peak once a day.',
    shapeFields: [
      // 3x: web traffic commonly peaks at about three times its night-time trough.
      { key: 'peakToTrough', label: 'peak-to-trough', unit: '×', min: 1, max: RATIO_MAX, initial: 3, help: 'The peak rate over the trough rate.' },
      // 240 s: four minutes a day, so a 5-minute run shows a whole day.
      time('periodS', 'day', 'How long one day lasts in the run, s.', 240, { min: 1, whenAbsent: `${DEFAULT_DAY_S} s` }),
      time('peakAtS', 'peak at', 'When the day peaks, s from the start of the run.', null, { whenAbsent: 'half a day, so the run starts at the trough' }),
    ],
    stepFields: [
      rate('troughRps', 'trough', 'The lowest rate of the day, requests a second.'),
      rate('peakRps', 'peak', 'The highest rate of the day, requests a second.'),
      time('peakAtS', 'peak at', 'When the day peaks, seconds from the start of the run; half a period by default, so the run starts at the trough.', null, { whenAbsent: 'half a day' }),
      // 60 s at least: a shorter day is a flicker the simulator's per-second series cannot show.
      time('periodS', 'day', 'How long a day lasts, s.', SCENARIO_DAY_S, { min: 60, fileDefault: SCENARIO_DAY_S }),
    ],
    describeShape: (s) => `daily cycle, peak ${formatNumber(s.peakToTrough)}x the trough at ${seconds(s.peakAtS ?? (s.periodS ?? DEFAULT_DAY_S) / 2)}, period ${seconds(s.periodS ?? DEFAULT_DAY_S)}`,
    describeStep: (s, who) =>
      `a daily cycle${who} between ${formatWholeRps(s.troughRps)} and ${formatWholeRps(s.peakRps)}, peaking at ${formatDuration(s.peakAtS ?? s.periodS / 2)} (a day lasts ${formatDuration(s.periodS)})`,
    stepLastsS: () => 0,
    toShapes: (s, share) => {
      // The simulator's day swings around the rate so far, so the rate becomes the day's mean;
      // the peak is where the step puts it (the trough at t = 0 when it does not say). A trough
      // of 0 stands for the deepest one the simulator takes.
      const peak = s.peakRps * share;
      const trough = s.troughRps * share;
      const ratio = peak <= 0 ? 1 : trough <= 0 ? RATIO_MAX : Math.min(RATIO_MAX, Math.max(1, peak / trough));
      return [rateFrom(s.atS, (peak + trough) / 2), { kind: 'daily', peakToTrough: ratio, periodS: s.periodS, ...(s.peakAtS !== undefined ? { peakAtS: s.peakAtS } : {}) }];
    },
  },
};

/** Time fields every scenario step has. */
export const STEP_TIME = time('atS', 'at', 'When this part of the timeline starts, seconds from the start of the run.', 60);

/**
 * Why a value is not allowed for a field, in the reader's words, or null when it is:
 * "times must be from 0 to 1000 (got -1)".
 */
export function workloadFieldProblem(field: WorkloadFieldSpec, value: unknown): string | null {
  if (value === undefined) return field.whenAbsent === undefined && field.fileDefault === undefined ? `${field.label} must be given` : null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < field.min || value > field.max) return `${field.label} must be from ${field.min} to ${field.max} ${field.unit} (got ${String(value)})`;
  return null;
}

function isKind(kind: unknown): kind is WorkloadKind {
  return typeof kind === 'string' && (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/** What is wrong with a design's shape, each with its field (null for the kind itself); empty when nothing. */
export function workloadShapeProblems(shape: WorkloadShape): { key: string | null; message: string }[] {
  if (!isKind((shape as { kind?: unknown }).kind)) {
    return [{ key: 'kind', message: `"${String((shape as { kind?: unknown }).kind)}" is not a workload shape (${WORKLOAD_KINDS.join(', ')})` }];
  }
  const spec = WORKLOAD_SPECS[shape.kind] as WorkloadSpec<WorkloadKind>;
  const out: { key: string | null; message: string }[] = [];
  for (const field of spec.shapeFields) {
    const message = workloadFieldProblem(field, (shape as unknown as Record<string, unknown>)[field.key]);
    if (message) out.push({ key: field.key, message });
  }
  const cross = out.length === 0 ? spec.shapeProblem?.(shape) : null;
  if (cross) out.push(cross);
  return out;
}

/** A design's shape in words, for the CLI. */
export function describeWorkloadShape(shape: WorkloadShape): string {
  return (WORKLOAD_SPECS[shape.kind].describeShape as (s: WorkloadShape) => string)(shape);
}

/** A scenario's step in words: "At 1 min: a spike to 900 req/s for 1 min". who: "" or " from Web app". */
export function describeWorkloadStep(step: WorkloadStep, who: string): string {
  const at = step.atS === 0 ? 'From the start' : `At ${formatDuration(step.atS)}`;
  return `${at}: ${(WORKLOAD_SPECS[step.shape].describeStep as (s: WorkloadStep, who: string) => string)(step, who)}`;
}

/** When a scenario's step has played out, s from the start of the run. */
export function workloadStepEndS(step: WorkloadStep): number {
  return step.atS + (WORKLOAD_SPECS[step.shape].stepLastsS as (s: WorkloadStep) => number)(step);
}

/** A scenario's step as the simulator's shapes for one client (see WorkloadSpec.toShapes). */
export function workloadStepShapes(step: WorkloadStep, share: number, rateBeforeRps: () => number): WorkloadShape[] {
  return (WORKLOAD_SPECS[step.shape].toShapes as (s: WorkloadStep, share: number, before: () => number) => WorkloadShape[])(step, share, rateBeforeRps);
}

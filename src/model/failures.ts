// The failures the simulator can inject, each defined once: its name, label, what it may hit,
// its parameters (unit, range, starting value, help) and how it reads in a sentence. The design
// file's schema, the scenario file's schema, the simulator's messages, the CLI, the simulation
// panel and the authoring form are all built from this table. Adding a failure kind: an entry
// here (its name in FAILURE_KINDS, its stored shape in FailureShapes, its spec in FAILURE_SPECS),
// and its behaviour in src/engine/simulation/design-sim-control.ts; everything else works from
// the kind's target (component, database, zone or region, network) and parameters.
import { formatShareTrimmed } from './format';

export const FAILURE_KINDS = ['crash', 'slowdown', 'error-rate', 'group-outage', 'partition', 'db-failover'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

/**
 * What a failure hits: a component; a relational database with a primary and replicas; a zone or
 * region; or (a partition) the network between two sides, named in scenario files by a zone,
 * region or connection and in a design's setup by the components or groups on each side.
 */
export type FailureTarget = 'component' | 'database' | 'group' | 'network';

/** The fields that name what a failure hits, in a design's simulation setup. */
export interface TargetFields {
  component: { nodeId: string };
  database: { nodeId: string };
  /** A zone or region id. */
  group: { groupId: string };
  /** Calls between a component on side A and one on side B never arrive; sides list zone, region or component ids. */
  network: { sideA: string[]; sideB: string[] };
}

type NoParams = Record<never, never>;

/**
 * Each kind's target and parameters as a design stores them (FAILURE_SPECS gives their ranges
 * and words; the compiler holds the two to the same target).
 */
interface FailureShapes {
  /**
   * Instances of a component stop (all of them when `instances` is absent or covers them all;
   * the primary copy of a relational database). Requests in service on them fail; requests
   * waiting in its queue fail too ('fail', default) or wait for it to come back ('wait').
   */
  crash: { target: 'component'; params: { instances?: number; queued?: 'fail' | 'wait' } };
  /** Service times of requests starting there are multiplied by factor. */
  slowdown: { target: 'component'; params: { factor: number } };
  /** Requests arriving there fail at once with this probability. */
  'error-rate': { target: 'component'; params: { rate: number } };
  /** A zone or a region is lost: every component placed in it crashes. */
  'group-outage': { target: 'group'; params: NoParams };
  /** The network splits: the caller's timeout fires (or the connect timeout without one). */
  partition: { target: 'network'; params: NoParams };
  /**
   * The primary copy of a relational database fails; writes fail until a read replica is
   * promoted promoteAfterS later (reads keep going to the copies that are up). After durationS
   * the old primary comes back (as a replica when one was promoted).
   */
  'db-failover': { target: 'database'; params: { promoteAfterS?: number } };
}

/** A failure on a design's timeline, s from the start of the run; without durationS it lasts to the end. */
export type FailureEvent = {
  [K in FailureKind]: { kind: K; atS: number; durationS?: number } & TargetFields[FailureShapes[K]['target']] & FailureShapes[K]['params'];
}[FailureKind];

export const FAILURE_PARAM_KEYS = ['instances', 'factor', 'rate', 'promoteAfterS'] as const;
export type FailureParamKey = (typeof FAILURE_PARAM_KEYS)[number];
export type FailureParams = Partial<Record<FailureParamKey, number>>;

export interface FailureParamSpec {
  key: FailureParamKey;
  /** Label beside the input, in the learner's words. */
  label: string;
  /** Unit shown after the input ('' for a plain count). */
  unit: string;
  min: number;
  max: number;
  integer: boolean;
  /** The value a new failure of this kind starts with in an editor; null leaves it out. */
  initial: number | null;
  /** What leaving it out means; absent: the parameter is required. */
  whenAbsent?: string;
  help: string;
}

export interface FailureSpec {
  kind: FailureKind;
  /** Menu label: "Slow down". */
  label: string;
  /** One line on what happens, for help text and the scenario schema. */
  help: string;
  target: FailureTarget;
  params: readonly FailureParamSpec[];
  /** Settings that are a choice of words rather than a number (a crash's queued requests). */
  choices?: readonly { key: string; values: readonly [string, ...string[]]; help: string }[];
  /** The event in words, without its time: "SMS provider is 4x slower". */
  describe: (target: string, params: FailureParams) => string;
}

/** The parameters an event carries, with what leaving one out means filled in where it is a number. */
export function resolvedParams(event: object): FailureParams {
  const params = paramsOf(event);
  if ((event as { kind?: string }).kind === 'db-failover') params.promoteAfterS = promoteAfterS(event as { promoteAfterS?: number; durationS?: number });
  return params;
}

/** Time fields every failure has, s from the start of the run (warm-up included). */
export const FAILURE_TIME = {
  atS: { min: 0, max: 1e7, help: 'When it starts, s from the start of the run.' },
  /** Scenario timelines must end each failure (at least 1 s); a design's setup may leave it out (to the end of the run). */
  durationS: { min: 1, max: 1e7, help: 'How long it lasts, s.' },
} as const;

/** Seconds until a read replica is promoted when a failover does not say: RDS Multi-AZ fails over in 60-120 s (docs/catalog-defaults.md, relational database). */
export const DEFAULT_PROMOTE_AFTER_S = 60;

/** When a database failover promotes a replica: as set, else DEFAULT_PROMOTE_AFTER_S or the failure's length if shorter. */
export function promoteAfterS(event: { promoteAfterS?: number | undefined; durationS?: number | undefined }): number {
  return event.promoteAfterS ?? Math.min(DEFAULT_PROMOTE_AFTER_S, event.durationS ?? Infinity);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const pct = (x: number) => formatShareTrimmed(x, 1);

export const FAILURE_SPECS: { readonly [K in FailureKind]: FailureSpec & { kind: K; target: FailureShapes[K]['target'] } } = {
  crash: {
    kind: 'crash',
    label: 'Crash',
    help: 'Instances of a component stop; requests in service on them fail.',
    target: 'component',
    params: [
      // Capped like the catalog's instances parameter (1-1000).
      { key: 'instances', label: 'instances', unit: '', min: 1, max: 1000, integer: true, initial: null, whenAbsent: 'all of them', help: 'How many instances stop; all of them when left out.' },
    ],
    choices: [{ key: 'queued', values: ['fail', 'wait'], help: 'Requests waiting in its queue fail too (fail, default) or wait for it to come back (wait).' }],
    describe: (target, p) => (p.instances === undefined ? `${target} crashes` : `${plural(p.instances, 'instance')} of ${target} crash${p.instances === 1 ? 'es' : ''}`),
  },
  slowdown: {
    kind: 'slowdown',
    label: 'Slow down',
    help: 'Each request starting at the component takes this many times longer.',
    target: 'component',
    params: [
      // 5x: a database under a bad query plan or a noisy neighbour is commonly several times slower; 1000x is already a hang.
      { key: 'factor', label: 'times slower', unit: '×', min: 1, max: 1000, integer: false, initial: 5, help: 'How many times longer each request takes (1 = no change).' },
    ],
    describe: (target, p) => `${target} is ${p.factor ?? 1}x slower`,
  },
  'error-rate': {
    kind: 'error-rate',
    label: 'Return errors',
    help: 'This share of the requests arriving at the component fail at once.',
    target: 'component',
    params: [
      // 20%: a clearly visible partial outage, far above a healthy service's error rate.
      { key: 'rate', label: 'share failing', unit: '(0-1)', min: 0, max: 1, integer: false, initial: 0.2, help: 'Share of requests that fail, from 0 to 1.' },
    ],
    describe: (target, p) => `${pct(p.rate ?? 0)} of calls to ${target} fail`,
  },
  'group-outage': {
    kind: 'group-outage',
    label: 'Lose zone/region',
    help: 'A zone or region is lost: every component placed in it crashes.',
    target: 'group',
    params: [],
    describe: (target) => `${target} is lost, with everything in it`,
  },
  partition: {
    kind: 'partition',
    label: 'Cut network between',
    help: 'Calls across the cut never arrive: the caller waits for its timeout.',
    target: 'network',
    params: [],
    describe: (target) => `the network cuts off ${target}`,
  },
  'db-failover': {
    kind: 'db-failover',
    label: 'DB primary fails over',
    help: 'The primary copy of a database fails; writes fail until a replica is promoted.',
    target: 'database',
    params: [
      // 60 s: RDS Multi-AZ fails over in 60-120 s (docs/catalog-defaults.md, relational database).
      { key: 'promoteAfterS', label: 'promoted after', unit: 's', min: 0, max: 3600, integer: false, initial: DEFAULT_PROMOTE_AFTER_S, whenAbsent: '60 s, or the failure\'s length if shorter', help: 'Seconds until a read replica is promoted to primary.' },
    ],
    describe: (target, p) => `the primary of ${target} fails${p.promoteAfterS === undefined ? ' and a replica takes over' : ` and a replica takes over after ${Number(p.promoteAfterS.toFixed(1)).toString()} s`}`,
  },
};

/** The failure kind that has a parameter (each parameter belongs to one kind). */
export function paramOwner(key: FailureParamKey): FailureKind {
  return FAILURE_KINDS.find((kind) => FAILURE_SPECS[kind].params.some((p) => p.key === key))!;
}

/** The spec of one parameter of a failure kind, when the kind has it. */
export function failureParam(kind: FailureKind, key: FailureParamKey): FailureParamSpec | undefined {
  return FAILURE_SPECS[kind].params.find((p) => p.key === key);
}

/** The parameter values an event carries, for describe(). */
export function paramsOf(event: object): FailureParams {
  const out: FailureParams = {};
  for (const key of FAILURE_PARAM_KEYS) {
    const value: unknown = (event as Partial<Record<FailureParamKey, unknown>>)[key];
    if (typeof value === 'number') out[key] = value;
  }
  return out;
}

/**
 * Why a value is not allowed for a parameter, in the reader's words, or null when it is:
 * "times slower must be from 1 to 1000 (got 0.5)".
 */
export function failureParamProblem(spec: FailureParamSpec, value: number): string | null {
  if (!Number.isFinite(value) || value < spec.min || value > spec.max) return `${spec.label} must be from ${spec.min} to ${spec.max} (got ${value})`;
  if (spec.integer && !Number.isInteger(value)) return `${spec.label} must be a whole number (got ${value})`;
  return null;
}

/** The kind's former name in scenario files of version 1 ("slow" for slowdown). */
export const SCENARIO_V1_FAILURE_NAMES: Readonly<Record<string, FailureKind>> = {
  crash: 'crash',
  slow: 'slowdown',
  errors: 'error-rate',
  'zone-loss': 'group-outage',
  partition: 'partition',
  failover: 'db-failover',
};

/** What a design's failure hits, in words: "Orders DB", "Zone A", "Zone A from Zone B". */
export function failureTargetName(event: FailureEvent, name: (id: string) => string): string {
  switch (FAILURE_SPECS[event.kind].target) {
    case 'group':
      return name((event as TargetFields['group']).groupId);
    case 'network': {
      const { sideA, sideB } = event as TargetFields['network'];
      return `${sideA.map(name).join(', ')} from ${sideB.map(name).join(', ')}`;
    }
    default:
      return name((event as TargetFields['component']).nodeId);
  }
}

/** A design's failure in words, without its time: "Orders DB is 5x slower". */
export function describeFailure(event: FailureEvent, name: (id: string) => string): string {
  return FAILURE_SPECS[event.kind].describe(failureTargetName(event, name), resolvedParams(event));
}


/** The ids a design's failure names: its component, its zone or region, or both sides of a partition. */
export function failureTargetIds(event: FailureEvent): string[] {
  switch (FAILURE_SPECS[event.kind].target) {
    case 'group':
      return [(event as TargetFields['group']).groupId];
    case 'network': {
      const { sideA, sideB } = event as TargetFields['network'];
      return [...sideA, ...sideB];
    }
    default:
      return [(event as TargetFields['component']).nodeId];
  }
}

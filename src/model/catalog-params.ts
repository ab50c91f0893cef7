// The parameters the engine reads, each described once (label, unit, range, what it does),
// so a kind only states its own default and where that default comes from.
import type { ParamSpec } from './types';

export const PARAM_KEYS = [
  'rps',
  'serviceMs',
  'serviceScv',
  'instances',
  'concurrency',
  'availability',
  'pricePerHour',
  'pricePerMillion',
  'hitRatio',
  'queueCapacity',
  'replicas',
  'readShare',
  'limitRps',
] as const;

export type ParamKey = (typeof PARAM_KEYS)[number];

type ParamShape = Omit<ParamSpec, 'key' | 'default' | 'source'>;

const FRACTION = { unit: 'fraction', min: 0, max: 1 } as const;

const PARAM_SHAPES: Record<ParamKey, ParamShape> = {
  rps: {
    label: 'Request rate',
    unit: 'req/s',
    min: 0,
    max: 10_000_000,
    step: 10,
    help: 'How many requests per second these users send; raise it to find where the design saturates.',
  },
  serviceMs: {
    label: 'Service time',
    unit: 'ms',
    min: 0.001,
    max: 600_000,
    step: 0.1,
    help: 'Mean time a request keeps one worker slot busy, network excluded; longer means less throughput and longer waits.',
  },
  serviceScv: {
    label: 'Service time variability',
    unit: '',
    min: 0,
    max: 25,
    step: 0.05,
    help: 'How uneven service times are (squared coefficient of variation): 0 all equal, 1 typical, above 1 rare very slow requests and longer queues.',
  },
  instances: {
    label: 'Instances',
    unit: 'instances',
    min: 1,
    max: 1000,
    integer: true,
    step: 1,
    help: 'Copies running side by side; more adds capacity and survives single failures, and costs more.',
  },
  concurrency: {
    label: 'Concurrency per instance',
    unit: 'requests',
    min: 1,
    max: 10_000,
    integer: true,
    step: 1,
    help: 'Requests one instance works on at once; its throughput is this divided by the service time.',
  },
  availability: {
    label: 'Availability per instance',
    ...FRACTION,
    step: 0.0001,
    help: 'Share of time one instance is up (0.995 is about 3.6 hours down a month); lower it to rehearse failures.',
  },
  pricePerHour: {
    label: 'Price per instance-hour',
    unit: 'USD/h',
    min: 0,
    max: 100,
    step: 0.001,
    help: 'What one instance costs for each hour it runs, busy or idle; the bill is this times the instances.',
  },
  pricePerMillion: {
    label: 'Price per million requests',
    unit: 'USD/M req',
    min: 0,
    max: 10_000_000,
    step: 0.01,
    help: 'What the provider charges per million calls; the bill follows traffic rather than instance count.',
  },
  hitRatio: {
    label: 'Hit ratio',
    ...FRACTION,
    step: 0.01,
    help: 'Share of requests answered here without calling what sits behind; higher shields the backend.',
  },
  queueCapacity: {
    label: 'Queue capacity',
    unit: 'requests',
    min: 0,
    max: 100_000_000,
    integer: true,
    step: 100,
    help: 'Requests that may wait beyond those in service before new ones are turned away; 0 means unlimited.',
  },
  replicas: {
    label: 'Read replicas',
    unit: 'replicas',
    min: 0,
    max: 15,
    integer: true,
    step: 1,
    help: 'Read-only copies that take reads off the primary; writes still all go to the primary, and copies lag slightly.',
  },
  readShare: {
    label: 'Read share',
    ...FRACTION,
    step: 0.01,
    help: 'Share of requests that only read; reads can go to replicas, writes always go to the primary.',
  },
  limitRps: {
    label: 'Rate limit',
    unit: 'req/s',
    min: 1,
    max: 100_000_000,
    step: 100,
    help: 'Requests per second it lets through in all; the rest are turned away at once ("too many requests"), which shields what sits behind it.',
  },
};

/** Overrides a kind may give a shared parameter, e.g. a better label ("Brokers") or help. */
export type ParamOverrides = Partial<Pick<ParamSpec, 'label' | 'help' | 'step' | 'max'>>;

/** One parameter for a kind: the shared shape plus this kind's default and its source. */
export function param(key: ParamKey, defaultValue: number, source: string, overrides: ParamOverrides = {}): ParamSpec {
  return { key, ...PARAM_SHAPES[key], ...overrides, default: defaultValue, source };
}

// Sources repeated across kinds, written once.
export const SRC = {
  ec2Instance: 'AWS Compute SLA, instance level: 99.5% for one VM (cloud-sla README, catalog-defaults §3)',
  ec2Price: 'EC2 m7g.large (2 vCPU, 8 GiB) on demand $0.0816/h (factualminds.com, catalog-defaults §4)',
  managedOne: 'managed service: the provider runs and scales the fleet, so it counts as one logical instance',
  noQueueLimit: 'rule of thumb: no limit, so overload shows up as growing waits rather than turned-away requests',
  twoForFailover: 'rule of thumb: two, so one failure or deploy does not take it down (fleet SLAs assume 2+ zones, catalog-defaults §3)',
} as const;

export const MANAGED_INSTANCE_HELP =
  'The provider scales this for you; leave at 1 unless you want to model extra reserved capacity.';

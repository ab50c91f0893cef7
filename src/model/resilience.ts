// Resilience settings, each defined once: label, unit, range, default, help and where the default
// comes from. The design file's schema (schema.ts), the simulator's checks and defaults
// (engine/simulation/design-sim-resilience.ts) and the inspector (panels/ResilienceEditor.tsx)
// read this table, so a limit cannot differ between them. Types of the stored settings are in
// simulation-setup.ts. Adding a pattern: its settings here, its behaviour in the simulator.

export interface SettingSpec {
  /** Label in the inspector and in messages: "Retry budget". */
  label: string;
  unit: string;
  min: number;
  max: number;
  integer: boolean;
  /** Value the simulator uses when the setting is left out; null: the pattern is off. */
  default: number | null;
  help: string;
  /** Why the default and the limits are what they are. */
  source: string;
}

// Keeps each entry's own default type (number or null), so settingOr only takes settings with a default.
const spec = <T extends SettingSpec>(s: T) => s;

/** Settings of one sync connection (EdgeResilience). */
export const EDGE_SETTINGS = {
  timeoutMs: spec({
    label: 'Timeout', unit: 'ms', min: 1, max: 600_000, integer: false, default: null,
    help: 'The caller stops waiting after this long and counts the call as failed. Off: it waits as long as it takes.',
    source: 'Off by default, as in most HTTP clients; 10 minutes is longer than any interactive caller waits.',
  }),
  maxRetries: spec({
    label: 'Retries', unit: 'retries', min: 0, max: 10, integer: true, default: 0,
    help: 'Extra attempts after a failure or timeout, with exponential backoff and jitter. Retries add load exactly when the callee is struggling.',
    source: 'AWS SDKs retry twice by default (3 attempts, standard mode); more than 10 only multiplies a storm.',
  }),
  baseBackoffMs: spec({
    label: 'First backoff', unit: 'ms', min: 0, max: 60_000, integer: false, default: 25,
    help: 'Ceiling of the wait before the first retry; it doubles each retry, and the wait is drawn at random under it (full jitter).',
    source: '25 ms: the AWS SDK legacy base delay for DynamoDB, a fast store; full jitter as in the AWS Architecture Blog "Exponential Backoff and Jitter".',
  }),
  maxBackoffMs: spec({
    label: 'Largest backoff', unit: 'ms', min: 0, max: 600_000, integer: false, default: 1000,
    help: 'The backoff ceiling stops doubling here.',
    source: '1 s keeps a retried interactive request within a few seconds; AWS SDKs cap at 20 s for background work.',
  }),
  budgetRatio: spec({
    label: 'Retry budget', unit: '× calls', min: 0, max: 10, integer: false, default: null,
    help: 'Most retries as a share of first attempts (0.1 = at most one retry per ten calls). Keeps a slowdown from turning into a retry storm.',
    source: 'Off by default; Finagle\'s retry budget allows 20% extra calls (0.2).',
  }),
  failureRatio: spec({
    label: 'Circuit breaker opens at', unit: 'failed share', min: 0.01, max: 1, integer: false, default: 0.5,
    help: 'When this share of recent calls fail, stop calling for a few seconds (fail fast), then let a few probe calls through.',
    source: '50%: Hystrix\'s and Resilience4j\'s default error threshold.',
  }),
  minCalls: spec({
    label: 'Breaker minimum calls', unit: 'calls', min: 1, max: 1_000_000, integer: true, default: 20,
    help: 'Fewest calls in the window before the breaker may open, so a few unlucky calls do not trip it.',
    source: '20: Hystrix\'s requestVolumeThreshold default.',
  }),
  windowS: spec({
    label: 'Breaker window', unit: 's', min: 0.1, max: 3600, integer: false, default: 10,
    help: 'The rolling window over which the failed share is measured.',
    source: '10 s: Hystrix\'s rolling statistics window default.',
  }),
  openS: spec({
    label: 'Breaker open time', unit: 's', min: 0.1, max: 3600, integer: false, default: 5,
    help: 'How long the breaker stays open (calls fail at once) before probing.',
    source: '5 s: Hystrix\'s sleep window default.',
  }),
  halfOpenProbes: spec({
    label: 'Breaker probe calls', unit: 'calls', min: 1, max: 1000, integer: true, default: 3,
    help: 'Calls let through while half-open; all must succeed for the breaker to close.',
    source: 'A few probes tell a recovered callee from a lucky call; Resilience4j lets 10 through, Hystrix 1.',
  }),
  bulkheadCalls: spec({
    label: 'Bulkhead', unit: 'calls', min: 1, max: 1_000_000, integer: true, default: null,
    help: 'Most calls in flight on this connection; more fail at once, so one slow dependency cannot take every worker.',
    source: 'Off by default; a million calls in flight is beyond any one caller.',
  }),
} as const;

/** Settings of one component (NodeResilience). */
export const NODE_SETTINGS = {
  maxInFlight: spec({
    label: 'Admission limit', unit: 'requests', min: 1, max: 10_000_000, integer: true, default: null,
    help: 'Most requests in service plus waiting; more are turned away at once instead of queueing.',
    source: 'Off by default (an unbounded queue, as a plain thread pool with a linked queue).',
  }),
  maxQueueWaitMs: spec({
    label: 'Shed requests waiting over', unit: 'ms', min: 1, max: 600_000, integer: false, default: null,
    help: 'A request that has waited this long is dropped: its caller has probably given up already.',
    source: 'Off by default; 10 minutes is longer than any caller waits.',
  }),
  bulkheadCalls: EDGE_SETTINGS.bulkheadCalls,
  rateLimitRps: spec({
    label: 'Rate limit', unit: 'req/s', min: 0.001, max: 1e9, integer: false, default: null,
    help: 'Token bucket in front of the component: requests above this rate are refused.',
    source: 'Off by default; a rate-limiter component enforces its own limit (AWS API Gateway default 10,000 req/s, docs/catalog-defaults.md §6).',
  }),
  rateLimitBurst: spec({
    label: 'Rate-limit burst', unit: 'requests', min: 1, max: 1e9, integer: false, default: null,
    help: 'Tokens the bucket holds: how many requests may arrive at once above the rate. Default: one second of the rate.',
    source: 'One second of the rate; API Gateway\'s own default burst is half a second of its rate.',
  }),
  targetUtilization: spec({
    label: 'Autoscaling target utilization', unit: 'busy share', min: 0.05, max: 1, integer: false, default: 0.6,
    help: 'Busy share of workers the autoscaler aims for.',
    source: '60%: within the 40-70% CPU targets AWS target-tracking examples use, leaving room for the start-up lag.',
  }),
  minInstances: spec({
    label: 'Fewest instances', unit: 'instances', min: 1, max: 1000, integer: true, default: null,
    help: 'The autoscaler never goes below this. Default: the instances in the design.',
    source: 'The catalog caps instances at 1000.',
  }),
  maxInstances: spec({
    label: 'Autoscale up to', unit: 'instances', min: 1, max: 1000, integer: true, default: null,
    help: 'Adds instances when busy (target 60% utilization), up to this many. New instances take a minute to start: watch the lag. Default: 10x the design\'s instances.',
    source: 'The catalog caps instances at 1000.',
  }),
  provisioningS: spec({
    label: 'Instance start-up time', unit: 's', min: 0, max: 3600, integer: false, default: 60,
    help: 'From deciding to add an instance until it serves (default 60 s, typical for a VM; containers are faster).',
    source: 'About a minute for a VM to boot and an app to warm up; an hour covers the slowest images.',
  }),
  cooldownS: spec({
    label: 'Autoscaling cooldown', unit: 's', min: 0, max: 3600, integer: false, default: 60,
    help: 'Time after one scaling action before the next in the same direction (and any scale-in).',
    source: 'One provisioning time, so the autoscaler sees the effect of its last step (AWS\'s simple-scaling default is 300 s).',
  }),
  evaluationS: spec({
    label: 'Autoscaling evaluation period', unit: 's', min: 0.1, max: 3600, integer: false, default: 15,
    help: 'How often utilization is measured and acted on.',
    source: '15 s: the Kubernetes Horizontal Pod Autoscaler\'s sync period.',
  }),
  healthCheckS: spec({
    label: 'Health-check time', unit: 's', min: 0.1, max: 3600, integer: false, default: 5,
    help: 'Load balancers: time to notice a target is down or unreachable and stop sending to it.',
    source: 'ALB health checks can run every 5 s; a target is dropped after a couple of failures.',
  }),
} as const;

/** Why a value is not allowed for a setting, in the reader's words, or null when it is. */
export function settingProblem(s: SettingSpec, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < s.min || value > s.max || (s.integer && !Number.isInteger(value))) {
    return `${s.label} must be ${s.integer ? 'a whole number' : 'a number'} from ${s.min} to ${s.max}${s.unit ? ` ${s.unit}` : ''} (got ${String(value)})`;
  }
  return null;
}

/** The setting's value, or its default when left out (for settings whose default is a number). */
export function settingOr(s: SettingSpec & { default: number }, value: number | undefined): number {
  return value ?? s.default;
}

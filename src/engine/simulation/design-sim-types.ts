// What simulating a learner's design takes (a workload over time, failures to inject, resilience
// settings) and what it gives back. Plain data, safe to post from a worker. Times on the
// timeline are seconds from the start of the run (warm-up included); latencies are ms.
//
// Resilience settings live here, keyed by node id and edge id, because the design model has no
// fields for them yet; each interface below is shaped so it can move onto DesignNode and
// DesignEdge unchanged later.
import type { NetworkRtt } from '../analytic/network-latency';
import type { SloReport, SloTargets } from '../metrics/slo';

// ---------------------------------------------------------------- workload

/**
 * How one client's request rate changes over time. Several shapes in a list apply one after
 * another, each to the rate the previous ones give (e.g. daily, then a spike on top).
 */
export type WorkloadShape =
  /** rps, or the client's own rate. */
  | { kind: 'constant'; rps?: number }
  /** The rate until atS, then toRps. */
  | { kind: 'step'; atS: number; toRps: number }
  /** fromRps (default: the rate so far) until startS, linearly to toRps at endS, then toRps. */
  | { kind: 'ramp'; startS: number; endS: number; toRps: number; fromRps?: number }
  /** The rate times multiplier from startS for durationS. */
  | { kind: 'spike'; startS: number; durationS: number; multiplier: number }
  /**
   * A day as a sinusoid around the rate: trough at t = 0, peak at half a period, peak/trough =
   * peakToTrough. periodS defaults to 1440 s: a day compressed to 24 minutes (a minute an hour).
   */
  | { kind: 'daily'; peakToTrough: number; periodS?: number };

// ---------------------------------------------------------------- failures

/** A failure on the timeline. Without durationS it lasts to the end of the run. */
export type FailureEvent =
  /**
   * Instances of a component stop (all of them when `instances` is absent or covers them all;
   * the primary copy of a relational database). Requests in service on them fail; requests
   * waiting in its queue fail too ('fail', default) or wait for it to come back ('wait').
   */
  | { kind: 'crash'; nodeId: string; atS: number; durationS?: number; instances?: number; queued?: 'fail' | 'wait' }
  /** Service times of requests starting there are multiplied by factor (> 0). */
  | { kind: 'slowdown'; nodeId: string; atS: number; durationS?: number; factor: number }
  /** Requests arriving there fail at once with this probability. */
  | { kind: 'error-rate'; nodeId: string; atS: number; durationS?: number; rate: number }
  /** A zone or a region is lost: every component placed in it crashes. */
  | { kind: 'group-outage'; groupId: string; atS: number; durationS?: number }
  /**
   * The network splits: calls between a component on side A and one on side B never arrive
   * (the caller's timeout fires, or the connect timeout without one). Sides list group ids
   * (zones, regions) or node ids.
   */
  | { kind: 'partition'; sideA: string[]; sideB: string[]; atS: number; durationS?: number }
  /**
   * The primary copy of a relational database fails; writes fail until a read replica is
   * promoted promoteAfterS later (reads keep going to the copies that are up). After durationS
   * the old primary comes back (as a replica when one was promoted).
   */
  | { kind: 'db-failover'; nodeId: string; atS: number; promoteAfterS: number; durationS?: number };

// ---------------------------------------------------------------- resilience

/** Retries of a failed call: exponential backoff with full jitter, optionally under a budget. */
export interface RetryPolicy {
  /** Extra attempts after the first (0 = none). */
  maxRetries: number;
  /** Backoff ceiling of the first retry, ms; doubles each retry. Default 25. */
  baseBackoffMs?: number;
  /** Largest backoff ceiling, ms. Default 1000. */
  maxBackoffMs?: number;
  /**
   * Retry budget: extra calls allowed as a share of first attempts (e.g. 0.1). Each first
   * attempt earns this many tokens and each retry spends one; the balance starts at 10 and is
   * capped at 100. Absent: no budget.
   */
  budgetRatio?: number;
}

/** Stops calling a dependency that keeps failing, then tries again with a few probe calls. */
export interface CircuitBreakerPolicy {
  /** Opens when at least this share of calls in the window failed. Default 0.5. */
  failureRatio?: number;
  /** Fewest calls in the window before it may open. Default 20. */
  minCalls?: number;
  /** Rolling window, s. Default 10. */
  windowS?: number;
  /** Time it stays open (calls fail at once), s. Default 5. */
  openS?: number;
  /** Probe calls let through half-open; all must succeed to close. Default 3. */
  halfOpenProbes?: number;
}

/** Settings of one connection (keyed by edge id). Only sync edges use them. */
export interface EdgeResilience {
  /** The caller gives up waiting after this long (network included), ms. */
  timeoutMs?: number;
  retry?: RetryPolicy;
  circuitBreaker?: CircuitBreakerPolicy;
  /** Bulkhead: most calls outstanding on this connection at once; beyond it calls fail at once. */
  bulkheadCalls?: number;
  /**
   * When a call to a cache or CDN fails, the caller fetches from what sits behind it (the cache's
   * own downstream calls, taken as misses). Default true for cache and CDN targets.
   */
  fallbackToOrigin?: boolean;
}

/** Scales instances to keep utilization near a target (target tracking). */
export interface AutoscalePolicy {
  /** Busy share of workers aimed for. Default 0.6. */
  targetUtilization?: number;
  /** Default: the instances in the design. */
  minInstances?: number;
  /** Default: 10x the instances in the design, at most 1000. */
  maxInstances?: number;
  /** Time from deciding to add instances until they serve, s. Default 60. */
  provisioningS?: number;
  /** Time after one scaling action before the next in the same direction (and any scale-in), s. Default 60. */
  cooldownS?: number;
  /** How often utilization is measured and acted on, s. Default 15. */
  evaluationS?: number;
}

/** Settings of one component (keyed by node id). */
export interface NodeResilience {
  /** Admission limit: most requests in service plus waiting; more are turned away. */
  maxInFlight?: number;
  /** Load shedding: a request that waited longer than this when a worker frees up is dropped, ms. */
  maxQueueWaitMs?: number;
  /** Bulkhead for every sync connection out of this component (an edge's own setting wins). */
  bulkheadCalls?: number;
  /** Token bucket in front of the component: rps tokens a second, bucket of `burst` (default rps). */
  rateLimit?: { rps: number; burst?: number };
  autoscale?: AutoscalePolicy;
  /** Load balancers: time to notice a target is down or unreachable and stop sending to it, s. Default 5. */
  healthCheckS?: number;
}

export interface ResilienceSettings {
  edges?: Record<string, EdgeResilience>;
  nodes?: Record<string, NodeResilience>;
}

// ---------------------------------------------------------------- options

export interface DesignSimOptions {
  /** Simulated length, s, warm-up included. */
  durationS: number;
  /** Same seed, same report. Default 1. */
  seed?: number;
  /** Start of the run left out of the whole-run figures, s. Default min(30, durationS / 10). */
  warmupS?: number;
  /** Length of one time bucket of the series, s. Default 1. */
  bucketS?: number;
  /** Workload over time by client node id; clients not listed send their rps steadily. */
  workload?: Record<string, WorkloadShape | WorkloadShape[]>;
  failures?: FailureEvent[];
  resilience?: ResilienceSettings;
  slo?: SloTargets;
  /** Network round trips (ms) instead of NETWORK_RTT_MS. */
  networkRttMs?: NetworkRtt;
  /** How long a call into a partition takes to fail when its connection has no timeout, ms. Default 3000. */
  connectTimeoutMs?: number;
  /** Stop after this many events (the report says so). Default 1e9. */
  maxEvents?: number;
}

// ---------------------------------------------------------------- report

/** Why a request failed, as its client sees it (the first cause down the chain of calls). */
export type FailureReason = 'error' | 'down' | 'timeout' | 'rejected' | 'circuit-open';

/** Per time bucket; rates are per second of the bucket; null where nothing was measured. */
export interface ComponentSeries {
  offeredRps: number[];
  throughputRps: number[];
  errorRps: number[];
  /** Calls to it that the caller gave up on. */
  timeoutRps: number[];
  /** Turned away: queue full, admission limit, rate limit, load shedding. */
  rejectedRps: number[];
  /** Calls to it that were retries. */
  retryRps: number[];
  /** Busy share of the workers that were up (all copies); null while none were up. */
  utilization: (number | null)[];
  /** Mean requests waiting (all copies). */
  queueLength: number[];
  /** Most requests waiting at any moment. */
  maxQueueLength: number[];
  /** Mean instances up (all copies). */
  instances: number[];
  p50Ms: (number | null)[];
  p95Ms: (number | null)[];
  p99Ms: (number | null)[];
}

/** Over the measured period (after warm-up). */
export interface ComponentSimSummary {
  offeredRps: number;
  throughputRps: number;
  arrivals: number;
  completions: number;
  errors: number;
  timeouts: number;
  rejections: number;
  retries: number;
  /** Busy share per worker of the first copy, the primary at the start (the whole component when it has no replicas). */
  utilization: number | null;
  /** 95% CI half-width of utilization by batch means over buckets; null with too few buckets. */
  utilizationHalfWidth: number | null;
  /** Busy share per worker of the read replicas together; null without replicas. */
  replicaUtilization: number | null;
  meanQueueLength: number;
  maxQueueLength: number;
  /**
   * Successful requests: arrival here until its worker is free, i.e. waiting, own work and (for
   * components that hold a worker through their sync calls) those calls. For event-driven
   * proxies (load balancer, gateway, rate limiter, cache, CDN, DNS) only waiting and own work,
   * as in the analytic engine; the calls they forward count in their callers' times.
   */
  meanResponseMs: number | null;
  meanResponseHalfWidthMs: number | null;
  p50ResponseMs: number | null;
  p95ResponseMs: number | null;
  p99ResponseMs: number | null;
}

export interface ComponentSimReport {
  nodeId: string;
  label: string;
  kind: string;
  series: ComponentSeries;
  summary: ComponentSimSummary;
}

export interface FlowSeries {
  sentRps: number[];
  okRps: number[];
  /** All failures; the next three are parts of it by reason. */
  failedRps: number[];
  timeoutRps: number[];
  rejectedRps: number[];
  /** Failed because a component was down or unreachable (crash, outage, open breaker included). */
  downRps: number[];
  /** Share of the requests finished in the bucket that succeeded; null when none finished. */
  availability: (number | null)[];
  p50Ms: (number | null)[];
  p95Ms: (number | null)[];
  p99Ms: (number | null)[];
}

export interface FlowSimSummary {
  sent: number;
  succeeded: number;
  failed: number;
  failedBy: Record<FailureReason, number>;
  /** succeeded / (succeeded + failed); null when nothing finished. */
  availability: number | null;
  errorRate: number | null;
  /** End-to-end over successful requests. */
  meanResponseMs: number | null;
  meanResponseHalfWidthMs: number | null;
  p50ResponseMs: number | null;
  p95ResponseMs: number | null;
  p99ResponseMs: number | null;
}

export interface FlowSimReport {
  clientId: string;
  label: string;
  series: FlowSeries;
  summary: FlowSimSummary;
}

/** Over the measured period, per sync connection that carried calls. */
export interface EdgeSimSummary {
  edgeId: string;
  calls: number;
  retries: number;
  timeouts: number;
  /** Calls failed at once because the circuit breaker was open. */
  shortCircuited: number;
  /** Calls failed at once because the bulkhead was full. */
  bulkheadRejected: number;
  breakerOpenings: number;
}

export interface SimLogEntry {
  tS: number;
  nodeId: string | null;
  message: string;
}

export interface DesignSimReport {
  seed: number;
  durationS: number;
  warmupS: number;
  bucketS: number;
  /** Start of each bucket, s. */
  timeS: number[];
  events: number;
  /** The event limit stopped the run before durationS. */
  stoppedEarly: boolean;
  components: ComponentSimReport[];
  flows: FlowSimReport[];
  /** All clients together. */
  overall: FlowSimSummary;
  edges: EdgeSimSummary[];
  slo: SloReport | null;
  /** Failures starting and ending, scaling actions, breakers opening (at most 1000 entries). */
  log: SimLogEntry[];
  warnings: string[];
}

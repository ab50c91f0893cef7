// What simulating a learner's design takes (a workload over time, failures to inject, resilience
// settings) and what it gives back. Plain data, safe to post from a worker. Times on the
// timeline are seconds from the start of the run (warm-up included); latencies are ms.
//
// Resilience settings can be given here keyed by node id and edge id; settings stored on the
// design's nodes and edges (DesignNode.resilience, DesignEdge.resilience) apply when these are absent.
import type { NetworkRtt } from '../analytic/network-latency';
import type { SloReport, SloTargets } from '../metrics/slo';

// The workload, failure and resilience shapes are part of the design model (a design can carry
// its own simulation setup and resilience settings); they are re-exported here for the engine.
import type { EdgeResilience, NodeResilience } from '../../model/simulation-setup';
export type { WorkloadShape, FailureEvent, RetryPolicy, CircuitBreakerPolicy, EdgeResilience, AutoscalePolicy, NodeResilience } from '../../model/simulation-setup';
import type { FailureEvent, WorkloadShape } from '../../model/simulation-setup';

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
  /**
   * Stop once more requests than this (visits at components: waiting, in service, travelling)
   * are in the system at once, and report what was simulated so far. Default 2,000,000.
   */
  maxLiveRequests?: number;
  /** Called with the share of simulated time done (0..1), at most once per percent; for progress bars. */
  onProgress?: (done: number) => void;
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

/**
 * Response times of successful requests over the measured period, with their precision. For a
 * component: arrival there until its worker is free, i.e. waiting, own work and (for components
 * that hold a worker through their sync calls) those calls; for event-driven proxies (load
 * balancer, gateway, rate limiter, cache, CDN, DNS) only waiting and own work, as in the analytic
 * engine. For a client flow: end to end.
 */
export interface ResponseFigures {
  meanResponseMs: number | null;
  meanResponseHalfWidthMs: number | null;
  p50ResponseMs: number | null;
  p95ResponseMs: number | null;
  p99ResponseMs: number | null;
  /** 95% interval of the p99 (order statistics; assumes independent responses, so at least this wide). */
  p99LowMs: number | null;
  p99HighMs: number | null;
  /** The interval spans at most ±5% of the p99: the run was long enough for a stable p99. */
  p99Stable: boolean;
}

/** Over the measured period (after warm-up). */
export interface ComponentSimSummary extends ResponseFigures {
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

export interface FlowSimSummary extends ResponseFigures {
  sent: number;
  succeeded: number;
  failed: number;
  failedBy: Record<FailureReason, number>;
  /** succeeded / (succeeded + failed); null when nothing finished. */
  availability: number | null;
  errorRate: number | null;
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
  /** A limit (events, or the backlog) stopped the run before durationS; stopReason says which and when. */
  stoppedEarly: boolean;
  /** "the backlog passed 2,000,000 requests at t=41 s: the design cannot keep up; stopped"; null when the run ended normally. */
  stopReason: string | null;
  /** Simulated time when a limit stopped the run, s; null when it ran to the end. */
  stoppedAtS: number | null;
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

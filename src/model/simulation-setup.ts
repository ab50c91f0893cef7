// How a design behaves over time in the simulator: the workload per client, failures on a
// timeline, and resilience settings on components and connections. Types only; the schemas that
// check them in files are in schema.ts. Times on the timeline are seconds from the start of the
// run (warm-up included); latencies are ms.

/** How one client's request rate changes over time: defined with its spec in workloads.ts. */
export type { WorkloadShape } from './workloads';
import type { WorkloadShape } from './workloads';

/** A failure on the timeline: defined with its spec in failures.ts. */
export type { FailureEvent } from './failures';
import type { FailureEvent } from './failures';

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

/** What a design carries so its simulation can be re-run as it was set up (demos, scenarios). */
export interface SimulationSetup {
  durationS: number;
  seed?: number;
  /** Shapes per client id; clients not listed keep their own constant rate. */
  workload?: Record<string, WorkloadShape[]>;
  failures?: FailureEvent[];
}

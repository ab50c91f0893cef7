// What solving a design returns. Plain data (safe to post from a worker). A figure that has no
// steady-state value (a saturated component, a flow through one) is null, never NaN or Infinity.
import type { ComponentKind } from '../../model/types';
import type { MonthlyCost } from '../metrics/cost';
import type { DesignProblem } from './design-model';

export interface ComponentResult {
  nodeId: string;
  label: string;
  kind: ComponentKind;
  /** Requests per second sent to it, including any it turns away. */
  offeredRps: number;
  /** Requests per second it accepts and completes; null when saturated. */
  throughputRps: number | null;
  /** The most requests per second it could complete as configured (servers / effective service time). */
  capacityRps: number | null;
  /**
   * Busy share per server: offered load (above 1 when saturated) with unlimited queue room,
   * carried load with a queue limit. For a database with replicas: the primary's. Null when it
   * waits on a saturated component (its workers never come back).
   */
  utilization: number | null;
  /** Busy share per server of each read replica (relational databases with replicas). */
  replicaUtilization: number | null;
  /** Mean requests waiting, not yet in service (all copies together). */
  meanQueueLength: number | null;
  meanWaitMs: number | null;
  /** Mean time a request occupies a worker: its own work plus time held waiting on sync calls. */
  meanServiceMs: number | null;
  /** Its own work per request (the serviceMs parameter). */
  ownServiceMs: number;
  /** Time per request its worker is held waiting on sync calls, network round trips included. */
  heldMs: number | null;
  meanResponseMs: number | null;
  p50ResponseMs: number | null;
  p95ResponseMs: number | null;
  p99ResponseMs: number | null;
  /**
   * true when p50/p95/p99 are an approximation (a wait fitted to its mean: several servers with
   * service that is not exponential, a worker held through calls, a queue limit on such service);
   * false when exact for the model (M/M/c, M/M/c/K, M/G/1 for the service shapes the simulator draws).
   */
  percentilesApproximate: boolean;
  /** Share of arriving requests turned away: its queue is full, or (rateLimitRps) they are over its rate limit. */
  blockingProbability: number;
  /** A rate limiter's limit, requests/s, when it is turning requests away; null otherwise. */
  rateLimitRps: number | null;
  saturated: boolean;
  /** The component whose load saturates this one: itself, or one it calls synchronously. */
  saturationCauseId: string | null;
  /** For saturated components: the total entry rate (all clients scaled alike) at which it saturates. */
  saturatesAtRps: number | null;
  /** Share of time at least one instance (or copy, for reads) is up. */
  availability: number;
  cost: MonthlyCost;
}

export interface HopBreakdown {
  nodeId: string;
  label: string;
  /** Requests reaching this component per request of the flow. */
  visits: number;
  /** Per request of the flow, ms: waiting in queue here, own service here, network to reach it. */
  queueingMs: number | null;
  serviceMs: number;
  networkMs: number;
  totalMs: number | null;
  /**
   * The router (load balancer, gateway) this hop is one branch of: a request visits one of the
   * hops with the same branchOf, and their figures (weighted by visits) add up to that one visit.
   */
  branchOf: string | null;
}

export interface FlowResult {
  clientId: string;
  label: string;
  rps: number;
  /** End-to-end over the client's sync calls, ms; null when any hop on the way is saturated. */
  meanResponseMs: number | null;
  p50ResponseMs: number | null;
  p95ResponseMs: number | null;
  p99ResponseMs: number | null;
  /**
   * true when p50/p95/p99 are an approximation: a hop's law is (see ComponentResult), or the
   * hops' times are not independent (a component reached twice, or behind one that turns requests away).
   */
  percentilesApproximate: boolean;
  saturated: boolean;
  /** Share of requests that find every component they need up (series over sync hops). */
  availability: number;
  /** Expected share of requests that fail because something they need is down: 1 - availability. */
  failedShare: number;
  /** Every component the flow reaches through sync calls, upstream first. */
  breakdown: HopBreakdown[];
  /** Client id, then the chain of sync hops that contributes the most time. */
  criticalPath: string[];
}

export interface DesignSolution {
  ok: true;
  /** false when the fixed point did not settle; `message` says why. */
  converged: boolean;
  message: string | null;
  /** Sum of the clients' request rates, requests per second. */
  entryRps: number;
  components: Record<string, ComponentResult>;
  flows: FlowResult[];
  /** Ids of saturated components. */
  saturated: string[];
  /** Calls per second along each connection, by edge id (what the source sends, before any rejection at the target). */
  edgeRps: Record<string, number>;
  /** The whole design, USD per month (730 h). */
  cost: MonthlyCost;
  warnings: string[];
}

export type DesignSolveResult = DesignSolution | { ok: false; errors: DesignProblem[] };

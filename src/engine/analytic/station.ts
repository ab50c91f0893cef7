// One queueing station: c servers, a mean service time and its variability, and optionally a
// capacity. Picks the right formula (M/M/c, M/G/1, M/G/c, M/M/c/K) and fills a reusable result.
// Times in milliseconds, rates in requests per second.
import { solveFiniteCapacity, type FiniteCapacityState } from './finite-capacity';
import { finiteCapacityQuantilesMs } from './finite-capacity-sojourn';
import { lawQuantiles } from './law-quantiles';
import { md1QuantilesMs } from './md1-sojourn';
import { pollaczekKhinchineWaitLaw, serviceLaw, sumLaw } from './response-law';
import { SojournMixture } from './sojourn';
import { allenCunneenWaitMs, pollaczekKhinchineWaitMs } from './wait-time';
import { erlangC } from './erlang';

export interface StationSpec {
  /** c: requests served at once. Rounded to a whole number, at least 1. */
  servers: number;
  serviceMs: number;
  /** Squared coefficient of variation of the service time: 1 exponential, 0 fixed. */
  serviceScv: number;
  /** K: the most requests held, in service plus waiting; absent or 0 means unlimited. */
  capacity?: number;
}

export interface StationSolution {
  offeredRps: number;
  /** Requests accepted (and, in steady state, completed) per second. */
  throughputRps: number;
  /**
   * Busy share per server. Unlimited room: offered load lambda*S/c (above 1 when saturated).
   * With a capacity: carried load, throughput*S/c, which never reaches 1.
   */
  utilization: number;
  /** Unlimited room and utilization >= 1: no steady state; the figures below are Infinity. */
  saturated: boolean;
  blockingProbability: number;
  /** Share of accepted requests that wait before service (Erlang C for unlimited room). */
  waitProbability: number;
  meanWaitMs: number;
  meanServiceMs: number;
  serviceScv: number;
  /** Wait plus service, one visit. */
  meanResponseMs: number;
  /** Mean requests present (waiting plus in service). */
  meanInSystem: number;
  /** Mean requests waiting, not in service. */
  meanQueueLength: number;
  /** Servers (c). */
  servers: number;
  /** Room for requests in service plus waiting (K); 0: unlimited. */
  capacity: number;
}

export function emptyStationSolution(): StationSolution {
  return {
    offeredRps: 0,
    throughputRps: 0,
    utilization: 0,
    saturated: false,
    blockingProbability: 0,
    waitProbability: 0,
    meanWaitMs: 0,
    meanServiceMs: 0,
    serviceScv: 1,
    meanResponseMs: 0,
    meanInSystem: 0,
    meanQueueLength: 0,
    servers: 1,
    capacity: 0,
  };
}

const chain: FiniteCapacityState = { blockingProbability: 0, meanInSystem: 0, waitProbability: 0, meanWaitSlots: 0 };

/**
 * Solves one station for arrival rate lambdaRps and writes the result into `out`.
 * capacity <= 0 means unlimited room. Allocation-free: meant for the solver's inner loop.
 */
export function solveStationInto(
  out: StationSolution,
  lambdaRps: number,
  servers: number,
  serviceMs: number,
  serviceScv: number,
  capacity: number,
): StationSolution {
  const lambda = lambdaRps > 0 ? lambdaRps : 0;
  const c = Math.max(1, Math.round(servers));
  const s = serviceMs > 0 ? serviceMs : 0;
  const scv = serviceScv > 0 ? serviceScv : 0;
  const a = (lambda * s) / 1000; // offered load in erlangs
  // Allen-Cunneen's variability factor; exactly 1 for exponential service.
  const variability = (1 + scv) / 2;
  out.offeredRps = lambda;
  out.meanServiceMs = s;
  out.serviceScv = scv;
  out.servers = c;
  out.capacity = capacity > 0 ? Math.max(c, Math.round(capacity)) : 0;

  if (capacity > 0) {
    solveFiniteCapacity(chain, c, a, Math.max(c, Math.round(capacity)));
    const throughput = lambda * (1 - chain.blockingProbability);
    const busy = (throughput * s) / 1000;
    // The chain is exact for exponential service; other SCVs scale the wait as Allen-Cunneen does.
    out.throughputRps = throughput;
    out.utilization = busy / c;
    out.saturated = false;
    out.blockingProbability = chain.blockingProbability;
    out.waitProbability = chain.waitProbability;
    out.meanWaitMs = ((chain.meanWaitSlots * s) / c) * variability;
    out.meanQueueLength = Math.max(0, chain.meanInSystem - busy) * variability;
    out.meanInSystem = out.meanQueueLength + busy;
    out.meanResponseMs = s + out.meanWaitMs;
    return out;
  }

  const rho = a / c;
  out.utilization = rho;
  out.blockingProbability = 0;
  if (rho >= 1) return markSaturated(out, lambda, rho);
  const waitProbability = erlangC(c, a);
  out.saturated = false;
  out.throughputRps = lambda;
  out.waitProbability = waitProbability;
  out.meanWaitMs = a > 0 ? (c === 1 ? pollaczekKhinchineWaitMs(rho, s, scv) : allenCunneenWaitMs(c, a, s, scv, waitProbability)) : 0;
  out.meanResponseMs = s + out.meanWaitMs;
  // Lq = C * rho / (1 - rho) for M/M/c (independent of the Wq formula, so Little's law is a real check).
  out.meanQueueLength = a > 0 ? ((waitProbability * rho) / (1 - rho)) * variability : 0;
  out.meanInSystem = out.meanQueueLength + a;
  return out;
}

/** No steady state: the given utilization, offered flow passed on, every time and count Infinity. */
export function markSaturated(out: StationSolution, lambdaRps: number, utilization: number): StationSolution {
  out.offeredRps = lambdaRps;
  out.throughputRps = lambdaRps;
  out.utilization = utilization;
  out.saturated = true;
  out.blockingProbability = 0;
  out.waitProbability = 1;
  out.meanWaitMs = Infinity;
  out.meanResponseMs = Infinity;
  out.meanInSystem = Infinity;
  out.meanQueueLength = Infinity;
  return out;
}

/** Allocating convenience wrapper around solveStationInto. */
export function solveStation(lambdaRps: number, spec: StationSpec): StationSolution {
  return solveStationInto(emptyStationSolution(), lambdaRps, spec.servers, spec.serviceMs, spec.serviceScv, spec.capacity ?? 0);
}

/**
 * Variance of one visit's response time (ms^2), wait and service taken as independent:
 * the wait is 0 with probability 1 - C and exponential otherwise; the service has the given SCV.
 */
export function responseVarianceMs2(sol: StationSolution): number {
  if (sol.saturated) return Infinity;
  const wq = sol.meanWaitMs;
  const pw = sol.waitProbability;
  const waitVariance = pw > 0 && wq > 0 ? (2 * wq * wq) / pw - wq * wq : 0;
  return waitVariance + sol.serviceScv * sol.meanServiceMs * sol.meanServiceMs;
}

/** Adds this station's response-time distribution to `mix` with the given weight. */
export function addStationResponse(mix: SojournMixture, weight: number, sol: StationSolution): SojournMixture {
  return mix.addResponse(weight, sol.waitProbability, sol.meanWaitMs, sol.meanServiceMs, sol.serviceScv);
}

const scratch = new SojournMixture();
const single = new Float64Array(1);

/** The p-quantile (0 < p < 1) of one visit's response time in ms; Infinity when saturated. */
export function stationPercentileMs(sol: StationSolution, p: number): number {
  return stationPercentilesMs(sol, [p], single)[0]!;
}

/**
 * Whether stationPercentilesMs is an approximation for this station: a wait fitted to its mean
 * where no exact law is used (several servers, or a queue limit, with service that is not
 * exponential). M/M/c, M/M/c/K and M/G/1 (for the service shapes the simulator draws) are exact.
 */
export function stationPercentilesApproximate(sol: StationSolution): boolean {
  if (sol.serviceScv === 1) return false;
  return sol.capacity > 0 || sol.servers > 1;
}

/** Quantiles for increasing levels of one visit's response time in ms (ordered); Infinity when saturated. */
export function stationPercentilesMs(sol: StationSolution, levels: readonly number[], out = new Float64Array(levels.length)): Float64Array {
  if (sol.saturated) return out.fill(Infinity);
  // M/M/c/K: the exact distribution (an accepted request's wait is a mix of Erlangs, not exponential).
  // M/D/1: Crommelin's exact wait distribution. Other M/G/1: the Pollaczek-Khinchine transform, inverted.
  if (sol.capacity === 0 && sol.servers === 1 && sol.meanServiceMs > 0 && sol.serviceScv !== 1) {
    if (sol.serviceScv === 0) return md1QuantilesMs(sol.offeredRps, sol.meanServiceMs, levels, out);
    const service = serviceLaw(sol.meanServiceMs, sol.serviceScv);
    return lawQuantiles(sumLaw([pollaczekKhinchineWaitLaw(sol.offeredRps, service, true), service]), levels, out);
  }
  if (sol.capacity > 0 && sol.serviceScv === 1 && finiteCapacityQuantilesMs(sol.servers, (sol.offeredRps * sol.meanServiceMs) / 1000, sol.capacity, sol.meanServiceMs, levels, out)) return out;
  return addStationResponse(scratch.clear(), 1, sol).quantiles(levels, out);
}

// How long to simulate: a warm-up long enough for the emptiest start to be forgotten, then a
// measured period grown in chunks until the confidence interval of the mean is tight enough
// and every station has enough completions for its tail percentiles.
import type { CompiledNetwork } from './compiled-network';
import type { OfferedTraffic } from './traffic';

export interface RunLimits {
  /** Relative half-width of the 95% CI of the mean aimed for. */
  targetRelativeHalfWidth: number;
  /** Completions per station for p99 at moderate load; scaled up near saturation. */
  minCompletions: number;
  maxMeasuredMs: number;
  maxEvents: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  targetRelativeHalfWidth: 0.015,
  minCompletions: 100_000,
  // Long enough for an M/M/1 at 95% load (about 3e5 s); the event budget usually stops first.
  maxMeasuredMs: 2e9,
  // About ten seconds of one core at 10-15 million events a second.
  maxEvents: 150_000_000,
};

export interface RunPlan {
  warmupMs: number;
  firstMeasuredMs: number;
  /** Completions wanted per station (0 where the station is saturated or gets no traffic). */
  minCompletions: Float64Array;
}

/**
 * Time for a station's queue to forget where it started: about 1 / (c mu (1 - sqrt(rho))^2) for
 * M/M/c (Morse), scaled by service variability. A capacity bounds the queue, so the load used
 * is capped.
 */
function relaxationMs(net: CompiledNetwork, traffic: OfferedTraffic, s: number): number {
  const rho = net.capacity[s]! > 0 ? Math.min(traffic.utilization[s]!, 0.9) : traffic.utilization[s]!;
  const gap = (1 - Math.sqrt(rho)) ** 2;
  return ((net.serviceMs[s]! / net.servers[s]!) * (1 + net.service[s]!.scv)) / 2 / gap;
}

/** Completions wanted at a station: more near saturation, where percentiles converge slowly. */
function completionsWanted(base: number, utilization: number): number {
  const rho = Math.min(utilization, 0.99);
  return Math.min(10 * base, Math.ceil(base * Math.max(1, 0.2 / (1 - rho))));
}

export function planRun(net: CompiledNetwork, traffic: OfferedTraffic, limits: RunLimits): RunPlan {
  let slowestRelaxMs = 0;
  let longestServiceMs = 0;
  let completionsMs = 0;
  const minCompletions = new Float64Array(net.size);
  for (let s = 0; s < net.size; s++) {
    const lambda = traffic.arrivalRps[s]!;
    if (lambda <= 0 || traffic.saturated[s] === 1) continue;
    slowestRelaxMs = Math.max(slowestRelaxMs, relaxationMs(net, traffic, s));
    longestServiceMs = Math.max(longestServiceMs, net.serviceMs[s]!);
    const rho = net.capacity[s]! > 0 ? Math.min(traffic.utilization[s]!, 0.9) : traffic.utilization[s]!;
    minCompletions[s] = completionsWanted(limits.minCompletions, rho);
    completionsMs = Math.max(completionsMs, (minCompletions[s]! / lambda) * 1000);
  }
  const warmupMs = Math.min(Math.max(10 * slowestRelaxMs, 100 * longestServiceMs, 1000), 0.2 * limits.maxMeasuredMs);
  const firstMeasuredMs = Math.min(Math.max(completionsMs, 20 * slowestRelaxMs, 1000), limits.maxMeasuredMs);
  return { warmupMs, firstMeasuredMs, minCompletions };
}

/**
 * The next measured length after `measuredMs` did not reach the targets: projected from how
 * far the CI and the completion counts fall short, at least 1.2x and at most 4x longer.
 */
export function nextMeasuredMs(measuredMs: number, relativeHalfWidth: number, target: number, completionShortfall: number): number {
  const ciFactor = Number.isFinite(relativeHalfWidth) ? (relativeHalfWidth / target) ** 2 * 1.1 : 4;
  const factor = Math.min(4, Math.max(1.2, ciFactor, completionShortfall * 1.05));
  return measuredMs * factor;
}

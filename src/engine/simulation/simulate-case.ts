// Simulates a network in the reference-case format and reports it in the CLI contract shape
// (the same keys as the analytic solver), plus a richer report with confidence intervals and
// the run length used.
//
// Definitions: per-station figures cover the measured period (after warm-up). Utilization is
// busy server time / (c * measured time): the carried load, which for a station with a
// capacity is what the M/M/c/K reference gives. Response time is waiting plus service, one
// visit. The end-to-end mean is over requests that leave the system after being served
// (a request rejected anywhere is not counted). Saturated stations (unlimited room, offered
// utilization >= 1 by the traffic equations) report only their offered utilization, and then
// there is no end-to-end mean.
//
// Downstream of a saturated station the simulation sees the saturated station's real output
// (at most c mu), while the traffic equations pass its offered flow on; the two differ there.
import type { NetworkResult, NetworkStationResult } from '../analytic/network';
import { parseNetworkCase, type NetworkCase } from '../analytic/network-case';
import type { ResponseTally } from '../metrics/response-tally';
import { compileNetwork, type CompiledNetwork } from './compiled-network';
import { NetworkSimulator } from './network-simulator';
import { DEFAULT_LIMITS, nextMeasuredMs, planRun, type RunLimits } from './run-plan';
import { serviceShapeName, type ServiceFamily } from './service-time';
import { offeredTraffic, type OfferedTraffic } from './traffic';

export interface SimulateOptions {
  /** Seed of the random stream; the same seed gives the same result. Default 1. */
  seed?: number;
  /** Fixed measured length in simulated seconds (after warm-up); default: grow until precise. */
  durationS?: number;
  /** Warm-up in simulated seconds, excluded from statistics; default from the slowest station. */
  warmupS?: number;
  /** Relative half-width of the 95% CI of the end-to-end mean to reach. Default 0.015. */
  targetRelativeHalfWidth?: number;
  /** Completions per station before stopping, for percentiles; raised near saturation. Default 100000. */
  minCompletionsPerStation?: number;
  /** Longest measured period, simulated seconds. Default 2e6. */
  maxDurationS?: number;
  /** Most events to process (warm-up included). Default 1.5e8. */
  maxEvents?: number;
  /** 'phase' (default): shapes picked by SCV; 'lognormal': lognormal service wherever scv > 0. */
  serviceFamily?: ServiceFamily;
}

/**
 * The CLI contract (same keys as the reference cases' `expect`), shared with the analytic
 * solver so both methods print one shape.
 */
export type SimResult = NetworkResult;
export type SimStationResult = NetworkStationResult;

export interface StationSimReport {
  id: string;
  saturated: boolean;
  offeredRps: number;
  offeredUtilization: number;
  /** Shape used for the service time (see service-time.ts). */
  serviceShape: string;
  arrivals: number;
  blocked: number;
  completions: number;
  /** 95% CI half-width of meanResponseMs by batch means; NaN with too few completions. */
  meanResponseHalfWidthMs: number;
  result: SimStationResult;
}

export interface EndToEndReport {
  meanResponseMs: number;
  halfWidthMs: number;
  relativeHalfWidth: number;
  p95ResponseMs: number;
  p99ResponseMs: number;
  completions: number;
}

export type StopReason = 'precision-met' | 'fixed-duration' | 'max-duration' | 'max-events' | 'nothing-to-measure';

export interface RunReport {
  seed: number;
  serviceFamily: ServiceFamily;
  /** Warm-up simulated, s (shorter than planned when it hit its share of the event budget). */
  warmupS: number;
  /** false when the warm-up was cut at its share of the event budget: the figures may still carry the empty start. */
  warmupComplete: boolean;
  measuredS: number;
  /** Events processed, warm-up included. */
  events: number;
  chunks: number;
  targetRelativeHalfWidth: number;
  /** Of the end-to-end mean, or with a saturated station the widest station mean. */
  achievedRelativeHalfWidth: number;
  precisionMet: boolean;
  completionsMet: boolean;
  stopReason: StopReason;
  /** Runs repeated because measured blocking showed a station was not saturated after all. */
  reruns: number;
}

export interface SimReport {
  result: SimResult;
  stations: StationSimReport[];
  endToEnd: EndToEndReport | null;
  run: RunReport;
}

const MAX_RERUNS = 3;
/** Share of the event budget the warm-up may use, so at least 80% is left to measure (a run that measures nothing reports zeros). */
const WARMUP_EVENT_SHARE = 0.2;

/** Simulates a reference case and returns the CLI contract result. Throws on a bad case. */
export function simulateCase(caseJson: unknown, options: SimulateOptions = {}): SimResult {
  return simulateCaseDetailed(caseJson, options).result;
}

/** Simulates a reference case; the result plus confidence intervals and the run used. */
export function simulateCaseDetailed(caseJson: unknown, options: SimulateOptions = {}): SimReport {
  const network = checkedNetwork(caseJson);
  checkOptions(options);
  const family = options.serviceFamily ?? 'phase';
  const net = compileNetwork(network, family);
  let traffic = offeredTraffic(net);
  let report = runOnce(net, traffic, options, family, 0);
  // Blocking at a station with a capacity lowers what reaches its downstream stations; with
  // the measured blocking, a station the first traffic pass called saturated may not be.
  for (let rerun = 1; rerun <= MAX_RERUNS && net.capacity.some((k) => k > 0); rerun++) {
    const pass = report.stations.map((s, i) => (net.capacity[i]! > 0 && s.arrivals > 0 ? 1 - s.blocked / s.arrivals : 1));
    const refined = offeredTraffic(net, pass);
    if (refined.saturated.every((v, i) => v === traffic.saturated[i])) {
      report = withOffered(report, refined);
      break;
    }
    traffic = refined;
    report = runOnce(net, traffic, options, family, rerun);
  }
  return report;
}

function checkedNetwork(caseJson: unknown): NetworkCase {
  const parsed = parseNetworkCase(caseJson);
  if (!parsed.ok) throw new Error(`This case cannot be simulated: ${parsed.errors.join(' ')}`);
  return parsed.network;
}

function checkOptions(options: SimulateOptions): void {
  const positive: (keyof SimulateOptions)[] = ['durationS', 'targetRelativeHalfWidth', 'maxDurationS', 'maxEvents'];
  for (const key of positive) {
    const value = options[key];
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new Error(`Simulation option ${key} must be a number above 0 (got ${String(value)}).`);
    }
  }
  for (const key of ['warmupS', 'minCompletionsPerStation'] as const) {
    const value = options[key];
    if (value !== undefined && !(value >= 0 && Number.isFinite(value))) throw new Error(`Simulation option ${key} must be 0 or more (got ${String(value)}).`);
  }
}

function limitsFrom(options: SimulateOptions): RunLimits {
  return {
    targetRelativeHalfWidth: options.targetRelativeHalfWidth ?? DEFAULT_LIMITS.targetRelativeHalfWidth,
    minCompletions: options.minCompletionsPerStation ?? DEFAULT_LIMITS.minCompletions,
    maxMeasuredMs: options.maxDurationS !== undefined ? options.maxDurationS * 1000 : DEFAULT_LIMITS.maxMeasuredMs,
    maxEvents: options.maxEvents ?? DEFAULT_LIMITS.maxEvents,
  };
}

function runOnce(net: CompiledNetwork, traffic: OfferedTraffic, options: SimulateOptions, family: ServiceFamily, reruns: number): SimReport {
  const seed = options.seed ?? 1;
  const limits = limitsFrom(options);
  const plan = planRun(net, traffic, limits);
  const warmupMs = options.warmupS !== undefined ? options.warmupS * 1000 : plan.warmupMs;
  const sim = new NetworkSimulator(net, seed, traffic.saturated);

  // The warm-up may use at most a share of the event budget: near saturation the planned warm-up
  // can be longer than the whole budget, which left nothing measured (zeros). Cut short, the run
  // says so (warmupComplete false) and still measures with the rest.
  sim.runUntil(warmupMs, Math.floor(WARMUP_EVENT_SHARE * limits.maxEvents));
  const warmupComplete = sim.now >= warmupMs;
  const warmupDoneMs = sim.now;
  sim.resetStatistics();
  const eventsLeft = (): number => Math.max(0, limits.maxEvents - sim.events);
  const measuredMs = (): number => sim.now - sim.statsStartMs;

  let chunks = 0;
  let stopReason: StopReason;
  if (options.durationS !== undefined) {
    sim.runUntil(sim.statsStartMs + options.durationS * 1000, eventsLeft());
    chunks = 1;
    stopReason = eventsLeft() === 0 ? 'max-events' : 'fixed-duration';
  } else {
    // Only saturated stations, or no traffic at all: no steady state figure to refine.
    const measurable = plan.minCompletions.some((wanted) => wanted > 0);
    let endMs = sim.statsStartMs + plan.firstMeasuredMs;
    for (;;) {
      sim.runUntil(endMs, eventsLeft());
      chunks++;
      if (!measurable) {
        stopReason = 'nothing-to-measure';
        break;
      }
      const { relativeHalfWidth, shortfall } = progress(sim, traffic, plan.minCompletions);
      if (relativeHalfWidth <= limits.targetRelativeHalfWidth && shortfall <= 1) {
        stopReason = 'precision-met';
        break;
      }
      if (eventsLeft() === 0) {
        stopReason = 'max-events';
        break;
      }
      if (measuredMs() >= limits.maxMeasuredMs) {
        stopReason = 'max-duration';
        break;
      }
      const next = nextMeasuredMs(measuredMs(), relativeHalfWidth, limits.targetRelativeHalfWidth, shortfall);
      endMs = sim.statsStartMs + Math.min(next, limits.maxMeasuredMs);
    }
  }

  const { relativeHalfWidth, shortfall } = progress(sim, traffic, plan.minCompletions);
  return {
    ...describe(net, traffic, sim),
    run: {
      seed,
      serviceFamily: family,
      warmupS: warmupDoneMs / 1000,
      warmupComplete,
      measuredS: measuredMs() / 1000,
      events: sim.events,
      chunks,
      targetRelativeHalfWidth: limits.targetRelativeHalfWidth,
      achievedRelativeHalfWidth: relativeHalfWidth,
      precisionMet: relativeHalfWidth <= limits.targetRelativeHalfWidth,
      completionsMet: shortfall <= 1,
      stopReason,
      reruns,
    },
  };
}

/**
 * How far the run is from its targets: the relative CI half-width that matters (end-to-end, or
 * with a saturated station the widest station mean; Infinity while too few values give a CI)
 * and the largest factor by which a station's completions fall short of what is wanted.
 */
function progress(sim: NetworkSimulator, traffic: OfferedTraffic, minCompletions: Float64Array): { relativeHalfWidth: number; shortfall: number } {
  let shortfall = 0;
  for (let s = 0; s < minCompletions.length; s++) {
    const wanted = minCompletions[s]!;
    if (wanted > 0) shortfall = Math.max(shortfall, wanted / Math.max(1, sim.response[s]!.count));
  }
  const relative = (tally: ResponseTally): number => {
    const r = tally.halfWidth95 / tally.mean;
    return Number.isNaN(r) ? Infinity : r;
  };
  if (!traffic.saturated.includes(1)) return { relativeHalfWidth: relative(sim.endToEnd), shortfall };
  let relativeHalfWidth = 0;
  sim.response.forEach((tally, s) => {
    if (minCompletions[s]! > 0) relativeHalfWidth = Math.max(relativeHalfWidth, relative(tally));
  });
  return { relativeHalfWidth, shortfall };
}

function describe(net: CompiledNetwork, traffic: OfferedTraffic, sim: NetworkSimulator): Omit<SimReport, 'run'> {
  const measuredMs = sim.now - sim.statsStartMs;
  const stations: StationSimReport[] = net.ids.map((id, s) => {
    const counts = sim.counts(s);
    const tally = sim.response[s]!;
    const saturated = traffic.saturated[s] === 1;
    let result: SimStationResult;
    if (saturated) {
      result = { utilization: traffic.utilization[s]! };
    } else {
      result = {
        utilization: measuredMs > 0 ? counts.busyMs / (net.servers[s]! * measuredMs) : 0,
        throughputRps: measuredMs > 0 ? (counts.completions * 1000) / measuredMs : 0,
      };
      if (tally.count > 0) {
        result.meanResponseMs = tally.mean;
        result.p95ResponseMs = tally.histogram.percentile(0.95);
        result.p99ResponseMs = tally.histogram.percentile(0.99);
      }
      if (net.capacity[s]! > 0) result.blockingProbability = counts.arrivals > 0 ? counts.blocked / counts.arrivals : 0;
    }
    return {
      id,
      saturated,
      offeredRps: traffic.arrivalRps[s]!,
      offeredUtilization: traffic.utilization[s]!,
      serviceShape: serviceShapeName(net.service[s]!),
      arrivals: counts.arrivals,
      blocked: counts.blocked,
      completions: counts.completions,
      meanResponseHalfWidthMs: saturated ? NaN : tally.halfWidth95,
      result,
    };
  });
  const saturated = stations.filter((s) => s.saturated).map((s) => s.id);
  const e2e = sim.endToEnd;
  const endToEnd: EndToEndReport | null =
    saturated.length === 0 && e2e.count > 0
      ? {
          meanResponseMs: e2e.mean,
          halfWidthMs: e2e.halfWidth95,
          relativeHalfWidth: e2e.halfWidth95 / e2e.mean,
          p95ResponseMs: e2e.histogram.percentile(0.95),
          p99ResponseMs: e2e.histogram.percentile(0.99),
          completions: e2e.count,
        }
      : null;
  const result: SimResult = { stations: Object.fromEntries(stations.map((s) => [s.id, s.result])), saturated };
  if (endToEnd) result.meanResponseMs = endToEnd.meanResponseMs;
  return { result, stations, endToEnd };
}

/** The same report with offered figures (and saturated stations' utilization) from `traffic`. */
function withOffered(report: SimReport, traffic: OfferedTraffic): SimReport {
  report.stations.forEach((s, i) => {
    s.offeredRps = traffic.arrivalRps[i]!;
    s.offeredUtilization = traffic.utilization[i]!;
    if (s.saturated) s.result.utilization = traffic.utilization[i]!;
  });
  return report;
}

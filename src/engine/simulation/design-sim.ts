// Simulates a learner's design over time: a workload per client, failures on a timeline and
// resilience settings, with the analytic engine's semantics wherever it applies (see
// design-sim-engine.ts for how a request moves and design-sim-types.ts for the options).
import type { Design } from '../../model/types';
import { DesignSimError, compileSimModel } from './design-sim-model';
import { DesignSimulator, type RunSettings } from './design-sim-engine';
import { buildReport } from './design-sim-report';
import type { DesignSimOptions, DesignSimReport } from './design-sim-types';

/** Most (rows x buckets) cells of series kept, so a long run with short buckets stays in memory. */
const MAX_SERIES_CELLS = 20_000_000;

/**
 * 2,000,000 requests in the system at once: about 60 bytes of record each plus their events and
 * queue places, a few hundred MB at most. A design that keeps up holds thousands; one that grows a
 * backlog this large is failing, and running on only fills memory (a client at 1e7 req/s for
 * 300 s took the browser to 5.5 GB).
 */
export const DEFAULT_MAX_LIVE_REQUESTS = 2_000_000;
/**
 * The highest backlog limit a run may be given (requests): 20 million peaked at 1.3 GB in the CLI
 * (`/usr/bin/time -f %M npx tsx src/cli/sim.ts <1e7 req/s design> --method simulation
 * --max-backlog 20000000`; 2 million: 0.23 GB). Above it the limit stops protecting memory: a
 * limit of 1e20 let that run grow until the machine ran out.
 */
export const MAX_LIVE_REQUESTS_LIMIT = 20_000_000;

/** Throws DesignSimError (problems in the learner's words) when the design or options cannot run. */
export function simulateDesign(design: Design, options: DesignSimOptions): DesignSimReport {
  const settings = runSettings(design, options);
  const model = compileSimModel(design, options);
  const sim = new DesignSimulator(model, settings);
  sim.run();
  return buildReport(sim, options.slo);
}

/** The warm-up left out of a run's figures when the options do not say: a tenth of the run, at most 30 s. */
export function defaultWarmupS(durationS: number): number {
  return Math.min(30, durationS / 10);
}

function runSettings(design: Design, options: DesignSimOptions): RunSettings {
  const problems: string[] = [];
  const positive = (value: unknown, what: string): number => {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
    problems.push(`${what} must be a number above 0 (got ${String(value)}).`);
    return 1;
  };
  const durationS = positive(options.durationS, 'The simulated time (s)');
  const bucketS = positive(options.bucketS ?? 1, 'The time bucket (s)');
  const warmupS = options.warmupS ?? defaultWarmupS(durationS);
  if (!(typeof warmupS === 'number' && warmupS >= 0 && warmupS < durationS)) problems.push(`The warm-up must be 0 s or more and shorter than the run (got ${String(warmupS)}).`);
  const connectTimeoutMs = positive(options.connectTimeoutMs ?? 3000, 'The connect timeout (ms)');
  const maxEvents = positive(options.maxEvents ?? 1e9, 'The event limit');
  const maxLiveRequests = positive(options.maxLiveRequests ?? DEFAULT_MAX_LIVE_REQUESTS, 'The backlog limit (requests)');
  if (maxLiveRequests > MAX_LIVE_REQUESTS_LIMIT) problems.push(`The backlog limit must be at most ${MAX_LIVE_REQUESTS_LIMIT.toLocaleString('en')} requests, or the run could fill the computer's memory (got ${maxLiveRequests.toLocaleString('en')}).`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) problems.push(`The seed must be a number (got ${String(seed)}).`);
  const buckets = Math.max(1, Math.ceil(durationS / bucketS - 1e-9));
  if (buckets * (design.nodes.length + 1) > MAX_SERIES_CELLS) {
    problems.push(`${buckets} time buckets for ${design.nodes.length} components is more than can be kept; use longer buckets (at least ${Math.ceil(((durationS * (design.nodes.length + 1)) / MAX_SERIES_CELLS) * 10) / 10} s).`);
  }
  if (problems.length > 0) throw new DesignSimError(problems);
  return { seed, durationMs: durationS * 1000, warmupMs: warmupS * 1000, bucketMs: bucketS * 1000, buckets, connectTimeoutMs, maxEvents, maxLiveRequests, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
}

// `npm run bench -- [--json] [--only key,key]`: named benchmarks, each a function returning one
// number (or several named numbers); add a benchmark by adding an entry to BENCHMARKS.
// Timings are medians in milliseconds unless the key says otherwise.
import { Command } from 'commander';
import { CliError, parseCommandLine, reportFailure } from './cli-error';
import { generateHealthyDesign, solveDesign } from '../engine/analytic';
import { benchDesignHour, benchEventsPerSec } from '../engine/simulation';

const WARMUP_RUNS = 5;
const TIMED_RUNS = 30;

/** Median wall-clock time of `fn` over TIMED_RUNS calls, after WARMUP_RUNS untimed ones. */
function medianMs(fn: () => unknown, runs = TIMED_RUNS, warmup = WARMUP_RUNS): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return times.length % 2 === 1 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
}

/** Analytic solve (all results: components, flows, percentiles, cost) of a healthy 1000-component design. */
function analyticSolveMs1000(): number {
  const design = generateHealthyDesign({ components: 1000, seed: 1 });
  return medianMs(() => {
    const result = solveDesign(design);
    if (!result.ok) throw new Error(result.errors[0]?.message);
  });
}

/** Discrete-event simulation: events per second on the M/M/1 reference case, one thread. */
function desEventsPerSec(): number {
  return Math.round(benchEventsPerSec());
}

/** One simulated hour of a 50-component design at 5,000 requests/s: wall-clock ms and events. */
function designHour(): Record<string, number> {
  const r = benchDesignHour();
  return { designHourWallMs: r.wallMs, designHourEvents: r.events, designHourSimulatedS: r.simulatedSeconds, designHourExtrapolated: r.extrapolated ? 1 : 0 };
}

/** The browser benchmark (production build in Chromium, 500 components): frame times and first-load size. */
async function canvas(): Promise<Record<string, number>> {
  const { benchCanvas } = await import('../../scripts/bench-canvas');
  const frames = await benchCanvas();
  const { initialJs } = await import('../../scripts/bundle-size.mjs');
  const { rawBytes, gzipBytes } = initialJs('dist');
  return { ...frames, initialJsKB: rawBytes / 1024, initialJsGzipKB: gzipBytes / 1024 };
}

type Benchmark = () => number | Record<string, number> | Promise<number | Record<string, number>>;

const BENCHMARKS: Record<string, Benchmark> = {
  analyticSolveMs1000,
  desEventsPerSec,
  designHour,
  canvas,
};

async function main(argv: string[]): Promise<number> {
  const program = new Command().name('bench').option('--json', 'print one JSON object').option('--only <keys>', 'comma-separated benchmark keys to run');
  const parsed = parseCommandLine(program, argv);
  if (parsed !== null) return parsed;
  try {
    const { json, only } = program.opts<{ json?: boolean; only?: string }>();
    const keys = only ? only.split(',').map((k) => k.trim()) : Object.keys(BENCHMARKS);
    const unknown = keys.find((k) => !(k in BENCHMARKS));
    if (unknown !== undefined) throw new CliError(`unknown benchmark "${unknown}"; known: ${Object.keys(BENCHMARKS).join(', ')}`, 2);
    const results: Record<string, number> = {};
    const round = (x: number) => Math.round(x * 1000) / 1000;
    for (const key of keys) {
      const value = await BENCHMARKS[key]!();
      if (typeof value === 'number') results[key] = round(value);
      else for (const [k, v] of Object.entries(value)) results[k] = round(v);
    }
    const text = json ? JSON.stringify(results) : Object.entries(results).map(([k, v]) => `${k}: ${v}`).join('\n');
    process.stdout.write(`${text}\n`);
    return 0;
  } catch (e) {
    return reportFailure(e);
  }
}

void main(process.argv).then((code) => {
  process.exitCode = code;
});

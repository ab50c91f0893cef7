// `npm run bench -- [--json] [--only key,key]`: named benchmarks, each a function returning one
// number; add a benchmark by adding an entry to BENCHMARKS. Timings are medians in milliseconds.
import { Command, CommanderError } from 'commander';
import { generateHealthyDesign, solveDesign } from '../engine/analytic';

const WARMUP_RUNS = 5;
const TIMED_RUNS = 30;

/** Median wall-clock time of `fn` over TIMED_RUNS calls, after WARMUP_RUNS untimed ones. */
export function medianMs(fn: () => unknown, runs = TIMED_RUNS, warmup = WARMUP_RUNS): number {
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

export const BENCHMARKS: Record<string, () => number> = {
  analyticSolveMs1000,
};

function main(argv: string[]): number {
  const program = new Command()
    .name('bench')
    .option('--json', 'print one JSON object')
    .option('--only <keys>', 'comma-separated benchmark keys to run')
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  try {
    program.parse(argv);
  } catch (e) {
    if (e instanceof CommanderError && e.exitCode === 0) return 0;
    process.stderr.write(`${e instanceof Error ? e.message.replace(/^error: /, '') : String(e)}\n`);
    return 2;
  }
  const { json, only } = program.opts<{ json?: boolean; only?: string }>();
  const keys = only ? only.split(',').map((k) => k.trim()) : Object.keys(BENCHMARKS);
  const unknown = keys.filter((k) => !(k in BENCHMARKS));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark "${unknown[0]}"; known: ${Object.keys(BENCHMARKS).join(', ')}\n`);
    return 2;
  }
  const results: Record<string, number> = {};
  for (const key of keys) results[key] = Math.round(BENCHMARKS[key]!() * 1000) / 1000;
  process.stdout.write(json ? `${JSON.stringify(results)}\n` : Object.entries(results).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
  return 0;
}

process.exitCode = main(process.argv);

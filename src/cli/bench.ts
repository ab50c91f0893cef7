// `npm run bench -- [--json] [--only key,key] [--quick]`: named benchmarks, each a function returning one
// number (or several named numbers); add a benchmark by adding an entry to BENCHMARKS.
// Timings are medians in milliseconds unless the key says otherwise. Keys ending in Cpu... are
// this process's CPU time (user + system) beside the wall-clock figure: on a busy machine the
// wall clock also counts time spent waiting for a core.
import { join } from 'node:path';
import { Command } from 'commander';
import { CliError, parseCommandLine, reportFailure } from './cli-error';
import { readScenarioSources } from './scenario-files';
import { generateHealthyDesign, solveDesign } from '../engine/analytic';
import { benchDesignHour, benchEventsPerSec, simulateDesign } from '../engine/simulation';
import { parseScenarioYaml, type Scenario } from '../scenarios';
import { scenarioSimOptions } from '../scenarios/simulation';
import type { Design } from '../model/types';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { fromElkGraph, laidOut, layOut, toElkGraph } from '../model/layout-graph';
import { CANVAS_AT_1440, layoutFigures } from '../model/layout-quality';

const WARMUP_RUNS = 5;
/** --quick: each timed benchmark once, with no warm-up (tests check what bench prints, not its figures). */
const QUICK = { runs: 1, warmup: 0 } as const;
/** Slowest scenario designs listed (on stderr) by the designSim benchmark. */
const SLOWEST_SHOWN = 5;
const TIMED_RUNS = 30;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall-clock and CPU seconds of one call of `fn`, and its result. */
function timed<T>(fn: () => T): { result: T; wallS: number; cpuS: number } {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  const wallS = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { result, wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

/** Median wall-clock and CPU time (ms) of `fn` over `runs` calls, after `warmup` untimed ones. */
function medianWallAndCpuMs(fn: () => unknown, runs = TIMED_RUNS, warmup = WARMUP_RUNS): { wallMs: number; cpuMs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = timed(fn);
    wall.push(t.wallS * 1000);
    cpu.push(t.cpuS * 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/**
 * Analytic solve (all results: components, flows, percentiles, cost) of a healthy generated
 * design: the warm median (wall clock and CPU), and the first solve of the process (cold: code
 * not yet compiled by the JIT, as a learner's first solve after opening the app). Cold only when
 * the benchmark runs first in the process.
 */
function analyticSolve(components: number, quick: boolean): { warm: { wallMs: number; cpuMs: number }; coldMs: number } {
  const design = generateHealthyDesign({ components, seed: 1 });
  const solve = () => {
    const result = solveDesign(design);
    if (!result.ok) throw new Error(result.errors[0]?.message);
  };
  const cold = timed(solve);
  const warm = quick ? medianWallAndCpuMs(solve, QUICK.runs, QUICK.warmup) : medianWallAndCpuMs(solve);
  return { warm, coldMs: cold.wallS * 1000 };
}

/** The 1,000-component design: the largest a learner is expected to draw. Runs first by default, so its cold figure is cold. */
function analyticSolveMs1000({ quick }: BenchOptions): Record<string, number> {
  const { warm, coldMs } = analyticSolve(1000, quick);
  return { analyticSolveMs1000: warm.wallMs, analyticColdSolveMs1000: coldMs, analyticSolveCpuMs1000: warm.cpuMs };
}

/** A 30-component design, the size of a large scenario: what each edit on the canvas waits for. Cold only with --only analyticSolveMs30. */
function analyticSolveMs30({ quick }: BenchOptions): Record<string, number> {
  const { warm, coldMs } = analyticSolve(30, quick);
  return { analyticSolveMs30: warm.wallMs, analyticColdSolveMs30: coldMs, analyticSolveCpuMs30: warm.cpuMs };
}

/** Discrete-event simulation: events per second on the M/M/1 reference case, one thread. */
function desEventsPerSec(): Record<string, number> {
  const r = benchEventsPerSec();
  return { desEventsPerSec: Math.round(r.perWallS), desEventsPerCpuSec: Math.round(r.perCpuS) };
}

/** The designs `scenario check --simulate` and the app run for bundled scenarios: each one's own design, and a fix scenario's solution. */
function bundledScenarioRuns(): { name: string; scenario: Scenario; design: Design }[] {
  const runs: { name: string; scenario: Scenario; design: Design }[] = [];
  for (const source of readScenarioSources(join(import.meta.dirname, '../../scenarios'))) {
    const parsed = parseScenarioYaml(source.text);
    if (!parsed.ok) throw new CliError(`${source.file} does not parse; run "npm run scenario -- check scenarios/"`);
    const scenario = parsed.scenario;
    runs.push({ name: scenario.id, scenario, design: scenario.design });
    if (scenario.mode === 'fix') runs.push({ name: `${scenario.id} (solution)`, scenario, design: scenario.solution });
  }
  return runs;
}

/**
 * What a learner waits for: one replication (seed 1, the scenario's traffic over time and
 * failures, its full length) of every bundled scenario design. designSimEventsPerSec is the
 * median over the designs of events per second; the ratio compares it with the M/M/1 kernel
 * (desEventsPerSec) measured back to back in the same process, on CPU time (the wall-clock
 * ratio moves with the machine's load). scenarioSimMaxS: the slowest design's run; the five slowest
 * are listed on stderr with their CPU time and events.
 */
function designSim(): Record<string, number> {
  const kernel = benchEventsPerSec();
  const runs = bundledScenarioRuns().map((run) => {
    const { design, options } = scenarioSimOptions(run.scenario, run.design);
    const t = timed(() => simulateDesign(design, options));
    return { name: run.name, events: t.result.events, wallS: t.wallS, cpuS: t.cpuS };
  });
  const slowest = [...runs].sort((a, b) => b.cpuS - a.cpuS).slice(0, SLOWEST_SHOWN);
  // The designs a learner waits longest for, by CPU time (the wall clock moves with the machine's load).
  for (const r of slowest) process.stderr.write(`${r.cpuS.toFixed(2)} CPU s, ${(r.events / 1e6).toFixed(1)}M events (${(r.events / r.cpuS / 1e6).toFixed(2)}M/CPU s): ${r.name}\n`);
  const eventsPerCpuS = median(runs.map((r) => r.events / r.cpuS));
  return {
    designSimEventsPerSec: Math.round(median(runs.map((r) => r.events / r.wallS))),
    designSimEventsPerCpuSec: Math.round(eventsPerCpuS),
    designSimToDesRatio: eventsPerCpuS / kernel.perCpuS,
    scenarioSimMaxS: Math.max(...runs.map((r) => r.wallS)),
    scenarioSimMaxCpuS: Math.max(...runs.map((r) => r.cpuS)),
    scenarioSimTotalS: runs.reduce((sum, r) => sum + r.wallS, 0),
    scenarioSimDesigns: runs.length,
  };
}

/** One simulated hour of a 50-component design at 5,000 requests/s: wall-clock and CPU ms, and events. */
function designHour(): Record<string, number> {
  const r = benchDesignHour();
  return { designHourWallMs: r.wallMs, designHourCpuMs: r.cpuMs, designHourEvents: r.events, designHourSimulatedS: r.simulatedSeconds, designHourExtrapolated: r.extrapolated ? 1 : 0 };
}

/** The browser benchmark (production build in Chromium, 500 components): frame times and first-load size. */
async function canvas(): Promise<Record<string, number>> {
  const { benchCanvas } = await import('../../scripts/bench-canvas');
  const frames = await benchCanvas();
  const { initialJs } = await import('../../scripts/bundle-size.mjs');
  const { rawBytes, gzipBytes } = initialJs('dist');
  return { ...frames, initialJsKB: rawBytes / 1024, initialJsGzipKB: gzipBytes / 1024 };
}

/**
 * The browser benchmark of a big import (production build in Chromium, 5,000 components): from the
 * file chosen to the design on screen, the longest main-thread task (the page cannot answer input
 * during it) while importing and while zooming to 100% (the first zoom, and the median and most of
 * five, in wall-clock and in main-thread CPU ms), and the live cards and connections drawn.
 */
async function bigImport(): Promise<Record<string, number>> {
  const { benchImport } = await import('../../scripts/bench-import');
  return benchImport();
}

/**
 * Auto-layout of every bundled scenario design (elkjs in this process), read as the learner sees
 * it on the canvas at 1440 x 900 (model/layout-quality.ts): connections drawn under cards and the
 * fit zoom. "Before": left to right with connections drawn as curves between the cards' handles,
 * as auto-layout did before it kept ELK's paths and chose a direction (with today's spacing inside
 * zones; the old layout, 20 px apart there, gave 36 hidden and a median zoom of 0.55); "after":
 * what auto-layout does now. layoutMs:
 * median wall-clock time of one design's layout (both directions tried).
 */
async function layout(): Promise<Record<string, number>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const runElk = (graph: ElkNode) => elk.layout(graph);
  const designs = bundledScenarioRuns().map((r) => r.design);
  const before: Design[] = [];
  const after: Design[] = [];
  const times: number[] = [];
  for (const design of designs) {
    const ltr = fromElkGraph(await runElk(toElkGraph(design, 'RIGHT')), new Set(design.groups.map((g) => g.id)));
    before.push(laidOut(design, { ...ltr, paths: {} }));
    const start = performance.now();
    const chosen = await layOut(design, CANVAS_AT_1440, runElk);
    times.push(performance.now() - start);
    after.push(laidOut(design, chosen.layout));
  }
  const b = layoutFigures(before);
  const a = layoutFigures(after);
  return {
    layoutDesigns: a.designs,
    layoutConnections: a.connections,
    layoutUnderCardsBefore: b.underCards,
    layoutUnderCardsAfter: a.underCards,
    layoutLabels: a.labels,
    layoutLabelsOverCardsBefore: b.labelsOverCards,
    layoutLabelsOverCardsAfter: a.labelsOverCards,
    layoutFitZoomMedianBefore: b.medianFitZoom,
    layoutFitZoomMedianAfter: a.medianFitZoom,
    layoutFitZoomMinBefore: b.minFitZoom,
    layoutFitZoomMinAfter: a.minFitZoom,
    layoutMs: median(times),
  };
}

interface BenchOptions {
  /** Timed benchmarks run once, with no warm-up: the output is checked, the figures are not for comparing. */
  quick: boolean;
}

type Benchmark = (options: BenchOptions) => number | Record<string, number> | Promise<number | Record<string, number>>;

const BENCHMARKS: Record<string, Benchmark> = {
  analyticSolveMs1000,
  analyticSolveMs30,
  desEventsPerSec,
  designSim,
  designHour,
  canvas,
  bigImport,
  layout,
};

async function main(argv: string[]): Promise<number> {
  const program = new Command().name('bench').option('--json', 'print one JSON object').option('--only <keys>', 'comma-separated benchmark keys to run')
    .option('--quick', 'run each timed benchmark once, without warm-up: to check the output, not to compare figures');
  const parsed = parseCommandLine(program, argv);
  if (parsed !== null) return parsed;
  try {
    const { json, only, quick } = program.opts<{ json?: boolean; only?: string; quick?: boolean }>();
    const keys = only ? only.split(',').map((k) => k.trim()) : Object.keys(BENCHMARKS);
    const unknown = keys.find((k) => !(k in BENCHMARKS));
    if (unknown !== undefined) throw new CliError(`unknown benchmark "${unknown}"; known: ${Object.keys(BENCHMARKS).join(', ')}`, 2);
    const results: Record<string, number> = {};
    const round = (x: number) => Math.round(x * 1000) / 1000;
    for (const key of keys) {
      const value = await BENCHMARKS[key]!({ quick: quick === true });
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

// `sim --case <file.json>`: solve a reference-case network and print the contract's JSON
// (or a table for people).
import { parseNetworkCase, solveNetwork, type NetworkResult } from '../engine/analytic';
import { simulateCaseDetailed, type RunReport } from '../engine/simulation';
import { CliError, oneLine, parseJsonText, readTextFile } from './cli-error';
import { APPROXIMATE_NOTE, formatTable, maybeApproximate } from '../model/text-table';

export interface CaseRunOptions {
  method: 'analytic' | 'simulation';
  /** Simulation only: random seed (same seed, same figures). */
  seed?: number;
  /** Simulation only: measured simulated seconds; without it the run lasts until the figures are precise. */
  durationS?: number;
}

export interface CaseRun {
  /** The output contract: { stations, meanResponseMs (when not saturated), saturated }. */
  result: NetworkResult;
  /** Simulation only: how the run went (why it stopped, its warm-up); null for the analytic method. */
  run: RunReport | null;
}

export function solveCaseFile(path: string, options: CaseRunOptions = { method: 'analytic' }): CaseRun {
  const parsed = parseNetworkCase(parseJsonText(readTextFile(path), path));
  if (!parsed.ok) throw new CliError(`"${path}" is not a valid case: ${oneLine(parsed.errors)}`);
  try {
    const simulated =
      options.method === 'simulation'
        ? simulateCaseDetailed(parsed.network, { seed: options.seed ?? 1, ...(options.durationS !== undefined ? { durationS: options.durationS } : {}) })
        : null;
    const result = simulated?.result ?? solveNetwork(parsed.network);
    return {
      result:
        result.meanResponseMs === undefined
          ? { stations: result.stations, saturated: result.saturated }
          : { stations: result.stations, meanResponseMs: result.meanResponseMs, saturated: result.saturated },
      run: simulated?.run ?? null,
    };
  } catch (e) {
    throw new CliError(`"${path}": ${e instanceof Error ? e.message : String(e)}`);
  }
}

const seconds = (s: number) => `${s.toLocaleString('en', { maximumSignificantDigits: 3 })} s`;
const plusMinus = (x: number) => (Number.isFinite(x) ? `±${(x * 100).toFixed(1)}%` : 'too few to say');

/** Why a simulation stopped, and what that means for its figures, in a sentence or two. */
export function describeCaseRun(run: RunReport): string {
  const measured = `Simulated ${seconds(run.measuredS)} after a warm-up of ${seconds(run.warmupS)} (${run.events.toLocaleString('en')} events).`;
  const precision = plusMinus(run.achievedRelativeHalfWidth);
  const why: Record<RunReport['stopReason'], string> = {
    'precision-met': `It stopped once the mean was known to ${precision} (95% confidence), as asked.`,
    'fixed-duration': `It ran for the time asked; the mean is known to ${precision} (95% confidence).`,
    'max-duration': `It stopped at the longest simulated time it allows, before the mean was as precise as asked: it is known to ${precision} only.`,
    'max-events': `It stopped when it had used its budget of events, before the mean was as precise as asked: it is known to ${precision} only. Near saturation a queue takes very long to settle; the figures may still be moving.`,
    'nothing-to-measure': 'There was nothing to measure: every station on the way is saturated (no steady state) or no traffic arrives.',
  };
  const warmup = run.warmupComplete ? '' : ' The warm-up was cut short (it would have used more than a fifth of the events), so the figures may still carry the empty start.';
  return `${measured} ${why[run.stopReason]}${warmup}`;
}

export function formatCaseResult(result: NetworkResult, run: RunReport | null = null): string {
  const rows = Object.entries(result.stations).map(([id, s]) => [
    id,
    s.utilization * 100,
    s.throughputRps ?? null,
    s.meanResponseMs ?? null,
    maybeApproximate(s.p95ResponseMs, s.percentilesApproximate === true, 2),
    maybeApproximate(s.p99ResponseMs, s.percentilesApproximate === true, 2),
    s.blockingProbability === undefined ? null : s.blockingProbability * 100,
    result.saturated.includes(id) ? 'saturated' : 'ok',
  ]);
  const table = formatTable(['station', 'util %', 'rps', 'mean ms', 'p95 ms', 'p99 ms', 'blocked %', 'status'], rows, 2);
  const total = result.meanResponseMs === undefined ? 'end-to-end mean: none (a station is saturated)' : `end-to-end mean: ${result.meanResponseMs.toFixed(2)} ms`;
  const note = Object.values(result.stations).some((s) => s.percentilesApproximate) ? `\n${APPROXIMATE_NOTE}` : '';
  const ran = run === null ? '' : `\n${describeCaseRun(run)}`;
  return `${table}\n\n${total}${note}${ran}`;
}

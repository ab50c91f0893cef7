// `sim --case <file.json>`: solve a reference-case network and print the contract's JSON
// (or a table for people).
import { parseNetworkCase, solveNetwork, type NetworkResult } from '../engine/analytic';
import { simulateCase } from '../engine/simulation';
import { CliError, oneLine, parseJsonText, readTextFile } from './cli-error';
import { APPROXIMATE_NOTE, formatTable, maybeApproximate } from '../model/text-table';

export interface CaseRunOptions {
  method: 'analytic' | 'simulation';
  /** Simulation only: random seed (same seed, same figures). */
  seed?: number;
  /** Simulation only: measured simulated seconds; without it the run lasts until the figures are precise. */
  durationS?: number;
}

/** The output contract: { stations, meanResponseMs (when not saturated), saturated }. */
export function solveCaseFile(path: string, options: CaseRunOptions = { method: 'analytic' }): NetworkResult {
  const parsed = parseNetworkCase(parseJsonText(readTextFile(path), path));
  if (!parsed.ok) throw new CliError(`"${path}" is not a valid case: ${oneLine(parsed.errors)}`);
  try {
    const result =
      options.method === 'simulation'
        ? simulateCase(parsed.network, { seed: options.seed ?? 1, ...(options.durationS !== undefined ? { durationS: options.durationS } : {}) })
        : solveNetwork(parsed.network);
    return result.meanResponseMs === undefined
      ? { stations: result.stations, saturated: result.saturated }
      : { stations: result.stations, meanResponseMs: result.meanResponseMs, saturated: result.saturated };
  } catch (e) {
    throw new CliError(`"${path}": ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function formatCaseResult(result: NetworkResult): string {
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
  return `${table}\n\n${total}${note}`;
}

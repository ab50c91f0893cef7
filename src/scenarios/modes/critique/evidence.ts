// The figures that back a critique finding: what the analytic engine (and, when the learner has
// run it on this design, the simulator) says about the component or connection the finding is
// pinned on, one line per engine, kept with the finding and printed in the report.
import type { DesignSolution } from '../../../engine/analytic/design-results';
import type { DesignSimReport } from '../../../engine/simulation/design-sim-types';
import type { Design } from '../../../model/types';
import { formatDuration, formatMs, formatPercent } from '../../format';
import { formatShareTrimmed } from '../../../model/format';

const rps = (x: number) => `${x >= 100 ? Math.round(x).toLocaleString('en-US') : Number(x.toPrecision(3)).toString()} req/s`;
const percent = (x: number) => formatShareTrimmed(x, x < 0.01 ? 2 : 0);

function analyticLine(design: Design, target: string, solution: DesignSolution): string | null {
  const c = solution.components[target];
  if (c) {
    const parts = [`${rps(c.offeredRps)} offered`];
    if (c.utilization !== null) parts.push(`${percent(c.utilization)} busy`);
    if (c.saturated) parts.push('saturated: its queue grows without limit');
    else if (c.p99ResponseMs !== null) parts.push(`p99 ${formatMs(c.p99ResponseMs)}`);
    if (c.blockingProbability >= 0.001) parts.push(`turns away ${percent(c.blockingProbability)}`);
    if (c.availability < 1) parts.push(`up ${formatPercent(c.availability)} of the time`);
    return `Analytic engine, at ${rps(solution.entryRps)} from the clients: ${parts.join(', ')}.`;
  }
  const edge = design.edges.find((e) => e.id === target);
  const carried = solution.edgeRps[target];
  if (!edge || carried === undefined) return null;
  return `Analytic engine, at ${rps(solution.entryRps)} from the clients: ${rps(carried)} on this ${edge.mode === 'async' ? 'async message' : 'sync call'}.`;
}

function simulationLine(target: string, report: DesignSimReport): string | null {
  const run = `Simulation (${formatDuration(report.durationS)}, seed ${report.seed})`;
  const c = report.components.find((x) => x.nodeId === target);
  if (c) {
    const s = c.summary;
    const parts = [`${rps(s.offeredRps)} offered`];
    if (s.utilization !== null) parts.push(`${percent(s.utilization)} busy`);
    if (s.p99ResponseMs !== null) parts.push(`p99 ${formatMs(s.p99ResponseMs)}`);
    const failed = s.errors + s.timeouts + s.rejections;
    if (failed > 0) parts.push(`${failed.toLocaleString('en-US')} requests failed or turned away`);
    if (s.maxQueueLength > 0) parts.push(`queue up to ${s.maxQueueLength.toLocaleString('en-US')}`);
    return `${run}: ${parts.join(', ')}.`;
  }
  const e = report.edges.find((x) => x.edgeId === target);
  if (!e) return null;
  const parts = [`${e.calls.toLocaleString('en-US')} calls`];
  if (e.retries > 0) parts.push(`${e.retries.toLocaleString('en-US')} retries`);
  if (e.timeouts > 0) parts.push(`${e.timeouts.toLocaleString('en-US')} timeouts`);
  if (e.breakerOpenings > 0) parts.push(`circuit breaker opened ${e.breakerOpenings} times`);
  return `${run}: ${parts.join(', ')}.`;
}

/** One line per engine with figures for the target: the analytic solution, then the simulation run (each when given). */
export function findingEvidence(design: Design, target: string, solution: DesignSolution | null, simulation: DesignSimReport | null): string[] {
  const lines: string[] = [];
  const analytic = solution ? analyticLine(design, target, solution) : null;
  if (analytic) lines.push(analytic);
  const simulated = simulation ? simulationLine(target, simulation) : null;
  if (simulated) lines.push(simulated);
  return lines;
}

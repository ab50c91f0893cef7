// `sim <design.json>`: solve a design file (or simulate it over time) and print tables of
// components and flows, or JSON.
import { parseDesignFile } from '../model/file';
import type { Design } from '../model/types';
import { computeHeadroom, explainMainProblem, readNodeFigures, solveDesign, type ComponentResult, type DesignSolution, type EntryHeadroom, type Explanation } from '../engine/analytic';
import { DesignSimError, logSentence, simulateDesign, type DesignSimOptions, type DesignSimReport, type FailureEvent } from '../engine/simulation';
import { describeFailure } from '../model/failures';
import { describeWorkloadShape } from '../model/workloads';
import { formatNumber, formatShare } from '../model/format';
import { CliError, oneLine, readTextFile } from './cli-error';
import { APPROXIMATE_NOTE, formatTable, maybeApproximate } from '../model/text-table';
import { sendsRequests } from '../model/traits';
import { getParamSpec } from '../model/catalog';

export interface DesignReport extends Omit<DesignSolution, 'ok'> {
  design: { id: string; name: string };
  headroom: EntryHeadroom[];
  explanation: Explanation | null;
}

export function loadDesignFile(path: string): Design {
  const parsed = parseDesignFile(readTextFile(path));
  if (!parsed.ok) throw new CliError(`"${path}" is not a valid design: ${oneLine(parsed.errors)}`);
  return parsed.design;
}

/** Client rates scaled so they add up to totalRps, keeping their proportions (equal split if all are 0). */
export function scaledClientRps(design: Design, totalRps: number): Record<string, number> {
  const clients = design.nodes.filter((n) => sendsRequests(n));
  if (clients.length === 0) throw new CliError('--rps has nothing to scale: the design has no client component');
  const base = clients.map((n) => readNodeFigures(n).rps);
  const sum = base.reduce((s, r) => s + r, 0);
  const scaled = clients.map((n, i) => ({ node: n, rps: sum > 0 ? totalRps * (base[i]! / sum) : totalRps / clients.length }));
  const most = getParamSpec('client', 'rps')!.max;
  const over = scaled.find((c) => c.rps > most);
  if (over) throw new CliError(`--rps ${totalRps} would have client "${over.node.label || over.node.id}" send ${over.rps.toPrecision(3)} requests/s; a client sends at most ${most.toLocaleString('en')}`);
  return Object.fromEntries(scaled.map((c) => [c.node.id, c.rps]));
}

export function solveDesignReport(design: Design, totalRps: number | undefined): DesignReport {
  const options = totalRps === undefined ? {} : { clientRps: scaledClientRps(design, totalRps) };
  const result = solveDesign(design, options);
  if (!result.ok) throw new CliError(oneLine(result.errors.map((e) => e.message)));
  const headroom = computeHeadroom(design, options);
  const { ok: _ok, ...solution } = result;
  return {
    design: { id: design.id, name: design.name },
    ...solution,
    headroom: headroom.ok ? headroom.entries : [],
    explanation: explainMainProblem(design, result),
  };
}

function status(c: ComponentResult, labels: ReadonlyMap<string, string>): string {
  if (c.saturated) {
    return c.saturationCauseId && c.saturationCauseId !== c.nodeId ? `saturated (waiting on ${labels.get(c.saturationCauseId) ?? c.saturationCauseId})` : 'saturated';
  }
  if (c.blockingProbability >= 0.001) return `rejects ${(c.blockingProbability * 100).toFixed(1)}%`;
  if ((c.utilization ?? 0) >= 0.7) return 'hot';
  return 'ok';
}

export function formatDesignReport(report: DesignReport): string {
  const components = Object.values(report.components);
  const labels = new Map(components.map((c) => [c.nodeId, c.label]));
  const componentTable = formatTable(
    ['component', 'util %', 'mean ms', 'p99 ms', 'status'],
    components.map((c) => [c.label, c.utilization === null ? null : c.utilization * 100, c.meanResponseMs, maybeApproximate(c.p99ResponseMs, c.percentilesApproximate), status(c, labels)]),
  );
  const flowTable = formatTable(
    ['flow', 'rps', 'mean ms', 'p99 ms', 'avail %', 'critical path'],
    report.flows.map((f) => [
      f.label,
      f.rps,
      f.meanResponseMs,
      maybeApproximate(f.p99ResponseMs, f.percentilesApproximate),
      (f.availability * 100).toFixed(3),
      f.criticalPath.map((id) => labels.get(id) ?? id).join(' > '),
    ]),
  );
  const lines = [`${report.design.name}: ${report.entryRps.toFixed(1)} requests/s in`, '', componentTable, '', flowTable, ''];
  const approximate = components.some((c) => c.percentilesApproximate) || report.flows.some((f) => f.percentilesApproximate);
  if (approximate) lines.push(APPROXIMATE_NOTE, '');
  lines.push(`cost: ${report.cost.totalUsdPerMonth.toFixed(2)} USD/month (instances ${report.cost.instancesUsdPerMonth.toFixed(2)}, requests ${report.cost.requestsUsdPerMonth.toFixed(2)})`);
  for (const h of report.headroom) {
    const limit = h.maxRps === null ? 'no limit found' : `${h.maxRps.toFixed(1)} requests/s (then ${labels.get(h.limitingNodeId ?? '') ?? h.limitingNodeId} ${h.reason === 'rejects' ? 'turns requests away' : 'saturates'})`;
    lines.push(`headroom for ${h.label}: ${limit}`);
  }
  if (report.explanation) lines.push('', report.explanation.text);
  if (report.message) lines.push('', `note: ${report.message}`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n');
}

// ---- simulation -------------------------------------------------------------------------------

/** Simulated seconds for a design that carries no simulation setup of its own. */
export const DEFAULT_SIM_DURATION_S = 300;

export type SimRunOptions = Omit<DesignSimOptions, 'onProgress'>;

/** Flags that override a design's (or scenario's) own simulation setup. */
export interface SimFlags {
  durationS?: number;
  seed?: number;
  /** --max-backlog: the most requests in the system at once before the run stops. */
  maxLiveRequests?: number;
}

export interface SimulationRun {
  design: { id: string; name: string };
  /** Labels of the design's components, zones and regions by id, for the tables. */
  labels: Record<string, string>;
  /** What was simulated: length, seed, traffic over time, failures and targets. */
  setup: SimRunOptions;
  report: DesignSimReport;
}

/** The design's saved setup (workload, failures, seed, length), with the flags winning. */
export function designSimOptions(design: Design, flags: SimFlags): SimRunOptions {
  const setup = design.simulation;
  return {
    durationS: flags.durationS ?? setup?.durationS ?? DEFAULT_SIM_DURATION_S,
    seed: flags.seed ?? setup?.seed ?? 1,
    ...(flags.maxLiveRequests !== undefined ? { maxLiveRequests: flags.maxLiveRequests } : {}),
    ...(setup?.workload ? { workload: setup.workload } : {}),
    ...(setup?.failures ? { failures: setup.failures } : {}),
  };
}

export function runSimulation(design: Design, setup: SimRunOptions, path: string): SimulationRun {
  try {
    const labels = Object.fromEntries([...design.nodes, ...design.groups].map((x) => [x.id, x.label || x.id]));
    return { design: { id: design.id, name: design.name }, labels, setup, report: simulateDesign(design, setup) };
  } catch (e) {
    if (e instanceof DesignSimError) throw new CliError(`"${path}" cannot be simulated: ${oneLine(e.problems)}`);
    throw e;
  }
}

/** A design file simulated with its own setup, the flags winning. */
export function simulateDesignFile(path: string, flags: SimFlags): SimulationRun {
  const design = loadDesignFile(path);
  return runSimulation(design, designSimOptions(design, flags), path);
}

/** The run as JSON data: per-bucket series (and their times) only when asked for. */
export function simulationJson(run: SimulationRun, withSeries: boolean): unknown {
  // run.labels stay out: they serve the tables, and the report names every component and flow.
  const { timeS, components, flows, ...rest } = run.report;
  return {
    design: run.design,
    setup: run.setup,
    ...rest,
    ...(withSeries ? { timeS } : {}),
    components: components.map(({ series, ...c }) => (withSeries ? { ...c, series } : c)),
    flows: flows.map(({ series, ...f }) => (withSeries ? { ...f, series } : f)),
  };
}

const seconds = (s: number) => `${formatNumber(s)} s`;
const percent = (x: number | null, digits = 1) => (x === null ? '-' : formatShare(x, digits));

function failureLine(f: FailureEvent, name: (id: string) => string): string {
  const span = f.durationS === undefined ? `from ${seconds(f.atS)}` : `${seconds(f.atS)} to ${seconds(f.atS + f.durationS)}`;
  return `${span}: ${describeFailure(f, name)}`;
}

/** Log entries printed under "timeline"; --json has them all. */
const TIMELINE_LINES = 20;

const SLO_WORDS = { availability: 'availability', p99Ms: 'p99 latency', errorRate: 'error rate' } as const;

function sloLine(check: NonNullable<DesignSimReport['slo']>['checks'][number]): string {
  const show = (x: number | null) => (x === null ? 'none' : check.target === 'p99Ms' ? `${x.toFixed(1)} ms` : percent(x, 3));
  const bound = check.target === 'availability' ? 'at least' : 'at most';
  return `  ${SLO_WORDS[check.target]} ${bound} ${show(check.threshold)}: ${show(check.actual)} ${check.pass ? 'pass' : 'FAIL'}`;
}

export function formatSimulationRun(run: SimulationRun): string {
  const { report, setup } = run;
  const name = (id: string) => run.labels[id] ?? id;
  // Counts over the measured period as rates, so they read beside the offered load.
  const measuredS = Math.max(1e-9, report.durationS - report.warmupS);
  const perS = (count: number) => count / measuredS;
  const componentTable = formatTable(
    ['component', 'offered rps', 'util %', 'p99 ms', 'errors/s', 'timeouts/s', 'rejected/s', 'retries/s'],
    report.components.map(({ label, summary: s }) => [label, s.offeredRps, s.utilization === null ? null : s.utilization * 100, s.p99ResponseMs, perS(s.errors), perS(s.timeouts), perS(s.rejections), perS(s.retries)]),
  );
  const flowTable = formatTable(
    ['flow', 'rps', 'avail %', 'mean ms', 'p99 ms', 'error %'],
    report.flows.map(({ label, summary: s }) => [label, perS(s.sent), s.availability === null ? '-' : (s.availability * 100).toFixed(3), s.meanResponseMs, s.p99ResponseMs, s.errorRate === null ? null : s.errorRate * 100]),
  );
  const lines = [
    `${run.design.name}: ${seconds(report.durationS)} simulated (first ${seconds(report.warmupS)} warm-up, left out of the figures), seed ${report.seed}, ${report.events.toLocaleString('en-US')} events`,
    '',
    componentTable,
    '',
    flowTable,
  ];
  const traffic = Object.entries(setup.workload ?? {}).map(([id, shapes]) => `  ${name(id)}: ${(Array.isArray(shapes) ? shapes : [shapes]).map(describeWorkloadShape).join(', then ')}`);
  if (traffic.length > 0) lines.push('', 'traffic:', ...traffic);
  const failures = setup.failures ?? [];
  lines.push('', failures.length === 0 ? 'failures: none' : 'failures:', ...failures.map((f) => `  ${failureLine(f, name)}`));
  if (report.log.length > 0) {
    const shown = report.log.slice(0, TIMELINE_LINES).map((e) => `  ${seconds(e.tS).padStart(8)}  ${logSentence(e, name)}`);
    const more = report.log.length - shown.length;
    lines.push('', 'timeline:', ...shown, ...(more > 0 ? [`  ... and ${more} more (see --json)`] : []));
  }
  if (report.slo) lines.push('', `SLO: ${report.slo.pass ? 'pass' : 'FAIL'}`, ...report.slo.checks.map(sloLine));
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  // Said first and last: the tables above cover only the time simulated before the stop.
  if (report.stopReason) lines.splice(1, 0, `stopped early: ${report.stopReason} (the tables cover only the time before that)`);
  if (report.stopReason) lines.push(`stopped early: ${report.stopReason}`);
  return lines.join('\n');
}

// `sim <design.json>`: solve a design file and print a table of components and flows, or JSON.
import { parseDesignFile } from '../model/file';
import type { Design } from '../model/types';
import { computeHeadroom, explainMainProblem, readNodeFigures, solveDesign, type ComponentResult, type DesignSolution, type EntryHeadroom, type Explanation } from '../engine/analytic';
import { CliError, oneLine, readTextFile } from './cli-error';
import { formatTable } from './format-table';

export interface DesignReport extends Omit<DesignSolution, 'ok'> {
  design: { id: string; name: string };
  headroom: EntryHeadroom[];
  explanation: Explanation | null;
}

export function loadDesignFile(path: string): Design {
  if (/\.ya?ml$/i.test(path)) throw new CliError('scenario files are not supported by sim yet', 2);
  const parsed = parseDesignFile(readTextFile(path));
  if (!parsed.ok) throw new CliError(`"${path}" is not a valid design: ${oneLine(parsed.errors)}`);
  return parsed.design;
}

/** Client rates scaled so they add up to totalRps, keeping their proportions (equal split if all are 0). */
export function scaledClientRps(design: Design, totalRps: number): Record<string, number> {
  const clients = design.nodes.filter((n) => n.kind === 'client');
  if (clients.length === 0) throw new CliError('--rps has nothing to scale: the design has no client component');
  const base = clients.map((n) => readNodeFigures(n).rps);
  const sum = base.reduce((s, r) => s + r, 0);
  return Object.fromEntries(clients.map((n, i) => [n.id, sum > 0 ? (base[i]! * totalRps) / sum : totalRps / clients.length]));
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
    components.map((c) => [c.label, c.utilization === null ? null : c.utilization * 100, c.meanResponseMs, c.p99ResponseMs, status(c, labels)]),
  );
  const flowTable = formatTable(
    ['flow', 'rps', 'mean ms', 'p99 ms', 'avail %', 'critical path'],
    report.flows.map((f) => [f.label, f.rps, f.meanResponseMs, f.p99ResponseMs, (f.availability * 100).toFixed(3), f.criticalPath.map((id) => labels.get(id) ?? id).join(' > ')]),
  );
  const lines = [`${report.design.name}: ${report.entryRps.toFixed(1)} requests/s in`, '', componentTable, '', flowTable, ''];
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

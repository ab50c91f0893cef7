// Checks that need more than the file's shape: every id a scenario mentions exists and is the
// right sort of thing, parameters suit their component's kind, and the parts of the scenario
// agree with each other. Each problem carries the path of the value at fault, for its line.
import { failureParam, FAILURE_PARAM_KEYS, FAILURE_SPECS, paramOwner } from '../model/failures';
import { failureCanHit } from '../model/traits';
import { designProblems } from '../model/validate';
import type { Design } from '../model/types';
import { modeSpec, type Report, type ScenarioIssue } from './modes';
import type { ScenarioFile } from './schema';
import type { Scenario } from './types';
import { clientNodes, missingClients, totalRps } from './workload';
import type { PathKey } from './yaml-source';
import { withArticle } from '../model/format';

/** Problems inside one design (model/validate.ts); `at` places each one in the file. */
export function checkDesignReferences(design: Design, at: (path: PathKey[]) => PathKey[], report: Report): void {
  for (const { path, message } of designProblems(design)) {
    // A parameter's line is not enough in a long file: say whose it is.
    const node = path[0] === 'nodes' && path[2] === 'params' ? design.nodes[path[1] as number] : undefined;
    report(at(path), node ? `${message}. (component "${node.label || node.id}")` : message);
  }
}

function checkWorkload(scenario: Scenario, report: Report): void {
  const clients = new Set(clientNodes(scenario.design).map((n) => n.id));
  const requireClient = (path: PathKey[], id: string) => {
    if (!clients.has(id)) report(path, `there is no client "${id}" in the design`);
  };
  scenario.requirements.clients?.forEach((id, i) => requireClient(['requirements', 'clients', i], id));
  scenario.workload.overTime.forEach((step, i) => {
    if (step.client !== undefined) requireClient(['workload', 'overTime', i, 'client'], step.client);
    const previous = scenario.workload.overTime[i - 1];
    if (previous && step.atS < previous.atS) report(['workload', 'overTime', i, 'atS'], `steps must be in time order (${step.atS} s comes before the previous ${previous.atS} s)`);
  });
  if (clients.size === 0) report(['design', 'nodes'], 'the design has no client component, so nothing sends it traffic');
}

/** Workload ids are checked against the raw file, since resolving drops unknown ones. */
function checkWorkloadRates(rps: Readonly<Record<string, number>> | undefined, trafficRps: number | undefined, scenario: Scenario, report: Report): void {
  const clients = new Set(clientNodes(scenario.design).map((n) => n.id));
  for (const id of Object.keys(rps ?? {})) if (!clients.has(id)) report(['workload', 'rps', id], `there is no client "${id}" in the design`);
  if (rps !== undefined && trafficRps !== undefined) {
    const sum = totalRps(scenario.workload.clientRps);
    if (Math.abs(sum - trafficRps) > 0.005 * Math.max(trafficRps, 1)) {
      report(['requirements', 'trafficRps'], `is ${trafficRps} requests/s, but workload.rps adds up to ${sum}; make them agree or drop one`);
    }
  }
}

function checkFailures(scenario: Scenario, report: Report): void {
  const { design } = scenario;
  const edges = new Set(design.edges.map((e) => e.id));
  const groups = new Set(design.groups.map((g) => g.id));
  const kindOf = new Map(design.nodes.map((n) => [n.id, n.kind]));
  scenario.failures.forEach((f, i) => {
    for (const key of FAILURE_PARAM_KEYS) {
      if (f[key] !== undefined && !failureParam(f.kind, key)) report(['failures', i, key], `${key} is for ${paramOwner(key)}, not ${f.kind}`);
    }
    const missing = FAILURE_SPECS[f.kind].params.find((p) => p.whenAbsent === undefined && f[p.key] === undefined);
    if (missing) report(['failures', i], `${withArticle(f.kind)} needs a ${missing.key} (${missing.help.replace(/\.$/, '').toLowerCase()})`);
    const path: PathKey[] = ['failures', i, 'target'];
    switch (FAILURE_SPECS[f.kind].target) {
      case 'group':
        if (!groups.has(f.target)) report(path, `${withArticle(f.kind)} needs a zone or region id; "${f.target}" is not one`);
        return;
      case 'network':
        if (!edges.has(f.target) && !groups.has(f.target)) report(path, `${withArticle(f.kind)} needs a connection, zone or region id; "${f.target}" is none of these`);
        return;
      case 'component':
      case 'database': {
        const kind = kindOf.get(f.target);
        if (kind === undefined) report(path, `there is no component "${f.target}"`);
        else if (!failureCanHit(f.kind, kind)) report(path, `${withArticle(f.kind)} cannot hit "${f.target}" (${kind}): ${FAILURE_SPECS[f.kind].help}`);
      }
    }
  });
}

/** Every other design of the scenario must have the clients the workload sends traffic from. */
function checkOtherDesigns(scenario: Scenario, report: Report): void {
  for (const { design, path } of modeSpec(scenario.mode).otherDesigns(scenario)) {
    const missing = missingClients(design, scenario.workload);
    if (missing.length > 0) report([...path, 'nodes'], `has no client "${missing.join('", "')}", which the workload sends traffic from`);
  }
}

export interface ReferenceInput {
  scenario: Scenario;
  /** The workload rates as written in the file, before resolution. */
  fileRps: Readonly<Record<string, number>> | undefined;
  /** The file, so a mode can place problems in its other designs (a fix solution given as a patch). */
  file: ScenarioFile;
}

export function checkReferences({ scenario, fileRps, file }: ReferenceInput): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  checkDesignReferences(scenario.design, (p) => ['design', ...p], report);
  for (const { design, path, at, prefix } of modeSpec(scenario.mode).otherDesigns(scenario, file)) {
    checkDesignReferences(design, at ?? ((p) => [...path, ...p]), prefix ? (p, message) => report(p, `${prefix}${message}`) : report);
  }
  if (issues.length > 0) return issues; // the rest relies on the designs being sound
  checkWorkload(scenario, report);
  checkWorkloadRates(fileRps, scenario.requirements.trafficRps, scenario, report);
  checkFailures(scenario, report);
  modeSpec(scenario.mode).checkContent(scenario, report);
  checkOtherDesigns(scenario, report);
  return issues;
}

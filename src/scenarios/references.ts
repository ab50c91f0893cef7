// Checks that need more than the file's shape: every id a scenario mentions exists and is the
// right sort of thing, parameters suit their component's kind, and the parts of the scenario
// agree with each other. Each problem carries the path of the value at fault, for its line.
import { getParamSpec } from '../model/catalog';
import { failureParam, FAILURE_PARAM_KEYS, FAILURE_SPECS, paramOwner } from '../model/failures';
import { failureCanHit } from '../model/traits';
import { designProblems, duplicates } from '../model/validate';
import type { Design, DesignNode } from '../model/types';
import type { ScenarioIssue } from './normalize';
import type { FixScenario, Scenario } from './types';
import { clientNodes, missingClients, totalRps } from './workload';
import type { PathKey } from './yaml-source';
import { withArticle } from '../model/format';

type Report = (path: PathKey[], message: string) => void;

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

function checkQuestionIds(ids: readonly string[], report: Report): void {
  for (const { id, index } of duplicates(ids)) report(['questions', index, 'id'], `another question already has the id "${id}"`);
}

function checkModeContent(scenario: Scenario, report: Report): void {
  const { design } = scenario;
  const nodeById = new Map(design.nodes.map((n) => [n.id, n]));
  const targets = new Set([...nodeById.keys(), ...design.edges.map((e) => e.id)]);
  switch (scenario.mode) {
    case 'identify':
      checkQuestionIds(
        scenario.questions.map((q) => q.id),
        report,
      );
      scenario.questions.forEach((q, i) => {
        const path: PathKey[] = ['questions', i, 'answer'];
        const answer = q.answer;
        if (answer.type === 'click') {
          answer.nodeIds.forEach((id, j) => {
            if (!nodeById.has(id)) report(answer.nodeIds.length === 1 ? path : [...path, j], `there is no component "${id}" in the design`);
          });
          return;
        }
        const node = nodeById.get(answer.nodeId);
        if (!node) report([...path, 'nodeId'], `there is no component "${answer.nodeId}" in the design`);
        else if (!answer.acceptedKinds.includes(node.kind)) {
          report([...path, 'acceptedKinds'], `"${node.label || node.id}" is ${withArticle(node.kind)}, which acceptedKinds does not list, so no answer could match the design`);
        }
      });
      return;
    case 'critique': {
      const seen = new Set<string>();
      const lists = [['key', scenario.key], ['alsoAcceptable', scenario.alsoAcceptable]] as const;
      for (const [list, items] of lists) {
        items.forEach((item, i) => {
          if (!targets.has(item.target)) report([list, i, 'target'], `there is no component or connection "${item.target}" in the design`);
          item.acceptedTargets?.forEach((id, j) => {
            if (!targets.has(id)) report([list, i, 'acceptedTargets', j], `there is no component or connection "${id}" in the design`);
          });
          const pair = `${item.target}\u0000${item.category}`;
          if (seen.has(pair)) report([list, i], `the ${list === 'key' ? 'key' : 'critique'} already lists ${item.category} on "${item.target}"`);
          seen.add(pair);
        });
      }
      return;
    }
    case 'fix':
      scenario.checks.forEach((check, i) => {
        if (check !== 'capacity' && scenario.requirements[check] === undefined) report(['checks', i], `checks ${check}, but requirements gives no ${check} target`);
      });
      scenario.startingDesignFails?.forEach((check, i) => {
        if (!scenario.checks.includes(check)) report(['startingDesignFails', i], `lists ${check}, which is not among the checks`);
      });
      checkFixDeclarations(scenario, nodeById, report);
      return;
    case 'compare':
      checkQuestionIds(
        scenario.questions.map((q) => q.id),
        report,
      );
      return;
  }
}

/** A fix scenario's invariants and environment name components of its starting design, and settings those have. */
function checkFixDeclarations(scenario: FixScenario, nodeById: ReadonlyMap<string, DesignNode>, report: Report): void {
  const requireNode = (path: PathKey[], id: string) => {
    if (!nodeById.has(id)) report(path, `there is no component "${id}" in the starting design`);
  };
  scenario.invariants.forEach((inv, i) => {
    inv.from.forEach((id, j) => requireNode(['invariants', i, 'from', j], id));
    inv.to?.forEach((id, j) => requireNode(['invariants', i, 'to', j], id));
    if (!inv.to?.length && !inv.toKinds?.length) report(['invariants', i], 'needs `to` (component ids) or `toKinds` (kinds of component) to say where the work must arrive');
  });
  scenario.environment.forEach((rule, i) => {
    rule.components?.forEach((id, j) => requireNode(['environment', i, 'components', j], id));
    if (!rule.components?.length && !rule.kinds?.length) report(['environment', i], 'needs `components` or `kinds` to say what it applies to');
    const kinds = [...new Set([...(rule.kinds ?? []), ...(rule.components ?? []).flatMap((id) => nodeById.get(id)?.kind ?? [])])];
    const keys = [...(rule.params ?? []), ...(rule.options ?? []).flatMap((o) => Object.keys(o))];
    for (const key of new Set(keys)) {
      if (kinds.length > 0 && !kinds.some((k) => getParamSpec(k, key))) report(['environment', i], `"${key}" is not a setting of ${kinds.join(' or ')}`);
    }
  });
}

/** Every other design of the scenario must have the clients the workload sends traffic from. */
function checkOtherDesigns(scenario: Scenario, report: Report): void {
  const others: [Design, PathKey[]][] = [];
  if (scenario.mode === 'compare') others.push([scenario.designB, ['designB']]);
  if (scenario.mode === 'fix') others.push([scenario.solution, ['solution']]);
  for (const [design, path] of others) {
    const missing = missingClients(design, scenario.workload);
    if (missing.length > 0) report([...path, 'nodes'], `has no client "${missing.join('", "')}", which the workload sends traffic from`);
  }
}

export interface ReferenceInput {
  scenario: Scenario;
  /** The workload rates as written in the file, before resolution. */
  fileRps: Readonly<Record<string, number>> | undefined;
  /** True when the fix solution came as a patch, so its problems point at the patch. */
  solutionIsPatch: boolean;
}

export function checkReferences({ scenario, fileRps, solutionIsPatch }: ReferenceInput): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  checkDesignReferences(scenario.design, (p) => ['design', ...p], report);
  if (scenario.mode === 'compare') checkDesignReferences(scenario.designB, (p) => ['designB', ...p], report);
  if (scenario.mode === 'fix') {
    if (solutionIsPatch) checkDesignReferences(scenario.solution, () => ['solution', 'patch'], (path, message) => report(path, `after the patch, ${message}`));
    else checkDesignReferences(scenario.solution, (p) => ['solution', 'design', ...p], report);
  }
  if (issues.length > 0) return issues; // the rest relies on the designs being sound
  checkWorkload(scenario, report);
  checkWorkloadRates(fileRps, scenario.requirements.trafficRps, scenario, report);
  checkFailures(scenario, report);
  checkModeContent(scenario, report);
  checkOtherDesigns(scenario, report);
  return issues;
}

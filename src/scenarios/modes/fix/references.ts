// A fix scenario's own references: its checks have targets, and its invariants and environment
// name components of the starting design and settings those have.
import { getParamSpec } from '../../../model/catalog';
import type { DesignNode } from '../../../model/types';
import type { PathKey } from '../../yaml-source';
import type { Report } from '../mode-spec';
import type { FixScenario } from './schema';

export function checkFixReferences(scenario: FixScenario, report: Report): void {
  const nodeById = new Map(scenario.design.nodes.map((n) => [n.id, n]));
  scenario.checks.forEach((check, i) => {
    if (check !== 'capacity' && scenario.requirements[check] === undefined) report(['checks', i], `checks ${check}, but requirements gives no ${check} target`);
  });
  scenario.startingDesignFails?.forEach((check, i) => {
    if (!scenario.checks.includes(check)) report(['startingDesignFails', i], `lists ${check}, which is not among the checks`);
  });
  checkFixDeclarations(scenario, nodeById, report);
}

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

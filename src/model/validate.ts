// Checks that need more than the file's shape: unique ids, references between parts, zones inside
// regions, parameter values within their kind's range, a simulation setup that names parts that
// exist, and lower limits not above upper ones. One problem per fault, each with the path of the
// value at fault, so a design file's message and a scenario file's line both point at it.
import { FAILURE_SPECS, type TargetFields } from './failures';
import { workloadShapeProblems } from './workloads';
import { validateParam } from './catalog';
import { sendsRequests } from './traits';
import type { Design } from './types';

export type DesignPath = (string | number)[];

export interface DesignProblem {
  /** Where in the design, e.g. ['nodes', 3, 'params', 'instances']. */
  path: DesignPath;
  /** What is wrong, in a sentence that starts in lower case, without a full stop. */
  message: string;
}

/** Ids that occur more than once, with the index of each later occurrence. */
export function duplicates(ids: readonly string[]): { id: string; index: number }[] {
  const seen = new Set<string>();
  const out: { id: string; index: number }[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) out.push({ id, index });
    seen.add(id);
  });
  return out;
}

export function designProblems(design: Design): DesignProblem[] {
  const problems: DesignProblem[] = [];
  const report = (path: DesignPath, message: string) => problems.push({ path, message });
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  const groupById = new Map(design.groups.map((g) => [g.id, g]));

  for (const { id, index } of duplicates(design.nodes.map((n) => n.id))) report(['nodes', index, 'id'], `another component already has the id "${id}"`);
  for (const { id, index } of duplicates(design.edges.map((e) => e.id))) report(['edges', index, 'id'], `another connection already has the id "${id}"`);
  for (const { id, index } of duplicates(design.groups.map((g) => g.id))) report(['groups', index, 'id'], `another zone or region already has the id "${id}"`);
  // Components, zones and regions are all boxes on the canvas, keyed by id; connections are named by id in timelines.
  design.groups.forEach((group, i) => {
    if (nodeIds.has(group.id)) report(['groups', i, 'id'], `a component already has the id "${group.id}"; zones and regions need ids of their own`);
  });
  design.edges.forEach((edge, i) => {
    if (nodeIds.has(edge.id) || groupById.has(edge.id)) report(['edges', i, 'id'], `a component, zone or region already has the id "${edge.id}"; connections need ids of their own`);
  });

  design.nodes.forEach((node, i) => {
    if (node.groupId !== undefined && !groupById.has(node.groupId)) report(['nodes', i, 'groupId'], `there is no zone or region "${node.groupId}"`);
    for (const [key, value] of Object.entries(node.params)) {
      const message = validateParam(node.kind, key, value);
      if (message) report(['nodes', i, 'params', key], message.replace(/\.$/, ''));
    }
    const autoscale = node.resilience?.autoscale;
    if (autoscale?.minInstances !== undefined && autoscale.maxInstances !== undefined && autoscale.minInstances > autoscale.maxInstances) {
      report(['nodes', i, 'resilience', 'autoscale', 'maxInstances'], `the most instances (${autoscale.maxInstances}) is below the fewest (${autoscale.minInstances})`);
    }
  });

  design.edges.forEach((edge, i) => {
    if (!nodeIds.has(edge.source)) report(['edges', i, 'source'], `there is no component "${edge.source}"`);
    if (!nodeIds.has(edge.target)) report(['edges', i, 'target'], `there is no component "${edge.target}"`);
    if (edge.source === edge.target) report(['edges', i, 'target'], 'a connection cannot go from a component to itself');
    const retry = edge.resilience?.retry;
    if (retry?.baseBackoffMs !== undefined && retry.maxBackoffMs !== undefined && retry.baseBackoffMs > retry.maxBackoffMs) {
      report(['edges', i, 'resilience', 'retry', 'maxBackoffMs'], `the largest backoff (${retry.maxBackoffMs} ms) is below the first (${retry.baseBackoffMs} ms)`);
    }
  });

  // A zone sits in a region and a region in nothing, so parents can neither loop nor nest deeper.
  design.groups.forEach((group, i) => {
    if (group.parentId === undefined) return;
    const parent = groupById.get(group.parentId);
    if (group.parentId === group.id) report(['groups', i, 'parentId'], 'a zone or region cannot sit inside itself');
    else if (!parent) report(['groups', i, 'parentId'], `there is no region "${group.parentId}"`);
    else if (group.kind !== 'zone' || parent.kind !== 'region') report(['groups', i, 'parentId'], 'only a zone can sit inside a region');
  });

  if (design.simulation) simulationProblems(design, report);
  return problems;
}

function simulationProblems(design: Design, report: (path: DesignPath, message: string) => void): void {
  const setup = design.simulation!;
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  const groupIds = new Set(design.groups.map((g) => g.id));
  const clients = new Set(design.nodes.filter(sendsRequests).map((n) => n.id));
  for (const [clientId, shapes] of Object.entries(setup.workload ?? {})) {
    if (!clients.has(clientId)) report(['simulation', 'workload', clientId], `there is no client "${clientId}" in the design`);
    shapes.forEach((shape, j) => {
      for (const p of workloadShapeProblems(shape)) report(['simulation', 'workload', clientId, j, ...(p.key === null ? [] : [p.key])], p.message);
    });
  }
  setup.failures?.forEach((failure, i) => {
    const path: DesignPath = ['simulation', 'failures', i];
    const target = Object.hasOwn(FAILURE_SPECS, failure.kind) ? FAILURE_SPECS[failure.kind].target : null;
    if (target === 'group') {
      const { groupId } = failure as TargetFields['group'];
      if (!groupIds.has(groupId)) report([...path, 'groupId'], `there is no zone or region "${groupId}"`);
    } else if (target === 'network') {
      for (const side of ['sideA', 'sideB'] as const) {
        (failure as TargetFields['network'])[side].forEach((id, j) => {
          if (!nodeIds.has(id) && !groupIds.has(id)) report([...path, side, j], `there is no component, zone or region "${id}"`);
        });
      }
    } else if (target !== null) {
      const { nodeId } = failure as TargetFields['component'];
      if (!nodeIds.has(nodeId)) report([...path, 'nodeId'], `there is no component "${nodeId}"`);
    }
  });
}

const COLLECTION_NAMES: Record<string, string> = { nodes: 'Component', edges: 'Connection', groups: 'Zone or region' };

const PREDICATE = /^(must|has|is|should) /;

/** "nodes[3].params.instances" */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/**
 * A problem as a sentence naming the part: `Component "Orders DB" (nodes[3]): params.instances must
 * be 1 or more.` `root` is the design as read (it may not be a valid design yet).
 */
export function problemAt(path: readonly (string | number)[], message: string, root: unknown): string {
  const [collection, index, ...field] = path;
  const sentence = message.endsWith('.') ? message : `${message}.`;
  if (typeof collection === 'string' && typeof index === 'number' && COLLECTION_NAMES[collection]) {
    const item = (root as Record<string, unknown[]> | null)?.[collection]?.[index] as Record<string, unknown> | undefined;
    const name = typeof item?.label === 'string' && item.label ? `"${item.label}"` : typeof item?.id === 'string' ? `"${item.id}"` : '';
    const subject = `${COLLECTION_NAMES[collection]} ${name ? name + ' ' : ''}(${collection}[${index}])`;
    if (field.length === 0) return `${subject} ${sentence}`;
    // "share must be between 0 and 1" reads on; a message of its own follows the field's name.
    return PREDICATE.test(sentence) ? `${subject}: ${pathText(field)} ${sentence}` : `${subject}, ${pathText(field)}: ${sentence}`;
  }
  if (path.length === 0) return `The design ${sentence}`;
  return PREDICATE.test(sentence) ? `Field "${pathText(path)}" ${sentence}` : `Field "${pathText(path)}": ${sentence}`;
}

/** Every problem as a sentence naming the part and the field. */
export function checkDesign(design: Design): string[] {
  return designProblems(design).map((p) => problemAt(p.path, p.message, design));
}

// Checks that need more than the file's shape: references between parts, unique ids,
// and parameter values within their kind's range.
import { validateParam } from './catalog';
import type { Design } from './types';

export function checkDesign(design: Design): string[] {
  const problems: string[] = [];
  const nodeIds = new Set<string>();
  const groupIds = new Set(design.groups.map((g) => g.id));
  const name = (n: { id: string; label: string }) => `"${n.label || n.id}"`;

  for (const node of design.nodes) {
    if (nodeIds.has(node.id)) problems.push(`Two components share the id "${node.id}"; ids must be unique.`);
    nodeIds.add(node.id);
    if (node.groupId !== undefined && !groupIds.has(node.groupId)) {
      problems.push(`Component ${name(node)} sits in zone "${node.groupId}", which does not exist.`);
    }
    for (const [key, value] of Object.entries(node.params)) {
      const message = validateParam(node.kind, key, value);
      if (message) problems.push(`Component ${name(node)}: ${message}`);
    }
  }
  const edgeIds = new Set<string>();
  for (const edge of design.edges) {
    if (edgeIds.has(edge.id)) problems.push(`Two connections share the id "${edge.id}"; ids must be unique.`);
    edgeIds.add(edge.id);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIds.has(edge[end])) problems.push(`Connection "${edge.id}" ${end === 'source' ? 'starts at' : 'ends at'} component "${edge[end]}", which does not exist.`);
    }
    if (edge.source === edge.target) problems.push(`Connection "${edge.id}" goes from a component to itself.`);
  }
  for (const group of design.groups) {
    if (group.parentId !== undefined && !groupIds.has(group.parentId)) {
      problems.push(`Zone "${group.label || group.id}" sits in region "${group.parentId}", which does not exist.`);
    }
  }
  return problems;
}

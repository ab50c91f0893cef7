// Layout checks for bundled scenarios, so each opens tidy on the canvas: components do not
// overlap, each sits inside the zone or region it belongs to (and only that one), and zones sit
// inside their regions.
import { NODE_SIZE } from '../model/card';
import type { Design, DesignGroup } from '../model/types';
import type { ScenarioIssue } from './modes/mode-spec';
import type { PathKey } from './yaml-source';

export { NODE_SIZE };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const nodeRect = (p: { x: number; y: number }): Rect => ({ ...p, ...NODE_SIZE });
const groupRect = (g: DesignGroup): Rect => ({ ...g.position, ...g.size });

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const box = (r: Rect) => `x ${r.x}..${r.x + r.width}, y ${r.y}..${r.y + r.height}`;

/** Groups a node belongs to: its own and, for a zone, the zone's region. */
function memberOf(design: Design, groupId: string | undefined): Set<string> {
  const out = new Set<string>();
  let id = groupId;
  while (id !== undefined && !out.has(id)) {
    out.add(id);
    id = design.groups.find((g) => g.id === id)?.parentId;
  }
  return out;
}

export function layoutIssues(design: Design, at: (path: PathKey[]) => PathKey[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const report = (path: PathKey[], message: string) => issues.push({ path: at(path), message });
  design.nodes.forEach((node, i) => {
    const rect = nodeRect(node.position);
    const name = node.label || node.id;
    for (let j = 0; j < i; j++) {
      const other = design.nodes[j]!;
      if (overlaps(rect, nodeRect(other.position))) report(['nodes', i, 'position'], `puts "${name}" on top of "${other.label || other.id}" (cards are ${NODE_SIZE.width} x ${NODE_SIZE.height} px)`);
    }
    const groups = memberOf(design, node.groupId);
    for (const group of design.groups) {
      const area = groupRect(group);
      if (groups.has(group.id) && !inside(rect, area)) report(['nodes', i, 'position'], `puts "${name}" (${box(rect)}) outside its ${group.kind} "${group.label || group.id}" (${box(area)})`);
      if (!groups.has(group.id) && overlaps(rect, area)) report(['nodes', i, 'position'], `puts "${name}" over ${group.kind} "${group.label || group.id}", which it does not belong to`);
    }
  });
  design.groups.forEach((group, i) => {
    const parent = design.groups.find((g) => g.id === group.parentId);
    if (parent && !inside(groupRect(group), groupRect(parent))) report(['groups', i], `zone "${group.label || group.id}" does not fit inside its region "${parent.label || parent.id}"`);
  });
  return issues;
}

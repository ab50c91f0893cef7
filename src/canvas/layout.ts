// Auto-layout with elkjs (layered, left to right), in the layout worker (src/store/runs.ts).
// Zones and regions are laid out as compound nodes so their members stay together.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { layoutClient } from '../store/runs';
import type { Design, Position } from '../model/types';
import { NODE_SIZE } from '../store/designStore';


export interface LayoutResult {
  positions: Record<string, Position>;
  groupSizes: Record<string, { width: number; height: number }>;
}

const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '36',
  'elk.padding': '[top=48,left=24,bottom=24,right=24]',
};

export function toElkGraph(design: Design): ElkNode {
  const byId = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: LAYOUT_OPTIONS, children: [], edges: [] };
  for (const g of design.groups) byId.set(g.id, { id: g.id, children: [], layoutOptions: { 'elk.padding': '[top=48,left=24,bottom=24,right=24]' } });
  for (const g of design.groups) {
    const parent = (g.parentId && byId.get(g.parentId)) || root;
    parent.children!.push(byId.get(g.id)!);
  }
  for (const n of design.nodes) {
    const parent = (n.groupId && byId.get(n.groupId)) || root;
    parent.children!.push({ id: n.id, width: NODE_SIZE.width, height: NODE_SIZE.height });
  }
  root.edges = design.edges.map<ElkExtendedEdge>((e) => ({ id: e.id, sources: [e.source], targets: [e.target] }));
  return root;
}

export function fromElkGraph(graph: ElkNode, groupIds: Set<string>): LayoutResult {
  const positions: Record<string, Position> = {};
  const groupSizes: Record<string, { width: number; height: number }> = {};
  const walk = (n: ElkNode, ox: number, oy: number) => {
    for (const c of n.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      positions[c.id] = { x, y };
      if (groupIds.has(c.id)) groupSizes[c.id] = { width: c.width ?? 200, height: c.height ?? 120 };
      walk(c, x, y);
    }
  };
  walk(graph, 0, 0);
  return { positions, groupSizes };
}

/**
 * Starts the layout worker and has it load elkjs (about 1.5 MB of script) ahead of the first
 * Auto-layout, e.g. when the pointer reaches the button, so that press does not wait for it.
 */
export function warmUpLayout(): void {
  void layoutClient().call((w) => w.layout({ id: 'warm-up', children: [] })).catch(() => undefined);
}

export async function autoLayout(design: Design): Promise<LayoutResult> {
  const graph = toElkGraph(design);
  const result = await layoutClient().call((w) => w.layout(graph));
  return fromElkGraph(result, new Set(design.groups.map((g) => g.id)));
}

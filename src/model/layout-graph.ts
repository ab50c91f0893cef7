// Auto-layout's question and answer in elkjs's terms: the design as an ELK graph (zones and
// regions as compound nodes, so their members stay together), and ELK's answer read back as card
// positions, group sizes and the path of each connection around the cards. Pure: the layout
// worker (src/workers) runs ELK on it in the app, and the layout measurements run it in Node.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import { NODE_SIZE } from './card';
import { fitZoom } from './fit';
import { nearestSide } from './connection-geometry';
import type { Design, Position } from './types';

export interface LayoutResult {
  positions: Record<string, Position>;
  groupSizes: Record<string, { width: number; height: number }>;
  /** Each connection's path around the cards, from the caller's card to the callee's (px). */
  paths: Record<string, Position[]>;
}

/** Left to right or top to bottom; either way each connection attaches to the sides of the cards its path uses (laidOut). */
export type LayoutDirection = 'RIGHT' | 'DOWN';

/** px: a zone's or region's margin, with room at the top for its title (12 px text, 8 px from the top edge). */
const GROUP_PADDING = '[top=36,left=20,bottom=20,right=20]';

/**
 * Spacing by direction, set on the diagram and on each zone and region (ELK reads it from the graph
 * a card sits in). A label is about 18 px tall and 40-80 px wide; ELK widens a gap further when many
 * connections must run through it.
 */
const SPACING: Record<LayoutDirection, Record<string, string>> = {
  RIGHT: {
    'elk.layered.spacing.nodeNodeBetweenLayers': '80', // px across: a label on the run between two columns
    'elk.spacing.nodeNode': '36', // px down a column: badges and a connection between two cards
    'elk.padding': GROUP_PADDING,
  },
  DOWN: {
    // px down: a label (18 px tall) on the run between two rows, clear of both cards and of the
    // arrowhead (about 5 px long); the load badges straddle the cards' right corners, clear of the runs
    // in the middle. With 48 here and 48/24 px group margins the bundled designs' median fit zoom was
    // 0.78; with 36 and 36/20, 0.87 (npm run bench -- --only layout).
    'elk.layered.spacing.nodeNodeBetweenLayers': '36',
    'elk.spacing.nodeNode': '28', // px across a row: a connection between two cards
    'elk.padding': GROUP_PADDING,
  },
};

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  // Connections run in straight lines and right angles around the cards, never under them.
  'elk.edgeRouting': 'ORTHOGONAL',
  // Paths come back in the whole diagram's coordinates, whatever group their ends sit in.
  'elk.json.edgeCoords': 'ROOT',
};

/** Points a stored path may have: far more bends than ELK gives a connection of a 5,000-component design; the file schema holds to it. */
export const MAX_PATH_POINTS = 1000;

export function toElkGraph(design: Design, direction: LayoutDirection = 'RIGHT'): ElkNode {
  const byId = new Map<string, ElkNode>();
  const root: ElkNode = { id: '__root', layoutOptions: { ...LAYOUT_OPTIONS, ...SPACING[direction], 'elk.direction': direction }, children: [], edges: [] };
  for (const g of design.groups) byId.set(g.id, { id: g.id, children: [], layoutOptions: SPACING[direction] });
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

/** The path of one laid-out edge: its sections joined end to end, repeated points dropped. */
function pathOf(edge: ElkExtendedEdge): Position[] | null {
  const points: Position[] = [];
  for (const s of edge.sections ?? []) {
    for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
      const last = points[points.length - 1];
      if (!last || last.x !== p.x || last.y !== p.y) points.push({ x: p.x, y: p.y });
    }
  }
  return points.length >= 2 && points.length <= MAX_PATH_POINTS ? points : null;
}

export function fromElkGraph(graph: ElkNode, groupIds: Set<string>): LayoutResult {
  const positions: Record<string, Position> = {};
  const groupSizes: Record<string, { width: number; height: number }> = {};
  const paths: Record<string, Position[]> = {};
  const walk = (n: ElkNode, ox: number, oy: number) => {
    for (const e of n.edges ?? []) {
      const path = pathOf(e);
      if (path) paths[e.id] = path;
    }
    for (const c of n.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      positions[c.id] = { x, y };
      if (groupIds.has(c.id)) groupSizes[c.id] = { width: c.width ?? 200, height: c.height ?? 120 };
      walk(c, x, y);
    }
  };
  walk(graph, 0, 0);
  return { positions, groupSizes, paths };
}

const whole = (p: Position): Position => ({ x: Math.round(p.x), y: Math.round(p.y) });

/**
 * The design as laid out: cards and groups where the layout put them (whole px), each connection
 * with its path and attached to the sides of its cards the path leaves and reaches (so it stays on
 * them as a curve once a card moves); a connection the layout gave no path keeps none and is drawn
 * as a curve from the caller's right side to the callee's left side.
 */
export function laidOut(design: Design, layout: LayoutResult): Design {
  const placed = new Map(design.nodes.map((n) => [n.id, layout.positions[n.id] ?? n.position]));
  return {
    ...design,
    groups: design.groups.map((g) => {
      const p = layout.positions[g.id];
      const size = layout.groupSizes[g.id];
      return { ...g, ...(p ? { position: whole(p) } : {}), ...(size ? { size: { width: Math.round(size.width), height: Math.round(size.height) } } : {}) };
    }),
    nodes: design.nodes.map((n) => {
      const p = layout.positions[n.id];
      return p ? { ...n, position: whole(p) } : n;
    }),
    edges: design.edges.map((e) => {
      const { path: _old, sourceSide: _from, targetSide: _to, ...rest } = e;
      const path = layout.paths[e.id]?.map(whole);
      const from = placed.get(e.source);
      const to = placed.get(e.target);
      if (!path || !from || !to) return rest;
      return { ...rest, path, sourceSide: nearestSide(path[0]!, whole(from)), targetSide: nearestSide(path[path.length - 1]!, whole(to)) };
    }),
  };
}

/**
 * Above this many components auto-layout tries only left to right: two layouts would double a wait
 * of seconds, and neither fits readably anyway (60 cards of 188 x 64 px with their spacing cover
 * about 1.3 million px², against some 0.3 million px² of canvas at 1440 x 900).
 */
export const MAX_COMPONENTS_FOR_BOTH_DIRECTIONS = 60;

/**
 * Top to bottom is kept only when it fits the canvas at a zoom at least this much larger (10%):
 * left to right is how the issue asks diagrams to read (calls flowing across the page, as in most
 * architecture pictures), so it wins a near tie.
 */
const DOWN_ADVANTAGE = 1.1;

/** The directions worth laying the design out in. */
export function candidateDirections(design: Design): LayoutDirection[] {
  return design.nodes.length <= MAX_COMPONENTS_FOR_BOTH_DIRECTIONS ? ['RIGHT', 'DOWN'] : ['RIGHT'];
}

/**
 * Of a design laid out in each candidate direction, the one that fits the canvas (px) at the larger
 * zoom, so its labels are larger on screen: with 188 x 64 px cards on a wide canvas that is mostly
 * top to bottom (a column of cards is a third as tall as a row is wide).
 */
export function pickLayout<T extends { direction: LayoutDirection; layout: LayoutResult }>(design: Design, layouts: readonly T[], canvas: { width: number; height: number }): T {
  const scored = layouts.map((l) => ({ l, zoom: fitZoom(laidOut(design, l.layout), canvas) * (l.direction === 'RIGHT' ? DOWN_ADVANTAGE : 1) }));
  if (scored.length === 0) throw new Error('No layout to choose from.');
  return scored.reduce((best, s) => (s.zoom > best.zoom ? s : best)).l;
}

/** A direction in the learner's words. */
export const DIRECTION_WORDS: Record<LayoutDirection, string> = { RIGHT: 'left to right', DOWN: 'top to bottom' };

/**
 * Auto-layout of the design for a canvas of this size (px): ELK (runElk: in the layout worker in
 * the app, in-process in Node) lays it out in each candidate direction and the one that reads
 * largest is kept. onStage hears each step in the learner's words.
 */
export async function layOut(
  design: Design,
  canvas: { width: number; height: number },
  runElk: (graph: ElkNode) => Promise<ElkNode>,
  onStage: (stage: string) => void = () => undefined,
): Promise<{ direction: LayoutDirection; layout: LayoutResult }> {
  const directions = candidateDirections(design);
  const groupIds = new Set(design.groups.map((g) => g.id));
  const what = `${design.nodes.length} component${design.nodes.length === 1 ? '' : 's'}`;
  const layouts = [];
  for (const [i, direction] of directions.entries()) {
    onStage(directions.length > 1 ? `Arranging ${what}: ${DIRECTION_WORDS[direction]} (${i + 1} of ${directions.length})…` : `Arranging ${what}…`);
    layouts.push({ direction, layout: fromElkGraph(await runElk(toElkGraph(design, direction)), groupIds) });
  }
  return pickLayout(design, layouts, canvas);
}

// A diagram drawn in another tool (draw.io, Excalidraw) as an ArchLab design. Each reader turns its
// file into a Drawing: boxes with labels, containers around boxes, and arrows between boxes. This
// file turns a Drawing into components (kind guessed from the label, as for Mermaid), zones and
// regions (containers; one inside another is a zone in a region), and connections (dashed arrows
// are async messages). The drawing's own layout is kept, spread out so cards do not overlap.
import { defaultParams } from './catalog';
import { NODE_SIZE as CARD } from './card';
import { guessKind } from './kind-guess';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode, EdgeMode } from './types';

export type DrawingImport = { ok: true; design: Design; notes: string[] } | { ok: false; errors: string[] };

/** A shape in the drawing, in the drawing's absolute coordinates (px). */
export interface DrawnBox {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The container it sits in, if any. */
  parent?: string;
}

export interface DrawnArrow {
  source: string;
  target: string;
  dashed: boolean;
  label: string;
}

export interface Drawing {
  boxes: DrawnBox[];
  /** Boxes that hold other boxes: they become zones and regions, not components. */
  containers: DrawnBox[];
  arrows: DrawnArrow[];
  /** What the reader left out, in the user's words. */
  notes: string[];
}

const GAP = { x: 60, y: 36 }; // px kept free between neighbouring cards (room for a connection's text)
const GROUP_PADDING = 40; // px inside a zone around its components, room for its title
const MAX_COMPONENTS = 2000; // the largest design a hand-drawn diagram plausibly is; bigger files are refused
const MAX_LABEL = 120; // characters of a label kept; drawing tools allow paragraphs

/** Plain text of a label that may hold HTML (draw.io's html=1 labels): tags dropped, entities read, spaces folded. */
export function plainLabel(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1]?.toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return named[ref.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_LABEL);
}

const centre = (b: DrawnBox) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  return Math.abs(a.x - b.x) < CARD.width + GAP.x / 2 && Math.abs(a.y - b.y) < CARD.height + GAP.y / 2;
}

/** Card positions: the drawing's centres, spread out just enough that no two cards overlap. */
function placeCards(boxes: DrawnBox[]): Map<string, { x: number; y: number }> {
  const centres = boxes.map(centre);
  let scale = 1;
  // Drawings use smaller shapes than ArchLab's cards: widen until the cards fit (at most 16x).
  for (let tries = 0; tries < 5; tries++) {
    const placed = centres.map((c) => ({ x: c.x * scale, y: c.y * scale }));
    let clash = false;
    outer: for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) if (overlaps(placed[i]!, placed[j]!)) { clash = true; break outer; }
    if (!clash) break;
    scale *= 2;
  }
  const positions = new Map<string, { x: number; y: number }>();
  boxes.forEach((b, i) => positions.set(b.id, { x: Math.round(centres[i]!.x * scale - CARD.width / 2), y: Math.round(centres[i]!.y * scale - CARD.height / 2) }));
  // Shapes drawn on top of each other still clash: nudge later ones down until free.
  const taken: { x: number; y: number }[] = [];
  for (const b of boxes) {
    const p = positions.get(b.id)!;
    while (taken.some((t) => overlaps(t, p))) p.y += CARD.height + GAP.y;
    taken.push(p);
  }
  return positions;
}

/**
 * Sizes each zone and region to take in its components and zones with room for its title, inner
 * groups first so a region takes in its zones' finished boxes. Gives back the groups with nothing
 * in them (left with a zero size).
 */
export function fitGroupsAroundMembers(design: Pick<Design, 'nodes' | 'groups'>): DesignGroup[] {
  const depth = (g: DesignGroup): number => {
    const parent = design.groups.find((p) => p.id === g.parentId);
    return parent ? 1 + depth(parent) : 0;
  };
  const empty: DesignGroup[] = [];
  for (const g of [...design.groups].sort((a, b) => depth(b) - depth(a))) {
    const rects = [
      ...design.nodes.filter((n) => n.groupId === g.id).map((n) => ({ x: n.position.x, y: n.position.y, w: CARD.width, h: CARD.height })),
      ...design.groups.filter((c) => c.parentId === g.id && c.size.width > 0).map((c) => ({ x: c.position.x, y: c.position.y, w: c.size.width, h: c.size.height })),
    ];
    if (rects.length === 0) {
      empty.push(g);
      continue;
    }
    const minX = Math.min(...rects.map((r) => r.x)) - GROUP_PADDING;
    const minY = Math.min(...rects.map((r) => r.y)) - GROUP_PADDING;
    g.position = { x: minX, y: minY };
    g.size = { width: Math.max(...rects.map((r) => r.x + r.w)) + GROUP_PADDING - minX, height: Math.max(...rects.map((r) => r.y + r.h)) + GROUP_PADDING / 2 - minY };
  }
  return empty;
}

/** The Drawing as a design; `source` names the tool in messages ("draw.io diagram"). */
export function drawingToDesign(drawing: Drawing, name: string, source: string): DrawingImport {
  const notes = [...drawing.notes];
  if (drawing.boxes.length === 0) return { ok: false, errors: [`the ${source} has no labelled shapes to turn into components`] };
  if (drawing.boxes.length > MAX_COMPONENTS) return { ok: false, errors: [`the ${source} has ${drawing.boxes.length} shapes; ArchLab imports at most ${MAX_COMPONENTS}`] };

  // Ids of our own: the drawing's may be long, repeated across pages, or look like anything.
  const ids = new Map<string, string>();
  const own = (prefix: string, drawnId: string) => {
    const id = `${prefix}${ids.size + 1}`;
    ids.set(drawnId, id);
    return id;
  };
  const containerIds = new Set(drawing.containers.map((c) => c.id));
  const groups: DesignGroup[] = drawing.containers.map((c) => ({ id: own('g', c.id), kind: 'zone', label: c.label || 'Zone', position: { x: 0, y: 0 }, size: { width: 0, height: 0 } }));
  drawing.containers.forEach((c, i) => {
    if (c.parent && containerIds.has(c.parent) && c.parent !== c.id) groups[i]!.parentId = ids.get(c.parent)!;
  });
  // One level of nesting, as in ArchLab: an outer container is a region, the inner ones zones in it.
  for (const g of groups) {
    if (groups.some((child) => child.parentId === g.id)) {
      g.kind = 'region';
      delete g.parentId; // regions sit at the top
    }
  }
  for (const g of groups) if (g.parentId && groups.find((p) => p.id === g.parentId)?.kind !== 'region') delete g.parentId;

  const unknown: string[] = [];
  const positions = placeCards(drawing.boxes);
  const nodes: DesignNode[] = drawing.boxes.map((b) => {
    let kind: ComponentKind | null = guessKind(b.label);
    if (!kind) {
      unknown.push(b.label);
      kind = 'service';
    }
    const groupId = b.parent && containerIds.has(b.parent) ? ids.get(b.parent) : undefined;
    return { id: own('n', b.id), kind, label: b.label, params: defaultParams(kind), position: positions.get(b.id)!, ...(groupId ? { groupId } : {}) };
  });
  if (unknown.length) notes.push(`Not recognised, added as services: ${unknown.slice(0, 12).map((l) => `“${l}”`).join(', ')}${unknown.length > 12 ? ` and ${unknown.length - 12} more` : ''}. Change their kind by replacing them from the palette if they are something else.`);

  const byDrawnId = new Map(drawing.boxes.map((b) => [b.id, ids.get(b.id)!]));
  const edges: DesignEdge[] = [];
  const seen = new Set<string>();
  let loose = 0;
  for (const a of drawing.arrows) {
    const source = byDrawnId.get(a.source);
    const target = byDrawnId.get(a.target);
    if (!source || !target) {
      loose++;
      continue;
    }
    if (source === target || seen.has(`${source}\n${target}`)) continue;
    seen.add(`${source}\n${target}`);
    const share = /(\d+(?:\.\d+)?)\s*%/.exec(a.label);
    const calls = /(?:^|\s)[x×]\s*(\d+(?:\.\d+)?)/i.exec(a.label);
    const mode: EdgeMode = a.dashed || /\basync\b/i.test(a.label) ? 'async' : 'sync';
    edges.push({
      id: `e${edges.length + 1}`,
      source,
      target,
      mode,
      share: share ? Math.min(1, Number(share[1]) / 100) : 1,
      callsPerRequest: calls && Number(calls[1]) > 0 ? Number(calls[1]) : 1,
      ...(a.label && !share && !calls ? { label: a.label } : {}),
    });
  }
  if (loose) notes.push(`Left out ${loose} arrow${loose === 1 ? '' : 's'} not attached to a shape at both ends.`);

  for (const g of fitGroupsAroundMembers({ nodes, groups })) notes.push(`Left out the empty container “${g.label}”.`);
  const kept = groups.filter((g) => g.size.width > 0);
  const keptIds = new Set(kept.map((g) => g.id));
  for (const n of nodes) if (n.groupId && !keptIds.has(n.groupId)) delete n.groupId;
  return { ok: true, design: { id: 'imported', name, nodes, edges, groups: kept }, notes };
}

// When a view holds too many cards and connections to draw as live elements, the canvas draws the
// design as a flat picture instead (canvas/Overview.tsx): a handful of SVG paths, whatever the size.
// Pure geometry on the design, so it is tested without a browser.
import { NODE_SIZE } from '../model/card';
import { handlePoints } from '../model/connection-geometry';
import type { Design } from '../model/types';

/**
 * Cards plus connections in view above which the canvas draws the overview. Each live card or
 * connection costs React Flow a few DOM elements, event handlers and store selectors; measured in
 * Chromium on this project's 2-core machine, mounting about 1,000 of them took 0.3 to 0.6 s (see
 * `npm run bench -- --only bigImport`), so this keeps a zoom or a pan that brings them all into view
 * under half a second, while a 500-component design fitted on screen (1,300 elements, the canvas
 * benchmark's) is still drawn live.
 */
export const LIVE_ELEMENT_BUDGET = 1500;

export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of the diagram (flow px) a canvas of `width` x `height` screen px shows at React Flow's transform [x, y, zoom]. */
export function viewRect(transform: readonly [number, number, number], width: number, height: number): ViewRect {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom };
}

/** Whether the whole design, all in view, would pass the budget: only then can a view need the overview. */
export const overBudget = (design: Pick<Design, 'nodes' | 'edges'>, budget = LIVE_ELEMENT_BUDGET) => design.nodes.length + design.edges.length > budget;

/**
 * Whether the live elements in `view` (cards that overlap it, and connections with an end on such a
 * card) pass `budget`. Stops counting at the budget, so a pan across a huge design stays cheap.
 */
export function tooManyInView(design: Pick<Design, 'nodes' | 'edges'>, view: ViewRect, budget = LIVE_ELEMENT_BUDGET): boolean {
  if (!overBudget(design, budget)) return false;
  const inView = new Set<string>();
  for (const n of design.nodes) {
    const p = n.position;
    if (p.x < view.x + view.width && p.x + NODE_SIZE.width > view.x && p.y < view.y + view.height && p.y + NODE_SIZE.height > view.y) {
      inView.add(n.id);
      if (inView.size > budget) return true;
    }
  }
  let count = inView.size;
  for (const e of design.edges) {
    if (inView.has(e.source) || inView.has(e.target)) {
      count++;
      if (count > budget) return true;
    }
  }
  return false;
}

/** The view widened by half its size on every side: connections live on a big design are those with an end on a card in here, so a pan changes them only now and then. */
export function widened(view: ViewRect): ViewRect {
  return { x: view.x - view.width / 2, y: view.y - view.height / 2, width: view.width * 2, height: view.height * 2 };
}

/** Ids of the cards that overlap `view`. */
export function cardsIn(design: Pick<Design, 'nodes'>, view: ViewRect): Set<string> {
  const ids = new Set<string>();
  for (const n of design.nodes) {
    const p = n.position;
    if (p.x < view.x + view.width && p.x + NODE_SIZE.width > view.x && p.y < view.y + view.height && p.y + NODE_SIZE.height > view.y) ids.add(n.id);
  }
  return ids;
}

/** SVG path data for the overview: one path per colour, so thousands of cards are a few elements. */
export interface OverviewPaths {
  /** Cards by fill colour. */
  cards: { color: string; d: string }[];
  /** Connections by mode, as straight lines from the caller's right side to the callee's left side. */
  sync: string;
  async: string;
}

export function overviewPaths(design: Pick<Design, 'nodes' | 'edges'>, colorOf: (kind: Design['nodes'][number]['kind']) => string): OverviewPaths {
  const byColor = new Map<string, string[]>();
  const positions = new Map<string, Design['nodes'][number]['position']>();
  const { width, height } = NODE_SIZE;
  for (const n of design.nodes) {
    positions.set(n.id, n.position);
    const color = colorOf(n.kind);
    let parts = byColor.get(color);
    if (!parts) byColor.set(color, (parts = []));
    parts.push(`M${n.position.x} ${n.position.y}h${width}v${height}h${-width}z`);
  }
  const lines = { sync: [] as string[], async: [] as string[] };
  for (const e of design.edges) {
    const from = positions.get(e.source);
    const to = positions.get(e.target);
    if (!from || !to) continue;
    const { source, target } = handlePoints(from, to);
    lines[e.mode].push(`M${source.x} ${source.y}L${target.x} ${target.y}`);
  }
  return { cards: [...byColor].map(([color, parts]) => ({ color, d: parts.join('') })), sync: lines.sync.join(''), async: lines.async.join('') };
}

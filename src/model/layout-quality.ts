// How readable auto-layout leaves a set of designs: connections drawn under cards (hidden where
// they pass, so a reader cannot follow them) and the zoom "Fit view" needs (the cards' 13 px labels
// shrink with it). Measured by tests and `npm run bench -- --only layout`.
import { fitZoom } from './fit';
import { cardRect, connectionLine, connectionsUnderCards, labelPoint, labelSize, overlaps } from './connection-geometry';
import { edgeLabel } from './edge-label';
import { routeEdges } from './routing';
import type { Design } from './types';

/** px: the canvas in the app at a 1440 x 900 window with the side panels and results open (measured in Chromium). */
export const CANVAS_AT_1440 = { width: 880, height: 547 } as const;
/** px: the same at a 1280 x 800 window, the smaller laptop screen the app is made to fit (measured in Chromium). */
export const CANVAS_AT_1280 = { width: 720, height: 447 } as const;

export interface LayoutFigures {
  designs: number;
  connections: number;
  /** Connections drawn under at least one card. */
  underCards: number;
  /** Connection labels (shares, calls, async), and those whose box covers part of a card. */
  labels: number;
  labelsOverCards: number;
  /** "Fit view" zoom (1 = 100%) on the canvas: the median and the smallest over the designs. */
  medianFitZoom: number;
  minFitZoom: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each connection label the canvas draws, with the cards its box covers where the canvas puts it (none, mostly). */
function labelBoxes(design: Design): { edgeId: string; cardIds: string[] }[] {
  const at = new Map(design.nodes.map((n) => [n.id, n.position]));
  const cards = design.nodes.map((n) => ({ id: n.id, rect: cardRect(n.position) }));
  const rects = cards.map((c) => c.rect);
  const routes = routeEdges(design);
  return design.edges.flatMap((e) => {
    const text = edgeLabel(e, routes.get(e.id));
    const from = at.get(e.source);
    const to = at.get(e.target);
    if (!text || !from || !to) return [];
    const size = labelSize(text);
    const c = labelPoint(connectionLine(e, from, to), size, rects);
    const box = { x: c.x - size.width / 2, y: c.y - size.height / 2, ...size };
    return [{ edgeId: e.id, cardIds: cards.filter((card) => overlaps(card.rect, box)).map((card) => card.id) }];
  });
}

/** Connection labels that cover part of a card, with the cards they cover. */
export function labelsOverCards(design: Design): { edgeId: string; cardIds: string[] }[] {
  return labelBoxes(design).filter((l) => l.cardIds.length > 0);
}

export function layoutFigures(designs: readonly Design[], canvas: { width: number; height: number } = CANVAS_AT_1440): LayoutFigures {
  const zooms = designs.map((d) => fitZoom(d, canvas));
  const labels = designs.flatMap(labelBoxes);
  return {
    designs: designs.length,
    connections: designs.reduce((a, d) => a + d.edges.length, 0),
    underCards: designs.reduce((a, d) => a + connectionsUnderCards(d).length, 0),
    labels: labels.length,
    labelsOverCards: labels.filter((l) => l.cardIds.length > 0).length,
    medianFitZoom: zooms.length ? median(zooms) : 1,
    minFitZoom: zooms.length ? Math.min(...zooms) : 1,
  };
}

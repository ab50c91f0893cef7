// How readable auto-layout leaves a set of designs: connections drawn under cards (hidden where
// they pass, so a reader cannot follow them) and the zoom "Fit view" needs (the cards' 13 px labels
// shrink with it). Measured by tests and `npm run bench -- --only layout`.
import { fitZoom } from './card';
import { connectionsUnderCards } from './connection-geometry';
import type { Design } from './types';

/** px: the canvas in the app at a 1440 x 900 window with the side panels and results open (measured in Chromium). */
export const CANVAS_AT_1440 = { width: 880, height: 547 } as const;

export interface LayoutFigures {
  designs: number;
  connections: number;
  /** Connections drawn under at least one card. */
  underCards: number;
  /** "Fit view" zoom (1 = 100%) on the canvas: the median and the smallest over the designs. */
  medianFitZoom: number;
  minFitZoom: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function layoutFigures(designs: readonly Design[], canvas: { width: number; height: number } = CANVAS_AT_1440): LayoutFigures {
  const zooms = designs.map((d) => fitZoom(d, canvas));
  return {
    designs: designs.length,
    connections: designs.reduce((a, d) => a + d.edges.length, 0),
    underCards: designs.reduce((a, d) => a + connectionsUnderCards(d).length, 0),
    medianFitZoom: zooms.length ? median(zooms) : 1,
    minFitZoom: zooms.length ? Math.min(...zooms) : 1,
  };
}

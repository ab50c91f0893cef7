import type { CardSide, Design } from './types';

/** px: the canvas draws every component as a card of this size; layouts, imports and checks place cards by it. */
export const NODE_SIZE = { width: 188, height: 64 } as const;

/**
 * px from a card's top left: the box of its connection dot on each side (10 px square) as the
 * browser lays it out from styles.css, measured in Chromium. The canvas tells React Flow where they are (canvas/Canvas.tsx says why);
 * tests/e2e/big-design.spec.ts checks them against the page.
 */
export const CARD_HANDLE_BOXES = {
  top: { x: 90.5, y: -2, width: 10, height: 10 },
  right: { x: 182, y: 29, width: 10, height: 10 },
  bottom: { x: 90.5, y: 58, width: 10, height: 10 },
  left: { x: -1, y: 29, width: 10, height: 10 },
} as const satisfies Record<CardSide, { x: number; y: number; width: number; height: number }>;

/** px: room kept free when fitting the diagram to the canvas; the right side is where the mini map sits (150 px wide). */
export const FIT_PADDING_PX = { top: 48, bottom: 40, left: 72, right: 190 } as const;

/**
 * Fitting never zooms in past 100%: a lone component fitted to the screen filled it at 2.5x, with
 * "+" disabled. At 100% the cards' 13 px labels are read at the size they were drawn for.
 */
export const FIT_MAX_ZOOM = 1;

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box around every card and group of the design; null when it has none. */
export function diagramBounds(design: Pick<Design, 'nodes' | 'groups'>): Bounds | null {
  const boxes = [
    ...design.groups.map((g) => ({ x: g.position.x, y: g.position.y, w: g.size.width, h: g.size.height })),
    ...design.nodes.map((n) => ({ x: n.position.x, y: n.position.y, w: NODE_SIZE.width, h: NODE_SIZE.height })),
  ];
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.w)) - x, height: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

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

/**
 * px: what sits over the canvas's bottom corners, margins to the canvas's edge included, as
 * Chromium lays them out (styles.css, React Flow's own styles): the mini map (150 x 96) on the
 * right, the zoom controls (+, -, fit, percent) on the left.
 */
export const CANVAS_CORNERS = { miniMap: { width: 165, height: 112 }, controls: { width: 140, height: 46 } } as const;

/**
 * px: room kept between the drawing and the canvas's edge: React Flow pans the view while a drag
 * comes within 40 px of the edge, so a card fitted closer would set the view moving when nudged
 * or boxed in.
 */
export const FIT_EDGE_PX = 40;
/** px: room kept between the drawing and a control over the canvas's corner. */
export const FIT_CONTROL_GAP_PX = 12;

/**
 * px: two frames the drawing is fitted into, clear of the corners' controls: beside the mini map
 * (a column kept free on the right) or above it (a row kept free at the bottom). A wide, short
 * design reads larger above it, a tall one beside it; "Fit view" takes whichever zooms larger.
 * At 1280 x 800 a strip the mini map's width down the whole right side cost a wide design a
 * quarter of the canvas.
 */
export const FIT_FRAMES = {
  besideMiniMap: {
    top: FIT_EDGE_PX,
    left: FIT_EDGE_PX,
    right: CANVAS_CORNERS.miniMap.width + FIT_CONTROL_GAP_PX,
    bottom: Math.max(FIT_EDGE_PX, CANVAS_CORNERS.controls.height + FIT_CONTROL_GAP_PX),
  },
  aboveMiniMap: { top: FIT_EDGE_PX, left: FIT_EDGE_PX, right: FIT_EDGE_PX, bottom: CANVAS_CORNERS.miniMap.height + FIT_CONTROL_GAP_PX },
} as const;

/**
 * Fitting never zooms in past 100%: a lone component fitted to the screen filled it at 2.5x, with
 * "+" disabled. At 100% the cards' 13 px labels are read at the size they were drawn for.
 */
export const FIT_MAX_ZOOM = 1;

/**
 * A design opened (the example, a scenario, a file, a link) is shown at no less than this zoom,
 * from its top left (where a left-to-right design's clients are), the rest reached by panning or
 * "Fit view": at 1280 x 800 the example fitted at 35%, where a card's name is under 5 px tall.
 * At 50% cards show their names at CARD_NAME_MIN_SCREEN_PX (cardNamePx below), and a name of two
 * words and a tag ("Load balancer (US)", "DNS (nearest region)") still fits its two lines; at
 * 45% those were cut short.
 */
export const OPEN_MIN_ZOOM = 0.5;

/** px: a card's name at 100% (styles.css .component-label). */
export const CARD_NAME_PX = 13;
/** px on screen: cards keep their names at least this tall when zoomed out; the smallest text the app draws elsewhere (load badges, a zone's kind) is 10 px. */
export const CARD_NAME_MIN_SCREEN_PX = 10;
/** px: the room a card's name has when shown alone (name-only cards, styles.css): the card less its borders, accent stripe and padding. */
export const CARD_NAME_BOX = { width: NODE_SIZE.width - 4 - 1 - 2 * 6, height: NODE_SIZE.height - 2 - 2 * 4 } as const;
/** Line height of a name-only card's name, in ems (styles.css). */
export const CARD_NAME_LINE = 1.15;
/** Zoom steps per 100% the name-only font follows (steps of 5%), so a zoom re-lays the cards' text out a few times, not on every frame. */
const NAME_ZOOM_STEPS = 20;

/**
 * The font size (flow px) of a card's name at this zoom when its card shows the name only (icon
 * and kind hidden), or null where the normal card's 13 px name is at least CARD_NAME_MIN_SCREEN_PX
 * on screen. The size is at least CARD_NAME_MIN_SCREEN_PX on screen and at most what lets two
 * lines fit the card (which holds down to a zoom of about 0.43).
 */
export function cardNamePx(zoom: number): number | null {
  if (CARD_NAME_PX * zoom >= CARD_NAME_MIN_SCREEN_PX) return null;
  // The step at or below the zoom (the epsilon keeps 0.45 from flooring to 0.40).
  const step = Math.max(1, Math.floor(zoom * NAME_ZOOM_STEPS + 1e-9)) / NAME_ZOOM_STEPS;
  const twoLines = CARD_NAME_BOX.height / (2 * CARD_NAME_LINE);
  return Math.min(twoLines, Math.ceil((10 * CARD_NAME_MIN_SCREEN_PX) / step) / 10);
}

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

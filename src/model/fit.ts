// What "Fit view" fits: every card and group and every connection as drawn, a path auto-layout ran
// around the outside of the cards or a curve bulging out included. The canvas fits the view to it,
// the picture export frames it, and the layout measures read its zoom.
import { diagramBounds, FIT_FRAMES, FIT_MAX_ZOOM, OPEN_MIN_ZOOM, type Bounds } from './card';
import { connectionLine, lineBox } from './connection-geometry';
import type { Design } from './types';

/** The box around the cards, the groups and the connections as drawn; null when there are no cards or groups. */
export function drawingBounds(design: Design): Bounds | null {
  const b = diagramBounds(design);
  if (!b) return null;
  const at = new Map(design.nodes.map((n) => [n.id, n.position]));
  // A loop, not Math.min(...boxes): 20,000 connections are too many to spread.
  let [x0, y0, x1, y1] = [b.x, b.y, b.x + b.width, b.y + b.height];
  for (const e of design.edges) {
    const from = at.get(e.source);
    const to = at.get(e.target);
    if (!from || !to) continue;
    const box = lineBox(connectionLine(e, from, to));
    x0 = Math.min(x0, box.x0);
    y0 = Math.min(y0, box.y0);
    x1 = Math.max(x1, box.x1);
    y1 = Math.max(y1, box.y1);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** React Flow's viewport: the screen position (px) of the diagram's origin, and the zoom (1 = 100%). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

type Frame = (typeof FIT_FRAMES)[keyof typeof FIT_FRAMES];
type Canvas = { width: number; height: number };

/** The largest zoom (never past FIT_MAX_ZOOM) that shows the whole box inside the frame. */
const zoomInFrame = (b: Bounds, canvas: Canvas, f: Frame) =>
  Math.min(FIT_MAX_ZOOM, (canvas.width - f.left - f.right) / b.width, (canvas.height - f.top - f.bottom) / b.height);

/** The box at this zoom in the frame: centred along a side it fits, from the frame's start along one it overflows. */
function placeInFrame(b: Bounds, canvas: Canvas, f: Frame, zoom: number): Viewport {
  const along = (start: number, room: number, from: number, size: number) => start + Math.max(0, (room - size * zoom) / 2) - from * zoom;
  return {
    x: along(f.left, canvas.width - f.left - f.right, b.x, b.width),
    y: along(f.top, canvas.height - f.top - f.bottom, b.y, b.height),
    zoom,
  };
}

/**
 * "Fit view": the whole box in whichever frame clear of the corner controls (model/card.ts) shows
 * it larger; minZoom is the canvas's smallest zoom (a box too big to fit there is centred on it).
 */
export function fitViewport(b: Bounds, canvas: Canvas, minZoom = 0): Viewport {
  const beside = zoomInFrame(b, canvas, FIT_FRAMES.besideMiniMap);
  const above = zoomInFrame(b, canvas, FIT_FRAMES.aboveMiniMap);
  const frame = above >= beside ? FIT_FRAMES.aboveMiniMap : FIT_FRAMES.besideMiniMap;
  return placeInFrame(b, canvas, frame, Math.max(minZoom, above, beside));
}

/**
 * A design just opened: fitted, but at no less than OPEN_MIN_ZOOM, from its top left where it
 * does not fit (model/card.ts says why). A design that would need more than twice its fit zoom
 * (a 300-component import, say) is first shown whole: its shape tells more than one corner of it.
 */
export function openingViewport(b: Bounds, canvas: Canvas, minZoom = 0): Viewport {
  const fit = fitViewport(b, canvas, minZoom);
  return fit.zoom >= OPEN_MIN_ZOOM || fit.zoom < OPEN_MIN_ZOOM / 2 ? fit : placeInFrame(b, canvas, FIT_FRAMES.aboveMiniMap, OPEN_MIN_ZOOM);
}

/** The zoom "Fit view" picks for the design on a canvas of this size (px). */
export function fitZoom(design: Design, canvas: Canvas): number {
  const b = drawingBounds(design);
  return b ? fitViewport(b, canvas).zoom : FIT_MAX_ZOOM;
}

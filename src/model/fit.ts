// What "Fit view" fits: every card and group and every connection as drawn, a path auto-layout ran
// around the outside of the cards or a curve bulging out included. The canvas fits the view to it,
// the picture export frames it, and the layout measures read its zoom.
import { diagramBounds, FIT_MAX_ZOOM, FIT_PADDING_PX, type Bounds } from './card';
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

/** The zoom "Fit view" picks for the design on a canvas of this size (px), as React Flow's getViewportForBounds computes it with FIT_PADDING_PX. */
export function fitZoom(design: Design, canvas: { width: number; height: number }): number {
  const b = drawingBounds(design);
  if (!b) return FIT_MAX_ZOOM;
  const p = FIT_PADDING_PX;
  return Math.min(FIT_MAX_ZOOM, (canvas.width - p.left - p.right) / b.width, (canvas.height - p.top - p.bottom) / b.height);
}

// What a design looks like when it is opened or fitted to the screen (issue 13): the whole drawing
// clear of the mini map and the zoom controls, a design opened at a zoom its cards' names read at,
// and cards that keep their names, at least 10 px on screen, when zoomed out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANVAS_CORNERS, FIT_EDGE_PX, CARD_NAME_BOX, CARD_NAME_LINE, CARD_NAME_MIN_SCREEN_PX, CARD_NAME_PX, cardNamePx, FIT_MAX_ZOOM, OPEN_MIN_ZOOM, type Bounds } from '../../src/model/card';
import { drawingBounds, fitViewport, fitZoom, openingViewport, type Viewport } from '../../src/model/fit';
import { exampleDesign } from '../../src/model/example';
import { CANVAS_AT_1280, CANVAS_AT_1440, layoutFigures } from '../../src/model/layout-quality';
import { bundledScenarios } from './helpers/bundled-scenario';

type Canvas = { width: number; height: number };

/** The box on screen (px) at this viewport. */
const onScreen = (b: Bounds, v: Viewport) => ({ x0: v.x + b.x * v.zoom, y0: v.y + b.y * v.zoom, x1: v.x + (b.x + b.width) * v.zoom, y1: v.y + (b.y + b.height) * v.zoom });

/** Where the box on screen comes near the canvas's edge or meets a corner's controls; empty when it is clear of all. */
function clashes(b: Bounds, v: Viewport, canvas: Canvas): string[] {
  const s = onScreen(b, v);
  const out: string[] = [];
  const eps = 1e-6;
  // Within 40 px of an edge a drag pans the view (React Flow), so the drawing keeps out of that band.
  const e = FIT_EDGE_PX;
  if (s.x0 < e - eps || s.y0 < e - eps || s.x1 > canvas.width - e + eps || s.y1 > canvas.height - e + eps) out.push('in the band along the canvas edge');
  const { miniMap, controls } = CANVAS_CORNERS;
  const meets = (x0: number, y0: number, x1: number, y1: number) => s.x0 < x1 - eps && x0 < s.x1 - eps && s.y0 < y1 - eps && y0 < s.y1 - eps;
  if (meets(canvas.width - miniMap.width, canvas.height - miniMap.height, canvas.width, canvas.height)) out.push('under the mini map');
  if (meets(0, canvas.height - controls.height, controls.width, canvas.height)) out.push('under the zoom controls');
  return out;
}

const bounds = fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }), width: fc.integer({ min: 188, max: 6000 }), height: fc.integer({ min: 64, max: 6000 }) });
const canvases = fc.record({ width: fc.integer({ min: 500, max: 2400 }), height: fc.integer({ min: 350, max: 1400 }) });

describe('fit view', () => {
  it('shows the whole drawing, clear of the mini map and the zoom controls, never past 100%', () => {
    fc.assert(
      fc.property(bounds, canvases, (b, canvas) => {
        const v = fitViewport(b, canvas);
        expect(v.zoom).toBeLessThanOrEqual(FIT_MAX_ZOOM);
        expect(clashes(b, v, canvas)).toEqual([]);
      }),
    );
  });

  it('a wide, short drawing uses the width beside the mini map: the old fixed strip for it cost the example a third of its zoom at 1280 x 800', () => {
    const wide = { x: 0, y: 0, width: 1400, height: 300 };
    const v = fitViewport(wide, CANVAS_AT_1280);
    // Only the canvas's edges (40 px kept at each) and the mini map's height limit it: (720 - 2 x 40) / 1400.
    expect(v.zoom).toBeCloseTo(640 / 1400, 6);
    expect(clashes(wide, v, CANVAS_AT_1280)).toEqual([]);
    // The old frame (72 px left, 190 px right for the mini map): (720 - 262) / 1400 = 0.327.
    expect(v.zoom).toBeGreaterThan(458 / 1400 + 0.1);
  });
});

describe('a design just opened', () => {
  it('is shown whole when it fits at OPEN_MIN_ZOOM or more', () => {
    const small = { x: 0, y: 0, width: 600, height: 200 };
    expect(openingViewport(small, CANVAS_AT_1280)).toEqual(fitViewport(small, CANVAS_AT_1280));
  });

  it('is shown at OPEN_MIN_ZOOM from its top left when it fits only smaller, the rest reached by panning', () => {
    const wide = { x: -100, y: 50, width: 2000, height: 500 };
    expect(fitViewport(wide, CANVAS_AT_1280).zoom).toBeLessThan(OPEN_MIN_ZOOM);
    const v = openingViewport(wide, CANVAS_AT_1280);
    expect(v.zoom).toBe(OPEN_MIN_ZOOM);
    const s = onScreen(wide, v);
    expect(s.x0).toBeCloseTo(40, 6); // its left edge at the frame's left
    expect(s.y0).toBeGreaterThanOrEqual(40 - 1e-6); // its top in view
    expect(s.x1).toBeGreaterThan(CANVAS_AT_1280.width); // the rest off to the right
  });

  it('is shown whole when it needs more than twice its fit zoom to read (a big import: its shape first)', () => {
    const huge = { x: 0, y: 0, width: 8000, height: 3000 };
    expect(openingViewport(huge, CANVAS_AT_1280)).toEqual(fitViewport(huge, CANVAS_AT_1280));
  });

  it('every bundled scenario design and the example open at OPEN_MIN_ZOOM or more at 1280 x 800', () => {
    const designs = [exampleDesign(), ...bundledScenarios().map((s) => s.design)];
    const low = designs.filter((d) => openingViewport(drawingBounds(d)!, CANVAS_AT_1280).zoom < OPEN_MIN_ZOOM).map((d) => d.name);
    expect(low).toEqual([]);
  });

  it('the example is read whole at 1280 x 800 (fit zoom 0.35 before its compact layout and the new frames), with no connection under a card or label over one', () => {
    const d = exampleDesign();
    expect(fitZoom(d, CANVAS_AT_1280)).toBeGreaterThanOrEqual(0.5);
    expect(fitZoom(d, CANVAS_AT_1440)).toBeGreaterThanOrEqual(0.6);
    const f = layoutFigures([d], CANVAS_AT_1280);
    expect(f.underCards).toBe(0);
    expect(f.labelsOverCards).toBe(0);
  });
});

describe('card names when zoomed out', () => {
  it('are at least 10 px on screen and fit the card on two lines from the opening zoom floor up', () => {
    for (let zoom = OPEN_MIN_ZOOM; zoom <= 2.5; zoom += 0.001) {
      const px = cardNamePx(zoom);
      const shown = px ?? CARD_NAME_PX;
      expect(shown * zoom, `at ${zoom}`).toBeGreaterThanOrEqual(CARD_NAME_MIN_SCREEN_PX);
      if (px !== null) expect(2 * px * CARD_NAME_LINE, `at ${zoom}`).toBeLessThanOrEqual(CARD_NAME_BOX.height);
    }
  });

  it('keep the normal card at 100% and wherever 13 px reads', () => {
    expect(cardNamePx(1)).toBeNull();
    expect(cardNamePx(CARD_NAME_MIN_SCREEN_PX / CARD_NAME_PX)).toBeNull();
    expect(cardNamePx(0.7)).not.toBeNull();
  });

  it('change size in a few steps while zooming, not on every frame', () => {
    const sizes = new Set<number | null>();
    for (let zoom = OPEN_MIN_ZOOM; zoom <= 1; zoom += 0.0005) sizes.add(cardNamePx(zoom));
    expect(sizes.size).toBeLessThanOrEqual(10);
  });
});

// Auto-layout leaves a diagram one can read: no connection hidden under a card (each runs along the
// path ELK found around the cards), a fit zoom at which labels are legible, one undo step, paths
// saved with the design and dropped when a card moves. ELK runs in-process here (the app runs it in
// the layout worker).
import { beforeEach, describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { bundledScenarios } from './helpers/bundled-scenario';
import { laidOut, layOut, pickLayout, type LayoutResult } from '../../src/model/layout-graph';
import { CANVAS_AT_1440, layoutFigures } from '../../src/model/layout-quality';
import { cardsUnder, connectionLine, connectionsUnderCards, labelPoint, labelSize, overlaps, pathFits, segmentEnters, cardRect } from '../../src/model/connection-geometry';
import { NODE_SIZE } from '../../src/model/card';
import { fitZoom } from '../../src/model/fit';
import { parseDesignFile, parseDesignObject, serializeDesign } from '../../src/model/file';
import { repairDesign } from '../../src/model/repair';
import { diagramSvg } from '../../src/canvas/diagram-svg';
import { redo, undo, useDesignStore } from '../../src/store/designStore';
import type { Design, DesignNode, Position } from '../../src/model/types';

const elk = new ELK();
const runElk = (graph: ElkNode) => elk.layout(graph);

const card = (id: string, x: number, y: number): DesignNode => ({ id, kind: 'service', label: id.toUpperCase(), params: {}, position: { x, y } });
/** A, B and C in a row, 100 px apart; A calls B and C. */
function row(): Design {
  return {
    id: 'row',
    name: 'Row',
    groups: [],
    nodes: [card('a', 0, 0), card('b', 288, 0), card('c', 576, 0)],
    edges: [
      { id: 'ab', source: 'a', target: 'b', mode: 'sync', callsPerRequest: 1, share: 1 },
      { id: 'ac', source: 'a', target: 'c', mode: 'sync', callsPerRequest: 1, share: 1 },
    ],
  };
}
const mid = NODE_SIZE.height / 2;
/** From A's right side, over B (40 px above it), into C's left side. */
const OVER_B: Position[] = [
  { x: 188, y: mid },
  { x: 238, y: mid },
  { x: 238, y: -40 },
  { x: 526, y: -40 },
  { x: 526, y: mid },
  { x: 576, y: mid },
];

describe('where a connection is drawn', () => {
  it('counts a line that passes under a card, whether a curve or a path, and not one that only touches a side', () => {
    const d = row();
    // The curve from A to C runs straight through B.
    expect(connectionsUnderCards(d)).toEqual([{ edgeId: 'ac', cardIds: ['b'] }]);
    // A path of two points straight through B is caught between its points, not only at them.
    d.edges[1]!.path = [{ x: 188, y: mid }, { x: 576, y: mid }];
    expect(connectionsUnderCards(d)).toEqual([{ edgeId: 'ac', cardIds: ['b'] }]);
    d.edges[1]!.path = OVER_B;
    expect(connectionsUnderCards(d)).toEqual([]);
    const b = cardRect({ x: 288, y: 0 });
    expect(segmentEnters({ x: 288, y: -10 }, { x: 288, y: 100 }, b)).toBe(false); // along its left side
    expect(segmentEnters({ x: 250, y: 10 }, { x: 288, y: 10 }, b)).toBe(false); // ends on its side
    expect(segmentEnters({ x: 250, y: 10 }, { x: 300, y: 10 }, b)).toBe(true);
    expect(cardsUnder([{ x: 300, y: -100 }, { x: 300, y: 100 }], [{ id: 'b', rect: b }])).toEqual(['b']);
  });

  it('puts a label on the longest run of a path that leaves it clear of the cards', () => {
    const line = { kind: 'routed', points: OVER_B } as const;
    const size = labelSize('async · 10%');
    expect(labelPoint(line, size, [])).toEqual({ x: 382, y: -40 });
    // A card where the longest run's label would go: the label moves to the next longest run, clear of it.
    const inTheWay = { x: 360, y: -60, width: 40, height: 30 };
    const at = labelPoint(line, size, [inTheWay]);
    expect(at).toEqual({ x: 238, y: -4 });
    expect(overlaps(inTheWay, { x: at.x - size.width / 2, y: at.y - size.height / 2, ...size })).toBe(false);
  });

  it('draws a path only while it leaves the caller and reaches the callee where they are now', () => {
    const d = row();
    d.edges[1]!.path = OVER_B;
    const [a, , c] = d.nodes.map((n) => n.position) as [Position, Position, Position];
    expect(connectionLine(d.edges[1]!, a, c).kind).toBe('routed');
    expect(pathFits(OVER_B, a, { x: c.x + 30, y: c.y })).toBe(false);
    expect(pathFits(OVER_B, { x: a.x, y: a.y + 100 }, c)).toBe(false);
    expect(connectionLine(d.edges[1]!, a, { x: c.x, y: c.y + 200 }).kind).toBe('curve');
    expect(pathFits([{ x: 188, y: mid }], a, c)).toBe(false);
  });
});

describe('auto-layout of the bundled scenario designs', () => {
  const designs = bundledScenarios().flatMap((s) => (s.mode === 'fix' ? [s.design, s.solution] : [s.design]));

  it('draws no connection under a card, and fits the 1440 x 900 canvas at a zoom where labels read', async () => {
    const after: Design[] = [];
    for (const d of designs) after.push(laidOut(d, (await layOut(d, CANVAS_AT_1440, runElk)).layout));
    const figures = layoutFigures(after);
    expect(figures.designs).toBeGreaterThanOrEqual(40);
    expect(figures.underCards).toBe(0);
    // No label covers a card (each sits on a run of its path clear of the cards).
    expect(figures.labels).toBeGreaterThan(50);
    expect(figures.labelsOverCards).toBe(0);
    // Every connection runs along its path (none fell back to a curve).
    for (const d of after) {
      const at = new Map(d.nodes.map((n) => [n.id, n.position]));
      for (const e of d.edges) expect(pathFits(e.path, at.get(e.source)!, at.get(e.target)!), `${d.name}: ${e.id}`).toBe(true);
    }
    // The same cards with the connections drawn as curves hide some under cards: the measure sees them.
    const curves = after.map((d) => ({ ...d, edges: d.edges.map(({ path: _path, ...e }) => e) }));
    expect(layoutFigures(curves).underCards).toBeGreaterThan(0);
    // 0.85: 13 px labels at 11 px or more on screen for half the designs. Left to right alone gave a
    // median of 0.55 here, and top to bottom with 48 px between rows 0.78.
    expect(figures.medianFitZoom).toBeGreaterThanOrEqual(0.85);
  }, 300_000);

  it('keeps the direction whose layout fits the canvas larger, left to right in a near tie', () => {
    const d = row();
    const wide: LayoutResult = { positions: { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 600, y: 0 } }, groupSizes: {}, paths: {} };
    const tall: LayoutResult = { positions: { a: { x: 0, y: 0 }, b: { x: 0, y: 100 }, c: { x: 0, y: 200 } }, groupSizes: {}, paths: {} };
    const canvas = { width: 700, height: 400 };
    expect(fitZoom(laidOut(d, tall), canvas)).toBeGreaterThan(fitZoom(laidOut(d, wide), canvas));
    expect(pickLayout(d, [{ direction: 'RIGHT', layout: wide }, { direction: 'DOWN', layout: tall }], canvas).direction).toBe('DOWN');
    // On a canvas wide enough for both at 100%, left to right.
    expect(pickLayout(d, [{ direction: 'RIGHT', layout: wide }, { direction: 'DOWN', layout: tall }], { width: 2000, height: 1000 }).direction).toBe('RIGHT');
  });
});

describe('auto-layout in the editor', () => {
  const st = () => useDesignStore.getState();
  beforeEach(() => st().loadDesign(row()));
  const layout: LayoutResult = {
    positions: { a: { x: 0, y: 0 }, b: { x: 288, y: 100.4 }, c: { x: 576, y: 0 } },
    groupSizes: {},
    paths: { ac: OVER_B, ab: [{ x: 188, y: mid }, { x: 238, y: mid }, { x: 238, y: 132.4 }, { x: 288, y: 132.4 }] },
  };

  it('is one undo step, paths and all', () => {
    st().applyLayout(layout);
    expect(st().design.nodes[1]!.position).toEqual({ x: 288, y: 100 });
    expect(st().design.edges.map((e) => e.path?.length)).toEqual([4, 6]);
    undo();
    expect(st().design).toEqual(row());
    redo();
    expect(st().design.edges[1]!.path).toEqual(OVER_B);
  });

  it("drops the paths of a moved card's connections, keeps the others, and a pasted copy has none", () => {
    st().applyLayout(layout);
    st().moveNodes({ b: { x: 288, y: 300 } });
    expect(st().design.edges.find((e) => e.id === 'ab')!.path).toBeUndefined();
    expect(st().design.edges.find((e) => e.id === 'ac')!.path).toEqual(OVER_B);
    st().select(['a', 'c'], []);
    st().copySelection();
    st().paste();
    const copies = st().design.edges.filter((e) => e.id !== 'ab' && e.id !== 'ac');
    expect(copies).toHaveLength(1);
    expect(copies[0]!.path).toBeUndefined();
  });

  it('saves the paths with the design, and the picture export draws them', () => {
    st().applyLayout(layout);
    const reloaded = parseDesignFile(serializeDesign(st().design));
    expect(reloaded.ok && reloaded.design.edges[1]!.path).toEqual(OVER_B);
    const svg = diagramSvg(st().design).svg;
    // A to C along its path over B (straight runs, rounded bends), not the curve through B.
    expect(svg).toMatch(/<path d="M188 32 L230 32 Q238 32 238 24 L238 -32 Q238 -40 246 -40 L518 -40/);
    // The picture takes in the path above the cards.
    const [, y0] = svg.match(/viewBox="([-\d.]+) ([-\d.]+)/)!.slice(1).map(Number) as [number, number];
    expect(y0).toBeLessThanOrEqual(-40);
    st().moveNodes({ c: { x: 576, y: 200 } });
    expect(diagramSvg(st().design).svg).not.toContain('L518 -40');
  });

  it('refuses a file with a malformed path in words, and a repaired copy drops the path but keeps the connection', () => {
    st().applyLayout(layout);
    const file = JSON.parse(serializeDesign(st().design)) as { design: { edges: { path?: unknown }[] } };
    file.design.edges[1]!.path = [{ x: 188, y: 'top' }, { x: 576, y: mid }];
    const parsed = parseDesignObject(file);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors[0]).toMatch(/path\[0\]\.y/);
    const repaired = repairDesign(file, 'copy')!;
    expect(repaired.design.edges.map((e) => e.id)).toEqual(['ab', 'ac']);
    expect(repaired.design.edges[1]!.path).toBeUndefined();
    expect(repaired.design.edges[0]!.path).toHaveLength(4);
  });
});

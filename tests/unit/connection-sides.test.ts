// Cards have a dot on each side and a connection attaches to two of them: the ones it was drawn
// between, the ones facing each other (keyboard connect), or the ones its auto-layout path uses.
// A connection saved before sides existed attaches right to left, as it always did. "Fit view"
// takes in every connection as drawn.
import { beforeEach, describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { getBezierPath, Position as FlowPosition } from '@xyflow/react';
import { fromElkGraph, laidOut, toElkGraph, type LayoutDirection } from '../../src/model/layout-graph';
import { connectionLine, curveControls, facingSides, handlePoints, lineBox, linePoints, nearestSide, sideFacing, sidePoint } from '../../src/model/connection-geometry';
import { diagramBounds, NODE_SIZE } from '../../src/model/card';
import { drawingBounds, fitZoom } from '../../src/model/fit';
import { parseDesignObject, serializeDesign } from '../../src/model/file';
import { useDesignStore } from '../../src/store/designStore';
import { CARD_SIDES, type CardSide, type Design, type DesignNode, type Position } from '../../src/model/types';

const card = (id: string, x: number, y: number): DesignNode => ({ id, kind: 'service', label: id.toUpperCase(), params: {}, position: { x, y } });
const sync = (id: string, source: string, target: string) => ({ id, source, target, mode: 'sync' as const, callsPerRequest: 1, share: 1 });
/** A calls B, B calls C. */
function chain(): Design {
  return { id: 'chain', name: 'Chain', groups: [], nodes: [card('a', 0, 0), card('b', 0, 200), card('c', 0, 400)], edges: [sync('ab', 'a', 'b'), sync('bc', 'b', 'c')] };
}

const FLOW_POSITION: Record<CardSide, FlowPosition> = { top: FlowPosition.Top, right: FlowPosition.Right, bottom: FlowPosition.Bottom, left: FlowPosition.Left };

describe('a connection between two dots', () => {
  it('is drawn as the curve React Flow draws between those sides, for every pair of sides', () => {
    const from = { x: 0, y: 0 };
    // The callee ahead, beside and behind the caller: React Flow's control points differ in each.
    for (const to of [{ x: 400, y: 300 }, { x: 300, y: -20 }, { x: -350, y: -200 }]) {
      for (const sourceSide of CARD_SIDES) {
        for (const targetSide of CARD_SIDES) {
          const line = connectionLine({ sourceSide, targetSide }, from, to);
          expect(line.kind).toBe('curve');
          if (line.kind !== 'curve') continue;
          const [path] = getBezierPath({ sourceX: line.source.x, sourceY: line.source.y, sourcePosition: FLOW_POSITION[sourceSide], targetX: line.target.x, targetY: line.target.y, targetPosition: FLOW_POSITION[targetSide] });
          const numbers = path.match(/-?[\d.]+/g)!.map(Number);
          const ours = [line.source, line.c1, line.c2, line.target].flatMap((p) => [p.x, p.y]);
          ours.forEach((v, i) => expect(v, `${sourceSide} -> ${targetSide} to (${to.x}, ${to.y})`).toBeCloseTo(numbers[i]!, 9));
        }
      }
    }
  });

  it('attaches to the right and left sides when it names none (designs saved before sides existed)', () => {
    const from = { x: 0, y: 0 };
    const to = { x: 300, y: 100 };
    expect(handlePoints(from, to)).toEqual({ source: { x: NODE_SIZE.width, y: NODE_SIZE.height / 2 }, target: { x: 300, y: 100 + NODE_SIZE.height / 2 } });
    expect(curveControls(sidePoint(from, 'right'), sidePoint(to, 'left'))).toEqual(curveControls(sidePoint(from, 'right'), sidePoint(to, 'left'), 'right', 'left'));
    // Named sides move its ends: from the middle of A's bottom to the middle of B's top.
    const down = connectionLine({ sourceSide: 'bottom', targetSide: 'top' }, from, to);
    expect(down.kind === 'curve' && [down.source, down.target]).toEqual([{ x: NODE_SIZE.width / 2, y: NODE_SIZE.height }, { x: 300 + NODE_SIZE.width / 2, y: 100 }]);
  });

  it('takes the sides that face each other when none were drawn', () => {
    expect(facingSides({ x: 0, y: 0 }, { x: 300, y: 0 })).toEqual({ sourceSide: 'right', targetSide: 'left' });
    expect(facingSides({ x: 0, y: 0 }, { x: 40, y: 160 })).toEqual({ sourceSide: 'bottom', targetSide: 'top' });
    expect(facingSides({ x: 0, y: 300 }, { x: 0, y: 0 })).toEqual({ sourceSide: 'top', targetSide: 'bottom' });
    expect(facingSides({ x: 300, y: 0 }, { x: 0, y: 20 })).toEqual({ sourceSide: 'left', targetSide: 'right' });
    // A drop on a card's body from a dot: the side of the card facing that dot.
    expect(sideFacing({ x: 0, y: 200 }, sidePoint({ x: 0, y: 0 }, 'bottom'))).toBe('top');
    expect(nearestSide({ x: 94, y: 64 }, { x: 0, y: 0 })).toBe('bottom');
    expect(nearestSide({ x: 188, y: 20 }, { x: 0, y: 0 })).toBe('right');
  });
});

describe('auto-layout attaches each connection to the sides its path uses', () => {
  const elk = new ELK();
  const layOutIn = async (design: Design, direction: LayoutDirection) => laidOut(design, fromElkGraph(await elk.layout(toElkGraph(design, direction)), new Set()));

  it('top to bottom: out of the bottom, into the top; left to right: out of the right, into the left', async () => {
    const down = await layOutIn(chain(), 'DOWN');
    expect(down.edges.map((e) => [e.sourceSide, e.targetSide])).toEqual([['bottom', 'top'], ['bottom', 'top']]);
    const right = await layOutIn(chain(), 'RIGHT');
    expect(right.edges.map((e) => [e.sourceSide, e.targetSide])).toEqual([['right', 'left'], ['right', 'left']]);
    // Each path starts on the side it names.
    for (const d of [down, right]) {
      const at = new Map(d.nodes.map((n) => [n.id, n.position]));
      for (const e of d.edges) expect(nearestSide(e.path![0]!, at.get(e.source)!)).toBe(e.sourceSide);
    }
  });

  describe('in the editor', () => {
    const st = () => useDesignStore.getState();
    beforeEach(() => st().loadDesign(chain()));

    it('keeps the sides when a card moves: its connections curve from the same dots', async () => {
      const down = await layOutIn(chain(), 'DOWN');
      st().loadDesign(down);
      const b = down.nodes[1]!.position;
      st().moveNodes({ b: { x: b.x + 300, y: b.y } });
      const ab = st().design.edges.find((e) => e.id === 'ab')!;
      expect(ab.path).toBeUndefined();
      expect([ab.sourceSide, ab.targetSide]).toEqual(['bottom', 'top']);
      const at = new Map(st().design.nodes.map((n) => [n.id, n.position]));
      const line = connectionLine(ab, at.get('a')!, at.get('b')!);
      expect(line.kind === 'curve' && line.source).toEqual(sidePoint(at.get('a')!, 'bottom'));
    });

    it('a connection drawn between two dots keeps them; one made by keyboard takes the facing sides', () => {
      st().loadDesign({ ...chain(), edges: [] });
      st().connect('a', 'c', 'sync', { sourceSide: 'left', targetSide: 'left' });
      st().connect('a', 'b', 'sync');
      const byId = (target: string) => st().design.edges.find((e) => e.target === target)!;
      expect([byId('c').sourceSide, byId('c').targetSide]).toEqual(['left', 'left']);
      expect([byId('b').sourceSide, byId('b').targetSide]).toEqual(['bottom', 'top']);
    });
  });
});

describe('saved sides', () => {
  it('load back, and a side that is not one of the four is refused in words', () => {
    const d = chain();
    d.edges[0] = { ...d.edges[0]!, sourceSide: 'bottom', targetSide: 'top' };
    const file = JSON.parse(serializeDesign(d)) as { design: { edges: Record<string, unknown>[] } };
    const loaded = parseDesignObject(file);
    expect(loaded.ok && loaded.design.edges.map((e) => [e.sourceSide, e.targetSide])).toEqual([['bottom', 'top'], [undefined, undefined]]);
    file.design.edges[0]!.sourceSide = 'middle';
    const refused = parseDesignObject(file);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.join(' ')).toMatch(/sourceSide.*must be one of "top", "right", "bottom", "left"/);
  });
});

describe('fit view', () => {
  it('takes in a path that runs outside the cards, and a curve that bulges out', () => {
    const d = chain();
    const cardsOnly = diagramBounds(d)!;
    // Right side to left side of cards in a column: the curves loop out past the left of the cards.
    expect(drawingBounds(d)!.x).toBeLessThan(cardsOnly.x);
    // Bottom to top, straight down the column: nothing sticks out.
    d.edges = d.edges.map((e) => ({ ...e, sourceSide: 'bottom', targetSide: 'top' }));
    expect(drawingBounds(d)).toEqual(cardsOnly);
    // A to C around the right of B, 260 px out from the column.
    const around: Position[] = [sidePoint({ x: 0, y: 0 }, 'right'), { x: 448, y: 32 }, { x: 448, y: 432 }, sidePoint({ x: 0, y: 400 }, 'right')];
    d.edges.push({ ...sync('ac', 'a', 'c'), path: around, sourceSide: 'right', targetSide: 'right' });
    expect(drawingBounds(d)).toEqual({ ...cardsOnly, width: 448 });
    const canvas = { width: 500, height: 900 }; // px: narrow, so the width decides the zoom
    expect(fitZoom(d, canvas)).toBeLessThan(fitZoom({ ...d, edges: d.edges.slice(0, 2) }, canvas));
    // Without its path (A moved off it), A to C is a curve from A's right side back to C's left one, out past the cards' left.
    d.edges[2] = { ...sync('ac', 'a', 'c') };
    const curve = linePoints(connectionLine(d.edges[2], { x: 0, y: 0 }, { x: 0, y: 400 }));
    const leftmost = Math.min(...curve.map((p) => p.x));
    expect(leftmost).toBeLessThan(0);
    // The exact turning point: at or past the sampled one, by under half a pixel.
    expect(drawingBounds(d)!.x).toBeLessThanOrEqual(leftmost);
    expect(drawingBounds(d)!.x).toBeGreaterThan(leftmost - 0.5);
  });

  it('boxes a curve exactly, wherever its ends and sides are', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1200 - 600;
    for (let i = 0; i < 200; i++) {
      const sourceSide = CARD_SIDES[i % 4]!;
      const targetSide = CARD_SIDES[Math.floor(i / 4) % 4]!;
      const line = connectionLine({ sourceSide, targetSide }, { x: random(), y: random() }, { x: random(), y: random() });
      // 20,000 samples: within 0.01 px of the true extremes.
      const dense = line.kind === 'curve' ? Array.from({ length: 20001 }, (_, k) => {
        const u = k / 20000;
        const { source: s, c1, c2, target: t } = line;
        const w = [(1 - u) ** 3, 3 * (1 - u) ** 2 * u, 3 * (1 - u) * u ** 2, u ** 3] as const;
        return { x: w[0] * s.x + w[1] * c1.x + w[2] * c2.x + w[3] * t.x, y: w[0] * s.y + w[1] * c1.y + w[2] * c2.y + w[3] * t.y };
      }) : [];
      const box = lineBox(line);
      expect(box.x0).toBeCloseTo(Math.min(...dense.map((p) => p.x)), 1);
      expect(box.x1).toBeCloseTo(Math.max(...dense.map((p) => p.x)), 1);
      expect(box.y0).toBeCloseTo(Math.min(...dense.map((p) => p.y)), 1);
      expect(box.y1).toBeCloseTo(Math.max(...dense.map((p) => p.y)), 1);
    }
  });
});

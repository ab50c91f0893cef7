// Where a connection is drawn, as the canvas and the picture export both draw it: along the route
// auto-layout found for it while both its cards are where that layout put them, else as the curve
// React Flow draws between the dots on the sides it attaches to (the caller's right side and the
// callee's left side unless it says otherwise). Pure geometry, so the layout measurements (tests,
// `npm run bench`) see the same lines the learner sees.
import { NODE_SIZE } from './card';
import type { CardSide, Design, DesignEdge, Position } from './types';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const cardRect = (p: Position): Rect => ({ x: p.x, y: p.y, width: NODE_SIZE.width, height: NODE_SIZE.height });

/** The sides a connection attaches to when it names none: calls leave on the right and arrive on the left. */
export const DEFAULT_SIDES = { source: 'right', target: 'left' } as const satisfies Record<string, CardSide>;

/** Where a card's dot on this side sits: the middle of the side. */
export function sidePoint(card: Position, side: CardSide): Position {
  const { width, height } = NODE_SIZE;
  switch (side) {
    case 'top':
      return { x: card.x + width / 2, y: card.y };
    case 'right':
      return { x: card.x + width, y: card.y + height / 2 };
    case 'bottom':
      return { x: card.x + width / 2, y: card.y + height };
    case 'left':
      return { x: card.x, y: card.y + height / 2 };
  }
}

/** The side of a card nearest to a point (where a path leaves or reaches it). */
export function nearestSide(p: Position, card: Position): CardSide {
  const distance: Record<CardSide, number> = {
    top: Math.abs(p.y - card.y),
    right: Math.abs(p.x - card.x - NODE_SIZE.width),
    bottom: Math.abs(p.y - card.y - NODE_SIZE.height),
    left: Math.abs(p.x - card.x),
  };
  return (Object.keys(distance) as CardSide[]).reduce((best, side) => (distance[side] < distance[best] ? side : best));
}

/**
 * The side of a card that faces a point: the card's middle to the point, each axis measured in
 * half-card sizes, so a point off a card's corner goes to its longer side's neighbour fairly.
 */
export function sideFacing(card: Position, p: Position): CardSide {
  const dx = (p.x - (card.x + NODE_SIZE.width / 2)) / (NODE_SIZE.width / 2);
  const dy = (p.y - (card.y + NODE_SIZE.height / 2)) / (NODE_SIZE.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'bottom' : 'top';
}

/** The sides a new connection between cards at these positions attaches to: the ones that face each other. */
export function facingSides(from: Position, to: Position): { sourceSide: CardSide; targetSide: CardSide } {
  const sourceSide = sideFacing(from, { x: to.x + NODE_SIZE.width / 2, y: to.y + NODE_SIZE.height / 2 });
  return { sourceSide, targetSide: sideFacing(to, sidePoint(from, sourceSide)) };
}

/** Where a connection's ends sit: the middle of the sides it attaches to. */
export function handlePoints(from: Position, to: Position, sides: Pick<DesignEdge, 'sourceSide' | 'targetSide'> = {}): { source: Position; target: Position } {
  return { source: sidePoint(from, sides.sourceSide ?? DEFAULT_SIDES.source), target: sidePoint(to, sides.targetSide ?? DEFAULT_SIDES.target) };
}

/**
 * How far React Flow puts a bezier's control point out from its end, given how far the other end
 * lies ahead (px): half of that, or when the other end is behind, 0.25 * 25 * sqrt(behind)
 * (@xyflow/system's calculateControlOffset, curvature 0.25).
 */
const controlOffset = (ahead: number) => (ahead >= 0 ? 0.5 * ahead : 0.25 * 25 * Math.sqrt(-ahead));

/** A bezier's control point for an end on this side, facing the other end (getControlWithCurvature in @xyflow/system). */
function control(end: Position, side: CardSide, other: Position): Position {
  switch (side) {
    case 'left':
      return { x: end.x - controlOffset(end.x - other.x), y: end.y };
    case 'right':
      return { x: end.x + controlOffset(other.x - end.x), y: end.y };
    case 'top':
      return { x: end.x, y: end.y - controlOffset(end.y - other.y) };
    case 'bottom':
      return { x: end.x, y: end.y + controlOffset(other.y - end.y) };
  }
}

/** React Flow's default (bezier) edge between two dots: each control point sits out from its end, away from its side. */
export function curveControls(source: Position, target: Position, sourceSide: CardSide = DEFAULT_SIDES.source, targetSide: CardSide = DEFAULT_SIDES.target): [Position, Position] {
  return [control(source, sourceSide, target), control(target, targetSide, source)];
}

/** px: how far a route's end may sit from its card's side and still count as attached (rounding to whole px in the store). */
const ATTACH_TOLERANCE_PX = 1.5;

function onSide(p: Position, card: Rect): boolean {
  const t = ATTACH_TOLERANCE_PX;
  const withinX = p.x >= card.x - t && p.x <= card.x + card.width + t;
  const withinY = p.y >= card.y - t && p.y <= card.y + card.height + t;
  if (!withinX || !withinY) return false;
  const nearSide = Math.min(Math.abs(p.x - card.x), Math.abs(p.x - card.x - card.width), Math.abs(p.y - card.y), Math.abs(p.y - card.y - card.height));
  return nearSide <= t;
}

/**
 * A stored route still fits while it starts on the caller's card and ends on the callee's card as
 * they are now: once either card moves, the route is stale and the connection is drawn as a curve.
 */
export function pathFits(path: readonly Position[] | undefined, from: Position, to: Position): path is readonly Position[] {
  if (!path || path.length < 2) return false;
  return onSide(path[0]!, cardRect(from)) && onSide(path[path.length - 1]!, cardRect(to));
}

export type ConnectionLine = { kind: 'routed'; points: readonly Position[] } | { kind: 'curve'; source: Position; c1: Position; c2: Position; target: Position };

/** How a connection between cards at these positions is drawn. */
export function connectionLine(edge: Pick<DesignEdge, 'path' | 'sourceSide' | 'targetSide'>, from: Position, to: Position): ConnectionLine {
  if (pathFits(edge.path, from, to)) return { kind: 'routed', points: edge.path };
  const { source, target } = handlePoints(from, to, edge);
  const [c1, c2] = curveControls(source, target, edge.sourceSide, edge.targetSide);
  return { kind: 'curve', source, c1, c2, target };
}

const num = (v: number) => (Math.round(v * 10) / 10).toString();

/** px: corner radius of a route's bends, small enough for the 10 px gaps between neighbouring routes. */
const BEND_RADIUS_PX = 8;

/** SVG path data of a line: a route's straight runs joined by rounded bends, or the curve. */
export function linePath(line: ConnectionLine): string {
  if (line.kind === 'curve') {
    const { source: s, c1, c2, target: t } = line;
    return `M${num(s.x)} ${num(s.y)} C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(t.x)} ${num(t.y)}`;
  }
  const p = line.points;
  const parts = [`M${num(p[0]!.x)} ${num(p[0]!.y)}`];
  for (let i = 1; i < p.length - 1; i++) {
    const [a, b, c] = [p[i - 1]!, p[i]!, p[i + 1]!];
    // Each bend is cut back along both runs by at most half of either run, so bends never overlap.
    const r = Math.min(BEND_RADIUS_PX, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const into = toward(b, a, r);
    const out = toward(b, c, r);
    parts.push(`L${num(into.x)} ${num(into.y)}`, `Q${num(b.x)} ${num(b.y)} ${num(out.x)} ${num(out.y)}`);
  }
  const last = p[p.length - 1]!;
  parts.push(`L${num(last.x)} ${num(last.y)}`);
  return parts.join(' ');
}

function toward(from: Position, to: Position, distance: number): Position {
  const len = Math.hypot(to.x - from.x, to.y - from.y);
  if (len === 0) return from;
  return { x: from.x + ((to.x - from.x) * distance) / len, y: from.y + ((to.y - from.y) * distance) / len };
}

/** px: the box of a connection's label, 11 px semibold text (about 6.4 px a character) with its padding. */
export function labelSize(text: string): { width: number; height: number } {
  return { width: text.length * 6.4 + 10, height: 18 };
}

/**
 * The box a label is drawn in, centred on `at`, and the baseline its text sits on (4 px below the
 * centre puts 11 px text's middle there). Worked out, never measured: the canvas and the exported
 * picture draw it alike, and the canvas forces no layout to find it (React Flow's own labels each
 * measure their text, then draw again: seconds on a zoom that brings hundreds into view).
 */
export function labelBox(text: string, at: Position): Rect & { baselineY: number } {
  const { width, height } = labelSize(text);
  return { x: at.x - width / 2, y: at.y - height / 2, width, height, baselineY: at.y + 4 };
}

export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where a connection's label sits: on a path, the middle of its longest straight run whose label
 * box (size, px) covers no card, else of its longest run; on the curve, its t = 1/2 point (as React
 * Flow puts it).
 */
export function labelPoint(line: ConnectionLine, size?: { width: number; height: number }, cards: readonly Rect[] = []): Position {
  if (line.kind === 'curve') {
    const { source: s, c1, c2, target: t } = line;
    return { x: (s.x + 3 * c1.x + 3 * c2.x + t.x) / 8, y: (s.y + 3 * c1.y + 3 * c2.y + t.y) / 8 };
  }
  const p = line.points;
  const runs = p.slice(1).map((b, i) => ({ at: { x: (p[i]!.x + b.x) / 2, y: (p[i]!.y + b.y) / 2 }, length: Math.hypot(b.x - p[i]!.x, b.y - p[i]!.y) }));
  runs.sort((a, b) => b.length - a.length);
  const clear = size && runs.find(({ at }) => !cards.some((c) => overlaps(c, { x: at.x - size.width / 2, y: at.y - size.height / 2, ...size })));
  return (clear ?? runs[0]!).at;
}

/** Curve samples per connection: at 64 the chord strays under 1 px from a curve a few hundred px long. */
const CURVE_SAMPLES = 64;

/** The line as a polyline: a route's own points, or the curve sampled. */
export function linePoints(line: ConnectionLine): Position[] {
  if (line.kind === 'routed') return [...line.points];
  const { source: s, c1, c2, target: t } = line;
  const out: Position[] = [];
  for (let i = 0; i <= CURVE_SAMPLES; i++) {
    const u = i / CURVE_SAMPLES;
    const a = (1 - u) ** 3;
    const b = 3 * (1 - u) ** 2 * u;
    const c = 3 * (1 - u) * u ** 2;
    const d = u ** 3;
    out.push({ x: a * s.x + b * c1.x + c * c2.x + d * t.x, y: a * s.y + b * c1.y + c * c2.y + d * t.y });
  }
  return out;
}

/** Where a cubic's coordinate turns back (0 < t < 1): the roots of its derivative, given the four values along one axis. */
function cubicTurns(a: number, b: number, c: number, d: number): number[] {
  // The derivative over 3: (d - 3c + 3b - a) t² + 2(c - 2b + a) t + (b - a).
  const qa = d - 3 * c + 3 * b - a;
  const qb = 2 * (c - 2 * b + a);
  const qc = b - a;
  if (Math.abs(qa) < 1e-12) return Math.abs(qb) < 1e-12 ? [] : [-qc / qb];
  const disc = qb * qb - 4 * qa * qc;
  if (disc < 0) return [];
  const root = Math.sqrt(disc);
  return [(-qb + root) / (2 * qa), (-qb - root) / (2 * qa)];
}

const cubicAt = (a: number, b: number, c: number, d: number, t: number) => (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d;

/**
 * The box a line covers: a route's points, or the curve's ends and the points where it turns back
 * (exact, and with no sampling: "Fit view" runs it for every connection of a 5,000-component design).
 */
export function lineBox(line: ConnectionLine): { x0: number; y0: number; x1: number; y1: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  const take = (x: number, y: number) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  };
  if (line.kind === 'routed') {
    for (const p of line.points) take(p.x, p.y);
    return { x0, y0, x1, y1 };
  }
  const { source: s, c1, c2, target: t } = line;
  take(s.x, s.y);
  take(t.x, t.y);
  for (const u of cubicTurns(s.x, c1.x, c2.x, t.x)) if (u > 0 && u < 1) take(cubicAt(s.x, c1.x, c2.x, t.x, u), s.y);
  for (const u of cubicTurns(s.y, c1.y, c2.y, t.y)) if (u > 0 && u < 1) take(s.x, cubicAt(s.y, c1.y, c2.y, t.y, u));
  return { x0, y0, x1, y1 };
}

/** Whether the segment a-b enters the rectangle's inside (Liang-Barsky clipping). */
export function segmentEnters(a: Position, b: Position, r: Rect): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.width - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.height - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q <= 0) return false; // parallel to this side and outside (or along it)
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

/** px: a line must reach this far inside a card to count as drawn under it (not just touching its border). */
const UNDER_INSET_PX = 2;

/** The cards a polyline passes under: ids of the components whose card it enters. */
export function cardsUnder(points: readonly Position[], cards: readonly { id: string; rect: Rect }[]): string[] {
  const hit: string[] = [];
  for (const card of cards) {
    const r = card.rect;
    const inner = { x: r.x + UNDER_INSET_PX, y: r.y + UNDER_INSET_PX, width: r.width - 2 * UNDER_INSET_PX, height: r.height - 2 * UNDER_INSET_PX };
    for (let i = 1; i < points.length; i++) {
      if (segmentEnters(points[i - 1]!, points[i]!, inner)) {
        hit.push(card.id);
        break;
      }
    }
  }
  return hit;
}

/** Each connection drawn under a card, with the cards it passes under (its own two included: a line doubling back under them). */
export function connectionsUnderCards(design: Design): { edgeId: string; cardIds: string[] }[] {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const cards = design.nodes.map((n) => ({ id: n.id, rect: cardRect(n.position) }));
  const out: { edgeId: string; cardIds: string[] }[] = [];
  for (const e of design.edges) {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    if (!from || !to) continue;
    const under = cardsUnder(linePoints(connectionLine(e, from.position, to.position)), cards);
    if (under.length) out.push({ edgeId: e.id, cardIds: under });
  }
  return out;
}

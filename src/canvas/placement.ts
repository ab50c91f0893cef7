// Where a component added without a drop point goes: near where the learner is looking, but never
// on top of a component already there.
import type { DesignNode, Position } from '../model/types';
import { NODE_SIZE } from '../store/designStore';

/** Clear space kept around a new card (px): room to see and grab the connection between neighbours. */
const GAP = 32;
/** Rings of candidate spots tried around the wanted one before giving up and stacking (each ring one card further out). */
const MAX_RINGS = 12;

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < NODE_SIZE.width + GAP && Math.abs(a.y - b.y) < NODE_SIZE.height + GAP;
}

/**
 * The free spot (a card's top-left corner) nearest `wanted`, on a grid of card-sized steps around it.
 * `wanted` itself when it is free.
 */
export function freeSpot(nodes: readonly Pick<DesignNode, 'position'>[], wanted: Position): Position {
  const stepX = NODE_SIZE.width + GAP;
  const stepY = NODE_SIZE.height + GAP;
  const isFree = (p: Position) => !nodes.some((n) => overlaps(n.position, p));
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    const spots: Position[] = [];
    for (let i = -ring; i <= ring; i++) {
      for (let j = -ring; j <= ring; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== ring) continue;
        spots.push({ x: wanted.x + i * stepX, y: wanted.y + j * stepY });
      }
    }
    // Nearest first; at equal distance below before above and right before left (reading order).
    const distance = (p: Position) => Math.hypot(p.x - wanted.x, p.y - wanted.y);
    spots.sort((a, b) => distance(a) - distance(b) || b.y - a.y || b.x - a.x);
    const spot = spots.find(isFree);
    if (spot) return spot;
  }
  return wanted;
}

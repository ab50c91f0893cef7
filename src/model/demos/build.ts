// Small helpers for writing the built-in demo designs in code: components placed on a grid
// (left to right, clients first), connections, and zones and regions drawn around their members.
import { defaultParams } from '../catalog';
import type { EdgeResilience, NodeResilience } from '../simulation-setup';
import type { ComponentKind, DesignEdge, DesignGroup, DesignNode, GroupKind } from '../types';
import { NODE_SIZE as CARD } from '../card';

/** px between columns and rows of cards. */
const COLUMN_PX = 260;
const ROW_PX = 110;
/** px of group around its cards, and of a region around the zones inside it. */
const GROUP_PADDING_PX = 40;
const REGION_AROUND_ZONE_PX = 24;

export interface NodeOptions {
  params?: Record<string, number>;
  groupId?: string;
  resilience?: NodeResilience;
}

/** A component in column `col`, row `row` (rows may be fractional to centre a card between two). */
export function node(id: string, kind: ComponentKind, label: string, col: number, row: number, options: NodeOptions = {}): DesignNode {
  return {
    id,
    kind,
    label,
    params: { ...defaultParams(kind), ...options.params },
    position: { x: col * COLUMN_PX, y: Math.round(row * ROW_PX) },
    ...(options.groupId ? { groupId: options.groupId } : {}),
    ...(options.resilience ? { resilience: options.resilience } : {}),
  };
}

export interface EdgeOptions {
  mode?: 'sync' | 'async';
  share?: number;
  callsPerRequest?: number;
  label?: string;
  resilience?: EdgeResilience;
}

export function edge(id: string, source: string, target: string, options: EdgeOptions = {}): DesignEdge {
  return {
    id,
    source,
    target,
    mode: options.mode ?? 'sync',
    share: options.share ?? 1,
    callsPerRequest: options.callsPerRequest ?? 1,
    ...(options.label ? { label: options.label } : {}),
    ...(options.resilience ? { resilience: options.resilience } : {}),
  };
}

export interface GroupSpec {
  id: string;
  kind: GroupKind;
  label: string;
  parentId?: string;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const grow = (box: Box, by: number): Box => ({ left: box.left - by, top: box.top - by, right: box.right + by, bottom: box.bottom + by });

function union(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null;
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

/** Zones drawn around their components, then regions around their components and zones. */
export function groupsAround(nodes: readonly DesignNode[], specs: readonly GroupSpec[]): DesignGroup[] {
  const boxes = new Map<string, Box>();
  const cards = (groupId: string) =>
    nodes.filter((n) => n.groupId === groupId).map((n) => grow({ left: n.position.x, top: n.position.y, right: n.position.x + CARD.width, bottom: n.position.y + CARD.height }, GROUP_PADDING_PX));
  for (const spec of specs.filter((s) => s.kind === 'zone')) {
    const box = union(cards(spec.id));
    if (box) boxes.set(spec.id, box);
  }
  for (const spec of specs.filter((s) => s.kind === 'region')) {
    const zones = specs.filter((s) => s.parentId === spec.id).flatMap((s) => (boxes.has(s.id) ? [grow(boxes.get(s.id)!, REGION_AROUND_ZONE_PX)] : []));
    const box = union([...cards(spec.id), ...zones]);
    if (box) boxes.set(spec.id, box);
  }
  return specs.map((spec) => {
    const box = boxes.get(spec.id) ?? { left: 0, top: 0, right: CARD.width, bottom: CARD.height };
    return {
      id: spec.id,
      kind: spec.kind,
      label: spec.label,
      ...(spec.parentId ? { parentId: spec.parentId } : {}),
      position: { x: box.left, y: box.top },
      size: { width: box.right - box.left, height: box.bottom - box.top },
    };
  });
}

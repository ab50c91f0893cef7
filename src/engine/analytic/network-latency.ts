// Network round-trip time of one call between two components, from where they sit
// (zone, region). Figures from /work/shared/catalog-defaults.md §1.
import type { DesignGroup, DesignNode } from '../../model/types';

export interface NetworkRtt {
  sameZone: number;
  crossZone: number;
  crossRegion: number;
}

/** Round-trip times in milliseconds. */
export const NETWORK_RTT_MS: Readonly<NetworkRtt> = {
  /** ms; Dean/Norvig "round trip within same datacenter 500 us"; EC2 same-AZ ping ~0.45 ms. */
  sameZone: 0.5,
  /** ms; EC2 measured 1.3-2.1 ms average between availability zones of one region. */
  crossZone: 1.5,
  /** ms; US East <-> US West 40-70 ms (rule of thumb, speed-of-light floor ~42 ms). */
  crossRegion: 60,
};

export type HopKind = keyof NetworkRtt;

export interface Placement {
  zone: string | undefined;
  region: string | undefined;
}

/** Where a node sits: its zone (if its group is a zone) and the region around it, if any. */
export function placementOf(node: DesignNode, groupsById: ReadonlyMap<string, DesignGroup>): Placement {
  const group = node.groupId === undefined ? undefined : groupsById.get(node.groupId);
  if (!group) return { zone: undefined, region: undefined };
  if (group.kind === 'region') return { zone: undefined, region: group.id };
  const parent = group.parentId === undefined ? undefined : groupsById.get(group.parentId);
  return { zone: group.id, region: parent?.kind === 'region' ? parent.id : undefined };
}

/**
 * Regions differ only when both ends have a known region; zones differ only when both have a
 * known zone. Anything not placed counts as sitting next to its peer (same zone).
 */
export function hopKind(a: Placement, b: Placement): HopKind {
  if (a.region !== undefined && b.region !== undefined && a.region !== b.region) return 'crossRegion';
  if (a.zone !== undefined && b.zone !== undefined && a.zone !== b.zone) return 'crossZone';
  return 'sameZone';
}

export function hopRttMs(a: Placement, b: Placement, rtt: NetworkRtt = NETWORK_RTT_MS): number {
  return rtt[hopKind(a, b)];
}

// Where a request at a component goes next: the chance it takes each connection. Out of a
// component that routes each request to one target (a load balancer, DNS, an API gateway),
// the connections' shares are weights of a split: each request takes exactly one of them, in
// proportion to its share (so three connections at 100% split evenly, a third each). Out of
// every other component each connection is taken independently with its share (a service that
// calls three services calls each of them). A router's call to a rate limiter is a check every
// request makes before it is routed (an API gateway asking "may this key call?"), not a route.
//
// Cache-aside: a component that makes sync calls to a cache and to a data store side by side
// asks the store only when the cache missed, unless the connection says otherwise (onCacheMiss
// false: writes, or a cache that holds something else). Its calls are made caches first.
import { paramValue } from './catalog';
import { cachesReads, isDataStore, routesOneTarget, sendsRequests, traitsOf } from './traits';
import type { Design, DesignEdge, DesignNode } from './types';

export interface EdgeRoute {
  /** Chance that a request at the source takes this connection, 0..1 (before any cache hit). */
  take: number;
  /** The connection is one branch of a split: a request takes exactly one branch. */
  branch: boolean;
  /** Made only when the source's cache lookups beside it missed (cache-aside). */
  onCacheMiss: boolean;
  /** Chance that those lookups all missed (1 when not onCacheMiss): the call is made with take * missChance. */
  missChance: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));

/** Connections the engines follow: both ends exist and the target is not a client. */
function followed(edge: DesignEdge, byId: ReadonlyMap<string, DesignNode>): boolean {
  const target = byId.get(edge.target);
  return byId.has(edge.source) && target !== undefined && !sendsRequests(target);
}

/** A branch of its source's split: out of a router, to anything but a check (a rate limiter). */
function isBranch(edge: DesignEdge, byId: ReadonlyMap<string, DesignNode>): boolean {
  return routesOneTarget(byId.get(edge.source)!) && traitsOf(byId.get(edge.target)!.kind).rateLimits === undefined;
}

/** Sync calls out of one component to a cache, beside which a call to a data store is cache-aside. */
function cacheLookups(design: Design, byId: ReadonlyMap<string, DesignNode>): Map<string, DesignEdge[]> {
  const lookups = new Map<string, DesignEdge[]>();
  for (const edge of design.edges) {
    if (edge.mode !== 'sync' || !followed(edge, byId) || !cachesReads(byId.get(edge.target)!)) continue;
    const list = lookups.get(edge.source) ?? [];
    list.push(edge);
    lookups.set(edge.source, list);
  }
  return lookups;
}

/** Whether the connection is a store call made only on a cache miss (its source also asks a cache). */
function isOnCacheMiss(edge: DesignEdge, byId: ReadonlyMap<string, DesignNode>, lookups: ReadonlyMap<string, DesignEdge[]>): boolean {
  return edge.mode === 'sync' && edge.onCacheMiss !== false && lookups.has(edge.source) && isDataStore(byId.get(edge.target)!) && !isBranch(edge, byId);
}

/** The route of every connection, by edge id (connections the engines ignore are left out). */
export function routeEdges(design: Design): Map<string, EdgeRoute> {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const weightOut = new Map<string, number>();
  for (const edge of design.edges) {
    if (!followed(edge, byId) || !isBranch(edge, byId)) continue;
    weightOut.set(edge.source, (weightOut.get(edge.source) ?? 0) + clamp01(edge.share));
  }
  const lookups = cacheLookups(design, byId);
  // Chance that every cache lookup of a component misses, as the simulator plays it: a lookup
  // connection is taken with its share, then makes its calls (the whole part of callsPerRequest,
  // one more with the chance of its fraction), each hitting with the cache's hit ratio; the store
  // is called only when none of them hit.
  const missChance = (source: string) =>
    (lookups.get(source) ?? []).reduce((miss, e) => {
      const cache = byId.get(e.target)!;
      const hit = clamp01(paramValue(cache, traitsOf(cache.kind).cachesReads!.hitRatioParam));
      const calls = Math.max(0, Number.isFinite(e.callsPerRequest) ? e.callsPerRequest : 0);
      const whole = Math.floor(calls);
      const allMiss = (1 - hit) ** whole * (1 - (calls - whole) * hit);
      const share = clamp01(e.share);
      return miss * (1 - share + share * allMiss);
    }, 1);
  const routes = new Map<string, EdgeRoute>();
  for (const edge of design.edges) {
    if (!followed(edge, byId)) continue;
    if (!isBranch(edge, byId)) {
      const onMiss = isOnCacheMiss(edge, byId, lookups);
      routes.set(edge.id, { take: clamp01(edge.share), branch: false, onCacheMiss: onMiss, missChance: onMiss ? missChance(edge.source) : 1 });
      continue;
    }
    const total = weightOut.get(edge.source)!;
    routes.set(edge.id, { take: total > 0 ? clamp01(edge.share) / total : 0, branch: true, onCacheMiss: false, missChance: 1 });
  }
  return routes;
}

/** Whether the connection could be a cache-aside miss path (its source asks a cache, its target keeps data): the inspector offers the switch. */
export function canBeOnCacheMiss(design: Design, edgeId: string): boolean {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const edge = design.edges.find((e) => e.id === edgeId);
  return edge !== undefined && followed(edge, byId) && isOnCacheMiss({ ...edge, onCacheMiss: true }, byId, cacheLookups(design, byId));
}

/**
 * Shares for the connections out of a router after `added` joins them: an even split when the
 * existing ones were even (the usual case), else the new one gets their mean weight. Keyed by edge id.
 */
export function sharesAfterConnect(existing: readonly DesignEdge[], addedId: string): Record<string, number> {
  const weights = existing.map((e) => clamp01(e.share));
  const even = weights.every((w) => Math.abs(w - weights[0]!) < 1e-9);
  const n = existing.length + 1;
  if (even) return Object.fromEntries([...existing.map((e) => [e.id, 1 / n] as const), [addedId, 1 / n]]);
  const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
  const total = weights.reduce((a, b) => a + b, 0) + mean;
  return Object.fromEntries([...existing.map((e, i) => [e.id, weights[i]! / total] as const), [addedId, mean / total]]);
}

// The words on a connection, shared by the canvas, the exported picture and the layout measures.
import type { DesignEdge } from './types';
import type { EdgeRoute } from './routing';

/** A connection's label: async, the share of requests that take it (out of a router, its part of the split), calls, cache-aside. */
export function edgeLabel(e: DesignEdge, route: EdgeRoute | undefined): string | undefined {
  const parts: string[] = [];
  if (e.mode === 'async') parts.push('async');
  const take = route?.take ?? e.share;
  if (take < 1) parts.push(`${Math.round(take * 100)}%`);
  if (e.callsPerRequest !== 1) parts.push(`×${e.callsPerRequest}`);
  if (route?.onCacheMiss) parts.push('on cache miss');
  return parts.length ? parts.join(' · ') : undefined;
}

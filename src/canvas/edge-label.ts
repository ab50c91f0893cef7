// The words on a connection, shared by the canvas and the exported picture.
import type { DesignEdge } from '../model/types';
import type { EdgeRoute } from '../model/routing';

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

/** Colours of the two kinds of connection (slate for calls, violet for messages). */
export const SYNC_COLOR = '#334155';
export const ASYNC_COLOR = '#7c3aed';

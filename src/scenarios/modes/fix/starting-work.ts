// The work a fix scenario's starting design does, as invariants: what an author starts from, and
// what the check keeps when the author lists none.
import { sendsRequests } from '../../../model/traits';
import type { Design } from '../../../model/types';
import type { PathInvariant } from '../../schema';
import { arrivalAt, reachedFrom, workGraph } from '../../work-paths';
import { roleOf, WORK_ROLES } from './invariants';

/** Keep this share of the starting design's arrivals: a hair under all of it, so rounding never fails the reference. */
const KEEP_SHARE = 0.999;

/**
 * The work the starting design does, as invariants, for a fix scenario whose author declared
 * none: every client must still reach each database, cache, file store, search index and outside
 * service it reaches now, with as many calls per request (a cache on the way counts, since it
 * answers for what it fronts). So cutting calls, dropping a store or a CDN cannot pass.
 */
export function startingWorkInvariants(design: Design): PathInvariant[] {
  const graph = workGraph(design);
  const label = (id: string) => graph.byId.get(id)?.label || id;
  const out: PathInvariant[] = [];
  for (const client of design.nodes.filter(sendsRequests)) {
    for (const id of reachedFrom(graph, client.id)) {
      const node = graph.byId.get(id)!;
      if (!WORK_ROLES.has(roleOf(node.kind))) continue;
      const arrival = arrivalAt(graph, client.id, new Set([id]), true);
      if (!(arrival.share > 0)) continue;
      out.push({
        from: [client.id],
        to: [id],
        share: Number((arrival.share * KEEP_SHARE).toPrecision(6)),
        callsPerRequest: Number((arrival.calls * KEEP_SHARE).toPrecision(6)),
        cacheAnswers: true,
        together: false,
        message: `requests from ${label(client.id)} no longer reach ${label(id)} as often as they did, so part of the work it does for them is not done`,
      });
    }
  }
  return out;
}

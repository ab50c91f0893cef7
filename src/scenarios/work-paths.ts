// Where a request's work goes: from a component, over sync calls and async messages alike, which
// share of its requests arrives at a set of components and how many calls arrive per request.
// Fix-mode invariants use it to tell a design that still does the story's work from one that
// passes by no longer doing it.
import { readNodeFigures } from '../engine/analytic';
import { cachesReads, sendsRequests } from '../model/traits';
import type { Design, DesignEdge, DesignNode } from '../model/types';

export interface Arrival {
  /** Share of the start's requests that reach a target, 0..1 (several paths add up, capped at 1). */
  share: number;
  /** Calls that reach a target per request of the start, on average. */
  calls: number;
}

export interface WorkGraph {
  byId: Map<string, DesignNode>;
  /** Connections that carry something (share and calls above 0), clients never as targets. */
  out: Map<string, DesignEdge[]>;
}

export function workGraph(design: Design): WorkGraph {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const out = new Map<string, DesignEdge[]>(design.nodes.map((n) => [n.id, []]));
  for (const edge of design.edges) {
    const target = byId.get(edge.target);
    if (!byId.has(edge.source) || !target || sendsRequests(target) || !(edge.share > 0) || !(edge.callsPerRequest > 0)) continue;
    out.get(edge.source)!.push(edge);
  }
  return { byId, out };
}

/**
 * What arrives at `targets` per request starting at `start`. A cache or CDN passes on only its
 * misses, unless `cacheAnswers` (reads it answers for what it fronts, so it counts as the way
 * there). A loop is followed once.
 */
export function arrivalAt(graph: WorkGraph, start: string, targets: ReadonlySet<string>, cacheAnswers: boolean): Arrival {
  const memo = new Map<string, Arrival>();
  const onPath = new Set<string>();
  const visit = (id: string): Arrival => {
    if (targets.has(id)) return { share: 1, calls: 1 };
    const known = memo.get(id);
    if (known) return known;
    if (onPath.has(id)) return { share: 0, calls: 0 };
    onPath.add(id);
    const node = graph.byId.get(id)!;
    const pass = cachesReads(node) && !cacheAnswers ? 1 - readNodeFigures(node).hitRatio : 1;
    let share = 0;
    let calls = 0;
    for (const edge of graph.out.get(id) ?? []) {
      const next = visit(edge.target);
      share += edge.share * next.share;
      calls += edge.share * edge.callsPerRequest * next.calls;
    }
    onPath.delete(id);
    const result = { share: Math.min(1, share * pass), calls: calls * pass };
    memo.set(id, result);
    return result;
  };
  // The start itself is not a target of its own requests.
  const startTargets = targets.has(start);
  if (!startTargets) return visit(start);
  const others = new Set(targets);
  others.delete(start);
  return arrivalAt(graph, start, others, cacheAnswers);
}

/** Every component reached from `start` by connections that carry something (the start left out). */
export function reachedFrom(graph: WorkGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(graph.out.get(start) ?? []).map((e) => e.target)];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id) || id === start) continue;
    seen.add(id);
    for (const edge of graph.out.get(id) ?? []) stack.push(edge.target);
  }
  return seen;
}

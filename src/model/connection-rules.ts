// Which connections a design can take, and why not when it cannot: the editor asks before it
// connects, so a refused connection is explained instead of silently dropped.
import type { Design, DesignNode, EdgeMode } from './types';

const quoted = (n: DesignNode) => `“${n.label}”`;

/**
 * A chain of sync calls from `from` to `to` (both included), or null when there is none.
 * Breadth first, so the chain named to the learner is a shortest one.
 */
function syncPath(design: Design, from: string, to: string): string[] | null {
  const calls = new Map<string, string[]>();
  for (const e of design.edges) if (e.mode === 'sync') calls.set(e.source, [...(calls.get(e.source) ?? []), e.target]);
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    if (at === to) {
      const path = [at];
      for (let p = at; p !== from; ) path.unshift((p = cameFrom.get(p)!));
      return path;
    }
    for (const next of calls.get(at) ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  return null;
}

/** Why a connection from `source` to `target` cannot be made, in the learner's words; null when it can. */
export function connectionProblem(design: Design, source: string, target: string, mode: EdgeMode): string | null {
  const from = design.nodes.find((n) => n.id === source);
  const to = design.nodes.find((n) => n.id === target);
  if (!from || !to) return 'One end of this connection is no longer in the design.';
  if (source === target) return `${quoted(from)} cannot call itself: drop the connection on another component.`;
  if (to.kind === 'client') {
    return `${quoted(to)} is a client: clients send requests but do not receive them. Connect from ${quoted(to)} to what it calls instead.`;
  }
  if (mode === 'sync' && !design.edges.some((e) => e.source === source && e.target === target)) {
    const back = syncPath(design, target, source);
    if (back) {
      const byId = new Map(design.nodes.map((n) => [n.id, n]));
      const loop = [source, ...back].map((id) => quoted(byId.get(id)!)).join(' → ');
      return `A sync call from ${quoted(from)} to ${quoted(to)} would close a loop of sync calls (${loop}): a request would wait on itself forever. Make this connection an async message (press A, then connect) or remove one of the calls on that loop.`;
    }
  }
  return null;
}

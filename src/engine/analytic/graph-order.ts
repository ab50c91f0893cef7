// Ordering nodes along directed edges given in compressed (CSR) form, and naming a loop when
// there is one. Used for traffic (all edges) and for synchronous calls (sync edges only).

export interface EdgeLists {
  size: number;
  /** Out-edges of node i are indices outStart[i] .. outStart[i+1]-1. */
  outStart: Int32Array;
  outTarget: Int32Array;
  /** In-edges of node i are inStart[i] .. inStart[i+1]-1; inEdge holds the out-edge index. */
  inStart: Int32Array;
  inSource: Int32Array;
  inEdge: Int32Array;
}

export interface TopologicalResult {
  /** Every node; those on or after a loop come last, in index order. */
  order: Int32Array;
  /** Nodes of one loop in edge direction (first node not repeated), or null when there is none. */
  loop: number[] | null;
}

/** Kahn's algorithm over the edges for which `includeEdge(edgeIndex)` is true. */
export function topologicalOrder(g: EdgeLists, includeEdge: (edge: number) => boolean): TopologicalResult {
  const n = g.size;
  const indegree = new Int32Array(n);
  for (let e = 0; e < g.outTarget.length; e++) if (includeEdge(e)) indegree[g.outTarget[e]!]!++;
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[tail++] = i;
  while (head < tail) {
    const i = order[head++]!;
    for (let e = g.outStart[i]!; e < g.outStart[i + 1]!; e++) {
      if (!includeEdge(e)) continue;
      const t = g.outTarget[e]!;
      if (--indegree[t]! === 0) order[tail++] = t;
    }
  }
  if (tail === n) return { order, loop: null };
  const left: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i]! > 0) left.push(i);
  for (const i of left) order[tail++] = i;
  return { order, loop: findLoop(g, indegree, left[0]!, includeEdge) };
}

// Every node Kahn could not place has a predecessor that was not placed either, so walking
// predecessors from any of them must come back to a node already seen: that stretch is a loop.
function findLoop(g: EdgeLists, indegree: Int32Array, start: number, includeEdge: (edge: number) => boolean): number[] {
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  let v = start;
  while (!seenAt.has(v)) {
    seenAt.set(v, path.length);
    path.push(v);
    let next = -1;
    for (let k = g.inStart[v]!; k < g.inStart[v + 1]!; k++) {
      const u = g.inSource[k]!;
      if (indegree[u]! > 0 && includeEdge(g.inEdge[k]!)) {
        next = u;
        break;
      }
    }
    if (next < 0) break; // cannot happen for a node Kahn left over; guards against bad input
    v = next;
  }
  return path.slice(seenAt.get(v) ?? 0).reverse();
}

/** Builds in- and out-edge lists for `size` nodes from parallel source/target arrays. */
export function buildEdgeLists(size: number, source: ArrayLike<number>, target: ArrayLike<number>): EdgeLists & { outEdgeOf: Int32Array } {
  const m = source.length;
  const outStart = new Int32Array(size + 1);
  const inStart = new Int32Array(size + 1);
  for (let e = 0; e < m; e++) {
    outStart[source[e]! + 1]!++;
    inStart[target[e]! + 1]!++;
  }
  for (let i = 0; i < size; i++) {
    outStart[i + 1]! += outStart[i]!;
    inStart[i + 1]! += inStart[i]!;
  }
  const outTarget = new Int32Array(m);
  const outEdgeOf = new Int32Array(m); // out slot -> original edge index
  const inSource = new Int32Array(m);
  const inEdge = new Int32Array(m);
  const outFill = outStart.slice(0, size);
  const inFill = inStart.slice(0, size);
  const slotOf = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const s = source[e]!;
    const slot = outFill[s]!++;
    outTarget[slot] = target[e]!;
    outEdgeOf[slot] = e;
    slotOf[e] = slot;
  }
  for (let e = 0; e < m; e++) {
    const t = target[e]!;
    const k = inFill[t]!++;
    inSource[k] = source[e]!;
    inEdge[k] = slotOf[e]!;
  }
  return { size, outStart, outTarget, inStart, inSource, inEdge, outEdgeOf };
}

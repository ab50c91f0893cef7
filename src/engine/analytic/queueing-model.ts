// The solver's compiled form of a queueing network: flat typed arrays indexed by node and edge,
// with the traffic and sync-call orders worked out once. Both the reference-case format and
// learner designs compile to this, so one solver serves both.
import { buildEdgeLists, topologicalOrder, type EdgeLists } from './graph-order';

export interface ModelNodeInput {
  id: string;
  /** false for pure sources (clients): they emit traffic and wait on sync calls but queue nothing. */
  station: boolean;
  servers: number;
  serviceMs: number;
  serviceScv: number;
  /** K, the most requests held (in service plus waiting); 0 means unlimited. */
  capacity: number;
  /** Read replicas beside the primary; reads spread evenly, writes go to the primary. */
  replicas: number;
  /** Share of requests that are reads (only matters with replicas). */
  readShare: number;
  /** false for event-driven proxies: sync calls add to its response time but do not occupy its servers. Default true. */
  holdsWorkers?: boolean;
  /** Requests/s it lets through (a rate limiter); the rest are turned away at once. Default: no limit. */
  limitRps?: number;
}

export interface ModelEdgeInput {
  source: number;
  target: number;
  /** Probability that a request at the source takes this edge (share, times miss ratio for caches). */
  probability: number;
  /** Calls made along the edge when it is taken. */
  calls: number;
  /** The caller waits (holding its worker) for the answer. */
  sync: boolean;
  /** Round-trip network time of one call, ms. */
  networkMs: number;
  /**
   * One branch of its source's split (a router): a request takes exactly one of the source's
   * branch edges, whose probabilities add up to at most 1. Default false: taken independently.
   */
  branch?: boolean;
}

export interface QueueingModel extends EdgeLists {
  ids: string[];
  isStation: Uint8Array;
  servers: Float64Array;
  serviceMs: Float64Array;
  serviceScv: Float64Array;
  capacity: Float64Array;
  replicas: Float64Array;
  readShare: Float64Array;
  /** 1 when a sync call out of this node occupies one of its servers until it returns. */
  holdsWorkers: Uint8Array;
  /** Requests/s let through (rate limiters); Infinity for no limit. */
  limitRps: Float64Array;
  /** Per node: the first out-edge slot that is a branch of its split (outStart[j + 1] when none); branch slots come last. */
  branchStart: Int32Array;
  /** Per out-edge slot (CSR order): */
  edgeProbability: Float64Array;
  edgeCalls: Float64Array;
  edgeSync: Uint8Array;
  edgeNetworkMs: Float64Array;
  /** Per in-edge slot: expected calls per request of the source (probability * calls). */
  inVisits: Float64Array;
  /** Original edge index of each out-edge slot. */
  outEdgeOf: Int32Array;
  /** All nodes, upstream first; exact single pass when trafficAcyclic. */
  trafficOrder: Int32Array;
  trafficAcyclic: boolean;
  /** A loop of traffic (through any edges), for messages when traffic cannot settle. */
  trafficLoop: number[] | null;
  /** All nodes, sync callers before the nodes they call. */
  syncOrder: Int32Array;
}

export type BuildModelResult = { ok: true; model: QueueingModel } | { ok: false; syncLoop: number[] };

export function buildQueueingModel(nodes: readonly ModelNodeInput[], edges: readonly ModelEdgeInput[]): BuildModelResult {
  const n = nodes.length;
  const lists = buildEdgeLists(
    n,
    edges.map((e) => e.source),
    edges.map((e) => e.target),
  );
  const m = edges.length;
  const edgeProbability = new Float64Array(m);
  const edgeCalls = new Float64Array(m);
  const edgeSync = new Uint8Array(m);
  const edgeNetworkMs = new Float64Array(m);
  const branchStart = lists.outStart.slice(1);
  for (let slot = 0; slot < m; slot++) {
    const e = edges[lists.outEdgeOf[slot]!]!;
    edgeProbability[slot] = e.probability;
    edgeCalls[slot] = e.calls;
    edgeSync[slot] = e.sync ? 1 : 0;
    edgeNetworkMs[slot] = e.networkMs;
  }
  // Branch edges must come after the source's other edges (the caller orders them so).
  for (let j = 0; j < n; j++) {
    for (let slot = lists.outStart[j]!; slot < lists.outStart[j + 1]!; slot++) {
      const branch = edges[lists.outEdgeOf[slot]!]!.branch === true;
      if (branch && slot < branchStart[j]!) branchStart[j] = slot;
      if (!branch && slot > branchStart[j]!) throw new Error('buildQueueingModel: branch edges must follow the other edges of their source');
    }
  }
  const inVisits = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const slot = lists.inEdge[k]!;
    inVisits[k] = edgeProbability[slot]! * edgeCalls[slot]!;
  }
  const sync = topologicalOrder(lists, (slot) => edgeSync[slot] === 1);
  if (sync.loop) return { ok: false, syncLoop: sync.loop };
  const traffic = topologicalOrder(lists, () => true);

  const ids: string[] = [];
  const isStation = new Uint8Array(n);
  const servers = new Float64Array(n);
  const serviceMs = new Float64Array(n);
  const serviceScv = new Float64Array(n);
  const capacity = new Float64Array(n);
  const replicas = new Float64Array(n);
  const readShare = new Float64Array(n);
  const holdsWorkers = new Uint8Array(n);
  const limitRps = new Float64Array(n).fill(Infinity);
  nodes.forEach((node, i) => {
    if (node.limitRps !== undefined && node.limitRps >= 0) limitRps[i] = node.limitRps;
    holdsWorkers[i] = node.holdsWorkers === false ? 0 : 1;
    ids.push(node.id);
    isStation[i] = node.station ? 1 : 0;
    servers[i] = Math.max(1, Math.round(node.servers));
    serviceMs[i] = Math.max(0, node.serviceMs);
    serviceScv[i] = Math.max(0, node.serviceScv);
    capacity[i] = Math.max(0, node.capacity);
    replicas[i] = Math.max(0, Math.round(node.replicas));
    readShare[i] = Math.min(1, Math.max(0, node.readShare));
  });
  return {
    ok: true,
    model: {
      ...lists,
      ids,
      isStation,
      servers,
      serviceMs,
      serviceScv,
      capacity,
      replicas,
      readShare,
      holdsWorkers,
      limitRps,
      branchStart,
      edgeProbability,
      edgeCalls,
      edgeSync,
      edgeNetworkMs,
      inVisits,
      trafficOrder: traffic.order,
      trafficAcyclic: traffic.loop === null,
      trafficLoop: traffic.loop,
      syncOrder: sync.order,
    },
  };
}

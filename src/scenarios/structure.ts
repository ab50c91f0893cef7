// Problems visible from the shape of a design alone, without solving it: single points of
// failure, long chains of synchronous calls, read-heavy databases with no cache, databases
// shared between services, queues that can grow without limit, outside APIs on the request
// path, and components no traffic reaches. Each finding uses a critique category, so the same
// findings feed hints, and grading can recognise a learner's extra finding as a real problem.
import { readNodeFigures } from '../engine/analytic';
import { optionalDependencyFactor } from '../engine/metrics/availability';
import { HOURS_PER_MONTH, monthlyCost } from '../engine/metrics/cost';
import type { Design, DesignEdge, DesignNode } from '../model/types';
import { formatMs, formatPercent, formatUsd } from './format';
import type { CritiqueCategory } from './vocabulary';
import { routeEdges, type EdgeRoute } from '../model/routing';
import { cachesReads, hasPrimaryWithReplicas, isDatabase, sendsRequests, traitsOf } from '../model/traits';

export interface StructuralFinding {
  category: CritiqueCategory;
  /** The component the problem is on. */
  target: string;
  message: string;
  /** Other component and connection ids the same problem involves (a chain's hops, a database's callers). */
  related: string[];
}

export interface StructureOptions {
  /** Synchronous calls in a row from a client beyond which a chain is reported. */
  maxSyncHops: number;
  /** A single copy is a single point of failure when losing it fails at least this share of some client's requests. */
  spofMinFailedShare: number;
  /** Copies at or above this availability (managed services the provider keeps redundant) are not reported. */
  spofBelowAvailability: number;
  /** A relational database with at least this read share counts as read-heavy. */
  readHeavyShare: number;
  /** A database called this many times per client request counts as heavily read whatever its read share. */
  manyCallsPerRequest: number;
}

export const DEFAULT_STRUCTURE_OPTIONS: Readonly<StructureOptions> = {
  maxSyncHops: 4,
  spofMinFailedShare: 0.05,
  spofBelowAvailability: 0.999,
  readHeavyShare: 0.8,
  manyCallsPerRequest: 3,
};

interface Graph {
  design: Design;
  byId: Map<string, DesignNode>;
  /** Sync calls out of each node, clients never as targets (the engine ignores such edges). */
  syncOut: Map<string, DesignEdge[]>;
  out: Map<string, DesignEdge[]>;
  clients: DesignNode[];
  /** Share of requests a cache or CDN passes on (1 - hit ratio); 1 for every other kind. */
  missRatio: Map<string, number>;
  /** Sync callers before callees (see syncOrder). */
  order: string[];
  routes: Map<string, EdgeRoute>;
}

function buildGraph(design: Design): Graph {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  const syncOut = new Map<string, DesignEdge[]>(design.nodes.map((n) => [n.id, []]));
  const out = new Map<string, DesignEdge[]>(design.nodes.map((n) => [n.id, []]));
  for (const edge of design.edges) {
    const target = byId.get(edge.target);
    if (!byId.has(edge.source) || !target || sendsRequests(target)) continue;
    out.get(edge.source)!.push(edge);
    if (edge.mode === 'sync') syncOut.get(edge.source)!.push(edge);
  }
  const missRatio = new Map(design.nodes.map((n) => [n.id, 1 - readNodeFigures(n).hitRatio]));
  const graph: Graph = { design, byId, syncOut, out, clients: design.nodes.filter((n) => sendsRequests(n)), missRatio, order: [], routes: routeEdges(design) };
  graph.order = syncOrder(graph);
  return graph;
}

const name = (node: DesignNode | undefined, id: string) => `"${node?.label || id}"`;

/** Share of requests at the edge's source that take it (model/routing, cache-aside included), times the miss ratio out of a cache or CDN. */
function passShare(graph: Graph, edge: DesignEdge): number {
  const route = graph.routes.get(edge.id);
  return (route ? route.take * route.missChance : 0) * graph.missRatio.get(edge.source)!;
}

/** Nodes in an order where every sync caller comes before what it calls; nodes on a sync loop are left out. */
function syncOrder(graph: Graph): string[] {
  const indegree = new Map(graph.design.nodes.map((n) => [n.id, 0]));
  for (const edges of graph.syncOut.values()) for (const e of edges) indegree.set(e.target, indegree.get(e.target)! + 1);
  const ready = graph.design.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  for (let next = 0; next < ready.length; next++) {
    const id = ready[next]!;
    order.push(id);
    for (const e of graph.syncOut.get(id)!) {
      const left = indegree.get(e.target)! - 1;
      indegree.set(e.target, left);
      if (left === 0) ready.push(e.target);
    }
  }
  return order;
}

/** Expected visits to every node per request starting at `start`, over sync calls (the start itself left out). */
function visitsFrom(graph: Graph, start: DesignNode): Map<string, number> {
  const visits = new Map<string, number>([[start.id, 1]]);
  for (const id of graph.order) {
    const amount = visits.get(id);
    if (!amount) continue;
    for (const edge of graph.syncOut.get(id)!) {
      const next = amount * passShare(graph, edge) * edge.callsPerRequest;
      if (next > 0) visits.set(edge.target, (visits.get(edge.target) ?? 0) + next);
    }
  }
  visits.delete(start.id);
  return visits;
}

/** Share of one client's requests that fail while `down` is down (everything else up), as the engine composes availability. */
function failedShareWithout(graph: Graph, client: DesignNode, down: string): number {
  const memo = new Map<string, number>();
  const onPath = new Set<string>();
  const up = (id: string): number => {
    if (id === down) return 0;
    const known = memo.get(id);
    if (known !== undefined) return known;
    if (onPath.has(id)) return 1;
    onPath.add(id);
    let a = 1;
    const branches: DesignEdge[] = [];
    for (const edge of graph.syncOut.get(id)!) {
      if (graph.routes.get(edge.id)?.branch) branches.push(edge);
      else a *= optionalDependencyFactor(passShare(graph, edge), edge.callsPerRequest, up(edge.target));
    }
    // A router's branches exclude each other (a request needs only the one it takes), and its
    // health checks steer requests away from a target that is down while another is up.
    const weight = branches.reduce((w, e) => w + passShare(graph, e), 0);
    const live = branches.some((e) => e.target !== down) ? branches.filter((e) => e.target !== down) : branches;
    const liveWeight = live.reduce((w, e) => w + passShare(graph, e), 0);
    if (liveWeight > 0) a *= 1 - weight + live.reduce((sum, e) => sum + (passShare(graph, e) / liveWeight) * weight * optionalDependencyFactor(1, e.callsPerRequest, up(e.target)), 0);
    onPath.delete(id);
    memo.set(id, a);
    return a;
  };
  return 1 - up(client.id);
}

function singlePointsOfFailure(graph: Graph, options: StructureOptions): StructuralFinding[] {
  const findings: StructuralFinding[] = [];
  for (const node of graph.design.nodes) {
    if (sendsRequests(node)) continue;
    const f = readNodeFigures(node);
    if (f.instances > 1 || f.replicas > 0 || f.availability >= options.spofBelowAvailability) continue;
    let worstShare = 0;
    let worstClient: DesignNode | undefined;
    for (const client of graph.clients) {
      const share = failedShareWithout(graph, client, node.id);
      if (share > worstShare + 1e-12) {
        worstShare = share;
        worstClient = client;
      }
    }
    if (!worstClient || worstShare < options.spofMinFailedShare) continue;
    const hours = (1 - f.availability) * HOURS_PER_MONTH;
    const impact = worstShare >= 0.999 ? `every request from ${name(worstClient, worstClient.id)} fails` : `about ${formatPercent(worstShare)} of requests from ${name(worstClient, worstClient.id)} fail`;
    findings.push({
      category: 'single-point-of-failure',
      target: node.id,
      related: [],
      message: `${name(node, node.id)} runs as a single copy (${formatPercent(f.availability)} available, about ${hours.toFixed(1)} hours down a month), and while it is down ${impact}. A second instance, or a standby with failover, removes the single point.`,
    });
  }
  return findings;
}

/** The longest chain of sync calls from a node (node ids, the node first); loops cut. */
function longestSyncChain(graph: Graph, start: string): string[] {
  const memo = new Map<string, string[]>();
  const onPath = new Set<string>();
  const chain = (id: string): string[] => {
    const known = memo.get(id);
    if (known) return known;
    onPath.add(id);
    let best: string[] = [];
    for (const edge of graph.syncOut.get(id)!) {
      if (onPath.has(edge.target)) continue;
      const next = chain(edge.target);
      if (next.length > best.length) best = next;
    }
    onPath.delete(id);
    const result = [id, ...best];
    memo.set(id, result);
    return result;
  };
  return chain(start);
}

function synchronousChains(graph: Graph, options: StructureOptions): StructuralFinding[] {
  const findings: StructuralFinding[] = [];
  for (const client of graph.clients) {
    const path = longestSyncChain(graph, client.id);
    const hops = path.length - 1;
    const end = path[path.length - 1]!;
    if (hops <= options.maxSyncHops || findings.some((f) => f.target === end)) continue;
    const names = path.map((id) => graph.byId.get(id)?.label || id).join(' > ');
    findings.push({
      category: 'synchronous-chain',
      target: end,
      related: path.slice(1, -1),
      message: `A request from ${name(client, client.id)} can wait on ${hops} synchronous calls in a row (${names}). Each hop adds its own latency and its own chance of failing; beyond ${options.maxSyncHops}, ask which calls could be async or merged.`,
    });
  }
  return findings;
}

/** Databases reached from `start` by a sync path with no cache or CDN on it, with the caller at the end of that path. */
function uncachedDatabaseCallers(graph: Graph, start: DesignNode): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const calls = graph.syncOut.get(id)!;
    // Cache-aside: a caller that also asks a cache counts as cached even though its misses go straight to the database.
    const asksCache = calls.some((e) => cachesReads(graph.byId.get(e.target)!));
    for (const edge of calls) {
      const target = graph.byId.get(edge.target)!;
      if (cachesReads(target)) continue;
      if (isDatabase(target) && !asksCache && !found.has(target.id)) found.set(target.id, id);
      walk(target.id);
    }
  };
  walk(start.id);
  return found;
}

/** Where work starts: clients, and components fed by async messages (a queue's workers start their own sync calls). */
function entryPoints(graph: Graph): DesignNode[] {
  const fed = new Set(graph.design.edges.filter((e) => e.mode === 'async').map((e) => e.target));
  return graph.design.nodes.filter((n) => sendsRequests(n) || fed.has(n.id));
}

const workFrom = (entry: DesignNode) => (sendsRequests(entry) ? `each request from ${name(entry, entry.id)}` : `each job ${name(entry, entry.id)} takes`);

function missingCaches(graph: Graph, options: StructureOptions): StructuralFinding[] {
  const findings: StructuralFinding[] = [];
  for (const entry of entryPoints(graph)) {
    const uncached = uncachedDatabaseCallers(graph, entry);
    const visits = visitsFrom(graph, entry);
    for (const [dbId, callerId] of uncached) {
      if (findings.some((f) => f.target === dbId)) continue;
      const db = graph.byId.get(dbId)!;
      const { readShare } = readNodeFigures(db);
      const calls = visits.get(dbId) ?? 0;
      const readHeavy = hasPrimaryWithReplicas(db) && readShare >= options.readHeavyShare;
      if (!readHeavy && calls < options.manyCallsPerRequest) continue;
      const why = readHeavy ? `${Math.round(readShare * 100)}% of its work is reads` : `${workFrom(entry)} makes about ${calls.toFixed(1)} calls to it`;
      findings.push({
        category: 'missing-cache',
        target: dbId,
        related: [callerId],
        message: `${name(db, dbId)} is read with no cache in front (${why}), so every read is a database query. A cache on the read path would take most of them off it and cut their latency.`,
      });
    }
  }
  return findings;
}

function sharedDatabases(graph: Graph): StructuralFinding[] {
  const findings: StructuralFinding[] = [];
  for (const db of graph.design.nodes) {
    if (!isDatabase(db)) continue;
    const ownsData = (id: string) => {
      const caller = graph.byId.get(id);
      return caller !== undefined && traitsOf(caller.kind).ownsItsData === true;
    };
    const services = [...new Set(graph.design.edges.filter((e) => e.target === db.id && ownsData(e.source)).map((e) => e.source))];
    if (services.length < 2) continue;
    const names = services.map((id) => name(graph.byId.get(id), id));
    findings.push({
      category: 'shared-database',
      target: db.id,
      related: services,
      message: `${name(db, db.id)} is used directly by ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}: a change to its tables can break all of them, and none can scale or change its data on its own. Give each service its own data, or let one own it behind an API.`,
    });
  }
  return findings;
}

function unboundedQueues(graph: Graph): StructuralFinding[] {
  const findings: StructuralFinding[] = [];
  for (const node of graph.design.nodes) {
    const buffers = traitsOf(node.kind).buffersMessages;
    if (!buffers) continue;
    const what = buffers.noun;
    if ((graph.out.get(node.id) ?? []).length === 0) {
      findings.push({ category: 'unbounded-queue', target: node.id, related: [], message: `Nothing reads from ${name(node, node.id)}, so its ${what} pile up for ever. Connect a consumer to it.` });
    } else if (readNodeFigures(node).queueCapacity === 0) {
      findings.push({
        category: 'unbounded-queue',
        target: node.id,
        related: [],
        message: `${name(node, node.id)} has no limit on waiting ${what}: if consumers fall behind, the backlog and the delay grow without bound and nobody is told to slow down. A limit (with producers handling "full") turns that into back-pressure.`,
      });
    }
  }
  return findings;
}

function outsideApisOnRequestPath(graph: Graph): StructuralFinding[] {
  const findings: StructuralFinding[] = [];
  for (const client of graph.clients) {
    for (const id of visitsFrom(graph, client).keys()) {
      const node = graph.byId.get(id)!;
      if (!traitsOf(node.kind).externalVendor || findings.some((f) => f.target === id)) continue;
      const f = readNodeFigures(node);
      const limitRps = f.serviceMs > 0 ? (f.instances * f.concurrency * 1000) / f.serviceMs : Infinity;
      const callers = graph.design.edges.filter((e) => e.target === id && e.mode === 'sync').map((e) => e.id);
      const limit = Number.isFinite(limitRps) ? `, its rate limit (about ${Math.round(limitRps).toLocaleString('en-US')} requests/s)` : '';
      findings.push({
        category: 'synchronous-chain',
        target: id,
        related: callers,
        message: `Requests from ${name(client, client.id)} wait on ${name(node, id)}, a service run by someone else: its ${formatMs(f.serviceMs)} per call, its outages${limit} become yours. If the user need not wait for it, hand it to a queue; either way, set timeouts.`,
      });
    }
  }
  return findings;
}

function unusedComponents(graph: Graph): StructuralFinding[] {
  const reached = new Set<string>();
  const stack = graph.clients.map((c) => c.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const edge of graph.out.get(id) ?? []) stack.push(edge.target);
  }
  return graph.design.nodes
    .filter((n) => !sendsRequests(n) && !reached.has(n.id))
    .map((node) => {
      const f = readNodeFigures(node);
      const usd = monthlyCost(f.instances * (1 + f.replicas), f.pricePerHour, f.pricePerMillion, 0).totalUsdPerMonth;
      const cost = usd > 0 ? `, yet it costs ${formatUsd(usd)} a month` : '';
      return { category: 'cost' as const, target: node.id, related: [], message: `No traffic reaches ${name(node, node.id)}${cost}. Connect it or remove it.` };
    });
}

export function findStructuralIssues(design: Design, options: Partial<StructureOptions> = {}): StructuralFinding[] {
  const o: StructureOptions = { ...DEFAULT_STRUCTURE_OPTIONS, ...options };
  const graph = buildGraph(design);
  return [
    ...singlePointsOfFailure(graph, o),
    ...synchronousChains(graph, o),
    ...outsideApisOnRequestPath(graph),
    ...missingCaches(graph, o),
    ...sharedDatabases(graph),
    ...unboundedQueues(graph),
    ...unusedComponents(graph),
  ];
}

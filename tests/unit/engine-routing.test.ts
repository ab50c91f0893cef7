// Routers split, everything else fans out: the same design read by the model's routing, the
// analytic engine, the structural checks and the store.
import { beforeEach, describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic/design';
import { simulateDesign } from '../../src/engine/simulation';
import type { DesignSolution } from '../../src/engine/analytic/design-results';
import { routeEdges, sharesAfterConnect } from '../../src/model/routing';
import type { ComponentKind, Design, DesignEdge, DesignNode } from '../../src/model/types';
import { findStructuralIssues } from '../../src/scenarios/structure';
import { useDesignStore } from '../../src/store/designStore';

const STATION = { serviceMs: 10, serviceScv: 1, instances: 1, concurrency: 1, availability: 1, pricePerHour: 0, pricePerMillion: 0, queueCapacity: 0 };

function node(id: string, kind: ComponentKind, params: Record<string, number> = {}): DesignNode {
  const base = kind === 'client' ? { rps: 0 } : kind === 'load-balancer' ? { ...STATION, serviceMs: 0.001, concurrency: 1000 } : STATION;
  return { id, kind, label: id, params: { ...base, ...params }, position: { x: 0, y: 0 } };
}
const edge = (source: string, target: string, share = 1): DesignEdge => ({ id: `${source}->${target}`, source, target, mode: 'sync', share, callsPerRequest: 1 });
const design = (nodes: DesignNode[], edges: DesignEdge[]): Design => ({ id: 't', name: 't', nodes, edges, groups: [] });

// No network time, so the figures are the queues' alone.
const NO_NETWORK = { sameZone: 0, crossZone: 0, crossRegion: 0 };

function solved(d: Design): DesignSolution {
  const r = solveDesign(d, { findSaturationPoints: false, networkRttMs: NO_NETWORK });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r;
}

/** Client 200 req/s -> `front` -> three services, every connection at 100%. */
function threeBehind(front: ComponentKind, serviceParams: Record<string, number>[] = [{}, {}, {}]): Design {
  return design(
    [node('c', 'client', { rps: 200 }), node('front', front), ...serviceParams.map((p, i) => node(`s${i + 1}`, 'service', { serviceMs: 3, ...p }))],
    [edge('c', 'front'), edge('front', 's1'), edge('front', 's2'), edge('front', 's3')],
  );
}

describe('routing: shares out of a router are a split', () => {
  it('splits evenly when every connection says 100%, and by weight otherwise', () => {
    const even = routeEdges(threeBehind('load-balancer'));
    expect([...even.values()].slice(1).map((r) => r.take)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect([...even.values()].slice(1).every((r) => r.branch)).toBe(true);
    expect(even.get('c->front')).toMatchObject({ take: 1, branch: false });
    const weighted = threeBehind('load-balancer');
    weighted.edges[1]!.share = 1;
    weighted.edges[2]!.share = 0.5;
    weighted.edges[3]!.share = 0.5;
    expect([...routeEdges(weighted).values()].slice(1).map((r) => r.take)).toEqual([0.5, 0.25, 0.25]);
  });

  it("a router's call to a rate limiter is a check every request makes, not a branch", () => {
    const d = threeBehind('api-gateway');
    d.nodes.push(node('limiter', 'rate-limiter'));
    d.edges.splice(1, 0, edge('front', 'limiter'));
    const routes = routeEdges(d);
    expect(routes.get('front->limiter')).toMatchObject({ take: 1, branch: false });
    expect(routes.get('front->s1')!.take).toBeCloseTo(1 / 3, 12);
    const r = solved(d);
    expect(r.components.limiter!.offeredRps).toBeCloseTo(200, 9);
    expect(r.components.s3!.offeredRps).toBeCloseTo(200 / 3, 9);
  });

  it('keeps fan-out out of a service: each connection is taken with its own share', () => {
    const routes = routeEdges(threeBehind('service'));
    expect([...routes.values()].map((r) => r.take)).toEqual([1, 1, 1, 1]);
    expect([...routes.values()].some((r) => r.branch)).toBe(false);
  });

  it('leaves out of the split what the engines ignore, and sends nothing when every weight is 0', () => {
    const d = threeBehind('api-gateway');
    d.edges.push(edge('front', 'c'), edge('front', 'ghost'));
    const routes = routeEdges(d);
    expect(routes.get('front->s1')!.take).toBeCloseTo(1 / 3, 12);
    expect(routes.has('front->c')).toBe(false);
    expect(routes.has('front->ghost')).toBe(false);
    for (const e of d.edges) if (e.source === 'front') e.share = 0;
    expect(routeEdges(d).get('front->s2')!.take).toBe(0);
  });

  it('a new target joins an even split evenly, and an uneven one at the mean weight', () => {
    const mk = (id: string, share: number): DesignEdge => ({ id, source: 'lb', target: id, mode: 'sync', share, callsPerRequest: 1 });
    expect(sharesAfterConnect([], 'a')).toEqual({ a: 1 });
    expect(sharesAfterConnect([mk('a', 0.5), mk('b', 0.5)], 'c')).toEqual({ a: 1 / 3, b: 1 / 3, c: 1 / 3 });
    const uneven = sharesAfterConnect([mk('a', 0.75), mk('b', 0.25)], 'c');
    expect(uneven.a! / uneven.b!).toBeCloseTo(3, 12);
    expect(uneven.c).toBeCloseTo(1 / 3, 12);
    expect(uneven.a! + uneven.b! + uneven.c!).toBeCloseTo(1, 12);
  });
});

describe('analytic engine: a load balancer sends each request to one target', () => {
  it('Client 200 req/s -> LB -> 3 services offers each 66.7 req/s; a service in front offers each 200', () => {
    const split = solved(threeBehind('load-balancer'));
    for (const id of ['s1', 's2', 's3']) expect(split.components[id]!.offeredRps).toBeCloseTo(200 / 3, 9);
    const fanOut = threeBehind('service', [{ serviceMs: 1 }, { serviceMs: 1 }, { serviceMs: 1 }]);
    fanOut.nodes[1]!.params.concurrency = 100; // room for every request, so nothing caps the flow
    const fan = solved(fanOut);
    for (const id of ['s1', 's2', 's3']) expect(fan.components[id]!.offeredRps).toBeCloseTo(200, 9);
  });

  it('the flow takes one service: its mean is one M/M/1 visit, not three in a row', () => {
    const r = solved(threeBehind('load-balancer'));
    const rho = (200 / 3) * 0.003; // lambda (req/ms) times 3 ms
    const oneVisitMs = 3 / (1 - rho); // M/M/1 response time
    const lbMs = r.components.front!.meanResponseMs!;
    expect(r.flows[0]!.meanResponseMs).toBeCloseTo(lbMs + oneVisitMs, 6);
    const hops = r.flows[0]!.breakdown;
    expect(hops.filter((h) => h.branchOf === 'front').map((h) => h.nodeId)).toEqual(['s1', 's2', 's3']);
    expect(hops.find((h) => h.nodeId === 'front')!.branchOf).toBeNull();
    const branchTotal = hops.filter((h) => h.branchOf === 'front').reduce((s, h) => s + h.totalMs!, 0);
    expect(branchTotal).toBeCloseTo(oneVisitMs, 6);
  });

  it('a request needs only the branch it takes, and the balancer skips a target that is down: one service down half the time fails nothing while the other two are up', () => {
    // As the simulator routes: health checks steer requests away from a target that is down.
    const r = solved(threeBehind('load-balancer', [{ availability: 0.5 }, {}, {}]));
    expect(r.flows[0]!.availability).toBeCloseTo(1, 9);
    const fan = solved(threeBehind('service', [{ availability: 0.5, serviceMs: 1 }, { serviceMs: 1 }, { serviceMs: 1 }]));
    expect(fan.flows[0]!.availability).toBeCloseTo(0.5, 9);
  });

  it('the spread of a split is a mixture: two deterministic branches of 2 and 8 ms give a wider p99 than either alone', () => {
    const d = design(
      [node('c', 'client', { rps: 1 }), node('front', 'load-balancer'), node('fast', 'service', { serviceMs: 2, serviceScv: 0, concurrency: 100 }), node('slow', 'service', { serviceMs: 8, serviceScv: 0, concurrency: 100 })],
      [edge('c', 'front'), edge('front', 'fast'), edge('front', 'slow')],
    );
    const flow = solved(d).flows[0]!;
    expect(flow.meanResponseMs).toBeCloseTo(5 + 0.001, 2);
    // Variance 9 ms^2 (half at 2, half at 8): the p99 sits near the slow branch, far above the mean.
    expect(flow.p99ResponseMs!).toBeGreaterThan(7.5);
  });

  it('the structural check sees the split too: losing one of three branches is no single point of failure', () => {
    const d = threeBehind('load-balancer', [{ availability: 0.99 }, { availability: 0.99 }, { availability: 0.99 }]);
    d.nodes[1]!.params.availability = 0.99;
    expect(findStructuralIssues(d, { spofMinFailedShare: 0.5 }).filter((f) => f.category === 'single-point-of-failure').map((f) => f.target)).toEqual(['front']);
    // The balancer steers around a lost branch, so even a 5% threshold finds no single point behind it.
    expect(findStructuralIssues(d, { spofMinFailedShare: 0.05 }).filter((f) => f.category === 'single-point-of-failure').map((f) => f.target)).toEqual(['front']);
    // Behind a service that calls all three, each one is needed by every request.
    const fan = threeBehind('service', [{ availability: 0.99 }, { availability: 0.99 }, { availability: 0.99 }]);
    fan.nodes[1]!.params.availability = 0.99;
    expect(findStructuralIssues(fan, { spofMinFailedShare: 0.05 }).filter((f) => f.category === 'single-point-of-failure').map((f) => f.target).sort()).toEqual(['front', 's1', 's2', 's3']);
  });
});

describe('store: connecting out of a router', () => {
  const st = () => useDesignStore.getState();
  beforeEach(() => st().loadDesign({ id: 't', name: 'T', nodes: [], edges: [], groups: [] }));

  it('splits the new target in evenly; out of a service a new call is taken by every request', () => {
    const lb = st().addComponent('load-balancer', { x: 0, y: 0 });
    const svc = [1, 2, 3].map((i) => st().addComponent('service', { x: 100, y: i * 100 }));
    for (const s of svc) st().connect(lb, s);
    expect(st().design.edges.map((e) => e.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const db = st().addComponent('relational-db', { x: 200, y: 0 });
    st().connect(svc[0]!, db);
    expect(st().design.edges.find((e) => e.source === svc[0])!.share).toBe(1);
  });
});

describe('cache-aside: a store called beside a cache is asked only on a miss', () => {
  /** Client 200 req/s -> Service -> Cache (hit ratio 0.9) and -> Orders DB, side by side. */
  function aside(dbEdge: Partial<DesignEdge> = {}): Design {
    return design(
      [node('c', 'client', { rps: 200 }), node('svc', 'service', { concurrency: 100 }), node('cache', 'cache', { hitRatio: 0.9 }), node('db', 'relational-db', { concurrency: 100, replicas: 0, readShare: 0 })],
      // The store connection is drawn first: the lookup still happens before it.
      [edge('c', 'svc'), { ...edge('svc', 'db'), ...dbEdge }, edge('svc', 'cache')],
    );
  }

  it('routes the store call on a miss by default, whatever order the connections were drawn in', () => {
    const route = routeEdges(aside()).get('svc->db')!;
    expect(route).toMatchObject({ take: 1, branch: false, onCacheMiss: true });
    expect(route.missChance).toBeCloseTo(0.1, 12);
    expect(routeEdges(aside()).get('svc->cache')).toMatchObject({ onCacheMiss: false, missChance: 1 });
    expect(solved(aside()).components.db!.offeredRps).toBeCloseTo(20, 9);
  });

  it('a lookup made by half the requests shields only that half: misses 1 - 0.5 x 0.9', () => {
    const d = aside();
    d.edges.find((e) => e.target === 'cache')!.share = 0.5;
    expect(solved(d).components.db!.offeredRps).toBeCloseTo(200 * (1 - 0.5 * 0.9), 9);
  });

  it('two lookups a request: the store is asked when both miss, 0.1 x 0.1, in both engines (one lookup that may be made twice: 0.1 x (1 - 0.5 x 0.9))', () => {
    const d = aside();
    d.edges.find((e) => e.target === 'cache')!.callsPerRequest = 2;
    d.nodes.find((n) => n.id === 'cache')!.params.concurrency = 100; // room for 400 lookups a second
    expect(solved(d).components.db!.offeredRps).toBeCloseTo(200 * 0.01, 9);
    const sim = simulateDesign(d, { durationS: 400, warmupS: 5, seed: 3 });
    const simulated = sim.components.find((c) => c.nodeId === 'db')!.summary.offeredRps;
    // 2 req/s over 395 s is about 790 calls: a standard error near 3.6%.
    expect(Math.abs(simulated / 2 - 1), `simulated ${simulated}`).toBeLessThan(0.15);
    d.edges.find((e) => e.target === 'cache')!.callsPerRequest = 1.5;
    expect(solved(d).components.db!.offeredRps).toBeCloseTo(200 * 0.1 * (1 - 0.5 * 0.9), 9);
  });

  it('switched off (writes) or async, every request that takes the connection calls the store', () => {
    expect(solved(aside({ onCacheMiss: false })).components.db!.offeredRps).toBeCloseTo(200, 9);
    expect(routeEdges(aside({ mode: 'async' })).get('svc->db')!.onCacheMiss).toBe(false);
  });

  it('only data stores are behind a cache: a service called beside a cache is always called', () => {
    const d = aside();
    d.nodes.push(node('other', 'service'));
    d.edges.push(edge('svc', 'other'));
    expect(routeEdges(d).get('svc->other')!.onCacheMiss).toBe(false);
    expect(solved(d).components.other!.offeredRps).toBeCloseTo(200, 9);
  });
});

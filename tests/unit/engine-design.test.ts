import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../../src/model/types';
import { solveDesign } from '../../src/engine/analytic/design';
import type { DesignSolution } from '../../src/engine/analytic/design-results';
import { computeHeadroom } from '../../src/engine/analytic/headroom';
import { explainMainProblem } from '../../src/engine/analytic/explain';
import { NETWORK_RTT_MS } from '../../src/engine/analytic/network-latency';
import { solveStation } from '../../src/engine/analytic/station';
import { generateHealthyDesign } from '../../src/engine/analytic/generate';

// Every parameter is given explicitly, so these tests do not depend on catalog defaults.
const STATION_PARAMS = { serviceMs: 10, serviceScv: 1, instances: 1, concurrency: 1, availability: 1, pricePerHour: 0, pricePerMillion: 0, queueCapacity: 0 };

function node(id: string, kind: ComponentKind, params: Record<string, number> = {}, groupId?: string, label = id): DesignNode {
  const base: Record<string, number> =
    kind === 'client' ? { rps: 0 } : { ...STATION_PARAMS, ...(kind === 'cache' || kind === 'cdn' ? { hitRatio: 0 } : {}), ...(kind === 'relational-db' ? { replicas: 0, readShare: 0 } : {}) };
  return { id, kind, label, params: { ...base, ...params }, position: { x: 0, y: 0 }, ...(groupId ? { groupId } : {}) };
}

function edge(source: string, target: string, mode: 'sync' | 'async' = 'sync', share = 1, callsPerRequest = 1): DesignEdge {
  return { id: `${source}->${target}`, source, target, mode, share, callsPerRequest };
}

function design(nodes: DesignNode[], edges: DesignEdge[], groups: DesignGroup[] = []): Design {
  return { id: 'test', name: 'test', nodes, edges, groups };
}

function solved(d: Design, options: Parameters<typeof solveDesign>[1] = {}): DesignSolution {
  const result = solveDesign(d, options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  return result;
}

function group(id: string, kind: 'region' | 'zone', parentId?: string): DesignGroup {
  return { id, kind, label: id, position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, ...(parentId ? { parentId } : {}) };
}

/** Every number anywhere in the value is finite (no NaN, no Infinity). */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

const API = { serviceMs: 10, concurrency: 4 };
const DB = { serviceMs: 5, concurrency: 2 };

describe('design validation', () => {
  it('rejects a loop of sync calls, naming the components', () => {
    const d = design(
      [node('users', 'client', { rps: 10 }), node('api', 'service', {}, undefined, 'API'), node('auth', 'service', {}, undefined, 'Auth')],
      [edge('users', 'api'), edge('api', 'auth'), edge('auth', 'api')],
    );
    const result = solveDesign(d);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/^Sync calls form a loop: (API -> Auth -> API|Auth -> API -> Auth)\. A request would wait on itself forever; make one of these calls async or remove it\.$/);
    expect([...result.errors[0]!.nodeIds].sort()).toEqual(['api', 'auth']);
  });

  it('accepts a loop that goes through an async hand-off', () => {
    const d = design(
      [node('users', 'client', { rps: 10 }), node('api', 'service', API), node('q', 'queue', { serviceMs: 1, concurrency: 10 })],
      [edge('users', 'api'), edge('api', 'q', 'async', 0.5), edge('q', 'api', 'async', 0.5)],
    );
    const result = solved(d);
    // api sees 10 + 0.25 * api, so 10 / 0.75.
    expect(result.components.api!.offeredRps).toBeCloseTo(10 / 0.75, 9);
  });

  it('reports traffic that grows without end around an async loop', () => {
    const d = design([node('users', 'client', { rps: 10 }), node('api', 'service', API), node('q', 'queue', { concurrency: 10 })], [edge('users', 'api'), edge('api', 'q', 'async', 1, 2), edge('q', 'api', 'async')]);
    const result = solved(d);
    expect(result.converged).toBe(false);
    expect(result.message).toMatch(/loop .*(api|q) -> .*: more requests go round it than leave it/);
  });

  it('names a connection to a missing component and ignores connections into a client', () => {
    const missing = solveDesign(design([node('users', 'client', { rps: 1 })], [edge('users', 'ghost')]));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0]!.message).toMatch(/"ghost", which does not exist/);
    const backwards = solved(design([node('users', 'client', { rps: 1 }), node('api', 'service', API)], [edge('users', 'api'), edge('api', 'users')]));
    expect(backwards.warnings[0]).toMatch(/clients send requests but do not receive them/);
  });
});

describe('sync calls hold the caller', () => {
  const build = (mode: 'sync' | 'async') =>
    design([node('users', 'client', { rps: 100 }), node('api', 'service', API), node('db', 'relational-db', DB)], [edge('users', 'api'), edge('api', 'db', mode)]);

  it('a caller with sync calls is busier than the same caller handing off asynchronously', () => {
    const sync = solved(build('sync'));
    const async = solved(build('async'));
    expect(sync.components.api!.utilization!).toBeGreaterThan(async.components.api!.utilization!);
    expect(async.components.api!.utilization!).toBeCloseTo((100 * 10) / 1000 / 4, 12);
    // Held time = one round trip in the zone plus the database's response. api's 4 workers are all
    // the callers the database has, so it queues less than an open M/M/2 at 100 rps, 5 ms would.
    const openResponse = solveStation(100, { servers: 2, serviceMs: 5, serviceScv: 1 }).meanResponseMs;
    const dbResponse = sync.components.db!.meanResponseMs!;
    expect(dbResponse).toBeGreaterThan(5);
    expect(dbResponse).toBeLessThan(openResponse);
    expect(sync.components.api!.heldMs!).toBeCloseTo(NETWORK_RTT_MS.sameZone + dbResponse, 9);
    expect(sync.components.api!.utilization!).toBeCloseTo((100 * (10 + NETWORK_RTT_MS.sameZone + dbResponse)) / 1000 / 4, 9);
  });

  it('async calls add load to their target but no time to the caller', () => {
    const sync = solved(build('sync'));
    const async = solved(build('async'));
    const without = solved(design([node('users', 'client', { rps: 100 }), node('api', 'service', API)], [edge('users', 'api')]));
    expect(async.components.db!.offeredRps).toBeCloseTo(100, 12);
    expect(async.flows[0]!.meanResponseMs!).toBeCloseTo(without.flows[0]!.meanResponseMs!, 12);
    expect(sync.flows[0]!.meanResponseMs!).toBeGreaterThan(async.flows[0]!.meanResponseMs! + 5);
    expect(async.flows[0]!.breakdown.map((h) => h.nodeId)).toEqual(['api']);
  });

  it('end-to-end mean = network to the entry + entry response, and the breakdown adds up to it', () => {
    const result = solved(build('sync'));
    const flow = result.flows[0]!;
    expect(flow.meanResponseMs!).toBeCloseTo(NETWORK_RTT_MS.sameZone + result.components.api!.meanResponseMs!, 9);
    const sum = flow.breakdown.reduce((s, h) => s + h.totalMs!, 0);
    expect(sum).toBeCloseTo(flow.meanResponseMs!, 9);
    expect(flow.criticalPath).toEqual(['users', 'api', 'db']);
    expect(flow.p99ResponseMs!).toBeGreaterThanOrEqual(result.components.api!.p99ResponseMs!);
  });

  it('the critical path follows the slowest sync call', () => {
    const d = design(
      [node('users', 'client', { rps: 10 }), node('api', 'service', API), node('fast', 'cache', { serviceMs: 0.1 }), node('slow', 'third-party-api', { serviceMs: 300, concurrency: 30 })],
      [edge('users', 'api'), edge('api', 'fast'), edge('api', 'slow', 'sync', 0.5)],
    );
    expect(solved(d).flows[0]!.criticalPath).toEqual(['users', 'api', 'slow']);
  });
});

describe('caches, replicas and queue limits', () => {
  it('only cache misses go downstream', () => {
    const build = (hitRatio: number) =>
      design([node('users', 'client', { rps: 1000 }), node('cache', 'cache', { serviceMs: 0.1, hitRatio }), node('db', 'relational-db', { ...DB, concurrency: 8 })], [edge('users', 'cache'), edge('cache', 'db')]);
    const low = solved(build(0.5));
    const high = solved(build(0.9));
    expect(low.components.db!.offeredRps).toBeCloseTo(500, 9);
    expect(high.components.db!.offeredRps).toBeCloseTo(100, 9);
    expect(high.components.db!.utilization!).toBeLessThan(low.components.db!.utilization!);
    expect(high.components.cache!.offeredRps).toBeCloseTo(1000, 9);
  });

  it('reads spread over primary and replicas; the primary carries all writes', () => {
    const d = design([node('users', 'client', { rps: 1000 }), node('db', 'relational-db', { serviceMs: 2, concurrency: 4, replicas: 3, readShare: 0.8 })], [edge('users', 'db')]);
    const db = solved(d).components.db!;
    // Primary: 20% writes + a quarter of the 80% reads = 400 rps; each replica 200 rps.
    expect(db.utilization!).toBeCloseTo((400 * 2) / 1000 / 4, 12);
    expect(db.replicaUtilization!).toBeCloseTo((200 * 2) / 1000 / 4, 12);
    const primary = solveStation(400, { servers: 4, serviceMs: 2, serviceScv: 1 });
    const replica = solveStation(200, { servers: 4, serviceMs: 2, serviceScv: 1 });
    expect(db.meanResponseMs!).toBeCloseTo(0.4 * primary.meanResponseMs + 0.6 * replica.meanResponseMs, 9);
    expect(db.meanQueueLength!).toBeCloseTo(primary.meanQueueLength + 3 * replica.meanQueueLength, 9);
  });

  it('a queue limit turns requests away (M/M/c/K) and only accepted ones go on', () => {
    const d = design(
      [node('users', 'client', { rps: 250 }), node('api', 'service', { serviceMs: 10, concurrency: 2, queueCapacity: 8 }), node('store', 'object-storage', { serviceMs: 1, concurrency: 10 })],
      [edge('users', 'api'), edge('api', 'store', 'async')],
    );
    const result = solved(d);
    const api = result.components.api!;
    expect(result.converged).toBe(true);
    expect(api.blockingProbability).toBeCloseTo(0.221395, 5);
    expect(api.throughputRps!).toBeCloseTo(194.6513, 3);
    expect(api.utilization!).toBeCloseTo(0.973256, 5);
    expect(result.components.store!.offeredRps).toBeCloseTo(api.throughputRps!, 9);
  });
});

describe('network time between zones and regions', () => {
  const groups = [group('east', 'region'), group('east-a', 'zone', 'east'), group('east-b', 'zone', 'east'), group('west', 'region'), group('west-a', 'zone', 'west')];
  const networkTo = (dbGroup: string | undefined) => {
    const d = design([node('users', 'client', { rps: 1 }), node('api', 'service', API, 'east-a'), node('db', 'relational-db', DB, dbGroup)], [edge('users', 'api'), edge('api', 'db')], groups);
    return solved(d).flows[0]!.breakdown.find((h) => h.nodeId === 'db')!.networkMs;
  };

  it('uses the round trip for the pair of places', () => {
    expect(networkTo('east-a')).toBeCloseTo(0.5, 12);
    expect(networkTo('east-b')).toBeCloseTo(1.5, 12);
    expect(networkTo('west-a')).toBeCloseTo(60, 12);
    expect(networkTo('west')).toBeCloseTo(60, 12);
    expect(networkTo(undefined)).toBeCloseTo(0.5, 12);
    expect(NETWORK_RTT_MS).toEqual({ sameZone: 0.5, crossZone: 1.5, crossRegion: 60 });
  });

  it('accepts other round-trip figures', () => {
    const d = design([node('users', 'client', { rps: 1 }), node('api', 'service', API, 'east-a'), node('db', 'relational-db', DB, 'east-b')], [edge('users', 'api'), edge('api', 'db')], groups);
    const result = solved(d, { networkRttMs: { sameZone: 0, crossZone: 7, crossRegion: 100 } });
    expect(result.components.api!.heldMs! - result.components.db!.meanResponseMs!).toBeCloseTo(7, 12);
  });
});

describe('availability and cost', () => {
  it('database shards are not spares: each request needs the shard with its key; only replicas are copies', () => {
    const DB = { serviceMs: 2, concurrency: 100, availability: 0.99 };
    const of = (params: Record<string, number>) => solved(design([node('users', 'client', { rps: 10 }), node('db', 'relational-db', { ...DB, ...params })], [edge('users', 'db')])).components.db!.availability;
    // Three shards and no replicas: as available as one node, not 1 - 0.01^3.
    expect(of({ instances: 3, replicas: 0 })).toBeCloseTo(0.99, 12);
    // One replica per shard: reads have two copies, writes still need the primary.
    expect(of({ instances: 3, replicas: 1, readShare: 0.8 })).toBeCloseTo(0.8 * (1 - 0.01 ** 2) + 0.2 * 0.99, 12);
    // A service's instances are interchangeable, so they are spares.
    const api = solved(design([node('users', 'client', { rps: 10 }), node('api', 'service', { serviceMs: 10, concurrency: 10, instances: 3, availability: 0.99 })], [edge('users', 'api')])).components.api!.availability;
    expect(api).toBeCloseTo(1 - 0.01 ** 3, 12);
  });

  it('parallel instances and series hops', () => {
    const build = (share: number) =>
      design(
        [node('users', 'client', { rps: 10 }), node('api', 'service', { ...API, instances: 2, availability: 0.99 }), node('db', 'relational-db', { ...DB, availability: 0.995 })],
        [edge('users', 'api'), edge('api', 'db', 'sync', share)],
      );
    const full = solved(build(1));
    expect(full.components.api!.availability).toBeCloseTo(0.9999, 12);
    expect(full.flows[0]!.availability).toBeCloseTo(0.9999 * 0.995, 12);
    expect(full.flows[0]!.failedShare).toBeCloseTo(1 - 0.9999 * 0.995, 12);
    const partial = solved(build(0.4));
    expect(partial.flows[0]!.availability).toBeCloseTo(0.9999 * (0.6 + 0.4 * 0.995), 12);
  });

  it('reads survive while any copy is up; writes need the primary', () => {
    const d = design([node('users', 'client', { rps: 10 }), node('db', 'relational-db', { ...DB, availability: 0.9, replicas: 2, readShare: 0.8 })], [edge('users', 'db')]);
    expect(solved(d).components.db!.availability).toBeCloseTo(0.8 * (1 - 0.1 ** 3) + 0.2 * 0.9, 12);
  });

  it('async targets do not count against the flow', () => {
    const d = design([node('users', 'client', { rps: 10 }), node('api', 'service', { ...API, availability: 0.99 }), node('w', 'worker', { availability: 0.5 })], [edge('users', 'api'), edge('api', 'w', 'async')]);
    expect(solved(d).flows[0]!.availability).toBeCloseTo(0.99, 12);
  });

  it('costs instance-hours (730 h) plus requests (2.628 million s per month)', () => {
    const d = design(
      [
        node('users', 'client', { rps: 100 }),
        node('api', 'service', { ...API, instances: 3, pricePerHour: 0.1 }),
        node('gw', 'api-gateway', { serviceMs: 1, concurrency: 10, pricePerMillion: 2 }),
        node('db', 'relational-db', { ...DB, pricePerHour: 0.17, replicas: 2, readShare: 0.5 }),
      ],
      [edge('users', 'gw'), edge('gw', 'api', 'async'), edge('api', 'db', 'async')],
    );
    const result = solved(d);
    expect(result.components.api!.cost.totalUsdPerMonth).toBeCloseTo(219, 9);
    expect(result.components.gw!.cost.requestsUsdPerMonth).toBeCloseTo(525.6, 9);
    expect(result.components.db!.cost.instancesUsdPerMonth).toBeCloseTo(3 * 0.17 * 730, 9);
    expect(result.cost.totalUsdPerMonth).toBeCloseTo(219 + 525.6 + 3 * 0.17 * 730, 9);
  });
});

describe('saturation, headroom and explanations', () => {
  const overloaded = () =>
    design(
      [node('users', 'client', { rps: 300 }), node('lb', 'load-balancer', { serviceMs: 0.5, concurrency: 1000 }), node('api', 'service', { serviceMs: 5, concurrency: 1 }, undefined, 'Orders API')],
      [edge('users', 'lb'), edge('lb', 'api')],
    );

  it('a saturated component reports no steady-state figures, and when it saturates', () => {
    const result = solved(overloaded());
    const api = result.components.api!;
    expect(api.saturated).toBe(true);
    expect(api.utilization!).toBeCloseTo(1.5, 12);
    expect([api.throughputRps, api.meanResponseMs, api.p99ResponseMs, api.meanWaitMs]).toEqual([null, null, null, null]);
    // Capacity 1 / 5 ms = 200 rps, found to 0.1%.
    expect(Math.abs(api.saturatesAtRps! - 200) / 200).toBeLessThanOrEqual(1e-3);
    expect(solved(overloaded(), { findSaturationPoints: false }).components.api!.saturatesAtRps).toBeNull();
    // The load balancer's workers wait on the API forever: saturated because of it.
    const lb = result.components.lb!;
    expect(lb.saturated).toBe(true);
    expect(lb.saturationCauseId).toBe('api');
    expect(lb.utilization).toBeNull();
    expect(result.flows[0]!.saturated).toBe(true);
    expect(result.flows[0]!.meanResponseMs).toBeNull();
    expect([...result.saturated].sort()).toEqual(['api', 'lb']);
    expect(allFinite(result)).toBe(true);
  });

  it('headroom: the highest rate before something saturates, and what gives out', () => {
    const alone = computeHeadroom(design([node('users', 'client', { rps: 10 }), node('api', 'service', API)], [edge('users', 'api')]));
    expect(alone.ok && alone.entries[0]!.maxRps).toBeCloseTo(400, 0);
    expect(alone.ok && alone.entries[0]!.limitingNodeId).toBe('api');
    // With a sync call to a database that tops out at 400 rps, the API's held workers run out first.
    const withDb = computeHeadroom(
      design([node('users', 'client', { rps: 10 }), node('api', 'service', API), node('db', 'relational-db', { serviceMs: 5, concurrency: 2 })], [edge('users', 'api'), edge('api', 'db')]),
    );
    expect(withDb.ok).toBe(true);
    if (!withDb.ok) return;
    expect(withDb.entries[0]!.limitingNodeId).toBe('api');
    expect(withDb.entries[0]!.maxRps!).toBeLessThan(400 * (10 / 15.5));
    const at = solved(design([node('users', 'client', { rps: withDb.entries[0]!.maxRps! * 0.999 }), node('api', 'service', API), node('db', 'relational-db', { serviceMs: 5, concurrency: 2 })], [edge('users', 'api'), edge('api', 'db')]));
    expect(at.saturated).toEqual([]);
    expect(at.components.api!.utilization!).toBeGreaterThan(0.99);
  });

  it('headroom with a queue limit stops where rejections pass 1%', () => {
    const result = computeHeadroom(design([node('users', 'client', { rps: 10 }), node('api', 'service', { ...API, queueCapacity: 20 })], [edge('users', 'api')]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const entry = result.entries[0]!;
    expect(entry.reason).toBe('rejects');
    const at = solved(design([node('users', 'client', { rps: entry.maxRps! }), node('api', 'service', { ...API, queueCapacity: 20 })], [edge('users', 'api')]));
    expect(at.components.api!.blockingProbability).toBeCloseTo(0.01, 3);
  });

  it('explains the main problem in words, with advice for the kind', () => {
    const saturated = solved(overloaded());
    const text = explainMainProblem(overloaded(), saturated);
    expect(text?.nodeId).toBe('api');
    expect(text?.text).toMatch(/^Orders API is overloaded: it is sent 300 requests\/s but can finish at most about 200 requests\/s/);

    const hotDb = design([node('users', 'client', { rps: 185 }), node('db', 'relational-db', { serviceMs: 5, readShare: 0.9 }, undefined, 'Orders DB')], [edge('users', 'db')]);
    const hot = explainMainProblem(hotDb, solved(hotDb));
    expect(hot?.text).toMatch(/^Orders DB is at 93% utilization, so each request waits about \d+ ms there/);
    expect(hot?.text).toMatch(/read replica or a cache in front/);

    const calm = design([node('users', 'client', { rps: 10 }), node('api', 'service', API)], [edge('users', 'api')]);
    expect(explainMainProblem(calm, solved(calm))).toBeNull();
  });
});

describe('generated designs', () => {
  it('a healthy generated design solves with nothing saturated and every figure finite', () => {
    const d = generateHealthyDesign({ components: 300, seed: 7 });
    const result = solved(d);
    expect(d.nodes).toHaveLength(300);
    expect(result.converged).toBe(true);
    expect(result.saturated).toEqual([]);
    expect(Object.values(result.components).every((c) => c.utilization! <= 0.7)).toBe(true);
    expect(allFinite(result)).toBe(true);
  });
});

// ---- Property tests on random designs ----

const STATION_KINDS: ComponentKind[] = ['service', 'cache', 'relational-db', 'worker', 'queue', 'nosql'];

interface RandomDesignOptions {
  queueLimits: boolean;
}

function randomDesign({ queueLimits }: RandomDesignOptions): fc.Arbitrary<Design> {
  const station = fc.record({
    kind: fc.constantFrom(...STATION_KINDS),
    serviceMs: fc.double({ min: 0.5, max: 30, noNaN: true }),
    serviceScv: fc.double({ min: 0, max: 3, noNaN: true }),
    instances: fc.integer({ min: 1, max: 4 }),
    concurrency: fc.integer({ min: 1, max: 8 }),
    hitRatio: fc.double({ min: 0, max: 0.95, noNaN: true }),
    replicas: fc.integer({ min: 0, max: 2 }),
    readShare: fc.double({ min: 0, max: 1, noNaN: true }),
    queueCapacity: queueLimits ? fc.constantFrom(0, 0, 3, 40) : fc.constant(0),
    zone: fc.constantFrom(undefined, 'a', 'b', 'c'),
  });
  return fc
    .record({
      clients: fc.array(fc.double({ min: 0, max: 150, noNaN: true }), { minLength: 1, maxLength: 2 }),
      stations: fc.array(station, { minLength: 1, maxLength: 7 }),
      links: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), sync: fc.boolean(), share: fc.double({ min: 0, max: 1, noNaN: true }), calls: fc.constantFrom(0.5, 1, 1, 2) }), { maxLength: 14 }),
    })
    .map(({ clients, stations, links }) => {
      const nodes = [
        ...clients.map((rps, i) => node(`c${i}`, 'client', { rps })),
        ...stations.map((s, i) => {
          const { kind, zone, ...params } = s;
          return node(`s${i}`, kind, params, zone === undefined ? undefined : `zone-${zone}`);
        }),
      ];
      // Links only go forward, so sync calls never loop; every client calls at least the first station.
      const edges: DesignEdge[] = clients.map((_, i) => edge(`c${i}`, 's0'));
      const seen = new Set(edges.map((e) => e.id));
      for (const l of links) {
        const from = l.from % nodes.length;
        const firstStation = Math.max(from + 1, clients.length);
        if (firstStation >= nodes.length) continue;
        const to = firstStation + (l.to % (nodes.length - firstStation));
        const e = edge(nodes[from]!.id, nodes[to]!.id, l.sync ? 'sync' : 'async', l.share, l.calls);
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        edges.push(e);
      }
      const groups = [group('east', 'region'), group('zone-a', 'zone', 'east'), group('zone-b', 'zone', 'east'), group('zone-c', 'region')];
      return design(nodes, edges, groups);
    });
}

function scaleClients(d: Design, factor: number): Design {
  return { ...d, nodes: d.nodes.map((n) => (n.kind === 'client' ? { ...n, params: { ...n.params, rps: n.params.rps! * factor } } : n)) };
}

describe('design laws (property tests)', () => {
  it('results are finite, percentiles ordered, and saturated components carry no steady-state figures', () => {
    fc.assert(
      fc.property(randomDesign({ queueLimits: true }), (d) => {
        const result = solved(d);
        if (!allFinite(result)) return false;
        const ordered = (x: { p50ResponseMs: number | null; p95ResponseMs: number | null; p99ResponseMs: number | null }) =>
          x.p50ResponseMs === null || (x.p50ResponseMs <= x.p95ResponseMs! && x.p95ResponseMs! <= x.p99ResponseMs!);
        const components = Object.values(result.components);
        const consistent = components.every((c) => (c.saturated ? c.meanResponseMs === null && c.throughputRps === null : c.meanResponseMs !== null && c.p99ResponseMs! >= 0));
        return components.every(ordered) && result.flows.every(ordered) && consistent;
      }),
      { numRuns: 150 },
    );
  });

  it("Little's law per component: waiting requests = throughput * mean wait", () => {
    fc.assert(
      fc.property(randomDesign({ queueLimits: true }), (d) => {
        const result = solved(d);
        return Object.values(result.components).every((c) => {
          if (c.saturated) return true;
          const little = (c.throughputRps! * c.meanWaitMs!) / 1000;
          return Math.abs(c.meanQueueLength! - little) <= 1e-7 * Math.max(1, little);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('flow conservation: what a component is offered is what its callers pass on (misses only, from caches)', () => {
    fc.assert(
      fc.property(randomDesign({ queueLimits: true }), (d) => {
        const result = solved(d);
        fc.pre(result.converged);
        const passedOn = (id: string): number => {
          const n = d.nodes.find((x) => x.id === id)!;
          if (n.kind === 'client') return n.params.rps!;
          const c = result.components[id]!;
          const out = c.throughputRps ?? c.offeredRps;
          return n.kind === 'cache' ? out * (1 - n.params.hitRatio!) : out;
        };
        return Object.values(result.components).every((c) => {
          const expected = d.edges.filter((e) => e.target === c.nodeId).reduce((sum, e) => sum + passedOn(e.source) * e.share * e.callsPerRequest, 0);
          return Math.abs(c.offeredRps - expected) <= 1e-7 * Math.max(1, expected) && Math.abs(c.offeredRps * (1 - c.blockingProbability) - (c.throughputRps ?? c.offeredRps)) <= 1e-7 * Math.max(1, c.offeredRps);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('utilization = lambda / (c mu) for hand-off components (no sync calls out, no queue limit, no replicas)', () => {
    fc.assert(
      fc.property(randomDesign({ queueLimits: false }), (d) => {
        const result = solved(d);
        return d.nodes.every((n) => {
          if (n.kind === 'client' || (n.params.replicas ?? 0) > 0) return true;
          if (d.edges.some((e) => e.source === n.id && e.mode === 'sync')) return true;
          const c = result.components[n.id]!;
          const expected = (c.offeredRps * n.params.serviceMs!) / 1000 / (n.params.instances! * n.params.concurrency!);
          return Math.abs(c.utilization! - expected) <= 1e-12 * Math.max(1, expected);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('each flow breakdown adds up to the flow mean', () => {
    fc.assert(
      fc.property(randomDesign({ queueLimits: true }), (d) => {
        const result = solved(d);
        return result.flows.every((f) => f.saturated || Math.abs(f.breakdown.reduce((s, h) => s + h.totalMs!, 0) - f.meanResponseMs!) <= 1e-9 * Math.max(1, f.meanResponseMs!));
      }),
      { numRuns: 150 },
    );
  });

  it('more load never lowers latency', () => {
    fc.assert(
      fc.property(randomDesign({ queueLimits: false }), fc.double({ min: 1, max: 2, noNaN: true }), (d, factor) => {
        const base = solved(d);
        const more = solved(scaleClients(d, factor));
        const flowsOk = base.flows.every((f, i) => more.flows[i]!.saturated || more.flows[i]!.meanResponseMs! >= f.meanResponseMs! * (1 - 1e-12));
        const componentsOk = Object.values(base.components).every((c) => {
          const m = more.components[c.nodeId]!;
          return m.saturated || m.meanResponseMs! >= c.meanResponseMs! * (1 - 1e-12);
        });
        return flowsOk && componentsOk;
      }),
      { numRuns: 150 },
    );
  });

  it('more servers never raise latency', () => {
    fc.assert(
      fc.property(randomDesign({ queueLimits: false }), fc.nat(), (d, pick) => {
        const base = solved(d);
        fc.pre(base.saturated.length === 0);
        const stations = d.nodes.filter((n) => n.kind !== 'client');
        const target = stations[pick % stations.length]!;
        const wider = solved({ ...d, nodes: d.nodes.map((n) => (n === target ? { ...n, params: { ...n.params, instances: n.params.instances! + 1 } } : n)) });
        const flowsOk = base.flows.every((f, i) => wider.flows[i]!.meanResponseMs! <= f.meanResponseMs! * (1 + 1e-12));
        const componentsOk = Object.values(base.components).every((c) => wider.components[c.nodeId]!.meanResponseMs! <= c.meanResponseMs! * (1 + 1e-12));
        return flowsOk && componentsOk;
      }),
      { numRuns: 150 },
    );
  });
});

describe('event-driven proxies do not hold workers on sync calls', () => {
  const slowBackend = { serviceMs: 100, instances: 10, concurrency: 16 };
  const front = { serviceMs: 0.5, concurrency: 16 };
  const chain = (frontKind: ComponentKind) =>
    design([node('users', 'client', { rps: 1000 }), node('front', frontKind, front), node('app', 'service', slowBackend)], [edge('users', 'front'), edge('front', 'app')]);

  it('a load balancer in front of a slow service stays lightly loaded, yet the flow includes the service time', () => {
    const r = solved(chain('load-balancer'));
    const lb = r.components.front!;
    expect(lb.saturated).toBe(false);
    expect(lb.utilization!).toBeCloseTo((1000 * 0.5) / 1000 / 16, 6);
    expect(lb.heldMs).toBe(0);
    expect(r.flows[0]!.meanResponseMs!).toBeGreaterThan(100);
  });

  it('a service in the same place holds a worker per call and saturates', () => {
    const r = solved(chain('service'));
    expect(r.components.front!.saturated).toBe(true);
    expect(r.components.front!.saturationCauseId).toBe('front');
  });
});

describe('traffic per connection', () => {
  it('is the source rate times share and calls, with only cache misses going on', () => {
    const d = design(
      [node('users', 'client', { rps: 100 }), node('api', 'service', { concurrency: 8 }), node('cache', 'cache', { hitRatio: 0.8, serviceMs: 0.1 }), node('db', 'relational-db', { concurrency: 8 })],
      [edge('users', 'api'), edge('api', 'cache', 'sync', 0.5, 2), edge('cache', 'db')],
    );
    const r = solved(d);
    expect(r.edgeRps['users->api']).toBeCloseTo(100, 9);
    expect(r.edgeRps['api->cache']).toBeCloseTo(100 * 0.5 * 2, 9);
    expect(r.edgeRps['cache->db']).toBeCloseTo(100 * (1 - 0.8), 9);
    expect(r.components.db!.offeredRps).toBeCloseTo(r.edgeRps['cache->db']!, 9);
  });
});

describe('tiny rates', () => {
  // Found by the property test above: at a denormal rate (3e-323 req/s) the primary/replica split
  // was computed from a ratio of denormals and the mean response went down as load went up.
  it('more load never lowers latency, even at a trickle into a database with replicas', () => {
    const db = node('s0', 'relational-db', { serviceMs: 0.5, serviceScv: 0, replicas: 2, readShare: 0.9750000000000001 });
    const at = (rps: number) => solved(design([node('c0', 'client', { rps }), db], [edge('c0', 's0')]));
    for (const rps of [3e-323, 1e-320, 1e-300, 1e-12]) {
      for (const factor of [1.5833333333333335, 1.1, 2]) {
        expect(at(rps * factor).flows[0]!.meanResponseMs!, `${rps} x ${factor}`).toBeGreaterThanOrEqual(at(rps).flows[0]!.meanResponseMs! * (1 - 1e-12));
      }
    }
  });
});

describe('explaining a busy component with many servers', () => {
  it('leads with the room left, not a near-zero wait', () => {
    // 96 workers at 84%: Erlang C keeps the wait tiny, yet 1.2x the load saturates it.
    const d = design([node('users', 'client', { rps: 800 }), node('w', 'worker', { serviceMs: 100, instances: 6, concurrency: 16 }, undefined, 'Label workers')], [edge('users', 'w', 'async')]);
    const text = explainMainProblem(d, solved(d))!.text;
    expect(text).toMatch(/^Label workers is at 83% utilization\. Requests barely wait yet \(about [\d.]+ ms\), but it can take only about 1\.2× today's load before it saturates\./);
  });
});

describe('a rate limiter turns away what is over its limit', () => {
  // 2,000 requests/s through a limiter of 1,200/s to a service that could take 3,000/s.
  const limited = (rps: number, limitRps = 1200) =>
    design(
      [node('users', 'client', { rps }), node('limiter', 'rate-limiter', { serviceMs: 0.5, serviceScv: 0, concurrency: 50, limitRps }), node('api', 'service', { serviceMs: 10, concurrency: 30 })],
      [edge('users', 'limiter'), edge('limiter', 'api')],
    );

  it('passes only its limit on, and says the rest are turned away', () => {
    const s = solved(limited(2000));
    const byId = s.components;
    expect(byId.limiter!.blockingProbability).toBeCloseTo(0.4, 9);
    expect(byId.limiter!.rateLimitRps).toBe(1200);
    expect(byId.api!.offeredRps).toBeCloseTo(1200, 6);
    // The limiter still checks every request: its own load is the full 2,000/s.
    expect(byId.limiter!.offeredRps).toBeCloseTo(2000, 6);
    expect(byId.api!.saturated).toBe(false);
    const problem = explainMainProblem(limited(2000), s)!;
    expect(problem.nodeId).toBe('limiter');
    expect(problem.text).toMatch(/turns away 40% of the requests sent to it: they are over its limit of 1,200 requests\/s/);
  });

  it('turns nobody away below the limit, and is not reported as limiting', () => {
    const byId = solved(limited(1000)).components;
    expect(byId.limiter!.blockingProbability).toBe(0);
    expect(byId.limiter!.rateLimitRps).toBeNull();
    expect(byId.api!.offeredRps).toBeCloseTo(1000, 6);
  });

  it('protects a service that would saturate without it', () => {
    const unprotected = design([node('users', 'client', { rps: 4000 }), node('api', 'service', { serviceMs: 10, concurrency: 30 })], [edge('users', 'api')]);
    expect(solved(unprotected).components.api!.saturated).toBe(true);
    const protectedApi = solved(limited(4000)).components.api!;
    expect(protectedApi.saturated).toBe(false);
    expect(protectedApi.utilization).toBeCloseTo(1200 / 3000, 6);
  });
});

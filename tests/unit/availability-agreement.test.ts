// The analytic availability and the simulator's measured availability tell the same story about
// small designs with failures on a timeline: a crash, a zone lost, a database failing over, a
// replicated database crashing, a partition, a balancer's seconds before its health checks notice
// a loss, a cache falling back, a slowdown behind a timeout (with and without a retry), a
// slowdown nothing gives up on. The
// analytic figure works each stretch of the timeline out with the request model of
// request-availability.ts (shared parts once, zones as a whole, routers steering around what is
// down); the simulator runs each design with several seeds, and the analytic figure must lie in
// its 95% interval. Light load (100 requests a second, 130 s) keeps the whole file to a few
// seconds of CPU.
import { describe, expect, it } from 'vitest';
import { compileDesign } from '../../src/engine/analytic';
import { timelineAvailability } from '../../src/engine/analytic/timeline-availability';
import { studentT975 } from '../../src/engine/metrics/batch-means';
import { simulateDesign } from '../../src/engine/simulation';
import { defaultParams } from '../../src/model/catalog';
import type { FailureEvent } from '../../src/model/failures';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../../src/model/types';

const DURATION_S = 130;
const WARMUP_S = 10;
const SEEDS = [1, 2, 3, 4];

const node = (id: string, kind: ComponentKind, params: Record<string, number> = {}, groupId?: string): DesignNode => ({
  id,
  kind,
  label: id,
  params: { ...defaultParams(kind), ...(kind === 'client' ? { rps: 100 } : { instances: 2, concurrency: 50, serviceMs: 2 }), ...params },
  position: { x: 0, y: 0 },
  ...(groupId ? { groupId } : {}),
});
const edge = (source: string, target: string, extra: Partial<DesignEdge> = {}): DesignEdge => ({ id: `${source}-${target}`, source, target, mode: 'sync', share: 1, callsPerRequest: 1, ...extra });
const group = (id: string, kind: 'zone' | 'region', parentId?: string): DesignGroup => ({ id, kind, label: id, position: { x: 0, y: 0 }, size: { width: 1, height: 1 }, ...(parentId ? { parentId } : {}) });
const designOf = (nodes: DesignNode[], edges: DesignEdge[], groups: DesignGroup[] = []): Design => ({ id: 'd', name: 'd', nodes, edges, groups });

/** The balancer retries a failed call once on another target, so the seconds its health checks take to notice a loss cost nothing. */
const RETRY_ELSEWHERE = { resilience: { retry: { maxRetries: 1 } } };

/** Behind a balancer, an API in zone a and one in `zoneOfB`, both calling a Multi-AZ database on the region. */
function twoApis(zoneOfB: string): Design {
  return designOf(
    [
      node('users', 'client'),
      node('lb', 'load-balancer', {}, 'region'),
      node('api-a', 'service', {}, 'zone-a'),
      node('api-b', 'service', {}, zoneOfB),
      node('db', 'relational-db', { concurrency: 100, serviceMs: 1 }, 'region'),
    ],
    [edge('users', 'lb'), edge('lb', 'api-a', { share: 0.5, ...RETRY_ELSEWHERE }), edge('lb', 'api-b', { share: 0.5, ...RETRY_ELSEWHERE }), edge('api-a', 'db'), edge('api-b', 'db')],
    [group('region', 'region'), group('zone-a', 'zone', 'region'), group('zone-b', 'zone', 'region')],
  );
}

/** A balancer sending half the requests to each of two API copies. */
function balancedPair(extra: Partial<DesignEdge>): Design {
  return designOf(
    [node('users', 'client'), node('lb', 'load-balancer'), node('a', 'service'), node('b', 'service')],
    [edge('users', 'lb'), edge('lb', 'a', { share: 0.5, ...extra }), edge('lb', 'b', { share: 0.5, ...extra })],
  );
}

/** An API calling a database whose 4 ms queries are exponential (SCV 1), over a connection with these settings. */
function slowDatabase(resilience: NonNullable<DesignEdge['resilience']>): Design {
  return designOf(
    [node('users', 'client'), node('api', 'service'), node('db', 'relational-db', { concurrency: 100, serviceMs: 4, serviceScv: 1 })],
    [edge('users', 'api'), edge('api', 'db', Object.keys(resilience).length > 0 ? { resilience } : {})],
  );
}

/** The network round trip of the design's API-to-database call, ms, as the engine counts it. */
function roundTripMs(design: Design): number {
  const built = compileDesign(design);
  if (!built.ok) throw new Error('does not compile');
  const { model } = built.compiled;
  const api = design.nodes.findIndex((n) => n.id === 'api');
  return model.edgeNetworkMs[model.outStart[api]!]!;
}

/** The chance an exponential query of this mean (ms) answers slowDatabase's API after its 30 ms timeout. */
const tooSlow = (meanMs: number) => Math.exp(-(30 - roundTripMs(slowDatabase({}))) / meanMs);

interface Case {
  name: string;
  design: Design;
  failures: FailureEvent[];
  /** The figure worked out by hand, to show the analytic one is not the simulator's echo. */
  byHand: number;
}

const CASES: Case[] = [
  {
    name: 'a database called twice, down for 30 of 120 s: a quarter of requests fail, not 1 - 0.75^2',
    design: designOf([node('users', 'client'), node('api', 'service'), node('db', 'relational-db', { concurrency: 100, serviceMs: 1 })], [edge('users', 'api'), edge('api', 'db', { callsPerRequest: 2 })]),
    failures: [{ kind: 'crash', nodeId: 'db', atS: 40, durationS: 30 }],
    byHand: 1 - 30 / 120,
  },
  {
    name: 'zone a lost for 40 s with the API copies in two zones: the balancer sends everything to zone b',
    design: twoApis('zone-b'),
    failures: [{ kind: 'group-outage', groupId: 'zone-a', atS: 40, durationS: 40 }],
    byHand: 1,
  },
  {
    name: 'zone a lost for 40 s with both API copies in it: a third of requests fail',
    design: twoApis('zone-a'),
    failures: [{ kind: 'group-outage', groupId: 'zone-a', atS: 40, durationS: 40 }],
    byHand: 1 - 40 / 120,
  },
  {
    name: 'a part half the requests need, down for 30 s, beside a database both paths share',
    design: designOf(
      [node('users', 'client'), node('front', 'service'), node('a', 'service'), node('b', 'service'), node('db', 'relational-db', { concurrency: 100, serviceMs: 1 })],
      [edge('users', 'front'), edge('front', 'a', { share: 0.5 }), edge('front', 'b'), edge('a', 'db'), edge('b', 'db')],
    ),
    failures: [{ kind: 'crash', nodeId: 'a', atS: 40, durationS: 30 }],
    byHand: 1 - 0.5 * (30 / 120),
  },
  {
    name: 'a database failing over: writes (20%) fail for the 20 s until a replica is promoted',
    design: designOf(
      [node('users', 'client'), node('api', 'service'), node('db', 'relational-db', { instances: 1, replicas: 1, readShare: 0.8, concurrency: 100, serviceMs: 1 })],
      [edge('users', 'api'), edge('api', 'db')],
    ),
    failures: [{ kind: 'db-failover', nodeId: 'db', atS: 40, durationS: 60, promoteAfterS: 20 }],
    byHand: 1 - 0.2 * (20 / 120),
  },
  {
    name: 'a database with a read replica crashing for 30 s: the whole component stops, reads too, so a quarter of requests fail',
    design: designOf(
      [node('users', 'client'), node('api', 'service'), node('db', 'relational-db', { instances: 1, replicas: 1, readShare: 0.8, concurrency: 100, serviceMs: 1 })],
      [edge('users', 'api'), edge('api', 'db')],
    ),
    failures: [{ kind: 'crash', nodeId: 'db', atS: 40, durationS: 30 }],
    byHand: 1 - 30 / 120,
  },
  {
    name: 'the network between the API and its database cut for 30 s: the calls that cross time out, a quarter of requests fail',
    design: designOf([node('users', 'client'), node('api', 'service'), node('db', 'relational-db', { concurrency: 100, serviceMs: 1 })], [edge('users', 'api'), edge('api', 'db', { resilience: { timeoutMs: 200 } })]),
    failures: [{ kind: 'partition', sideA: ['api'], sideB: ['db'], atS: 40, durationS: 30 }],
    byHand: 1 - 30 / 120,
  },
  {
    name: 'one of two copies behind a balancer crashes, no retries: half the requests fail for the 5 s its health checks take to notice',
    design: balancedPair({}),
    failures: [{ kind: 'crash', nodeId: 'a', atS: 40, durationS: 30 }],
    byHand: 1 - (0.5 * 5) / 120,
  },
  {
    name: 'the balancer cut off from one of two copies for 30 s: the same 5 s of half the requests timing out, then it steers around',
    design: balancedPair({ resilience: { timeoutMs: 300 } }),
    failures: [{ kind: 'partition', sideA: ['lb'], sideB: ['a'], atS: 40, durationS: 30 }],
    byHand: 1 - (0.5 * 5) / 120,
  },
  {
    name: 'a cache crashing for 30 s: its callers fall back to the database, and no request fails',
    design: designOf(
      [node('users', 'client'), node('api', 'service'), node('cache', 'cache', { hitRatio: 0.9 }), node('db', 'relational-db', { concurrency: 100, serviceMs: 1 })],
      [edge('users', 'api'), edge('api', 'cache'), edge('api', 'db')],
    ),
    failures: [{ kind: 'crash', nodeId: 'cache', atS: 40, durationS: 30 }],
    byHand: 1,
  },
  {
    name: 'a database five times slower for 30 s behind a 30 ms timeout: the calls whose answer takes longer fail',
    design: slowDatabase({ timeoutMs: 30 }),
    failures: [{ kind: 'slowdown', nodeId: 'db', atS: 40, durationS: 30, factor: 5 }],
    // Exponential service of 4 ms, slowed to 20 ms, with workers to spare (no wait): P(S > 30 ms - round trip), slowed for 30 s and not for 90.
    byHand: 1 - (30 / 120) * tooSlow(20) - (90 / 120) * tooSlow(4),
  },
  {
    name: 'the same, retried once: a request fails only when both calls are too slow',
    design: slowDatabase({ timeoutMs: 30, retry: { maxRetries: 1 } }),
    failures: [{ kind: 'slowdown', nodeId: 'db', atS: 40, durationS: 30, factor: 5 }],
    byHand: 1 - (30 / 120) * tooSlow(20) ** 2 - (90 / 120) * tooSlow(4) ** 2,
  },
  {
    name: 'a database five times slower for 30 s, with nothing that gives up on a slow request and room to spare: every request finishes, late',
    design: designOf([node('users', 'client'), node('api', 'service'), node('db', 'relational-db', { concurrency: 100, serviceMs: 1 })], [edge('users', 'api'), edge('api', 'db')]),
    failures: [{ kind: 'slowdown', nodeId: 'db', atS: 40, durationS: 30, factor: 5 }],
    byHand: 1,
  },
];

/** Mean and 95% half-width of the simulated availability over the seeds. */
function simulated(c: Case): { mean: number; halfWidth: number } {
  const runs = SEEDS.map((seed) => simulateDesign(c.design, { durationS: DURATION_S, warmupS: WARMUP_S, seed, failures: c.failures }).flows[0]!.summary.availability!);
  const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
  const variance = runs.reduce((a, x) => a + (x - mean) ** 2, 0) / (runs.length - 1);
  return { mean, halfWidth: studentT975(runs.length - 1) * Math.sqrt(variance / runs.length) };
}

function analytic(c: Case): number {
  const built = compileDesign(c.design);
  if (!built.ok) throw new Error(built.errors.map((e) => e.message).join('; '));
  const figures = timelineAvailability(built.compiled, c.failures, WARMUP_S, DURATION_S);
  if (!figures) throw new Error(`${c.name}: the analytic model does not cover this timeline`);
  return figures[built.compiled.clients[0]!]!;
}

describe('analytic and simulated availability agree under failures', { timeout: 120_000 }, () => {
  for (const c of CASES) {
    it(c.name, () => {
      const expected = analytic(c);
      // The slowdown cases invert a response-time law numerically: exact to about 1e-8.
      expect(expected).toBeCloseTo(c.byHand, 6);
      const sim = simulated(c);
      // At least one request in 10,000 of slack: requests in service at the moment of a crash fail too.
      expect(Math.abs(sim.mean - expected)).toBeLessThanOrEqual(Math.max(sim.halfWidth, 1e-4));
    });
  }

  it('the one-zone design loses what the two-zone design keeps, in both engines', () => {
    const [, spread, cramped] = CASES;
    expect(analytic(spread!) - analytic(cramped!)).toBeGreaterThan(0.3);
    expect(simulated(spread!).mean - simulated(cramped!).mean).toBeGreaterThan(0.3);
  });

  it('says so instead of guessing where timing decides: a slowdown something turns requests away on or that overloads, a partition that holds every worker', () => {
    const figure = (design: Design, failures: FailureEvent[]) => {
      const built = compileDesign(design);
      if (!built.ok) throw new Error('does not compile');
      return timelineAvailability(built.compiled, failures, WARMUP_S, DURATION_S);
    };
    const slow: FailureEvent = { kind: 'slowdown', nodeId: 'db', atS: 40, durationS: 30, factor: 5 };
    const plain = CASES.at(-1)!.design;
    expect(figure(plain, [slow])).not.toBeNull();
    // A queue with a limit: a slow database turns requests away, depending on how its queue fills.
    const limitedQueue = structuredClone(plain);
    limitedQueue.nodes[2]!.params.queueCapacity = 10;
    expect(figure(limitedQueue, [slow])).toBeNull();
    // Slowed 5,000 times (5 s a query), the database's 2 x 100 workers cannot keep up with 100 queries a second (2.5 times their work).
    expect(figure(plain, [{ ...slow, factor: 5_000 }])).toBeNull();
    // Slowed 1,000 times the database keeps up (50% busy), but the API's 100 workers, each held for a 1 s query, cannot.
    expect(figure(plain, [{ ...slow, factor: 1_000 }])).toBeNull();
    expect(figure(plain, [{ ...slow, factor: 100 }])).not.toBeNull();
    // Cut off from its database with no timeout, each call holds an API worker for the 3 s connect
    // timeout: 100 requests a second need 300 of its 100 workers, so most wait (and succeed once
    // the network heals) instead of failing. With a 200 ms timeout 20 workers are enough.
    const cut: FailureEvent = { kind: 'partition', sideA: ['api'], sideB: ['db'], atS: 40, durationS: 30 };
    expect(figure(plain, [cut])).toBeNull();
    expect(figure(CASES[7]!.design, [cut])).not.toBeNull();
  });
});

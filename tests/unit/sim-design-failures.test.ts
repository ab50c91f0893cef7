// Failures on the timeline and what resilience settings do about them, each effect measured
// against the same design without the setting (so every assertion could come out false).
import { describe, expect, it } from 'vitest';
import { simulateDesign, type DesignSimReport, type FailureEvent, type ResilienceSettings } from '../../src/engine/simulation';
import { defaultParams } from '../../src/model/catalog';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../../src/model/types';

const node = (id: string, kind: ComponentKind, params: Record<string, number> = {}, groupId?: string): DesignNode => ({ id, kind, label: id, params: { ...defaultParams(kind), ...params }, position: { x: 0, y: 0 }, ...(groupId ? { groupId } : {}) });
const edge = (id: string, source: string, target: string, mode: 'sync' | 'async' = 'sync', share = 1, callsPerRequest = 1): DesignEdge => ({ id, source, target, mode, share, callsPerRequest });
const designOf = (nodes: DesignNode[], edges: DesignEdge[], groups: DesignGroup[] = []): Design => ({ id: 'd', name: 'd', nodes, edges, groups });
const group = (id: string, kind: 'zone' | 'region', parentId?: string): DesignGroup => ({ id, kind, label: id, ...(parentId ? { parentId } : {}), position: { x: 0, y: 0 }, size: { width: 1, height: 1 } });

/** Mean of a series over the buckets starting in [fromS, toS), skipping empty buckets. */
function meanOver(report: DesignSimReport, series: (number | null)[], fromS: number, toS: number): number {
  const values = series.filter((x, b): x is number => x !== null && report.timeS[b]! >= fromS && report.timeS[b]! < toS);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
const component = (report: DesignSimReport, id: string) => report.components.find((c) => c.nodeId === id)!;

describe('retry storm', () => {
  const design = designOf(
    [node('users', 'client', { rps: 400 }), node('svc', 'service', { instances: 4, concurrency: 4, serviceMs: 10, serviceScv: 1 })],
    [edge('e1', 'users', 'svc')],
  );
  const slowdown: FailureEvent[] = [{ kind: 'slowdown', nodeId: 'svc', atS: 60, durationS: 60, factor: 5 }];
  const run = (maxRetries: number) =>
    simulateDesign(design, { durationS: 150, warmupS: 10, seed: 7, failures: slowdown, resilience: { edges: { e1: { timeoutMs: 100, retry: { maxRetries, baseBackoffMs: 10 } } } } });

  it('client retries with a short timeout multiply the load on a slowed component', () => {
    const plain = run(0);
    const retrying = run(3);
    const offered = (r: DesignSimReport, from: number, to: number) => meanOver(r, component(r, 'svc').series.offeredRps, from, to);
    expect(offered(retrying, 20, 60) / offered(plain, 20, 60)).toBeLessThan(1.05); // healthy: no retries needed
    expect(offered(plain, 70, 120)).toBeLessThan(440);
    expect(offered(retrying, 70, 120) / offered(plain, 70, 120)).toBeGreaterThan(2.5);
    // Metastable: once the queue is long, the retries keep it overloaded after the slowdown ends.
    expect(offered(retrying, 130, 150)).toBeGreaterThan(2 * offered(plain, 130, 150));
    expect(retrying.edges.find((e) => e.edgeId === 'e1')!.retries).toBeGreaterThan(10_000);
  });

  it('a retry budget caps the extra load', () => {
    const budgeted = simulateDesign(design, {
      durationS: 150,
      warmupS: 10,
      seed: 7,
      failures: slowdown,
      resilience: { edges: { e1: { timeoutMs: 100, retry: { maxRetries: 3, baseBackoffMs: 10, budgetRatio: 0.1 } } } },
    });
    const offered = meanOver(budgeted, component(budgeted, 'svc').series.offeredRps, 70, 120);
    expect(offered).toBeLessThan(400 * 1.15);
    expect(offered).toBeGreaterThan(400 * 1.05);
  });
});

describe('worker-pool exhaustion through sync calls', () => {
  const design = designOf(
    [
      node('users', 'client', { rps: 400 }),
      node('svc', 'service', { instances: 4, concurrency: 16, serviceMs: 5, serviceScv: 1 }),
      node('db', 'relational-db', { concurrency: 8, serviceMs: 4, serviceScv: 1 }),
    ],
    [edge('e1', 'users', 'svc'), edge('e2', 'svc', 'db')],
  );
  const run = (resilience: ResilienceSettings) =>
    simulateDesign(design, { durationS: 180, warmupS: 10, seed: 3, failures: [{ kind: 'slowdown', nodeId: 'db', atS: 60, durationS: 60, factor: 10 }], resilience });
  const plain = run({});

  it('cascades upstream when the database slows: the service saturates and its latency explodes', () => {
    const svc = component(plain, 'svc').series;
    expect(meanOver(plain, svc.utilization, 20, 60)).toBeLessThan(0.1);
    expect(meanOver(plain, svc.utilization, 80, 120)).toBeGreaterThan(0.97);
    expect(meanOver(plain, svc.queueLength, 100, 120)).toBeGreaterThan(1000);
    expect(meanOver(plain, svc.p99Ms, 80, 120)).toBeGreaterThan(50 * meanOver(plain, svc.p99Ms, 20, 60));
  });

  it('a timeout on the call keeps the service healthy, failing requests instead', () => {
    const guarded = run({ edges: { e2: { timeoutMs: 50 } } });
    const svc = component(guarded, 'svc').series;
    expect(meanOver(guarded, svc.utilization, 80, 120)).toBeLessThan(0.5);
    expect(meanOver(guarded, svc.queueLength, 80, 120)).toBeLessThan(1);
    expect(meanOver(guarded, svc.errorRps, 80, 120)).toBeGreaterThan(300);
    expect(guarded.overall.failedBy.timeout).toBeGreaterThan(10_000);
    // Both recover after the slowdown; the unguarded one only after draining its backlog.
    expect(meanOver(guarded, guarded.flows[0]!.series.availability, 150, 180)).toBeGreaterThan(0.99);
  });

  it('a circuit breaker also sheds the load from the database while open', () => {
    const broken = run({ edges: { e2: { timeoutMs: 50, circuitBreaker: { failureRatio: 0.5, minCalls: 20, windowS: 5, openS: 5 } } } });
    const svc = component(broken, 'svc').series;
    const db = component(broken, 'db').series;
    expect(meanOver(broken, svc.utilization, 80, 120)).toBeLessThan(0.2);
    expect(meanOver(broken, db.offeredRps, 80, 120)).toBeLessThan(0.1 * meanOver(plain, component(plain, 'db').series.offeredRps, 80, 120));
    const e2 = broken.edges.find((e) => e.edgeId === 'e2')!;
    expect(e2.breakerOpenings).toBeGreaterThan(3);
    expect(e2.shortCircuited).toBeGreaterThan(10_000);
    expect(broken.overall.failedBy['circuit-open']).toBeGreaterThan(10_000);
    // The log names the two ends in words, not the connection's internal id.
    const opened = broken.log.find((l) => l.message.includes('circuit breaker'))!;
    expect(opened.nodeId).toBe('db');
    expect(opened.message).toBe('circuit breaker on the calls from svc opened');
  });
});

describe('cache failure', () => {
  const design = designOf(
    [node('users', 'client', { rps: 500 }), node('api', 'service', { instances: 4, concurrency: 8, serviceMs: 5 }), node('cache', 'cache', { hitRatio: 0.9 }), node('db', 'relational-db')],
    [edge('e1', 'users', 'api'), edge('e2', 'api', 'cache'), edge('e3', 'cache', 'db')],
  );

  it('a cache crash sends a stampede to the database: its load jumps by 1 / (1 - hit ratio)', () => {
    const report = simulateDesign(design, { durationS: 120, warmupS: 10, seed: 5, failures: [{ kind: 'crash', nodeId: 'cache', atS: 60, durationS: 30 }] });
    const db = component(report, 'db').series.offeredRps;
    const before = meanOver(report, db, 20, 60);
    const jump = meanOver(report, db, 61, 90) / before;
    expect(jump).toBeGreaterThan(10 * 0.85);
    expect(jump).toBeLessThan(10 * 1.15);
    expect(meanOver(report, db, 95, 120) / before).toBeLessThan(1.2);
    expect(report.overall.availability).toBe(1); // the app falls back to the database
  });

  it('without the fallback the same crash fails the requests instead', () => {
    const report = simulateDesign(design, {
      durationS: 120,
      warmupS: 10,
      seed: 5,
      failures: [{ kind: 'crash', nodeId: 'cache', atS: 60, durationS: 30 }],
      resilience: { edges: { e2: { fallbackToOrigin: false } } },
    });
    expect(meanOver(report, component(report, 'db').series.offeredRps, 61, 90)).toBeLessThan(5);
    expect(meanOver(report, report.flows[0]!.series.availability, 61, 90)).toBeLessThan(0.01);
    expect(report.overall.failedBy.down).toBeGreaterThan(10_000);
  });
});

describe('zone outage', () => {
  const groups = [group('r', 'region'), group('za', 'zone', 'r'), group('zb', 'zone', 'r')];
  const pool = (id: string, zone: string) => node(id, 'service', { instances: 4, concurrency: 8, serviceMs: 5 }, zone);
  const outage: FailureEvent[] = [{ kind: 'group-outage', groupId: 'za', atS: 60, durationS: 60 }];

  it('takes everything down when the service sits in one zone, and little when it is spread over two', () => {
    const single = designOf(
      [node('users', 'client', { rps: 300 }), node('lb', 'load-balancer', {}, 'r'), pool('a', 'za'), node('db', 'relational-db', {}, 'r')],
      [edge('e1', 'users', 'lb'), edge('e2', 'lb', 'a'), edge('e4', 'a', 'db')],
      groups,
    );
    const spread = designOf(
      [...single.nodes, pool('b', 'zb')],
      [edge('e1', 'users', 'lb'), edge('e2', 'lb', 'a', 'sync', 0.5), edge('e3', 'lb', 'b', 'sync', 0.5), edge('e4', 'a', 'db'), edge('e5', 'b', 'db')],
      groups,
    );
    const options = { durationS: 180, warmupS: 10, seed: 5, failures: outage };
    const one = simulateDesign(single, options);
    const two = simulateDesign(spread, options);
    const during = (r: DesignSimReport) => meanOver(r, r.flows[0]!.series.availability, 60, 120);
    expect(meanOver(one, one.flows[0]!.series.availability, 10, 60)).toBe(1);
    expect(during(one)).toBeLessThan(0.01);
    expect(meanOver(one, one.flows[0]!.series.availability, 125, 180)).toBe(1);
    // Spread: only requests sent to zone a before the balancer's health checks notice (5 s) fail.
    expect(during(two)).toBeGreaterThan(0.93);
    expect(two.overall.availability).toBeGreaterThan(0.97);
    expect(meanOver(two, component(two, 'b').series.offeredRps, 70, 120)).toBeGreaterThan(280);
  });

  it("lets a load balancer's retry go to the other zone, hiding the seconds before its health checks notice", () => {
    const retry = { retry: { maxRetries: 1 } };
    const spread = designOf(
      [node('users', 'client', { rps: 300 }), node('lb', 'load-balancer', {}, 'r'), pool('a', 'za'), pool('b', 'zb')],
      [{ ...edge('e2', 'lb', 'a', 'sync', 0.5), resilience: retry }, { ...edge('e3', 'lb', 'b', 'sync', 0.5), resilience: retry }, edge('e1', 'users', 'lb')],
      groups,
    );
    const options = { durationS: 180, warmupS: 10, seed: 5, failures: outage };
    const withRetry = simulateDesign(spread, options);
    const without = simulateDesign({ ...spread, edges: spread.edges.map(({ resilience: _, ...e }) => e) }, options);
    // Without the retry, about 5 s of zone a's half of the traffic fails (some 750 requests).
    expect(without.flows[0]!.summary.failed).toBeGreaterThan(500);
    // With one retry, each call that failed on zone a is sent to zone b: no request fails.
    const retried = withRetry.edges.find((e) => e.edgeId === 'e3')!;
    expect(withRetry.flows[0]!.summary.failed).toBe(0);
    expect(component(withRetry, 'b').summary.retries).toBeGreaterThan(500);
    expect(retried.retries).toBeGreaterThan(500);
  });
});

describe('partitions and database failover', () => {
  const groups = [group('za', 'zone'), group('zb', 'zone')];
  const design = designOf(
    [node('users', 'client', { rps: 200 }), node('svc', 'service', { instances: 2, concurrency: 8, serviceMs: 5 }, 'za'), node('db', 'relational-db', { replicas: 1, readShare: 0.9 }, 'zb')],
    [edge('e1', 'users', 'svc'), edge('e2', 'svc', 'db')],
    groups,
  );

  it('calls across a partition time out until it heals', () => {
    const report = simulateDesign(design, {
      durationS: 80,
      warmupS: 5,
      seed: 2,
      failures: [{ kind: 'partition', sideA: ['za'], sideB: ['zb'], atS: 30, durationS: 20 }],
      resilience: { edges: { e2: { timeoutMs: 200 } } },
    });
    const availability = report.flows[0]!.series.availability;
    expect(meanOver(report, availability, 31, 50)).toBe(0);
    expect(meanOver(report, availability, 51, 80)).toBe(1);
    expect(report.overall.failedBy.timeout).toBe(report.overall.failed);
    expect(meanOver(report, component(report, 'db').series.offeredRps, 31, 50)).toBe(0);
  });

  it('a primary failure fails only writes until a replica is promoted', () => {
    const report = simulateDesign(design, {
      durationS: 90,
      warmupS: 5,
      seed: 2,
      failures: [{ kind: 'db-failover', nodeId: 'db', atS: 30, promoteAfterS: 15, durationS: 40 }],
    });
    const availability = report.flows[0]!.series.availability;
    expect(meanOver(report, availability, 31, 45)).toBeGreaterThan(0.85); // reads go on at the replica
    expect(meanOver(report, availability, 31, 45)).toBeLessThan(0.95); // the 10% writes fail
    expect(meanOver(report, availability, 46, 90)).toBe(1);
    expect(report.log.map((l) => l.message)).toContain('a read replica was promoted to primary');
  });
});

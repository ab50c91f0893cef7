// The design simulator against the analytic engine where the analytic model applies (steady
// load, no failures): utilization and mean response per component and per client flow. Also:
// the same seed gives the same report, and bad options get a message in plain words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateHealthyDesign, solveDesign, type DesignSolution } from '../../src/engine/analytic';
import { DesignSimError, simulateDesign, type DesignSimReport } from '../../src/engine/simulation';
import { defaultParams } from '../../src/model/catalog';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../../src/model/types';

const node = (id: string, kind: ComponentKind, params: Record<string, number> = {}, groupId?: string): DesignNode => ({ id, kind, label: id, params: { ...defaultParams(kind), ...params }, position: { x: 0, y: 0 }, ...(groupId ? { groupId } : {}) });
const edge = (id: string, source: string, target: string, mode: 'sync' | 'async' = 'sync', share = 1, callsPerRequest = 1): DesignEdge => ({ id, source, target, mode, share, callsPerRequest });
const designOf = (nodes: DesignNode[], edges: DesignEdge[], groups: DesignGroup[] = []): Design => ({ id: 'd', name: 'd', nodes, edges, groups });
const zone = (id: string): DesignGroup => ({ id, kind: 'zone', label: id, position: { x: 0, y: 0 }, size: { width: 1, height: 1 } });

const relative = (sim: number, exact: number) => Math.abs(sim / exact - 1);

/** A client -> service -> database chain, the database with two read replicas and 1.5 calls a request. */
const chain = designOf(
  [node('users', 'client', { rps: 300 }), node('svc', 'service', { instances: 2, concurrency: 4, serviceMs: 8, serviceScv: 1 }), node('db', 'relational-db', { replicas: 2 })],
  [edge('e1', 'users', 'svc'), edge('e2', 'svc', 'db', 'sync', 1, 1.5)],
);

/** Cache-aside across two zones: misses go on from the cache to the database. */
const cacheAside = designOf(
  [
    node('users', 'client', { rps: 500 }),
    node('api', 'service', { instances: 3, concurrency: 8, serviceMs: 6, serviceScv: 1 }, 'za'),
    node('cache', 'cache', { hitRatio: 0.8 }, 'za'),
    node('db', 'relational-db', {}, 'zb'),
  ],
  [edge('e1', 'users', 'api'), edge('e2', 'api', 'cache'), edge('e3', 'cache', 'db')],
  [zone('za'), zone('zb')],
);

/** Half the requests hand a job to a queue that workers drain at about 70% load. */
const asyncJobs = designOf(
  [node('users', 'client', { rps: 100 }), node('api', 'service'), node('jobs', 'queue'), node('workers', 'worker', { instances: 2, concurrency: 4, serviceMs: 110, serviceScv: 1 })],
  [edge('e1', 'users', 'api'), edge('e2', 'api', 'jobs', 'async', 0.5), edge('e3', 'jobs', 'workers', 'async')],
);

/** A load balancer splitting 60/40 over two pools (each request goes to exactly one). */
const balanced = designOf(
  [node('users', 'client', { rps: 400 }), node('lb', 'load-balancer'), node('s1', 'service', { instances: 2, concurrency: 4, serviceMs: 10 }), node('s2', 'service', { instances: 1, concurrency: 4, serviceMs: 10 })],
  [edge('e1', 'users', 'lb'), edge('e2', 'lb', 's1', 'sync', 0.6), edge('e3', 'lb', 's2', 'sync', 0.4)],
);

function solved(design: Design): DesignSolution {
  const result = solveDesign(design);
  if (!result.ok) throw new Error(result.errors[0]?.message);
  return result;
}

function compare(design: Design, report: DesignSimReport): { worstUtilization: number; worstResponse: number; worstFlow: number } {
  const exact = solved(design);
  let worstUtilization = 0;
  let worstResponse = 0;
  for (const c of report.components) {
    const a = exact.components[c.nodeId]!;
    worstUtilization = Math.max(worstUtilization, relative(c.summary.utilization!, a.utilization!));
    if (a.replicaUtilization !== null) worstUtilization = Math.max(worstUtilization, relative(c.summary.replicaUtilization!, a.replicaUtilization));
    worstResponse = Math.max(worstResponse, relative(c.summary.meanResponseMs!, a.meanResponseMs!));
    expect(relative(c.summary.offeredRps, a.offeredRps)).toBeLessThan(0.03);
  }
  const worstFlow = Math.max(...report.flows.map((f, i) => relative(f.summary.meanResponseMs!, exact.flows[i]!.meanResponseMs!)));
  return { worstUtilization, worstResponse, worstFlow };
}

describe('design simulation agrees with the analytic engine without failures', () => {
  it.each([
    ['client -> service -> database with replicas', chain],
    ['cache-aside across zones', cacheAside],
    ['async queue -> workers', asyncJobs],
    ['load balancer over two pools', balanced],
  ])('%s: utilization within 7%, mean response within 10%', (_, design) => {
    const report = simulateDesign(design, { durationS: 240, warmupS: 20, seed: 11 });
    expect(report.overall.availability).toBe(1);
    const { worstUtilization, worstResponse, worstFlow } = compare(design, report);
    expect(worstUtilization).toBeLessThan(0.07);
    expect(worstResponse).toBeLessThan(0.1);
    expect(worstFlow).toBeLessThan(0.07);
  });

  it('reports confidence intervals that cover the analytic mean response of a simple chain', () => {
    const report = simulateDesign(chain, { durationS: 240, warmupS: 20, seed: 5 });
    const flow = report.flows[0]!.summary;
    const exact = solved(chain).flows[0]!.meanResponseMs!;
    expect(flow.meanResponseHalfWidthMs).toBeGreaterThan(0);
    expect(Math.abs(flow.meanResponseMs! - exact)).toBeLessThan(3 * flow.meanResponseHalfWidthMs!);
    const svc = report.components.find((c) => c.nodeId === 'svc')!.summary;
    expect(svc.utilizationHalfWidth).toBeGreaterThan(0);
    expect(svc.utilizationHalfWidth).toBeLessThan(0.05);
  });

  it('gives the analytic figures a visibly different design would not (the comparison can fail)', () => {
    // The same chain with a slower service: the simulated utilization must move with it.
    const slower = structuredClone(chain);
    slower.nodes[1]!.params.serviceMs = 12;
    const report = simulateDesign(slower, { durationS: 120, warmupS: 10, seed: 11 });
    const svc = report.components.find((c) => c.nodeId === 'svc')!.summary;
    expect(relative(svc.utilization!, solved(chain).components.svc!.utilization!)).toBeGreaterThan(0.2);
  });
});

describe('design simulation laws on generated designs', () => {
  it('carries the traffic the analytic engine predicts, at its utilization and response times', () => {
    // Generated designs mix every kind: balancers, caches, replicas, queues, async hand-offs, zones.
    let compared = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (seed) => {
        const design = generateHealthyDesign({ components: 14, seed });
        const exact = solved(design);
        const measuredS = 380;
        const report = simulateDesign(design, { durationS: measuredS + 20, warmupS: 20, seed });
        for (const c of report.components) {
          const a = exact.components[c.nodeId]!;
          if (a.offeredRps * measuredS < 3000) continue; // too few visits to compare
          compared++;
          expect(relative(c.summary.offeredRps, a.offeredRps)).toBeLessThan(0.08);
          expect(Math.abs(c.summary.utilization! - a.utilization!)).toBeLessThan(0.08 * a.utilization! + 0.002);
          expect(relative(c.summary.meanResponseMs!, a.meanResponseMs!)).toBeLessThan(0.15);
        }
        report.flows.forEach((f, i) => expect(relative(f.summary.meanResponseMs!, exact.flows[i]!.meanResponseMs!)).toBeLessThan(0.08));
      }),
      { numRuns: 8, seed: 20260611 },
    );
    expect(compared).toBeGreaterThan(40);
  });
});

describe('design simulation runs', () => {
  it('are reproducible: the same seed gives the same report, another seed another', () => {
    const options = { durationS: 60, warmupS: 5, seed: 42, failures: [{ kind: 'crash' as const, nodeId: 'cache', atS: 30, durationS: 10 }] };
    const first = JSON.stringify(simulateDesign(cacheAside, options));
    expect(JSON.stringify(simulateDesign(cacheAside, options))).toBe(first);
    expect(JSON.stringify(simulateDesign(cacheAside, { ...options, seed: 43 }))).not.toBe(first);
  });

  it('keep one bucket per second with a series value in each', () => {
    const report = simulateDesign(chain, { durationS: 30.5, warmupS: 5, seed: 1 });
    expect(report.timeS).toHaveLength(31);
    expect(report.timeS[30]).toBe(30);
    for (const c of report.components) expect(c.series.offeredRps).toHaveLength(31);
    const sent = report.flows[0]!.series.sentRps;
    expect(sent.slice(0, 30).reduce((a, b) => a + b, 0) / 30).toBeGreaterThan(270);
  });

  it('explain options that cannot run in plain words', () => {
    const run = (options: Parameters<typeof simulateDesign>[1]) => () => simulateDesign(chain, options);
    expect(run({ durationS: 0 })).toThrow(DesignSimError);
    expect(run({ durationS: 10, warmupS: 20 })).toThrow(/warm-up/);
    expect(run({ durationS: 10, failures: [{ kind: 'crash', nodeId: 'nope', atS: 1 }] })).toThrow(/"nope", which is not in the design/);
    expect(run({ durationS: 10, resilience: { edges: { e2: { timeoutMs: -5 } } } })).toThrow(/Connection "e2": Timeout must be a number from 1 to 600000 ms \(got -5\)/);
    expect(run({ durationS: 10, workload: { users: { kind: 'daily', peakToTrough: 0.5 } } })).toThrow(/peak-to-trough/);
  });
});

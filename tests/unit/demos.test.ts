// The built-in demos: each one opens as a valid, tidy design, and each shows the effect its
// lesson promises, measured in the simulator against the demo's own quiet period (or its twin).
import { describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic';
import { simulateDesign, type DesignSimReport } from '../../src/engine/simulation';
import { DEMOS, demoDesign } from '../../src/model/demos';
import { exampleDesign } from '../../src/model/example';
import { parseDesignObject } from '../../src/model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../../src/model/schema';
import type { Design } from '../../src/model/types';
import { layoutIssues } from '../../src/scenarios/layout';

const demo = (id: string) => {
  const found = DEMOS.find((d) => d.id === id);
  if (!found) throw new Error(`no demo "${id}"`);
  return found;
};

/** Each demo simulated as saved (its own length, workload and failures), with its own seed unless another is given. */
const runs = new Map<string, DesignSimReport>();
function run(id: string, seed?: number): DesignSimReport {
  const { design } = demo(id);
  const setup = design.simulation!;
  const key = `${id}/${seed ?? setup.seed ?? 1}`;
  let report = runs.get(key);
  if (!report) {
    report = simulateDesign(design, { durationS: setup.durationS, seed: seed ?? setup.seed ?? 1, workload: setup.workload ?? {}, failures: setup.failures ?? [] });
    runs.set(key, report);
  }
  return report;
}

/**
 * The saved seed and two more: a demo whose effect shows on one seed only would teach nothing on
 * the next (the retry storm at a 30x slowdown settled with few retries on one seed in ten).
 */
const SEEDS = [1, 2, 3];

/** Mean of a series over the buckets starting in [fromS, toS), skipping empty buckets. */
function meanOver(report: DesignSimReport, series: readonly (number | null)[], fromS: number, toS: number): number {
  const values = series.filter((x, b): x is number => x !== null && report.timeS[b]! >= fromS && report.timeS[b]! < toS);
  expect(values.length, `no measurements in ${fromS}-${toS} s`).toBeGreaterThan(0);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
const component = (report: DesignSimReport, id: string) => {
  const found = report.components.find((c) => c.nodeId === id);
  if (!found) throw new Error(`no component "${id}"`);
  return found.series;
};
const flow = (report: DesignSimReport) => report.flows[0]!.series;

describe('the demo list', () => {
  it('has the promised demos, each with a unique id and design id', () => {
    expect(DEMOS.map((d) => d.id)).toEqual([
      'retry-storm',
      'retry-budget',
      'pool-exhaustion',
      'pool-exhaustion-protected',
      'cache-stampede',
      'queue-backlog',
      'autoscale-lag',
      'zone-outage-one-zone',
      'zone-outage-two-zones',
    ]);
    expect(new Set(DEMOS.map((d) => d.design.id)).size).toBe(DEMOS.length);
  });

  it.each(DEMOS.map((d) => [d.id, d] as const))('%s: a valid design file, unchanged by loading', (_id, d) => {
    const parsed = parseDesignObject(JSON.parse(JSON.stringify({ format: DESIGN_FORMAT, version: CURRENT_VERSION, design: d.design })));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(parsed.design).toEqual(d.design);
  });

  it.each(DEMOS.map((d) => [d.id, d] as const))('%s: small, laid out tidily, with a setup and a short lesson', (_id, d) => {
    expect(d.design.nodes.length).toBeGreaterThanOrEqual(4);
    expect(d.design.nodes.length).toBeLessThanOrEqual(8);
    expect(layoutIssues(d.design, (path) => path)).toEqual([]);
    // Left to right: every connection points right (or straight down a column).
    const x = new Map(d.design.nodes.map((n) => [n.id, n.position.x]));
    for (const e of d.design.edges) expect(x.get(e.target)!, e.id).toBeGreaterThanOrEqual(x.get(e.source)!);
    expect(d.design.simulation?.durationS).toBeGreaterThan(0);
    expect(d.design.simulation?.seed).toBeTypeOf('number');
    const sentences = d.lesson.split(/(?<=[.!?])\s+(?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
  });

  it('demoDesign hands out a copy that can be edited without touching the demo', () => {
    const copy = demoDesign('retry-storm')!;
    copy.nodes[0]!.params.rps = 1;
    expect(demo('retry-storm').design.nodes[0]!.params.rps).toBe(300);
    expect(demoDesign('no-such-demo')).toBeUndefined();
  });
});

describe('what each demo shows', () => {
  it.each(SEEDS)('retry storm (seed %i): the slowed database gets several times the real traffic, though users send no more', (seed) => {
    const r = run('retry-storm', seed);
    const db = component(r, 'db');
    expect(meanOver(r, db.offeredRps, 65, 120) / meanOver(r, db.offeredRps, 20, 60)).toBeGreaterThan(2.5);
    expect(meanOver(r, db.retryRps, 65, 120)).toBeGreaterThan(meanOver(r, component(r, 'lb').offeredRps, 65, 120));
    expect(meanOver(r, component(r, 'lb').offeredRps, 65, 120) / meanOver(r, component(r, 'lb').offeredRps, 20, 60)).toBeLessThan(1.1);
    expect(meanOver(r, flow(r).availability, 65, 120)).toBeLessThan(0.5);
  });

  it.each(SEEDS)('retry budget (seed %i): the same slowdown barely adds load, and the database keeps up', (seed) => {
    const r = run('retry-budget', seed);
    const db = component(r, 'db');
    const stormRun = run('retry-storm', seed);
    expect(meanOver(r, db.offeredRps, 65, 120) / meanOver(r, db.offeredRps, 20, 60)).toBeLessThan(1.25);
    expect(meanOver(r, db.offeredRps, 65, 120)).toBeLessThan(0.5 * meanOver(stormRun, component(stormRun, 'db').offeredRps, 65, 120));
    expect(meanOver(r, db.queueLength, 65, 120)).toBeLessThan(10);
    expect(meanOver(r, flow(r).availability, 65, 120)).toBeGreaterThan(0.8);
  });

  it('slow dependency without protection: the Orders service and then the Storefront run out of workers', () => {
    const r = run('pool-exhaustion');
    for (const id of ['orders', 'web']) {
      expect(meanOver(r, component(r, id).utilization, 20, 60), id).toBeLessThan(0.5);
      expect(meanOver(r, component(r, id).utilization, 80, 150), id).toBeGreaterThan(0.95);
    }
    const web = component(r, 'web');
    expect(meanOver(r, web.queueLength, 100, 150)).toBeGreaterThan(1000);
    expect(meanOver(r, flow(r).p99Ms, 80, 150)).toBeGreaterThan(10 * meanOver(r, flow(r).p99Ms, 20, 60));
  });

  it('slow dependency with timeout and breaker: callers stay far from full, only checkouts fail', () => {
    const r = run('pool-exhaustion-protected');
    for (const id of ['orders', 'web']) expect(meanOver(r, component(r, id).utilization, 80, 150), id).toBeLessThan(0.5);
    const availability = meanOver(r, flow(r).availability, 80, 150);
    expect(availability).toBeGreaterThan(0.6); // browsing (70% of requests) keeps working
    expect(availability).toBeLessThan(0.85); // checkouts fail fast
    expect(r.edges.find((e) => e.edgeId === 'e-orders-pay')!.breakerOpenings).toBeGreaterThan(3);
    expect(meanOver(r, flow(r).p99Ms, 80, 150)).toBeLessThan(meanOver(run('pool-exhaustion'), flow(run('pool-exhaustion')).p99Ms, 80, 150) / 10);
  });

  it('cache stampede: the database load jumps by 1 / (1 - hit ratio) while the cache is down, then falls back', () => {
    const r = run('cache-stampede');
    const db = component(r, 'db');
    const hitRatio = demo('cache-stampede').design.nodes.find((n) => n.id === 'cache')!.params.hitRatio!;
    const before = meanOver(r, db.offeredRps, 20, 60);
    const jump = meanOver(r, db.offeredRps, 62, 105) / before;
    expect(jump).toBeGreaterThan(0.85 / (1 - hitRatio));
    expect(jump).toBeLessThan(1.15 / (1 - hitRatio));
    expect(meanOver(r, db.utilization, 62, 105)).toBeGreaterThan(5 * meanOver(r, db.utilization, 20, 60));
    expect(meanOver(r, db.offeredRps, 110, 150) / before).toBeLessThan(1.1);
  });

  it('queue backlog: the workers\' queue peaks at the end of the spike and drains afterwards, while the API stays fast', () => {
    const r = run('queue-backlog');
    const workers = component(r, 'workers');
    let peakAt = 0;
    workers.maxQueueLength.forEach((q, b) => {
      if (q > workers.maxQueueLength[peakAt]!) peakAt = b;
    });
    expect(r.timeS[peakAt]).toBeGreaterThanOrEqual(110);
    expect(r.timeS[peakAt]).toBeLessThanOrEqual(135);
    expect(workers.maxQueueLength[peakAt]).toBeGreaterThan(1000);
    expect(meanOver(r, workers.queueLength, 20, 60)).toBeLessThan(5);
    expect(meanOver(r, workers.queueLength, 270, 300)).toBeLessThan(5);
    const api = component(r, 'api');
    expect(meanOver(r, api.p99Ms, 60, 120)).toBeLessThan(1.5 * meanOver(r, api.p99Ms, 20, 60));
  });

  it('autoscaling lag: p99 climbs after the step until the new instances serve, then recovers', () => {
    const r = run('autoscale-lag');
    const api = component(r, 'api');
    const quiet = meanOver(r, flow(r).p99Ms, 20, 60);
    expect(meanOver(r, flow(r).p99Ms, 75, 135)).toBeGreaterThan(10 * quiet);
    expect(meanOver(r, flow(r).p99Ms, 180, 240)).toBeLessThan(1.5 * quiet);
    expect(meanOver(r, api.instances, 100, 130)).toBe(2); // still provisioning
    expect(meanOver(r, api.instances, 180, 240)).toBeGreaterThanOrEqual(4);
  });

  it('zone outage, all in one zone: almost nothing succeeds while the zone is down', () => {
    const r = run('zone-outage-one-zone');
    expect(meanOver(r, flow(r).availability, 20, 60)).toBeGreaterThan(0.99);
    expect(meanOver(r, flow(r).availability, 62, 120)).toBeLessThan(0.05);
    expect(meanOver(r, flow(r).availability, 125, 180)).toBeGreaterThan(0.99);
  });

  it('zone outage, two zones: only the seconds before the health checks notice are lost, and zone b takes the load', () => {
    const r = run('zone-outage-two-zones');
    expect(meanOver(r, flow(r).availability, 62, 120)).toBeGreaterThan(0.9);
    expect(meanOver(r, flow(r).availability, 70, 120)).toBeGreaterThan(0.99);
    const apiB = component(r, 'api-b');
    expect(meanOver(r, apiB.utilization, 70, 120) / meanOver(r, apiB.utilization, 20, 60)).toBeGreaterThan(1.6);
  });
});

/**
 * Components where the simulator must differ from the analytic model even in steady traffic,
 * by design id, with the reason. The check still requires the difference to go the way the
 * reason says (the simulator lower), so a skip cannot hide a wrong answer the other way.
 */
const CANNOT_AGREE: Record<string, Record<string, string>> = {
  'demo-pool-exhaustion-protected': {
    orders:
      'the 1 s timeout cuts short the slowest payment calls (about 6% of them with the heavy-tailed catalog default), so the Orders service holds its workers for less time than the analytic model, which has no timeouts, assumes',
    web: 'it holds its workers while the Orders service answers, which the timeout makes quicker too',
  },
};

describe('steady traffic: the simulator agrees with the analytic engine', () => {
  /** The design with its workload shapes and failures removed: the analytic model's setting. */
  const steady = ({ simulation: _setup, ...design }: Design): Design => design;
  const designs = [...DEMOS.map((d) => d.design), exampleDesign()];

  it.each(designs.map((d) => [d.id, d] as const))('%s: offered load, and utilization of components above 5% busy, within 10%', (id, design) => {
    const exact = solveDesign(steady(design));
    if (!exact.ok) throw new Error(exact.errors[0]?.message);
    const report = simulateDesign(steady(design), { durationS: 130, warmupS: 10, seed: 11 });
    const skipped = CANNOT_AGREE[id] ?? {};
    for (const c of report.components) {
      const a = exact.components[c.nodeId]!;
      if (a.offeredRps > 1) expect(Math.abs(c.summary.offeredRps / a.offeredRps - 1), `${c.nodeId} offered rps`).toBeLessThan(0.1);
      const analytic = a.utilization!;
      const simulated = c.summary.utilization!;
      if (c.nodeId in skipped) expect(simulated, c.nodeId).toBeLessThan(analytic);
      else if (analytic > 0.05) expect(Math.abs(simulated / analytic - 1), `${c.nodeId}: analytic ${analytic}, simulated ${simulated}`).toBeLessThan(0.1);
    }
  });
});

// Workloads over time and how a design copes: shapes of the request rate, a queue backlog
// through a spike, autoscaling lag after a step, and overload protections (rate limits, load
// shedding, bulkheads), each against the same design without the protection.
import { describe, expect, it } from 'vitest';
import { simulateDesign, type DesignSimReport, type ResilienceSettings } from '../../src/engine/simulation';
import { ClientWorkload } from '../../src/engine/simulation/design-sim-workload';
import { Random } from '../../src/engine/simulation/random';
import { defaultParams } from '../../src/model/catalog';
import type { ComponentKind, Design, DesignEdge, DesignNode } from '../../src/model/types';

const node = (id: string, kind: ComponentKind, params: Record<string, number> = {}): DesignNode => ({ id, kind, label: id, params: { ...defaultParams(kind), ...params }, position: { x: 0, y: 0 } });
const edge = (id: string, source: string, target: string, mode: 'sync' | 'async' = 'sync', share = 1): DesignEdge => ({ id, source, target, mode, share, callsPerRequest: 1 });
const designOf = (nodes: DesignNode[], edges: DesignEdge[]): Design => ({ id: 'd', name: 'd', nodes, edges, groups: [] });

function over(report: DesignSimReport, series: (number | null)[], fromS: number, toS: number): number[] {
  return series.filter((x, b): x is number => x !== null && report.timeS[b]! >= fromS && report.timeS[b]! < toS);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const component = (report: DesignSimReport, id: string) => report.components.find((c) => c.nodeId === id)!;

/** One client straight into one service pool. */
const single = (rps: number, params: Record<string, number>) => designOf([node('users', 'client', { rps }), node('svc', 'service', params)], [edge('e1', 'users', 'svc')]);

describe('workload shapes', () => {
  it('compose as rate transforms: daily swing with a spike on top', () => {
    const daily = { kind: 'daily', peakToTrough: 3, periodS: 200 } as const;
    const w = new ClientWorkload(100, [daily, { kind: 'spike', startS: 100, durationS: 10, multiplier: 2 }]);
    expect(w.rateRps(0)).toBeCloseTo(50, 9);
    expect(w.rateRps(50)).toBeCloseTo(100, 9);
    expect(w.rateRps(99.999)).toBeCloseTo(150, 3);
    expect(w.rateRps(105)).toBeCloseTo(2 * new ClientWorkload(100, [daily]).rateRps(105), 9);
    expect(w.rateRps(110)).toBeCloseTo(new ClientWorkload(100, [daily]).rateRps(110), 9);
    expect(w.maxRps).toBeCloseTo(300, 9);
    const ramp = new ClientWorkload(100, [{ kind: 'ramp', startS: 10, endS: 20, toRps: 300 }]);
    expect([ramp.rateRps(5), ramp.rateRps(15), ramp.rateRps(25)]).toEqual([100, 200, 300]);
  });

  it('put the daily peak where peakAtS says, a whole period apart', () => {
    const peakAt300 = new ClientWorkload(100, [{ kind: 'daily', peakToTrough: 3, periodS: 200, peakAtS: 300 }]);
    expect(peakAt300.rateRps(300)).toBeCloseTo(150, 9);
    expect(peakAt300.rateRps(100)).toBeCloseTo(150, 9);
    expect(peakAt300.rateRps(0)).toBeCloseTo(50, 9);
    expect(peakAt300.rateRps(350)).toBeCloseTo(100, 9);
    // Without peakAtS the day peaks at half a period: the trough is at t = 0.
    expect(new ClientWorkload(100, [{ kind: 'daily', peakToTrough: 3, periodS: 200, peakAtS: 100 }]).rateRps(37)).toBeCloseTo(new ClientWorkload(100, [{ kind: 'daily', peakToTrough: 3, periodS: 200 }]).rateRps(37), 9);
  });

  it('skip silences: a client off until a step sends its first request after it', () => {
    const late = new ClientWorkload(0, [{ kind: 'step', atS: 500, toRps: 1000 }, { kind: 'spike', startS: 600, durationS: 10, multiplier: 0 }]);
    const rng = new Random(3);
    const times: number[] = [];
    for (let t = late.nextArrivalMs(rng, 0, 700_000); t !== Infinity; t = late.nextArrivalMs(rng, t, 700_000)) times.push(t);
    expect(times[0]).toBeGreaterThan(500_000);
    expect(times.filter((t) => t >= 600_000 && t < 610_000)).toEqual([]);
    expect(times.length / 190).toBeGreaterThan(950); // 190 s at 1000/s
    expect(times.length / 190).toBeLessThan(1050);
  });

  it('drive the client rate over time (non-homogeneous Poisson by thinning)', () => {
    const report = simulateDesign(single(300, { instances: 4, concurrency: 16, serviceMs: 5 }), {
      durationS: 200,
      warmupS: 5,
      seed: 9,
      workload: { users: { kind: 'daily', peakToTrough: 3, periodS: 200 } },
    });
    const sent = report.flows[0]!.series.sentRps;
    const peak = mean(over(report, sent, 90, 110));
    const trough = mean([...over(report, sent, 0, 10), ...over(report, sent, 190, 200)]);
    expect(peak).toBeGreaterThan(430);
    expect(peak / trough).toBeGreaterThan(2.6);
    expect(peak / trough).toBeLessThan(3.4);
    expect(report.overall.sent / 195).toBeGreaterThan(285); // mean rate kept
  });
});

describe('queue backlog through a spike', () => {
  it('grows while arrivals exceed the workers and drains after', () => {
    const design = designOf(
      [node('users', 'client', { rps: 40 }), node('api', 'service'), node('jobs', 'queue'), node('workers', 'worker', { instances: 2, concurrency: 4, serviceMs: 100, serviceScv: 1 })],
      [edge('e1', 'users', 'api'), edge('e2', 'api', 'jobs', 'async'), edge('e3', 'jobs', 'workers', 'async')],
    );
    const report = simulateDesign(design, { durationS: 200, warmupS: 10, seed: 5, workload: { users: { kind: 'spike', startS: 60, durationS: 20, multiplier: 3 } } });
    const backlog = component(report, 'workers').series.queueLength;
    // Workers do 80 jobs/s; the spike brings 120/s for 20 s: about 800 waiting at its end.
    expect(Math.max(...over(report, backlog, 20, 60))).toBeLessThan(20);
    const peakAt = backlog.indexOf(Math.max(...over(report, backlog, 0, 200)));
    expect(peakAt).toBeGreaterThanOrEqual(78);
    expect(peakAt).toBeLessThanOrEqual(82);
    expect(backlog[peakAt]).toBeGreaterThan(500);
    expect(mean(over(report, backlog, 140, 200))).toBeLessThan(2);
    expect(report.overall.availability).toBe(1); // nothing lost, only late
  });
});

describe('autoscaling', () => {
  const design = single(200, { instances: 2, concurrency: 4, serviceMs: 20, serviceScv: 1 });
  const step = { users: { kind: 'step' as const, atS: 60, toRps: 500 } };
  const run = (resilience: ResilienceSettings) => simulateDesign(design, { durationS: 240, warmupS: 10, seed: 5, workload: step, resilience });

  it('lags a step in load: latency spikes until new instances are ready, then recovers', () => {
    const scaled = run({ nodes: { svc: { autoscale: { targetUtilization: 0.6, evaluationS: 5, provisioningS: 20, cooldownS: 10, maxInstances: 10 } } } });
    const fixed = run({});
    const p99 = (r: DesignSimReport, from: number, to: number) => over(r, r.flows[0]!.series.p99Ms, from, to);
    const baseline = mean(p99(scaled, 20, 60));
    expect(Math.max(...p99(scaled, 60, 100))).toBeGreaterThan(10 * baseline);
    expect(mean(p99(scaled, 200, 240))).toBeLessThan(1.5 * baseline);
    const instances = component(scaled, 'svc').series.instances;
    expect(mean(over(scaled, instances, 20, 60))).toBe(2);
    expect(mean(over(scaled, instances, 61, 80))).toBe(2); // still provisioning
    expect(mean(over(scaled, instances, 200, 240))).toBeGreaterThanOrEqual(4);
    // Without autoscaling the pool stays overloaded and latency keeps growing.
    expect(mean(p99(fixed, 200, 240))).toBeGreaterThan(100 * baseline);
  });
});

describe('overload protections', () => {
  it('a rate limit turns away what exceeds its rate', () => {
    const design = designOf(
      [node('users', 'client', { rps: 300 }), node('gw', 'api-gateway'), node('svc', 'service', { instances: 2, concurrency: 8, serviceMs: 5 })],
      [edge('e1', 'users', 'gw'), edge('e2', 'gw', 'svc')],
    );
    const report = simulateDesign(design, { durationS: 60, warmupS: 5, seed: 4, resilience: { nodes: { gw: { rateLimit: { rps: 100, burst: 20 } } } } });
    expect(component(report, 'svc').summary.offeredRps).toBeGreaterThan(95);
    expect(component(report, 'svc').summary.offeredRps).toBeLessThan(102);
    expect(component(report, 'gw').summary.rejections / 55).toBeGreaterThan(190);
    expect(report.overall.failedBy.rejected).toBe(report.overall.failed);
  });

  it('load shedding keeps the latency of served requests bounded under overload', () => {
    const design = single(500, { instances: 2, concurrency: 4, serviceMs: 20, serviceScv: 1 }); // capacity 400/s
    const options = { durationS: 120, warmupS: 10, seed: 4 };
    const shed = simulateDesign(design, { ...options, resilience: { nodes: { svc: { maxQueueWaitMs: 100 } } } });
    const unbounded = simulateDesign(design, options);
    expect(shed.overall.p99ResponseMs!).toBeLessThan(250);
    expect(unbounded.overall.p99ResponseMs!).toBeGreaterThan(10_000);
    expect(component(shed, 'svc').summary.throughputRps).toBeGreaterThan(380);
    expect(shed.overall.availability!).toBeGreaterThan(0.75);
    expect(shed.overall.availability!).toBeLessThan(0.85);
  });

  it('a bulkhead keeps a slow dependency from taking every worker', () => {
    const design = designOf(
      [
        node('users', 'client', { rps: 300 }),
        node('svc', 'service', { instances: 2, concurrency: 16, serviceMs: 5, serviceScv: 1 }),
        node('db', 'relational-db', { concurrency: 8, serviceMs: 4, serviceScv: 1 }),
      ],
      [edge('e1', 'users', 'svc'), edge('e2', 'svc', 'db', 'sync', 0.5)],
    );
    const run = (resilience: ResilienceSettings) =>
      simulateDesign(design, { durationS: 120, warmupS: 10, seed: 8, failures: [{ kind: 'slowdown', nodeId: 'db', atS: 40, durationS: 60, factor: 20 }], resilience });
    const open = run({});
    const walled = run({ edges: { e2: { bulkheadCalls: 8 } } });
    const p50 = (r: DesignSimReport, from: number, to: number) => mean(over(r, r.flows[0]!.series.p50Ms, from, to));
    const baseline = p50(walled, 10, 40);
    expect(p50(open, 60, 100)).toBeGreaterThan(50 * baseline);
    expect(p50(walled, 60, 100)).toBeLessThan(2 * baseline); // requests that skip the database stay fast
    expect(mean(over(walled, component(walled, 'svc').series.utilization, 60, 100))).toBeLessThan(0.5);
    expect(walled.edges.find((e) => e.edgeId === 'e2')!.bulkheadRejected).toBeGreaterThan(1000);
  });
});

describe('a rate-limiter component', () => {
  it('lets its limit through and turns the rest away, as the analytic engine says', () => {
    const design = designOf(
      [node('users', 'client', { rps: 2000 }), node('limiter', 'rate-limiter', { limitRps: 1200 }), node('api', 'service', { instances: 2, concurrency: 16, serviceMs: 10 })],
      [edge('e1', 'users', 'limiter'), edge('e2', 'limiter', 'api')],
    );
    const report = simulateDesign(design, { durationS: 60, warmupS: 5, seed: 3 });
    const flow = report.flows[0]!.summary;
    // 2,000/s offered, 1,200/s let through: 40% turned away ("too many requests").
    expect(component(report, 'api').summary.offeredRps).toBeGreaterThan(1200 * 0.97);
    expect(component(report, 'api').summary.offeredRps).toBeLessThan(1200 * 1.03);
    expect(flow.failed / flow.sent).toBeGreaterThan(0.37);
    expect(flow.failed / flow.sent).toBeLessThan(0.43);
    expect(flow.failedBy.rejected).toBe(flow.failed);
  });
});

// Flow and component percentiles from the whole response-time law (wait, service, calls,
// network round trips), checked against exact answers worked out here, against a Lindley
// recursion written here, and against the simulator; and the "approximate" marker both ways.
import { describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic/design';
import type { DesignSolution } from '../../src/engine/analytic/design-results';
import { simulateDesign } from '../../src/engine/simulation';
import type { ComponentKind, Design, DesignEdge, DesignNode } from '../../src/model/types';
import { uniforms } from './helpers/uniforms';

const LEVELS = [0.5, 0.95, 0.99] as const;
/** Round trips (ms) large enough that leaving them out of a percentile would show. */
const RTT = { sameZone: 20, crossZone: 30, crossRegion: 60 };

function node(id: string, kind: ComponentKind, params: Record<string, number> = {}): DesignNode {
  const base: Record<string, number> = kind === 'client' ? {} : { serviceMs: 10, serviceScv: 1, instances: 1, concurrency: 1, availability: 1, pricePerHour: 0, pricePerMillion: 0, queueCapacity: 0 };
  return { id, kind, label: id, params: { ...base, ...(kind === 'relational-db' ? { replicas: 0, readShare: 0 } : {}), ...params }, position: { x: 0, y: 0 } };
}
const edge = (source: string, target: string, callsPerRequest = 1): DesignEdge => ({ id: `${source}->${target}`, source, target, mode: 'sync', share: 1, callsPerRequest });
const design = (nodes: DesignNode[], edges: DesignEdge[]): Design => ({ id: 't', name: 't', groups: [], nodes, edges });

function solved(d: Design): DesignSolution {
  const r = solveDesign(d, { networkRttMs: RTT });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r;
}

const flowQuantiles = (r: DesignSolution) => [r.flows[0]!.p50ResponseMs!, r.flows[0]!.p95ResponseMs!, r.flows[0]!.p99ResponseMs!];

/** Smallest t with survival(t) <= 1 - p, by bisection. */
function quantileOf(survival: (t: number) => number, p: number): number {
  let lo = 0;
  let hi = 1;
  while (survival(hi) > 1 - p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (survival(mid) > 1 - p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(Exp(a) + Exp(b) > t), a != b. */
const twoPhaseSurvival = (a: number, b: number, t: number) => (b * Math.exp(-a * t) - a * Math.exp(-b * t)) / (b - a);

/** Erlang C for c servers at offered load a erlangs, from the Erlang B recursion. */
function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b / (1 - (a / c) * (1 - b));
}

const within = (actual: number[], expected: number[], relative: number) => actual.forEach((x, i) => expect(Math.abs(x - expected[i]!) / expected[i]!, `level ${LEVELS[i]}`).toBeLessThan(relative));

describe('flow percentiles are those of the whole request, network round trips included', () => {
  it.each([
    [1, 50],
    [4, 320],
    [4, 380],
  ])('one M/M/%i hop at %i req/s behind a 20 ms round trip: the exact M/M/c sojourn shifted by 20 ms', (c, rps) => {
    const r = solved(design([node('users', 'client', { rps }), node('api', 'service', { concurrency: c })], [edge('users', 'api')]));
    const mu = 1 / 10; // per ms
    const lambda = rps / 1000;
    const C = erlangC(c, lambda / mu);
    const eta = c * mu - lambda;
    // Response = service Exp(mu), plus with probability C a wait Exp(c mu - lambda).
    const survival = (t: number) => (1 - C) * Math.exp(-mu * t) + C * twoPhaseSurvival(mu, eta, t);
    const exact = LEVELS.map((p) => RTT.sameZone + quantileOf(survival, p));
    within(flowQuantiles(r), exact, 1e-6);
    within([r.components.api!.p50ResponseMs!, r.components.api!.p95ResponseMs!, r.components.api!.p99ResponseMs!], exact.map((x) => x - RTT.sameZone), 1e-6);
    expect(r.flows[0]!.percentilesApproximate).toBe(false);
    expect(r.components.api!.percentilesApproximate).toBe(false);
  });

  it('a tandem of M/M/1s (a load balancer, then a service): the exact sum of two exponentials and two round trips', () => {
    const r = solved(
      design([node('users', 'client', { rps: 50 }), node('lb', 'load-balancer', { serviceMs: 5 }), node('api', 'service')], [edge('users', 'lb'), edge('lb', 'api')]),
    );
    // Sojourn at an M/M/1 is Exp(mu - lambda), and along a tandem the two are independent.
    const exact = LEVELS.map((p) => 2 * RTT.sameZone + quantileOf((t) => twoPhaseSurvival(1 / 5 - 0.05, 1 / 10 - 0.05, t), p));
    within(flowQuantiles(r), exact, 1e-6);
    expect(r.flows[0]!.percentilesApproximate).toBe(false);
  });

  it('an M/D/1 hop at rho 0.6: p50 sits below one service time, where P(W <= t) = (1 - rho) e^{lambda t}', () => {
    const r = solved(design([node('users', 'client', { rps: 60 }), node('api', 'service', { serviceScv: 0 })], [edge('users', 'api')]));
    const lambda = 0.06; // per ms
    const waitAtMedian = Math.log(0.5 / 0.4) / lambda;
    expect(waitAtMedian).toBeLessThan(10);
    expect(r.flows[0]!.p50ResponseMs!).toBeCloseTo(RTT.sameZone + 10 + waitAtMedian, 6);
    // At rho 0.4 six requests in ten wait for nothing: the median is the round trip plus one service time, exactly.
    const light = solved(design([node('users', 'client', { rps: 40 }), node('api', 'service', { serviceScv: 0 })], [edge('users', 'api')]));
    expect(light.flows[0]!.p50ResponseMs!).toBeCloseTo(RTT.sameZone + 10, 9);
  });

  it('M/G/1 tails for the shapes the simulator draws agree with a Lindley recursion (H2, SCV 4, and an Erlang mix, SCV 0.3)', () => {
    for (const [scv, draw] of [
      [4, h2Sampler(10, 4)],
      [0.3, erlangMixSampler(10, 0.3)],
    ] as const) {
      const r = solved(design([node('users', 'client', { rps: 60 }), node('api', 'service', { serviceScv: scv })], [edge('users', 'api')]));
      const simulated = lindleyQuantiles(60, draw, 1_000_000, 99);
      const api = r.components.api!;
      within([api.p50ResponseMs!, api.p95ResponseMs!, api.p99ResponseMs!], simulated, 0.03);
      expect(api.percentilesApproximate, `SCV ${scv}`).toBe(false);
    }
  });

  it('the simulator agrees: within 3% on an M/M/4 hop and a tandem behind 20 ms round trips (exact laws)', () => {
    const designs = [
      design([node('users', 'client', { rps: 320 }), node('api', 'service', { concurrency: 4 })], [edge('users', 'api')]),
      design([node('users', 'client', { rps: 50 }), node('lb', 'load-balancer', { serviceMs: 5 }), node('api', 'service')], [edge('users', 'lb'), edge('lb', 'api')]),
    ];
    for (const d of designs) {
      const sim = simulateDesign(d, { durationS: 900, warmupS: 60, seed: 5, networkRttMs: RTT }).flows[0]!.summary;
      within(flowQuantiles(solved(d)), [sim.p50ResponseMs!, sim.p95ResponseMs!, sim.p99ResponseMs!], 0.03);
    }
  });

  it('with sync calls held by a worker, the flow agrees with the simulator within 8% (and says it is approximate)', () => {
    const d = design(
      [node('users', 'client', { rps: 60 }), node('api', 'service', { serviceScv: 0.5, concurrency: 4 }), node('db', 'relational-db', { serviceMs: 10 })],
      [edge('users', 'api'), edge('api', 'db')],
    );
    const r = solveDesign(d);
    if (!r.ok) throw new Error('does not solve');
    const sim = simulateDesign(d, { durationS: 900, warmupS: 60, seed: 5 }).flows[0]!.summary;
    within([r.flows[0]!.p50ResponseMs!, r.flows[0]!.p95ResponseMs!, r.flows[0]!.p99ResponseMs!], [sim.p50ResponseMs!, sim.p95ResponseMs!, sim.p99ResponseMs!], 0.08);
    expect(r.flows[0]!.percentilesApproximate).toBe(true);
    expect(r.components.api!.percentilesApproximate).toBe(true);
    expect(r.components.db!.percentilesApproximate).toBe(true); // its callers are a finite population
  });
});

describe('the approximate marker', () => {
  const one = (params: Record<string, number>) => solved(design([node('users', 'client', { rps: 200 }), node('api', 'service', params)], [edge('users', 'api')]));

  it('is set where the wait is fitted: several servers or a queue limit with service that is not exponential', () => {
    expect(one({ concurrency: 4, serviceScv: 4 }).components.api!.percentilesApproximate).toBe(true);
    expect(one({ concurrency: 4, serviceScv: 0 }).flows[0]!.percentilesApproximate).toBe(true);
    expect(one({ concurrency: 1, serviceScv: 0.5, queueCapacity: 5, serviceMs: 4 }).components.api!.percentilesApproximate).toBe(true);
  });

  it('is not set where the law is exact: M/M/c, M/M/c/K, M/G/1', () => {
    expect(one({ concurrency: 4 }).components.api!.percentilesApproximate).toBe(false);
    expect(one({ concurrency: 2, queueCapacity: 6 }).components.api!.percentilesApproximate).toBe(false);
    expect(one({ concurrency: 1, serviceScv: 3, serviceMs: 4 }).flows[0]!.percentilesApproximate).toBe(false);
  });

  it('is set on a flow whose hops are not independent: one component called twice by each request', () => {
    const twice = solved(design([node('users', 'client', { rps: 20 }), node('lb', 'load-balancer', { serviceMs: 1 }), node('api', 'service')], [edge('users', 'lb'), edge('lb', 'api', 2)]));
    expect(twice.components.api!.percentilesApproximate).toBe(false);
    expect(twice.flows[0]!.percentilesApproximate).toBe(true);
  });
});

describe('an M/M/c/K hop in a flow', () => {
  it('a turned-away request costs the round trip only; the rest the exact M/M/1/K sojourn', () => {
    // One worker and 3 places to wait: K = 4. At rho = 1 the chain's 5 states are equally likely,
    // a fifth of arrivals find it full, and accepted ones find 0, 1, 2 or 3 present with equal chance.
    const r = solved(design([node('users', 'client', { rps: 100 }), node('api', 'service', { queueCapacity: 3 })], [edge('users', 'api')]));
    const blocked = 0.2;
    expect(r.components.api!.blockingProbability).toBeCloseTo(blocked, 12);
    const erlangSurvival = (k: number, t: number) => {
      let term = 1;
      let sum = 1;
      for (let i = 1; i < k; i++) sum += (term *= (0.1 * t) / i);
      return Math.exp(-0.1 * t) * sum;
    };
    // An accepted request's response: Erlang(n + 1, mu) for n = 0..3 present.
    const accepted = (t: number) => (erlangSurvival(1, t) + erlangSurvival(2, t) + erlangSurvival(3, t) + erlangSurvival(4, t)) / 4;
    const survival = (t: number) => (t < RTT.sameZone ? 1 : (1 - blocked) * accepted(t - RTT.sameZone));
    within(flowQuantiles(r), LEVELS.map((p) => quantileOf(survival, p)), 1e-6);
    expect(r.components.api!.percentilesApproximate).toBe(false);
  });
});

// ---------------------------------------------------------------- an independent M/G/1 check

type Sampler = (u: () => number) => number;

/** Balanced-means H2 with this mean and SCV > 1. */
function h2Sampler(mean: number, scv: number): Sampler {
  const p = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
  return (u) => (u() < p ? -Math.log(u()) * (mean / (2 * p)) : -Math.log(u()) * (mean / (2 * (1 - p))));
}

/** Tijms' Erlang mix (k - 1 or k phases of one rate) with this mean and 1/k <= SCV < 1/(k - 1). */
function erlangMixSampler(mean: number, scv: number): Sampler {
  const k = Math.ceil(1 / scv);
  const p = (k * scv - Math.sqrt(k * (1 + scv) - k * k * scv)) / (1 + scv);
  const phaseMean = mean / (k - p);
  return (u) => {
    const phases = u() < p ? k - 1 : k;
    let total = 0;
    for (let i = 0; i < phases; i++) total -= Math.log(u()) * phaseMean;
    return total;
  };
}

/** Response-time quantiles of M/G/1 FCFS from n customers of W' = max(0, W + S - A). */
function lindleyQuantiles(rps: number, draw: Sampler, n: number, seed: number): number[] {
  const u = uniforms(seed);
  const samples = new Float64Array(n);
  let wait = 0;
  for (let i = -20_000; i < n; i++) {
    const service = draw(u);
    if (i >= 0) samples[i] = wait + service;
    wait = Math.max(0, wait + service + Math.log(u()) * (1000 / rps));
  }
  samples.sort();
  return LEVELS.map((p) => samples[Math.floor(p * n)]!);
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { solveNetwork } from '../../src/engine/analytic/network';
import { parseNetworkCase, type NetworkCase } from '../../src/engine/analytic/network-case';

const CASES_DIR = join(__dirname, '../fixtures/reference-cases');

interface ReferenceCase extends NetworkCase {
  name: string;
  expect: { stations: Record<string, Record<string, number>>; meanResponseMs?: number; saturated: string[] };
  tolerance: { analytic: number; simulation: number };
}

const referenceCases: ReferenceCase[] = readdirSync(CASES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8')) as ReferenceCase);

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12);
}

describe('reference cases (analytic)', () => {
  it('finds the reference cases', () => {
    expect(referenceCases.length).toBeGreaterThanOrEqual(9);
  });

  for (const ref of referenceCases) {
    it(`${ref.name}: every expected figure within tolerance`, () => {
      const parsed = parseNetworkCase(ref);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const result = solveNetwork(parsed.network);
      expect([...result.saturated].sort()).toEqual([...ref.expect.saturated].sort());
      for (const [id, figures] of Object.entries(ref.expect.stations)) {
        const actual = result.stations[id] as Record<string, number | undefined> | undefined;
        expect(actual, `station ${id}`).toBeDefined();
        for (const [key, expected] of Object.entries(figures)) {
          const value = actual?.[key];
          expect(value, `${id}.${key}`).toBeTypeOf('number');
          expect(relativeError(value!, expected), `${id}.${key}: ${value} vs ${expected}`).toBeLessThanOrEqual(ref.tolerance.analytic);
        }
      }
      for (const id of ref.expect.saturated) {
        const station = result.stations[id]!;
        expect(station.meanResponseMs).toBeUndefined();
        expect(station.p95ResponseMs).toBeUndefined();
        expect(station.p99ResponseMs).toBeUndefined();
        expect(station.utilization).toBeGreaterThanOrEqual(1);
      }
      if (ref.expect.meanResponseMs === undefined) {
        expect(result.meanResponseMs).toBeUndefined();
      } else {
        expect(relativeError(result.meanResponseMs!, ref.expect.meanResponseMs)).toBeLessThanOrEqual(ref.tolerance.analytic);
      }
    });
  }
});

describe('parseNetworkCase', () => {
  it('names what is wrong', () => {
    const bad = parseNetworkCase({
      stations: [{ id: 'a', servers: 1, serviceMs: 5, serviceScv: 1 }],
      arrivals: [{ to: 'b', rps: 1 }],
      routing: [
        { from: 'a', to: 'a', p: 0.7 },
        { from: 'a', to: 'a', p: 0.6 },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.join(' ')).toMatch(/station "b", which does not exist/);
    expect(bad.errors.join(' ')).toMatch(/add up to 1\.3/);
    const negative = parseNetworkCase({ stations: [{ id: 'a', servers: 1, serviceMs: 5, serviceScv: 1 }], arrivals: [{ to: 'a', rps: -1 }], routing: [] });
    expect(negative.ok).toBe(false);
    if (!negative.ok) expect(negative.errors[0]).toMatch(/arrivals\.0\.rps.*0 or more/);
  });
});

describe('solveNetwork', () => {
  it('solves feedback loops: a station that sends 40% back sees lambda = a / 0.6', () => {
    const result = solveNetwork({
      stations: [{ id: 'q', servers: 1, serviceMs: 5, serviceScv: 1 }],
      arrivals: [{ to: 'q', rps: 60 }],
      routing: [{ from: 'q', to: 'q', p: 0.4 }],
    });
    expect(result.stations.q!.throughputRps).toBeCloseTo(100, 9);
    expect(result.stations.q!.utilization).toBeCloseTo(0.5, 9);
    // Each request visits 1/0.6 times on average: end-to-end = R / 0.6.
    expect(result.meanResponseMs).toBeCloseTo(result.stations.q!.meanResponseMs! / 0.6, 9);
  });

  it('passes only accepted flow on from a finite-capacity station', () => {
    const result = solveNetwork({
      stations: [
        { id: 'front', servers: 2, serviceMs: 10, serviceScv: 1, capacity: 10 },
        { id: 'back', servers: 4, serviceMs: 10, serviceScv: 1 },
      ],
      arrivals: [{ to: 'front', rps: 250 }],
      routing: [{ from: 'front', to: 'back', p: 1 }],
    });
    expect(result.stations.back!.throughputRps).toBeCloseTo(result.stations.front!.throughputRps!, 9);
    expect(result.stations.front!.blockingProbability).toBeGreaterThan(0.2);
  });

  it('rejects a loop that traffic can never leave', () => {
    expect(() =>
      solveNetwork({
        stations: [
          { id: 'a', servers: 1, serviceMs: 1, serviceScv: 1 },
          { id: 'b', servers: 1, serviceMs: 1, serviceScv: 1 },
        ],
        arrivals: [{ to: 'a', rps: 1 }],
        routing: [
          { from: 'a', to: 'b', p: 1 },
          { from: 'b', to: 'a', p: 1 },
        ],
      }),
    ).toThrow(/routing loop a -> b -> a|routing loop b -> a -> b/);
  });
});

/** Random open networks; routing out of each station sums to at most 0.9, loops allowed. */
const networkArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc
    .record({
      stations: fc.array(
        fc.record({
          servers: fc.integer({ min: 1, max: 6 }),
          serviceMs: fc.double({ min: 0.5, max: 40, noNaN: true }),
          serviceScv: fc.double({ min: 0, max: 4, noNaN: true }),
          room: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
        }),
        { minLength: n, maxLength: n },
      ),
      arrivals: fc.array(fc.record({ to: fc.integer({ min: 0, max: n - 1 }), rps: fc.double({ min: 0, max: 300, noNaN: true }) }), { minLength: 1, maxLength: 4 }),
      routes: fc.array(fc.record({ from: fc.integer({ min: 0, max: n - 1 }), to: fc.integer({ min: 0, max: n - 1 }), weight: fc.double({ min: 0.05, max: 1, noNaN: true }) }), { maxLength: 10 }),
    })
    .map(({ stations, arrivals, routes }): NetworkCase => {
      const totals = new Map<number, number>();
      for (const r of routes) totals.set(r.from, (totals.get(r.from) ?? 0) + r.weight);
      return {
        stations: stations.map((s, i) => ({
          id: `s${i}`,
          servers: s.servers,
          serviceMs: s.serviceMs,
          serviceScv: s.serviceScv,
          ...(s.room === undefined ? {} : { capacity: s.servers + s.room }),
        })),
        arrivals: arrivals.map((a) => ({ to: `s${a.to}`, rps: a.rps })),
        routing: routes.map((r) => ({ from: `s${r.from}`, to: `s${r.to}`, p: (0.9 * r.weight) / Math.max(1, totals.get(r.from)!) })),
      };
    }),
);

/** Arrival rates from lambda = a + lambda P (hand-off routing, no capacity) by Gaussian elimination. */
function trafficByElimination(net: NetworkCase): number[] {
  const n = net.stations.length;
  const index = new Map(net.stations.map((s, i) => [s.id, i]));
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === j ? 1 : 0)));
  for (const a of net.arrivals) m[index.get(a.to)!]![n]! += a.rps;
  for (const r of net.routing) m[index.get(r.to)!]![index.get(r.from)!]! -= r.p;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(m[row]![col]!) > Math.abs(m[pivot]![col]!)) pivot = row;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const f = m[row]![col]! / m[col]![col]!;
      for (let k = col; k <= n; k++) m[row]![k]! -= f * m[col]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

function scaleArrivals(net: NetworkCase, factor: number): NetworkCase {
  return { ...net, arrivals: net.arrivals.map((a) => ({ ...a, rps: a.rps * factor })) };
}

describe('network laws (property tests)', () => {
  it('utilization = lambda / (c mu), lambda from the traffic equations solved independently (at most that downstream of a saturated station)', () => {
    fc.assert(
      fc.property(networkArb, (generated) => {
        const net = { ...generated, stations: generated.stations.map(({ capacity: _capacity, ...s }) => s) };
        const lambda = trafficByElimination(net);
        const result = solveNetwork(net);
        // A saturated station passes on at most what it finishes, so downstream of one the offered
        // load is below the traffic equations' (never above); with none saturated they agree exactly.
        const capped = result.saturated.length > 0;
        return net.stations.every((s, i) => {
          const expected = (lambda[i]! * s.serviceMs) / 1000 / s.servers;
          const got = result.stations[s.id]!.utilization;
          return capped ? got <= expected + 1e-8 * Math.max(1, expected) : Math.abs(got - expected) <= 1e-8 * Math.max(1, expected);
        });
      }),
    );
  });

  it('flow conservation: external arrivals = departures + rejections', () => {
    fc.assert(
      fc.property(networkArb, (net) => {
        const result = solveNetwork(net);
        fc.pre(result.saturated.length === 0);
        const leaving = new Map(net.stations.map((s) => [s.id, 1]));
        for (const r of net.routing) leaving.set(r.from, leaving.get(r.from)! - r.p);
        let out = 0;
        for (const s of net.stations) {
          const r = result.stations[s.id]!;
          const blocked = r.blockingProbability ?? 0;
          const offered = blocked < 1 ? r.throughputRps! / (1 - blocked) : 0;
          out += r.throughputRps! * leaving.get(s.id)! + offered * blocked;
        }
        const arrivals = net.arrivals.reduce((sum, a) => sum + a.rps, 0);
        return Math.abs(arrivals - out) <= 1e-7 * Math.max(1, arrivals);
      }),
    );
  });

  it("Little's law end to end, and more load never lowers any response time", () => {
    fc.assert(
      fc.property(networkArb, fc.double({ min: 1, max: 2, noNaN: true }), (generated, factor) => {
        // Unlimited room: with a queue limit, more load can reject more and shorten later visits.
        const net = { ...generated, stations: generated.stations.map(({ capacity: _capacity, ...s }) => s) };
        const base = solveNetwork(net);
        const more = solveNetwork(scaleArrivals(net, factor));
        fc.pre(more.saturated.length === 0);
        const entered = net.arrivals.reduce((sum, a) => sum + a.rps, 0);
        const inSystem = net.stations.reduce((sum, s) => sum + (base.stations[s.id]!.throughputRps! * base.stations[s.id]!.meanResponseMs!) / 1000, 0);
        const littleOk = entered === 0 || Math.abs((base.meanResponseMs! * entered) / 1000 - inSystem) <= 1e-9 * Math.max(1, inSystem);
        const monotone = net.stations.every((s) => more.stations[s.id]!.meanResponseMs! >= base.stations[s.id]!.meanResponseMs! * (1 - 1e-12));
        return littleOk && monotone;
      }),
    );
  });

  it('more servers at a station never raise its response time or the end-to-end mean', () => {
    fc.assert(
      fc.property(networkArb, fc.nat(), (generated, pick) => {
        const net = { ...generated, stations: generated.stations.map(({ capacity: _capacity, ...s }) => s) };
        const base = solveNetwork(net);
        fc.pre(base.saturated.length === 0 && base.meanResponseMs !== undefined);
        const i = pick % net.stations.length;
        const wider = solveNetwork({ ...net, stations: net.stations.map((s, k) => (k === i ? { ...s, servers: s.servers + 1 } : s)) });
        const id = net.stations[i]!.id;
        return wider.stations[id]!.meanResponseMs! <= base.stations[id]!.meanResponseMs! * (1 + 1e-12) && wider.meanResponseMs! <= base.meanResponseMs! * (1 + 1e-12);
      }),
    );
  });
});

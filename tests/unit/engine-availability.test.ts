// The analytic availability of a request, against cases worked out by hand: series, parallel
// copies, a component reached twice, routers skipping a target that is down, zones and regions
// that fail as a whole. Each case states the arithmetic it expects.
import { describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic/design';
import type { DesignSolution } from '../../src/engine/analytic/design-results';
import { GROUP_AVAILABILITY } from '../../src/engine/metrics/availability';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../../src/model/types';
import { bundledFixScenario } from './helpers/bundled-scenario';

const Z = GROUP_AVAILABILITY.zone;
const R = GROUP_AVAILABILITY.region;
// Light load, so no queue limits or saturation get in the way of the availability figures.
const STATION = { serviceMs: 1, concurrency: 100, instances: 1, availability: 1 };

function node(id: string, kind: ComponentKind, params: Record<string, number> = {}, groupId?: string): DesignNode {
  return { id, kind, label: id, params: kind === 'client' ? { rps: 1, ...params } : { ...STATION, ...params }, position: { x: 0, y: 0 }, ...(groupId ? { groupId } : {}) };
}
const edge = (source: string, target: string, extra: Partial<DesignEdge> = {}): DesignEdge => ({ id: `${source}->${target}`, source, target, mode: 'sync', share: 1, callsPerRequest: 1, ...extra });
const zone = (id: string, parentId?: string): DesignGroup => ({ id, kind: 'zone', label: id, position: { x: 0, y: 0 }, size: { width: 10, height: 10 }, ...(parentId ? { parentId } : {}) });
const region = (id: string): DesignGroup => ({ id, kind: 'region', label: id, position: { x: 0, y: 0 }, size: { width: 10, height: 10 } });
const design = (nodes: DesignNode[], edges: DesignEdge[], groups: DesignGroup[] = []): Design => ({ id: 't', name: 't', nodes, edges, groups });

function solved(d: Design): DesignSolution {
  const r = solveDesign(d, { findSaturationPoints: false });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r;
}
const flow = (d: Design) => solved(d).flows[0]!.availability;

describe('series and parallel', () => {
  it('parts in series multiply; copies of one part are down only together', () => {
    expect(flow(design([node('c', 'client'), node('api', 'service', { availability: 0.99 }), node('db', 'relational-db', { availability: 0.9 })], [edge('c', 'api'), edge('api', 'db')]))).toBeCloseTo(0.99 * 0.9, 12);
    expect(flow(design([node('c', 'client'), node('api', 'service', { availability: 0.99, instances: 2 })], [edge('c', 'api')]))).toBeCloseTo(1 - 0.01 ** 2, 12);
  });

  it('a call made by 40% of requests costs 40% of its failures', () => {
    expect(flow(design([node('c', 'client'), node('api', 'service'), node('db', 'relational-db', { availability: 0.9 })], [edge('c', 'api'), edge('api', 'db', { share: 0.4 })]))).toBeCloseTo(0.6 + 0.4 * 0.9, 12);
  });
});

describe('a component a request needs twice is needed once', () => {
  it('two calls to one database fail together: 0.9, not 0.81', () => {
    expect(flow(design([node('c', 'client'), node('api', 'service'), node('db', 'relational-db', { availability: 0.9 })], [edge('c', 'api'), edge('api', 'db', { callsPerRequest: 2 })]))).toBeCloseTo(0.9, 12);
  });

  it('a database reached along two paths counts once', () => {
    // c -> front -> a -> db and front -> b -> db: 0.99 * 0.98 * 0.9 (the old model said 0.99 * 0.98 * 0.81).
    const d = design(
      [node('c', 'client'), node('front', 'service'), node('a', 'service', { availability: 0.99 }), node('b', 'service', { availability: 0.98 }), node('db', 'relational-db', { availability: 0.9 })],
      [edge('c', 'front'), edge('front', 'a'), edge('front', 'b'), edge('a', 'db'), edge('b', 'db')],
    );
    expect(flow(d)).toBeCloseTo(0.99 * 0.98 * 0.9, 12);
  });

  it('a shared part needed by only some requests: conditioned on, not multiplied', () => {
    // a (80%, taken by half the requests) and b (always taken) both call db (90%). db down: every
    // request fails (all take b); db up: a fails the half that take it 20% of the time.
    const d = design(
      [node('c', 'client'), node('front', 'service'), node('a', 'service', { availability: 0.8 }), node('b', 'service'), node('db', 'relational-db', { availability: 0.9 })],
      [edge('c', 'front'), edge('front', 'a', { share: 0.5 }), edge('front', 'b'), edge('a', 'db'), edge('b', 'db')],
    );
    expect(flow(d)).toBeCloseTo(0.9 * (0.5 + 0.5 * 0.8), 12);
  });

  it('two calls while only the read copies are up: both must be reads', () => {
    // One primary and one replica at 0.9 each; 80% reads. Primary up 0.9; only the replica up 0.1 * 0.9;
    // then each call succeeds when it is a read: 0.8^2 for two calls.
    const d = design([node('c', 'client'), node('api', 'service'), node('db', 'relational-db', { availability: 0.9, replicas: 1, readShare: 0.8 })], [edge('c', 'api'), edge('api', 'db', { callsPerRequest: 2 })]);
    expect(flow(d)).toBeCloseTo(0.9 + 0.1 * 0.9 * 0.8 ** 2, 12);
  });
});

describe('a router skips targets that are down', () => {
  const behindLb = (availabilities: number[], shares: number[]) =>
    design(
      [node('c', 'client'), node('lb', 'load-balancer'), ...availabilities.map((a, i) => node(`s${i}`, 'service', { availability: a }))],
      [edge('c', 'lb'), ...availabilities.map((_, i) => edge('lb', `s${i}`, { share: shares[i]! }))],
    );

  it('three targets at 50%: a request fails only when all three are down (1/8)', () => {
    expect(flow(behindLb([0.5, 0.5, 0.5], [1, 1, 1]))).toBeCloseTo(1 - 0.5 ** 3, 12);
  });

  it('while one target is down the others take its share; what they need still counts', () => {
    // s0 (90%) and s1 (always up) behind the balancer; s1 calls a database at 60%.
    // s0 up (0.9): half go to s0 (succeed), half to s1 (0.6); s0 down: all to s1 (0.6).
    const d = behindLb([0.9, 1], [0.5, 0.5]);
    d.nodes.push(node('db', 'relational-db', { availability: 0.6 }));
    d.edges.push(edge('s1', 'db'));
    expect(flow(d)).toBeCloseTo(0.9 * (0.5 + 0.5 * 0.6) + 0.1 * 0.6, 12);
  });
});

describe('zones and regions fail as a whole', () => {
  it('one instance keeps its own figure wherever it sits', () => {
    const d = design([node('c', 'client'), node('api', 'service', { availability: 0.995 }, 'za')], [edge('c', 'api')], [zone('za')]);
    expect(flow(d)).toBeCloseTo(0.995, 12);
  });

  it('two copies in one zone go down with it; in two zones they do not', () => {
    const own = 0.995 / Z;
    const oneZone = design([node('c', 'client'), node('api', 'service', { availability: 0.995, instances: 2 }, 'za')], [edge('c', 'api')], [zone('za')]);
    expect(flow(oneZone)).toBeCloseTo(Z * (1 - (1 - own) ** 2), 12);
    const twoZones = design(
      [node('c', 'client'), node('lb', 'load-balancer'), node('a', 'service', { availability: 0.995 }, 'za'), node('b', 'service', { availability: 0.995 }, 'zb')],
      [edge('c', 'lb'), edge('lb', 'a', { share: 0.5 }), edge('lb', 'b', { share: 0.5 })],
      [zone('za'), zone('zb')],
    );
    expect(flow(twoZones)).toBeCloseTo(1 - 0.005 ** 2, 12);
    // The same two copies both put in zone a are as good as one zone's two instances, and worse than two zones.
    const sameZone = structuredClone(twoZones);
    sameZone.nodes[3]!.groupId = 'za';
    expect(flow(sameZone)).toBeCloseTo(Z * (1 - (1 - own) ** 2), 12);
    expect(flow(sameZone)).toBeLessThan(flow(twoZones) - 4e-4);
  });

  it('parts in series in one zone lose it once', () => {
    const d = design([node('c', 'client'), node('api', 'service', { availability: 0.995 }, 'za'), node('db', 'relational-db', { availability: 0.99 }, 'za')], [edge('c', 'api'), edge('api', 'db')], [zone('za')]);
    expect(flow(d)).toBeCloseTo(Z * (0.995 / Z) * (0.99 / Z), 12);
  });

  it('a part placed in a zone is never more available than the zone', () => {
    const d = design([node('c', 'client'), node('dns', 'dns', { availability: 1 }, 'za')], [edge('c', 'dns')], [zone('za')]);
    expect(flow(d)).toBeCloseTo(Z, 12);
    expect(solved(d).components.dns!.availability).toBeCloseTo(Z, 12);
  });

  it('a zone inside a region: the zone, the region and a part on the region', () => {
    // api in zone a of region r; db on the region (its copies across zones). Region once, zone once.
    const d = design(
      [node('c', 'client'), node('api', 'service', { availability: 0.995 }, 'za'), node('db', 'relational-db', { availability: 0.9999 }, 'r')],
      [edge('c', 'api'), edge('api', 'db')],
      [region('r'), zone('za', 'r')],
    );
    const apiOwn = 0.995 / (Z * R);
    const dbOwn = Math.min(1, 0.9999 / R);
    expect(flow(d)).toBeCloseTo(R * Z * apiOwn * dbOwn, 12);
  });

  it('multi-zone-failover: both API copies in one zone miss the promise the two-zone solution keeps', () => {
    const solution = bundledFixScenario('multi-zone-failover').solution;
    const spread = flow(solution);
    expect(spread).toBeGreaterThanOrEqual(0.9995);
    const cramped = structuredClone(solution);
    cramped.nodes.find((n) => n.id === 'api-b')!.groupId = 'zone-a';
    expect(flow(cramped)).toBeLessThan(0.9995);
    expect(spread - flow(cramped)).toBeGreaterThan(4e-4);
  });
});

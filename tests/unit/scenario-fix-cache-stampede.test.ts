// The cache-stampede fix scenario: an empty Redis node sends every page view to a slow content
// database. Fair answers (a CDN in front, a second cache that stays full) pass, steady and
// simulated; answers that turn readers away, edit the vendor's database or claim a better hit
// ratio fail. Two replications of the 120 s timeline at 1,500 requests/s keep the file quick.
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../src/model/types';
import { gradeFix, gradeFixSimulated } from '../../src/scenarios';
import { checkFixInvariants } from '../../src/scenarios/modes/fix/invariants';
import { bundledFixScenario, bundledScenarioText } from './helpers/bundled-scenario';
import { steadySolution, simVerdicts } from './helpers/fix-grades';

const scenario = bundledFixScenario('cache-stampede');
const options = { replications: 2 } as const;
const node = (d: Design, id: string): DesignNode => d.nodes.find((n) => n.id === id)!;
const text = bundledScenarioText('cache-stampede').replace(/\s+/g, ' ');

/** The starting design with a second Redis node the API also asks, which the replaced node's loss leaves full (a "gutter" cache). */
function withSecondCache(): Design {
  const d = structuredClone(scenario.design);
  d.nodes.push({ ...structuredClone(node(d, 'redis')), id: 'redis2', label: 'Second page cache (Redis)', position: { x: 520, y: 110 } });
  d.edges.push({ id: 'e-api-redis2', source: 'api', target: 'redis2', mode: 'sync', callsPerRequest: 1, share: 1 });
  return d;
}

describe('cache-stampede: the figures the story quotes', () => {
  it('the content database builds about 300 pages a second, and 2 page views in 100 reach it on a normal morning', () => {
    expect(text).toContain('The database can build about 300 pages a second');
    expect(text).toContain('Today 2 page views in 100 miss');
    const solved = steadySolution(scenario);
    const db = solved.components.cmsdb!;
    expect(db.capacityRps).toBeCloseTo(300, 0);
    expect(db.offeredRps / scenario.workload.clientRps.readers!).toBeCloseTo(0.02, 6);
    // Those 2 in 100 take the p99 past the 35 ms target before anything goes wrong (about 38 ms;
    // the simulator agrees, 37.6-38.4 ms over two seeds of 600 s).
    expect(text).toContain('99% of page views answered within 35 ms');
    expect(solved.flows[0]!.p99ResponseMs).toBeGreaterThan(35);
  });
});

describe('cache-stampede: steady and simulated verdicts', () => {
  it('fails the starting design: readers wait seconds while Redis is empty', () => {
    const grade = gradeFixSimulated(scenario, scenario.design, options);
    expect(simVerdicts(grade)).toEqual({ p99LatencyMs: 'fail', errorRate: 'pass', capacity: 'pass' });
    expect(grade.checks.find((c) => c.check === 'p99LatencyMs')!.mean).toBeGreaterThan(2_000);
  });

  it('passes the reference solution (a CDN in front) and a second cache that stays full, steady and simulated', () => {
    for (const design of [scenario.solution, withSecondCache()]) {
      expect(gradeFix(scenario, design).passed).toBe(true);
      expect(simVerdicts(gradeFixSimulated(scenario, design, options))).toEqual({ p99LatencyMs: 'pass', errorRate: 'pass', capacity: 'pass' });
    }
  });

  it('fails a rate limit in front of the database: the readers it turns away while Redis is empty are errors', () => {
    const d = structuredClone(scenario.solution);
    d.nodes.push({ id: 'rl', kind: 'rate-limiter', label: 'Database guard', groupId: 'zone-a', position: { x: 520, y: 110 }, params: { limitRps: 40 } });
    d.edges.find((e) => e.id === 'e-api-cmsdb')!.target = 'rl';
    d.edges.push({ id: 'e-rl-cmsdb', source: 'rl', target: 'cmsdb', mode: 'sync', callsPerRequest: 1, share: 1 });
    const grade = gradeFixSimulated(scenario, d, options);
    expect(grade.checks.find((c) => c.check === 'errorRate')!.verdict).toBe('fail');
  });
});

describe('cache-stampede: the world stays as it is', () => {
  it('fails read replicas or more speed on the vendor database, naming it', () => {
    const d = structuredClone(scenario.design);
    node(d, 'cmsdb').params.replicas = 4;
    expect(checkFixInvariants(scenario, d).map((f) => f.message).join('\n')).toMatch(/"Content DB \(newsroom\)": you changed read replicas from 0 to 4/);
    expect(gradeFix(scenario, d).passed).toBe(false);
  });

  it('fails a cache or CDN that claims more hits than the readers give', () => {
    const hot = structuredClone(scenario.design);
    node(hot, 'redis').params.hitRatio = 0.999;
    expect(gradeFix(scenario, hot).passed).toBe(false);
    const edge = structuredClone(scenario.solution);
    node(edge, 'cdn').params.hitRatio = 0.99;
    expect(checkFixInvariants(scenario, edge).map((f) => f.message).join('\n')).toMatch(/"CDN \(caches pages at the edge\)" is new, with hit ratio 99%/);
  });

  it('fails dropping Redis for the CDN: every CDN miss would have the database build the page again', () => {
    const d = structuredClone(scenario.solution);
    d.nodes = d.nodes.filter((n) => n.id !== 'redis');
    d.edges = d.edges.filter((e) => e.target !== 'redis');
    expect(checkFixInvariants(scenario, d).map((f) => f.message).join('\n')).toMatch(/Nothing from "Article API" reaches any cache any more: the Article API no longer keeps the pages it builds/);
  });

  it('fails page views that stop at a cache with nowhere to build a missing page', () => {
    const d = structuredClone(scenario.solution);
    d.edges = d.edges.filter((e) => e.id !== 'e-api-cmsdb');
    expect(checkFixInvariants(scenario, d).map((f) => f.message).join('\n')).toMatch(/Nothing from "Readers" reaches "Content DB \(newsroom\)" any more/);
  });
});

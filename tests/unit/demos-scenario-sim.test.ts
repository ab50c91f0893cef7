// A scenario's traffic over time, failures and targets in the simulator's terms
// (scenarioSimOptions), checked field by field on a small scenario that uses every shape and
// failure kind, on the bundled scenarios, and by what a failure does to a simulated run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesignSimError, simulateDesign } from '../../src/engine/simulation';
import { parseScenarioYaml } from '../../src/scenarios/parse';
import { MIN_SCENARIO_DURATION_S, scenarioDurationS, scenarioSimOptions, withScenarioRates } from '../../src/scenarios/simulation';
import type { Scenario } from '../../src/scenarios/types';

const ROOT = join(__dirname, '../..');

function scenarioFrom(yaml: string): Scenario {
  const parsed = parseScenarioYaml(yaml);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.line}: ${i.path} ${i.message}`).join('\n'));
  return parsed.scenario;
}

const HEADER = `version: 1
id: sim-mapping
title: Simulation mapping
summary: A small shop, to check how a scenario becomes a simulation.
difficulty: beginner
estimatedMinutes: 5
objectives: [identify-components]
mode: identify
story: A small shop with a web site and a phone app.
questions:
  - prompt: Which component spreads the requests?
    answer: lb
    explanation: The load balancer does.
`;

const DESIGN = `design:
  groups:
    - { id: region, kind: region, label: Region, position: { x: 220, y: -80 }, size: { width: 840, height: 420 } }
    - { id: zone-a, kind: zone, label: Zone a, parentId: region, position: { x: 480, y: -40 }, size: { width: 268, height: 144 } }
    - { id: zone-b, kind: zone, label: Zone b, parentId: region, position: { x: 740, y: -40 }, size: { width: 268, height: 144 } }
  nodes:
    - { id: web, kind: client, label: Web shoppers, position: { x: 0, y: 0 }, params: { rps: 10 } }
    - { id: mobile, kind: client, label: App shoppers, position: { x: 0, y: 110 } }
    - { id: lb, kind: load-balancer, label: Load balancer, groupId: region, position: { x: 260, y: 0 } }
    - { id: api, kind: service, label: Shop API, groupId: zone-a, position: { x: 520, y: 0 } }
    - { id: db, kind: relational-db, label: Shop DB, groupId: zone-b, position: { x: 780, y: 0 }, params: { replicas: 1 } }
  edges:
    - { id: e-web-lb, source: web, target: lb }
    - { id: e-mobile-lb, source: mobile, target: lb }
    - { id: e-lb-api, source: lb, target: api }
    - { id: e-api-db, source: api, target: db }
`;

const EVERYTHING = `${HEADER}
requirements: { availability: 0.999, p99LatencyMs: 200, errorRate: 0.01 }
workload:
  rps: { web: 300, mobile: 100 }
  overTime:
    - { atS: 0, shape: constant, rps: 400 }
    - { atS: 30, shape: spike, client: mobile, rps: 300, durationS: 20 }
    - { atS: 60, shape: step, rps: 800 }
    - { atS: 90, shape: ramp, rps: 400, durationS: 30 }
    - { atS: 120, shape: daily, peakRps: 600, troughRps: 200, periodS: 600 }
failures:
  - { atS: 10, durationS: 5, kind: crash, target: api }
  - { atS: 20, durationS: 5, kind: slow, target: db, factor: 4 }
  - { atS: 30, durationS: 5, kind: errors, target: api, rate: 0.2 }
  - { atS: 40, durationS: 5, kind: zone-loss, target: zone-a }
  - { atS: 50, durationS: 5, kind: partition, target: e-api-db }
  - { atS: 60, durationS: 5, kind: partition, target: zone-b }
  - { atS: 70, durationS: 200, kind: failover, target: db }
${DESIGN}`;

describe('scenarioSimOptions', () => {
  const scenario = scenarioFrom(EVERYTHING);
  const { design, options } = scenarioSimOptions(scenario);

  it('sets each client to the scenario\'s rate, leaving the scenario\'s design alone', () => {
    expect(design.nodes.find((n) => n.id === 'web')!.params.rps).toBe(300);
    expect(design.nodes.find((n) => n.id === 'mobile')!.params.rps).toBe(100);
    expect(scenario.design.nodes.find((n) => n.id === 'web')!.params.rps).toBe(10);
  });

  it('splits steps without a client by the clients\' usual shares, and turns a spike\'s rate into a multiplier', () => {
    expect(options.workload).toEqual({
      web: [
        { kind: 'constant', rps: 300 },
        { kind: 'step', atS: 60, toRps: 600 },
        { kind: 'ramp', startS: 90, endS: 120, toRps: 300 },
        { kind: 'step', atS: 120, toRps: 300 },
        { kind: 'daily', peakToTrough: 3, periodS: 600 },
      ],
      mobile: [
        { kind: 'constant', rps: 100 },
        { kind: 'spike', startS: 30, durationS: 20, multiplier: 3 }, // 300 req/s over the 100 it sends then
        { kind: 'step', atS: 60, toRps: 200 },
        { kind: 'ramp', startS: 90, endS: 120, toRps: 100 },
        { kind: 'step', atS: 120, toRps: 100 },
        { kind: 'daily', peakToTrough: 3, periodS: 600 },
      ],
    });
  });

  it('maps every failure kind to the simulator\'s', () => {
    expect(options.failures).toEqual([
      { kind: 'crash', nodeId: 'api', atS: 10, durationS: 5 },
      { kind: 'slowdown', nodeId: 'db', atS: 20, durationS: 5, factor: 4 },
      { kind: 'error-rate', nodeId: 'api', atS: 30, durationS: 5, rate: 0.2 },
      { kind: 'group-outage', groupId: 'zone-a', atS: 40, durationS: 5 },
      { kind: 'partition', sideA: ['api'], sideB: ['db'], atS: 50, durationS: 5 },
      { kind: 'partition', sideA: ['zone-b'], sideB: ['web', 'mobile', 'lb', 'api'], atS: 60, durationS: 5 },
      { kind: 'db-failover', nodeId: 'db', atS: 70, durationS: 200, promoteAfterS: 60 },
    ]);
  });

  it('takes the SLO targets from the requirements', () => {
    expect(options.slo).toEqual({ availability: 0.999, p99Ms: 200, errorRate: 0.01 });
  });

  it('lasts until the last failure ends plus a margin, and at least two minutes', () => {
    expect(options.durationS).toBe(330); // failover ends at 270 s, then 60 s to watch
    const quiet = scenarioFrom(`${HEADER}\n${DESIGN}`);
    expect(scenarioDurationS(quiet)).toBe(MIN_SCENARIO_DURATION_S);
    const { options: quietOptions } = scenarioSimOptions(quiet);
    expect(quietOptions.workload).toBeUndefined();
    expect(quietOptions.failures).toBeUndefined();
    expect(quietOptions.slo).toBeUndefined();
  });

  it('gives options the simulator accepts', () => {
    expect(() => simulateDesign(design, { ...options, durationS: 2 })).not.toThrow();
  });

  it('refuses a learner\'s design that lost a client the scenario sends traffic from', () => {
    const learner = { ...scenario.design, nodes: scenario.design.nodes.filter((n) => n.id !== 'mobile'), edges: scenario.design.edges.filter((e) => e.source !== 'mobile') };
    expect(() => withScenarioRates(scenario, learner)).toThrow(DesignSimError);
    expect(() => scenarioSimOptions(scenario, learner)).toThrow(/no client "mobile"/);
  });

  it('a client the learner added keeps its own steady rate', () => {
    const partner = { ...scenario.design.nodes.find((n) => n.id === 'web')!, id: 'partner', label: 'Partner', params: { rps: 7 }, position: { x: 0, y: 220 } };
    const learner = { ...scenario.design, nodes: [...scenario.design.nodes, partner], edges: [...scenario.design.edges, { ...scenario.design.edges[0]!, id: 'e-partner-lb', source: 'partner' }] };
    const mapped = scenarioSimOptions(scenario, learner);
    expect(Object.keys(mapped.options.workload ?? {}).sort()).toEqual(['mobile', 'web']);
    expect(mapped.design.nodes.find((n) => n.id === 'partner')!.params.rps).toBe(7);
    expect(mapped.options.workload?.web).toEqual(options.workload?.web);
  });

  it('a partition of something the learner\'s design does not have is an error in words', () => {
    const learner = { ...scenario.design, edges: scenario.design.edges.filter((e) => e.id !== 'e-api-db') };
    expect(() => scenarioSimOptions(scenario, learner)).toThrow(/partition names "e-api-db"/);
  });

  it('every bundled scenario maps to options the simulator accepts', () => {
    const dir = join(ROOT, 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const bundled = scenarioFrom(readFileSync(join(dir, file), 'utf8'));
      const mapped = scenarioSimOptions(bundled);
      expect(mapped.options.durationS, file).toBeGreaterThanOrEqual(Math.max(MIN_SCENARIO_DURATION_S, ...bundled.failures.map((f) => f.atS + f.durationS)));
      expect(mapped.options.failures?.length ?? 0, file).toBe(bundled.failures.length);
      // A short run still checks every failure and shape against the design.
      expect(() => simulateDesign(mapped.design, { ...mapped.options, durationS: 0.2, warmupS: 0 }), file).not.toThrow();
    }
  });
});

describe('a scenario simulated', () => {
  const crashing = scenarioFrom(`${HEADER}
requirements: { availability: 0.999 }
workload:
  rps: { web: 60, mobile: 20 }
failures:
  - { atS: 40, durationS: 30, kind: crash, target: api }
${DESIGN}`);

  it('a crash shows as lost availability and a failed SLO, which the same run without it does not have', () => {
    const { design, options } = scenarioSimOptions(crashing);
    const failing = simulateDesign(design, options);
    const { failures: _failures, ...calm } = options;
    const healthy = simulateDesign(design, calm);
    expect(healthy.overall.availability).toBe(1);
    expect(healthy.slo?.pass).toBe(true);
    // 30 s of 130 measured seconds down: about a quarter lost.
    expect(failing.overall.availability).toBeLessThan(0.85);
    expect(failing.overall.availability).toBeGreaterThan(0.65);
    expect(failing.slo?.pass).toBe(false);
  });
});

// The analytics-pipeline fix scenario: app events written one row at a time outgrow the analytics
// database. Fair answers (a stream or a queue holding events, loaders writing in batches) pass,
// steady and simulated through a push campaign; answers that lose events, batch in the API before
// anything holds them, write one row per event behind the stream, or edit the data team's database
// fail. Two replications of the 130 s timeline keep the file quick.
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../src/model/types';
import { gradeFix, gradeFixSimulated } from '../../src/scenarios';
import { checkFixInvariants } from '../../src/scenarios/modes/fix/invariants';
import { bundledFixScenario, bundledScenarioText } from './helpers/bundled-scenario';
import { steadySolution, simVerdicts } from './helpers/fix-grades';

const scenario = bundledFixScenario('analytics-pipeline');
const options = { replications: 2 } as const;
const node = (d: Design, id: string): DesignNode => d.nodes.find((n) => n.id === id)!;
const edge = (d: Design, id: string) => d.edges.find((e) => e.id === id)!;
const messages = (d: Design) => checkFixInvariants(scenario, d).map((f) => f.message).join('\n');
const text = bundledScenarioText('analytics-pipeline').replace(/\s+/g, ' ');

describe('analytics-pipeline: the figures the story quotes', () => {
  it('the database writes about 800 single rows a second, against 1,000 events arriving', () => {
    expect(text).toContain('The database can write about 800 single rows a second, and on a normal evening about 1,000 events arrive each second');
    const solved = steadySolution(scenario);
    expect(solved.components.adb!.capacityRps).toBeCloseTo(800, 0);
    expect(solved.components.adb!.offeredRps).toBeCloseTo(1000, 0);
  });
});

describe('analytics-pipeline: steady and simulated verdicts', () => {
  it('fails the starting design: the writes fall further behind every second', () => {
    expect(simVerdicts(gradeFixSimulated(scenario, scenario.design, options))).toMatchObject({ p99LatencyMs: 'fail', capacity: 'fail' });
  });

  it('passes the reference solution through the campaign: the stream holds what the loaders have not written yet', () => {
    expect(simVerdicts(gradeFixSimulated(scenario, scenario.solution, options))).toEqual({ p99LatencyMs: 'pass', errorRate: 'pass', capacity: 'pass' });
  });

  it('passes a managed queue in place of the stream', () => {
    const d = structuredClone(scenario.solution);
    Object.assign(node(d, 'stream'), { kind: 'queue', label: 'Event queue (SQS)', params: {} });
    expect(gradeFix(scenario, d).passed).toBe(true);
  });

  it('fails loaders that write one row per event: the database is as far behind as before', () => {
    const d = structuredClone(scenario.solution);
    edge(d, 'e-loaders-adb').callsPerRequest = 1;
    const grade = gradeFix(scenario, d);
    expect(grade.invariants).toEqual([]);
    expect(grade.checks.find((c) => c.check === 'capacity')!.passed).toBe(false);
  });

  it('fails a limit that turns the campaign away: refused events are lost events', () => {
    const d = structuredClone(scenario.solution);
    d.nodes.push({ id: 'rl', kind: 'rate-limiter', label: 'Event limit', groupId: 'zone-a', position: { x: 260, y: 110 }, params: { limitRps: 1200 } });
    edge(d, 'e-lb-api').target = 'rl';
    d.edges.push({ id: 'e-rl-api', source: 'rl', target: 'api', mode: 'sync', callsPerRequest: 1, share: 1 });
    expect(gradeFix(scenario, d).passed).toBe(true); // at 1,000 events a second it turns nobody away
    expect(gradeFixSimulated(scenario, d, options).checks.find((c) => c.check === 'errorRate')!.verdict).toBe('fail');
  });
});

describe('analytics-pipeline: the work and the world', () => {
  it('fails events kept only in files, away from the database the dashboards read', () => {
    const d = structuredClone(scenario.solution);
    d.nodes.push({ id: 's3', kind: 'object-storage', label: 'Event files (S3)', position: { x: 1040, y: 330 }, params: {} });
    edge(d, 'e-loaders-adb').target = 's3';
    expect(messages(d)).toMatch(/Nothing from "Fitness apps \(events\)" reaches "Analytics DB \(PostgreSQL\)" any more: every event must end up in the analytics database/);
  });

  it('fails batching in the API, where an event waits in memory before anything holds it', () => {
    const d = structuredClone(scenario.design);
    edge(d, 'e-api-adb').callsPerRequest = 0.01;
    expect(messages(d)).toMatch(/make 0\.01 calls to any event stream, message queue, relational database, NoSQL store or object storage where the story needs 1: each event must be stored safely/);
  });

  it('fails an event fired at the database with nothing to hold it', () => {
    const d = structuredClone(scenario.design);
    edge(d, 'e-api-adb').mode = 'async';
    expect(checkFixInvariants(scenario, d).map((f) => f.rule)).toContain('unheld-message');
  });

  it("fails a bigger or faster analytics database, and a new one beside it", () => {
    const bigger = structuredClone(scenario.design);
    node(bigger, 'adb').params.instances = 2;
    expect(messages(bigger)).toMatch(/"Analytics DB \(PostgreSQL\)": you changed primaries from 1 to 2/);
    const beside = structuredClone(scenario.design);
    beside.nodes.push({ ...structuredClone(node(beside, 'adb')), id: 'adb2', label: 'Second analytics DB' });
    edge(beside, 'e-api-adb').share = 0.5;
    beside.edges.push({ id: 'e-api-adb2', source: 'api', target: 'adb2', mode: 'sync', callsPerRequest: 1, share: 0.5 });
    expect(messages(beside)).toMatch(/Only 50% of requests from "Fitness apps \(events\)" reach "Analytics DB \(PostgreSQL\)"/);
  });
});

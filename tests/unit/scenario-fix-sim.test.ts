// Simulated fix verdicts (gradeFixSimulated) on a small constructed scenario: intervals and the
// three verdicts (a target set to the measured mean is too close to call), fixed seeds giving
// identical grades, capacity, the analytic cost, progress and problems in words. The bundled
// scenarios are graded in scenario-fix-sim-*.test.ts.
import { describe, expect, it } from 'vitest';
import { formatIssue, gradeFix, gradeFixSimulated, parseScenarioYaml, type FixScenario, type SimulatedFixGrade } from '../../src/scenarios';
import { FIRST_LOOK_RUNS, selfCheckSimulated, settledAfterFirstLook } from '../../src/scenarios/self-check';
import { checkScenarioSources, checkScenarioSourcesSimulated, combineReplications, planReplications, runReplication, runReplicationJob, type ReplicationJob } from '../../src/scenarios';

function load(text: string): FixScenario {
  const r = parseScenarioYaml(text);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
  if (r.scenario.mode !== 'fix') throw new Error('not a fix scenario');
  return r.scenario;
}

// 200 requests/s to one service that fails 2% of them for the whole run: availability about 98%,
// different in each run. The starting design's service takes one request at a time, too few for
// the traffic; the fix lets it take 16 (its own setting: the 12.5 ms each request takes is the
// story's, and a fix that edits it fails before any figure).
const SCENARIO = `
version: 1
id: tiny-fix-sim
title: Tiny fix, simulated
summary: One service, some injected errors.
difficulty: beginner
estimatedMinutes: 5
objectives: [feasibility]
mode: fix
story: A shop API behind a load balancer.
requirements: { availability: 0.95, errorRate: 0.05, p99LatencyMs: 500, monthlyCostUsd: 1000 }
workload:
  rps: { shop: 200 }
failures:
  - { atS: 0, durationS: 100000, kind: errors, target: api, rate: 0.02 }
checks: [availability, errorRate, p99LatencyMs, capacity, monthlyCostUsd]
design:
  nodes:
    - { id: shop, kind: client, label: Shoppers, position: { x: 0, y: 0 }, params: { rps: 200 } }
    - { id: lb, kind: load-balancer, label: Load balancer, position: { x: 260, y: 0 } }
    - { id: api, kind: service, label: Shop API, position: { x: 520, y: 0 }, params: { serviceMs: 12.5, concurrency: 1, instances: 1 } }
  edges:
    - { id: e-shop-lb, source: shop, target: lb }
    - { id: e-lb-api, source: lb, target: api }
solution:
  patch:
    - { op: set-param, node: api, param: concurrency, value: 16 }
`;

const scenario = load(SCENARIO);
const FAST = { durationS: 120, replications: 5 } as const;

const byCheck = (grade: SimulatedFixGrade) => Object.fromEntries(grade.checks.map((c) => [c.check, c]));

describe('gradeFixSimulated', () => {
  const good = gradeFixSimulated(scenario, scenario.solution, FAST);

  it('measures each check over independent runs with fixed seeds', () => {
    expect(good).toMatchObject({ mode: 'fix-simulated', replications: 5, seeds: [1, 2, 3, 4, 5], durationS: 120, problems: [] });
    expect(good.checks.map((c) => c.check)).toEqual(scenario.checks);
    const { availability, errorRate } = byCheck(good);
    expect(availability!.values).toHaveLength(5);
    expect(new Set(availability!.values).size).toBeGreaterThan(1); // each run has its own noise
    expect(availability!.mean).toBeCloseTo(0.98, 2);
    expect(availability!.halfWidth).toBeGreaterThan(0);
    expect(availability!.halfWidth).toBeLessThan(0.005);
    expect(errorRate!.mean! + availability!.mean!).toBeCloseTo(1, 12);
  });

  it('passes a design whose whole interval is on the passing side, in plain words', () => {
    expect(good.passed).toBe(true);
    expect(good.checks.every((c) => c.verdict === 'pass')).toBe(true);
    const { availability, p99LatencyMs, capacity, monthlyCostUsd } = byCheck(good);
    expect(availability!.detail).toMatch(/^Availability 9\d\.\d+% ± 0\.\d+% \(95% confidence, 5 runs\) against a target of at least 95%: passes\./);
    expect(availability!.detail).toMatch(/Why requests failed \(all runs together\): [\d,]+ errors\./);
    expect(p99LatencyMs!.detail).toMatch(/^p99 latency [\d.]+ ms ± [\d.]+ ms \(95% confidence, 5 runs\) against a target of at most 500 ms: passes\.$/);
    expect(capacity).toMatchObject({ mean: 0, halfWidth: 0, target: 0, unit: 'components' });
    // The cost is the analytic figure: no noise.
    const analytic = gradeFix(scenario, scenario.solution).checks.find((c) => c.check === 'monthlyCostUsd')!;
    expect(monthlyCostUsd).toMatchObject({ verdict: 'pass', mean: analytic.actual, halfWidth: 0, unit: 'USD/month' });
  });

  it('gives the same grade for the same inputs, and another for other seeds', () => {
    const again = gradeFixSimulated(scenario, structuredClone(scenario.solution), FAST);
    expect(JSON.stringify(again)).toBe(JSON.stringify(good));
    const other = gradeFixSimulated(scenario, scenario.solution, { ...FAST, baseSeed: 11 });
    expect(other.seeds).toEqual([11, 12, 13, 14, 15]);
    expect(byCheck(other).availability!.values).not.toEqual(byCheck(good).availability!.values);
  });

  it('calls it too close when the target sits inside the interval, and fails when the interval is wholly short', () => {
    const measured = byCheck(good);
    const availability = measured.availability!.mean!;
    const errorRate = measured.errorRate!.mean!;
    const atTheMean = { ...scenario, requirements: { ...scenario.requirements, availability, errorRate } };
    const close = byCheck(gradeFixSimulated(atTheMean, scenario.solution, FAST));
    expect(close.availability!.verdict).toBe('too-close');
    expect(close.errorRate!.verdict).toBe('too-close');
    expect(close.availability!.detail).toMatch(/: too close to call; run more replications or leave more margin\./);

    const strict = { ...scenario, requirements: { ...scenario.requirements, availability: 0.999, errorRate: 0.001, p99LatencyMs: 1, monthlyCostUsd: 1 } };
    const failed = gradeFixSimulated(strict, scenario.solution, FAST);
    expect(failed.passed).toBe(false);
    expect(failed.checks.map((c) => [c.check, c.verdict])).toEqual([
      ['availability', 'fail'],
      ['errorRate', 'fail'],
      ['p99LatencyMs', 'fail'],
      ['capacity', 'pass'],
      ['monthlyCostUsd', 'fail'],
    ]);
  });

  it('fails capacity and p99 for a design whose backlog keeps growing, naming the component', () => {
    const start = gradeFixSimulated(scenario, scenario.design, FAST);
    const { capacity, p99LatencyMs } = byCheck(start);
    expect(capacity).toMatchObject({ verdict: 'fail', mean: 1, halfWidth: 0, values: [1, 1, 1, 1, 1] });
    // It finishes about 80 requests/s of the 200 sent: some 120 more wait each second.
    expect(capacity!.detail).toMatch(/Shop API \(backlog growing by about 1\d\d requests\/s, in 5 of 5 runs\)/);
    expect(p99LatencyMs!.verdict).toBe('fail');
    // Analytically the same two checks fail.
    const analytic = gradeFix(scenario, scenario.design);
    expect(analytic.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual(expect.arrayContaining(['p99LatencyMs', 'capacity']));
  });

  it('reports progress across all the runs, rising to 1', () => {
    const seen: number[] = [];
    gradeFixSimulated(scenario, scenario.solution, { durationS: 60, replications: 3, onProgress: (d) => seen.push(d) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((d, i) => d > (seen[i - 1] ?? -1) && d <= 1)).toBe(true);
    expect(seen).toContain(1 / 3);
    expect(seen.at(-1)).toBe(1);
  });

  it('says in words why a design cannot be simulated', () => {
    const design = structuredClone(scenario.solution);
    design.nodes = design.nodes.filter((n) => n.id !== 'shop');
    design.edges = design.edges.filter((e) => e.source !== 'shop');
    const grade = gradeFixSimulated(scenario, design, FAST);
    expect(grade).toMatchObject({ mode: 'fix-simulated', passed: false, checks: [] });
    expect(grade.problems[0]).toMatch(/no client "shop"/);
    expect(() => gradeFixSimulated(scenario, scenario.solution, { replications: 1 })).toThrow(RangeError);
  });
});

describe('selfCheckSimulated (scenario check --simulate)', () => {
  // The same shop with a short timeline: 2% errors from 20 s to 80 s of a 140 s run.
  const timed = (rate: number) => load(SCENARIO.replace('{ atS: 0, durationS: 100000, kind: errors, target: api, rate: 0.02 }', `{ atS: 20, durationS: 60, kind: errors, target: api, rate: ${rate} }`));

  it('passes a scenario whose reference solution meets every target through the timeline and whose starting design does not', () => {
    expect(selfCheckSimulated(timed(0.02), { replications: 2 })).toEqual([]);
  });

  it("reports a reference solution the timeline's failures break, with the figure", () => {
    // 30% of requests failing for 60 of the 130 measured seconds: availability near 86%, under the 95% target.
    const issues = selfCheckSimulated(timed(0.3), { replications: 2 });
    expect(issues.map((i) => i.path)).toEqual([['solution'], ['solution']]);
    expect(issues[0]!.message).toMatch(/^the reference solution, simulated through the scenario's timeline: Availability 8\d\.\d+% .* against a target of at least 95%: fails\. Why requests failed .*errors\.$/);
    expect(issues[1]!.message).toMatch(/Error rate .*: fails\./);
  });

  it('has nothing to simulate in a scenario without a timeline', () => {
    const steady = load(SCENARIO.replace(/failures:\n.*\n/, ''));
    expect(steady.failures).toEqual([]);
    expect(selfCheckSimulated(steady, { replications: 2 })).toEqual([]);
  });

  it('spread over threads (scenario check --simulate in the CLI), reports what one thread does, whatever order the runs finish in', async () => {
    const text = (rate: number, id: string) => SCENARIO.replace('{ atS: 0, durationS: 100000, kind: errors, target: api, rate: 0.02 }', `{ atS: 20, durationS: 60, kind: errors, target: api, rate: ${rate} }`).replace('id: tiny-fix-sim', `id: ${id}`);
    const sources = [
      // With the path the cheat check asks for: every request must still reach the API.
      { file: 'tiny-fix-sim.yaml', text: `${text(0.02, 'tiny-fix-sim')}invariants:\n  - { from: [shop], to: [api], callsPerRequest: 1, message: the shop no longer answers }\n` },
      { file: 'tiny-broken.yaml', text: text(0.3, 'tiny-broken') },
      { file: 'steady.yaml', text: SCENARIO.replace(/failures:\n.*\n/, '').replace('id: tiny-fix-sim', 'id: steady') },
    ];
    const given: ReplicationJob[] = [];
    // Runs the jobs last first, as threads might finish them.
    const lastFirst = (jobs: readonly ReplicationJob[]) => {
      given.push(...jobs);
      const out: ReturnType<typeof runReplicationJob>[] = [];
      for (let i = jobs.length - 1; i >= 0; i--) out[i] = runReplicationJob(jobs[i]!);
      return Promise.resolve(out);
    };
    const threaded = await checkScenarioSourcesSimulated(sources, { replications: 2 }, lastFirst);
    expect(threaded).toEqual(checkScenarioSources(sources, { simulate: { replications: 2 } }));
    // The first passes the steady checks, so it is simulated (it passes); the others fail them, so they are not.
    expect(threaded.failures.map((f) => f.file).filter((f) => f === 'tiny-fix-sim.yaml')).toEqual([]);
    expect(threaded.failures.map((f) => f.file)).toContain('tiny-broken.yaml');
    // Two designs, two runs each.
    expect(given.map((j) => `${j.side} ${j.k}`).sort()).toEqual(['design 0', 'design 1', 'solution 0', 'solution 1']);
  });
});

describe('scenario check --simulate stops after the first runs only when the rest cannot change its word', () => {
  // With the path the cheat check asks for, so the steady checks pass and the timeline is simulated.
  const text = (rate: number, id: string) =>
    `${SCENARIO.replace('{ atS: 0, durationS: 100000, kind: errors, target: api, rate: 0.02 }', `{ atS: 20, durationS: 60, kind: errors, target: api, rate: ${rate} }`).replace('id: tiny-fix-sim', `id: ${id}`)}invariants:\n  - { from: [shop], to: [api], callsPerRequest: 1, message: the shop no longer answers }\n`;
  // Records which runs a check asks for, running them in this thread.
  const recording = () => {
    const given: string[] = [];
    const run = (jobs: readonly ReplicationJob[]) => {
      given.push(...jobs.map((j) => `${j.side} ${j.k}`));
      return Promise.resolve(jobs.map(runReplicationJob));
    };
    return { given, run };
  };
  const runs = (given: string[], side: string) => given.filter((g) => g.startsWith(side)).length;

  it('a starting design that clearly fails a check runs 3 of 5 runs; a reference solution with a figure that never varied runs all 5; the report is the one of all runs', async () => {
    const sources = [{ file: 'tiny-fix-sim.yaml', text: text(0.02, 'tiny-fix-sim') }];
    const { given, run } = recording();
    const report = await checkScenarioSourcesSimulated(sources, { replications: 5 }, run);
    // One request at a time at 200/s of 12.5 ms each: the API falls behind in every run.
    expect(runs(given, 'design')).toBe(FIRST_LOOK_RUNS);
    // No laggard in 3 runs says nothing certain of runs 4 and 5.
    expect(runs(given, 'solution')).toBe(5);
    expect(report).toEqual(checkScenarioSources(sources, { simulate: { replications: 5 } }));
    expect(report.failures).toEqual([]);
  });

  // Without the capacity check (no laggard in 3 runs proves nothing), so the reference solution can settle too.
  const noCapacity = (availability: number) => text(0.02, 'no-capacity').replace('checks: [availability, errorRate, p99LatencyMs, capacity, monthlyCostUsd]', 'checks: [availability, errorRate, p99LatencyMs, monthlyCostUsd]').replace('availability: 0.95,', `availability: ${availability},`);

  it('a reference solution that passes every check by twice its half-width runs 3 of 5 runs, with the same report', async () => {
    const sources = [{ file: 'no-capacity.yaml', text: noCapacity(0.95) }];
    const { given, run } = recording();
    const report = await checkScenarioSourcesSimulated(sources, { replications: 5 }, run);
    expect(given.sort()).toEqual(['design 0', 'design 1', 'design 2', 'solution 0', 'solution 1', 'solution 2']);
    expect(report).toEqual(checkScenarioSources(sources, { simulate: { replications: 5 } }));
    // What all 5 runs say: the reference passes every check and the starting design does not.
    const scenario = load(noCapacity(0.95));
    expect(gradeFixSimulated(scenario, scenario.solution, { replications: 5 }).passed).toBe(true);
    expect(gradeFixSimulated(scenario, scenario.design, { replications: 5 }).passed).toBe(false);
    expect(report.failures).toEqual([]);
  });

  it('a borderline reference solution (availability about 99.1% against 99%) runs every replication', async () => {
    const sources = [{ file: 'no-capacity.yaml', text: noCapacity(0.99) }];
    const { given, run } = recording();
    const report = await checkScenarioSourcesSimulated(sources, { replications: 5 }, run);
    expect(runs(given, 'solution')).toBe(5);
    expect(report).toEqual(checkScenarioSources(sources, { simulate: { replications: 5 } }));
  });

  it('with 3 replications or fewer there is nothing to save', async () => {
    const { given, run } = recording();
    await checkScenarioSourcesSimulated([{ file: 'tiny-fix-sim.yaml', text: text(0.02, 'tiny-fix-sim') }], { replications: 3 }, run);
    expect(given.sort()).toEqual(['design 0', 'design 1', 'design 2', 'solution 0', 'solution 1', 'solution 2']);
  });

  describe('settledAfterFirstLook', () => {
    const check = (over: Partial<SimulatedFixGrade['checks'][number]>): SimulatedFixGrade['checks'][number] => ({ check: 'p99LatencyMs', label: 'p99 latency', verdict: 'pass', mean: 100, halfWidth: 10, target: 200, unit: 'ms', values: [90, 100, 110], detail: '', ...over });
    const grade = (...checks: SimulatedFixGrade['checks']): SimulatedFixGrade => ({ mode: 'fix-simulated', passed: true, checks, replications: 3, seeds: [1, 2, 3], durationS: 120, problems: [], warnings: [] });

    it('settles a reference solution only when every check passes by twice its half-width', () => {
      expect(settledAfterFirstLook(grade(check({})), 'solution')).toBe(true);
      // 100 ± 10 against 115: passes, but not by twice the half-width.
      expect(settledAfterFirstLook(grade(check({ target: 115 })), 'solution')).toBe(false);
      expect(settledAfterFirstLook(grade(check({}), check({ check: 'availability', mean: 0.999, halfWidth: 0.0002, target: 0.9995 })), 'solution')).toBe(false);
    });

    it('does not settle on a noisy figure that came out the same in every early run, but does on the cost', () => {
      expect(settledAfterFirstLook(grade(check({ check: 'capacity', mean: 0, halfWidth: 0, target: 0, values: [0, 0, 0] })), 'solution')).toBe(false);
      expect(settledAfterFirstLook(grade(check({ check: 'monthlyCostUsd', mean: 900, halfWidth: 0, target: 1000 })), 'solution')).toBe(true);
    });

    it('settles a starting design on one clear failure, never on a close one or on problems', () => {
      expect(settledAfterFirstLook(grade(check({}), check({ check: 'capacity', verdict: 'fail', mean: 1, halfWidth: 0, target: 0 })), 'design')).toBe(true);
      expect(settledAfterFirstLook(grade(check({ verdict: 'fail', mean: 210, halfWidth: 8, target: 200 })), 'design')).toBe(false);
      expect(settledAfterFirstLook(grade(check({ check: 'availability', verdict: 'fail', mean: 0.9, halfWidth: 0.01, target: 0.95 })), 'design')).toBe(true);
      expect(settledAfterFirstLook({ ...grade(check({ verdict: 'fail', mean: 900, halfWidth: 1 })), problems: ['The run with seed 2 hit the event limit'] }, 'design')).toBe(false);
    });
  });
});

describe('replications spread over workers', () => {
  it('give the same grade as one sequential grading, whatever order the runs finish in', () => {
    const options = { durationS: 60, replications: 3 } as const;
    const planned = planReplications(scenario, scenario.solution, options);
    if (!planned.ok) throw new Error(planned.grade.problems.join(' '));
    // Run them last first, as a pool of workers might finish them, then put them back in seed order.
    const results = [2, 1, 0].map((k) => runReplication(scenario, planned.plan, k)).reverse();
    expect(combineReplications(scenario, scenario.solution, planned.plan, results)).toEqual(gradeFixSimulated(scenario, scenario.solution, options));
  });

  it('fail the grade with the reason when the design cannot be simulated', () => {
    const noClient = { ...scenario.solution, nodes: scenario.solution.nodes.filter((n) => n.kind !== 'client'), edges: [] };
    const planned = planReplications(scenario, noClient);
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.grade.problems[0]).toMatch(/no client "shop"/);
  });
});

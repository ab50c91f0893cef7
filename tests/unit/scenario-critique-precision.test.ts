// Critique grading with precision: findings that do not hold cost, so pinning everything
// everywhere (or one category everywhere, or everything on one box) scores under half on every
// bundled critique, while a sound partial review scores on what it found. Each extra finding
// says why it does not hold.
import { describe, expect, it } from 'vitest';
import {
  canonicalCategory,
  CRITIQUE_CATEGORIES,
  gradeCritique,
  selfCheckScenario,
  shotgunFindings,
  type CritiqueScenario,
  type Finding,
} from '../../src/scenarios';
import { bundledByMode, scenarioFromYaml as load } from './helpers/bundled-scenario';

const critiques = bundledByMode('critique');

const targetsOf = (s: CritiqueScenario) => [...s.design.nodes.map((n) => n.id), ...s.design.edges.map((e) => e.id)];

describe('shotgun critiques score under half on every bundled critique scenario', () => {
  it('there are critique scenarios to test', () => {
    expect(critiques.length).toBeGreaterThanOrEqual(4);
  });

  for (const scenario of critiques) {
    describe(scenario.id, () => {
      it('the key itself scores 100%, and with every also-acceptable finding added still 100%', () => {
        const key = scenario.key.map((k): Finding => ({ target: k.target, category: k.category, severity: k.severity }));
        expect(gradeCritique(scenario, key).score).toBe(1);
        const also = scenario.alsoAcceptable.map((k): Finding => ({ target: k.target, category: k.category }));
        expect(gradeCritique(scenario, [...key, ...also])).toMatchObject({ score: 1, alsoFound: also.length, wrong: 0 });
      });

      it('every category on every component and connection finds the whole key yet scores under 50%', () => {
        const grade = gradeCritique(scenario, shotgunFindings(scenario, CRITIQUE_CATEGORIES));
        expect(grade.found).toBe(grade.total); // the shotgun does find everything...
        expect(grade.score).toBeLessThan(0.5); // ...but nearly nothing it says holds
        expect(grade.scoreWithSeverity).toBeLessThan(0.5);
      });

      it('every category on components only, one category everywhere, or everything on one target all score under 50%', () => {
        const nodesOnly = scenario.design.nodes.flatMap((n) => CRITIQUE_CATEGORIES.map((category) => ({ target: n.id, category })));
        expect(gradeCritique(scenario, nodesOnly).score).toBeLessThan(0.5);
        for (const category of CRITIQUE_CATEGORIES) expect(gradeCritique(scenario, shotgunFindings(scenario, [category])).score).toBeLessThan(0.5);
        for (const target of targetsOf(scenario)) {
          expect(gradeCritique(scenario, CRITIQUE_CATEGORIES.map((category) => ({ target, category }))).score).toBeLessThan(0.5);
        }
      });

      it('pinning one right finding many times does not add up', () => {
        const k = scenario.key[0]!;
        const once = gradeCritique(scenario, [{ target: k.target, category: k.category }]);
        const again = gradeCritique(scenario, Array.from({ length: 10 }, () => ({ target: k.target, category: k.category })));
        expect(again.found).toBe(1);
        expect(again.score).toBeLessThan(once.score);
        expect(again.extras.every((x) => x.reason === 'duplicate' && x.costs)).toBe(true);
      });

      it('says why each extra finding does not hold, without naming where the key problems are', () => {
        const grade = gradeCritique(scenario, shotgunFindings(scenario, CRITIQUE_CATEGORIES));
        for (const x of grade.extras) {
          expect(x.why.length).toBeGreaterThan(20);
          for (const k of scenario.key) expect(x.why).not.toContain(k.explanation.slice(0, 40));
        }
      });
    });
  }
});

describe('a sound review scores sensibly (checkout-flash-sale)', () => {
  const scenario = critiques.find((s) => s.id === 'checkout-flash-sale')!;
  // The review the issue reports scoring 0 of 7: single database, overselling, idempotency, admission control.
  const sound: Finding[] = [
    { target: 'shopdb', category: 'SPOF' },
    { target: 'inventory', category: 'overselling' },
    { target: 'stripe', category: 'idempotency key' },
    { target: 'gateway', category: 'load shedding' },
  ];

  it('counts the sound findings the key has (overselling, admission control) and gives partial credit for the others', () => {
    const grade = gradeCritique(scenario, sound);
    expect(grade).toMatchObject({ found: 2, alsoFound: 2, wrong: 0, precision: 1 });
    expect(grade.matched.map((m) => m.item.category)).toEqual(['race-condition', 'missing-admission-control']);
    expect(grade.score).toBeGreaterThan(0.4);
    expect(grade.score).toBeLessThan(gradeCritique(scenario, scenario.key.map((k) => ({ target: k.target, category: k.category }))).score);
  });

  it('with two key problems found as well it scores above half, above any shotgun', () => {
    const grade = gradeCritique(scenario, [...sound, { target: 'stripe', category: 'bottleneck' }, { target: 'e-checkout-stripe', category: 'retry storm' }]);
    expect(grade.found).toBe(4);
    expect(grade.score).toBeGreaterThan(0.6);
    expect(grade.score).toBeGreaterThan(gradeCritique(scenario, shotgunFindings(scenario, CRITIQUE_CATEGORIES)).score);
  });

  it('a wrong finding lowers the score and says why, from the figures', () => {
    const right = gradeCritique(scenario, sound);
    const withWrong = gradeCritique(scenario, [...sound, { target: 'checkout', category: 'single point of failure' }, { target: 'pricing', category: 'bottleneck' }]);
    expect(withWrong.score).toBeLessThan(right.score);
    expect(withWrong.wrong).toBe(2);
    expect(withWrong.extras[0]!.why).toBe('Checkout service runs 3 instances: losing one leaves the others serving.');
    expect(withWrong.extras[1]!.why).toMatch(/^Pricing service is [\d.]+% busy at the scenario's traffic \(150 req\/s, p99 .*\), so it has room: it is not what limits the design\.$/);
  });
});

describe('the categories real reviews use', () => {
  it('knows idempotency, admission control, message loss, races and observability by their usual names', () => {
    const words: [string, string][] = [
      ['Idempotency key', 'missing-idempotency'],
      ['double charge', 'missing-idempotency'],
      ['load shedding', 'missing-admission-control'],
      ['waiting room', 'missing-admission-control'],
      ['durability', 'message-loss'],
      ['data loss', 'message-loss'],
      ['overselling', 'race-condition'],
      ['lost update', 'race-condition'],
      ['Monitoring', 'missing-observability'],
      ['no alerting', 'missing-observability'],
    ];
    for (const [word, category] of words) expect(canonicalCategory(word), word).toBe(category);
  });
});

describe('scenario check guards the key', () => {
  const base = `
version: 1
id: tiny
title: Tiny
summary: Find the problems.
difficulty: beginner
estimatedMinutes: 5
objectives: [critique-proposal]
mode: critique
story: One API, one database.
design:
  nodes:
    - { id: users, kind: client, label: Users, position: { x: 0, y: 0 } }
    - { id: api, kind: service, label: API, position: { x: 260, y: 0 } }
    - { id: db, kind: relational-db, label: DB, position: { x: 520, y: 0 } }
  edges:
    - { id: e1, source: users, target: api }
    - { id: e2, source: api, target: db }
key:
  - { target: db, category: single-point-of-failure, severity: high, explanation: One copy. }
`;

  it('passes a key a shotgun cannot beat', () => {
    expect(selfCheckScenario(load(base))).toEqual([]);
  });

  it('fails a critique where almost anything counts as sound, so a shotgun would score high', () => {
    const everything = CRITIQUE_CATEGORIES.flatMap((category) =>
      ['users', 'api', 'e1', 'e2'].map((target) => `  - { target: ${target}, category: ${category}, explanation: Anything goes. }`),
    );
    const lax = `${base}alsoAcceptable:\n${everything.join('\n')}\n`;
    const issues = selfCheckScenario(load(lax));
    expect(issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/^pinning every category on every component and connection scores \d+% \(it must stay under 50%\)/));
  });
});

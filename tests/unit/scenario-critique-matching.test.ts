// Critique matching is one-to-one: a claim (a category pinned on a target) credits at most one
// key item, a key item is credited once, and the pairing is the best one whatever order the
// findings come in. Each cheat below is a submission that must not score: the shotgun repeated,
// with every severity, on connections only; the same pin many times; one pin meant to cover
// two key items that share its target and category.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestAssignment } from '../../src/scenarios/modes/critique/best-assignment';
import { CRITIQUE_CATEGORIES, gradeCritique, SEVERITIES, shotgunFindings, type CritiqueKeyItem, type Finding } from '../../src/scenarios';
import { bundledByMode } from './helpers/bundled-scenario';

const critiques = bundledByMode('critique');

/** The best total by trying every assignment (rows choose distinct columns or nothing). */
function bruteBest(w: number[][]): number {
  const go = (row: number, used: Set<number>): number => {
    if (row === w.length) return 0;
    let best = go(row + 1, used);
    w[row]!.forEach((x, c) => {
      if (x > 0 && !used.has(c)) best = Math.max(best, x + go(row + 1, new Set([...used, c])));
    });
    return best;
  };
  return go(0, new Set());
}

describe('bestAssignment', () => {
  it('reaches the best total any one-to-one assignment reaches, using each column once', () => {
    const matrix = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
      .chain(([rows, cols]) => fc.array(fc.array(fc.constantFrom(0, 0, 0.5, 1, 1.25), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
    fc.assert(
      fc.property(matrix, (w) => {
        const assigned = bestAssignment(w);
        const columns = assigned.filter((c): c is number => c !== null);
        expect(new Set(columns).size).toBe(columns.length);
        assigned.forEach((c, r) => {
          if (c !== null) expect(w[r]![c]).toBeGreaterThan(0);
        });
        const total = assigned.reduce<number>((sum, c, r) => sum + (c === null ? 0 : w[r]![c]!), 0);
        expect(total).toBeCloseTo(bruteBest(w), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the contested column to the row that has no other', () => {
    // Row 0 fits both columns, row 1 only column 0: a greedy pass in row order would strand row 1.
    expect(bestAssignment([[1, 1], [1, 0]])).toEqual([1, 0]);
  });
});

const pairsOf = (k: CritiqueKeyItem) => [k.target, ...(k.acceptedTargets ?? [])].flatMap((target) => [k.category, ...(k.acceptedCategories ?? [])].map((category) => ({ target, category })));

describe('one-to-one critique matching on every bundled critique', () => {
  for (const scenario of critiques) {
    describe(scenario.id, () => {
      const shotgun = shotgunFindings(scenario, CRITIQUE_CATEGORIES);

      it('the shotgun pinned three times over, or with every severity on each pin, stays under 50%', () => {
        const thrice = gradeCritique(scenario, [...shotgun, ...shotgun, ...shotgun]);
        expect(thrice.found).toBe(thrice.total);
        expect(thrice.score).toBeLessThan(0.5);
        expect(thrice.score).toBeLessThan(gradeCritique(scenario, shotgun).score); // repeating it only costs
        const everySeverity = shotgun.flatMap((f) => SEVERITIES.map((severity) => ({ ...f, severity })));
        const grade = gradeCritique(scenario, everySeverity);
        expect(grade.score).toBeLessThan(0.5);
        expect(grade.scoreWithSeverity).toBeLessThan(0.5);
      });

      it('every category on every connection, alone or repeated, stays under 50%', () => {
        const onEdges = scenario.design.edges.flatMap((e) => CRITIQUE_CATEGORIES.map((category) => ({ target: e.id, category })));
        expect(gradeCritique(scenario, onEdges).score).toBeLessThan(0.5);
        expect(gradeCritique(scenario, [...onEdges, ...onEdges]).score).toBeLessThan(0.5);
      });

      it('each key claim pinned ten times credits one item per distinct claim, and the repeats cost', () => {
        for (const item of scenario.key) {
          const pin: Finding = { target: item.target, category: item.category };
          const grade = gradeCritique(scenario, Array.from({ length: 10 }, () => ({ ...pin })));
          expect(grade.found + grade.alsoFound).toBe(1);
          expect(grade.wrong).toBe(9);
          expect(grade.extras.every((x) => x.reason === 'duplicate')).toBe(true);
          expect(grade.score).toBeLessThan(gradeCritique(scenario, [pin]).score);
        }
      });

      it('the grade does not depend on the order of the findings', () => {
        // Findings drawn from the key's own claims and the shotgun, in any order.
        const pool = [...scenario.key.flatMap(pairsOf), ...shotgun.slice(0, 40)];
        fc.assert(
          fc.property(fc.shuffledSubarray(pool, { minLength: 1, maxLength: 14 }), (picked) => {
            const one = gradeCritique(scenario, picked);
            const two = gradeCritique(scenario, [...picked].reverse());
            expect(two.score).toBeCloseTo(one.score, 12);
            expect(two.found).toBe(one.found);
            expect(two.alsoFound).toBe(one.alsoFound);
            expect(two.wrong).toBe(one.wrong);
          }),
          { numRuns: 40 },
        );
      });
    });
  }
});

describe('key items that share a target and category (checkout-flash-sale)', () => {
  const scenario = critiques.find((s) => s.id === 'checkout-flash-sale')!;
  const admission = scenario.key.filter((k) => k.category === 'missing-admission-control');

  it('has two admission-control items a single pin on the gateway could fit (the waiting room and the fast "sold out")', () => {
    expect(admission).toHaveLength(2);
    for (const k of admission) expect(pairsOf(k)).toContainEqual({ target: 'gateway', category: 'missing-admission-control' });
  });

  it('one pin meant to cover both credits one; pinning it again credits nothing more and costs', () => {
    const once = gradeCritique(scenario, [{ target: 'gateway', category: 'load shedding' }]);
    expect(once).toMatchObject({ found: 1, wrong: 0 });
    const twice = gradeCritique(scenario, [
      { target: 'gateway', category: 'load shedding' },
      { target: 'gateway', category: 'waiting room' }, // the same category by another name
    ]);
    expect(twice).toMatchObject({ found: 1, wrong: 1 });
    expect(twice.extras[0]!.reason).toBe('duplicate');
    expect(twice.extras[0]!.why).toMatch(/^The same problem as your finding on /);
  });

  it('two distinct pins that together fit both items credit both, in either order', () => {
    const pins: Finding[] = [
      { target: 'gateway', category: 'missing-admission-control' },
      { target: 'checkout', category: 'missing-admission-control' },
    ];
    expect(gradeCritique(scenario, pins).found).toBe(2);
    expect(gradeCritique(scenario, [...pins].reverse()).found).toBe(2);
  });

  it('a broad pin first does not strand a narrower one: "bottleneck on checkout" then "bottleneck on the provider" credit two items', () => {
    // Checkout's bottleneck fits the provider's limit (accepted on checkout) and both admission items;
    // the provider's fits only the first. A first-come matcher gave checkout the provider's item.
    const pins: Finding[] = [
      { target: 'checkout', category: 'bottleneck' },
      { target: 'stripe', category: 'bottleneck' },
    ];
    const grade = gradeCritique(scenario, pins);
    expect(grade).toMatchObject({ found: 2, wrong: 0, precision: 1 });
    expect(grade.matched.map((m) => [m.finding.target, m.item.target])).toEqual([
      ['checkout', expect.not.stringMatching(/^stripe$/)],
      ['stripe', 'stripe'],
    ]);
  });

  it('a pin given with several severities counts once, with the severity that agrees with the key', () => {
    const item = scenario.key.find((k) => k.target === 'stripe' && k.category === 'bottleneck')!;
    const grade = gradeCritique(scenario, SEVERITIES.map((severity) => ({ target: 'stripe', category: 'bottleneck', severity })));
    expect(grade).toMatchObject({ found: 1, severityRight: 1, wrong: SEVERITIES.length - 1 });
    expect(grade.matched[0]!.finding.severity).toBe(item.severity);
  });
});

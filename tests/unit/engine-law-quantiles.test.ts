// The quantile search on a response-time law (law-quantiles.ts) against closed forms worked out
// here: laws that are all atoms (answered at an atom, exactly), atoms beside a continuous part,
// and the short cuts the search takes once it is closing in (never short of the tolerance).
import { describe, expect, it } from 'vitest';
import { lawCdf, lawQuantiles } from '../../src/engine/analytic/law-quantiles';
import { exponentialLaw, mixLaw, pointLaw, sumLaw, ZERO_LAW, type Law } from '../../src/engine/analytic/response-law';

/**
 * Guesses 5% off either way, as a two-moment fit's are; far off (a first step that lands close
 * by chance says nothing of how fast the search closes in); and none (the search starts at the mean).
 */
const guessesAround = (answers: number[]) => [1.05, 0.95, 3, 0.3, 1.5, 0.7].map((f) => answers.map((q) => q * f)).concat([undefined as unknown as number[]]);

const quantiles = (law: Law, levels: number[], guesses?: number[]) => [...lawQuantiles(law, levels, new Float64Array(levels.length), guesses ? Float64Array.from(guesses) : undefined)];

/** Smallest t with cdf(t) >= p, by bisection on [0, hi]. */
function quantileOf(cdf: (t: number) => number, p: number, hi: number): number {
  let lo = 0;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) >= p) hi = mid;
    else lo = mid;
  }
  return hi;
}

describe('quantiles of a response-time law', () => {
  it('a law that is all atoms is answered at an atom exactly (calls made or not, fixed round trips)', () => {
    // A call made 60% of the time costing a fixed 1 ms: 0 ms with 0.4, 1 ms with 0.6.
    const once = mixLaw([
      { weight: 0.4, law: ZERO_LAW },
      { weight: 0.6, law: pointLaw(1) },
    ]);
    expect(quantiles(once, [0.3, 0.5, 0.95])).toEqual([0, 1, 1]);
    // Two such calls one after another: 0, 1 or 2 ms with 0.16, 0.48, 0.36.
    const twice = sumLaw([once, once]);
    expect(quantiles(twice, [0.1, 0.5, 0.6, 0.99])).toEqual([0, 1, 1, 2]);
    // Far-off guesses (a two-moment fit can be wrong either way) change nothing.
    expect(quantiles(twice, [0.1, 0.5, 0.6, 0.99], [0.3, 0.2, 7, 50])).toEqual([0, 1, 1, 2]);
  });

  it('an atom beside a continuous part: the answer is in the continuous part, or at the atom when the part below it falls short', () => {
    // 0 ms with 0.4 (no call), else Exp with mean 10 ms.
    const maybe = mixLaw([
      { weight: 0.4, law: ZERO_LAW },
      { weight: 0.6, law: exponentialLaw(10) },
    ]);
    const [p50, p95] = quantiles(maybe, [0.5, 0.95]);
    expect(Math.abs(p50! - 10 * Math.log(6 / 5)) / p50!).toBeLessThan(1e-7);
    expect(Math.abs(p95! - 10 * Math.log(12)) / p95!).toBeLessThan(1e-7);
    // Exp with mean 1 ms with 0.5, else a fixed 10 ms: up to 0.5 (less e^-10 / 2) below 10 ms.
    const split = mixLaw([
      { weight: 0.5, law: exponentialLaw(1) },
      { weight: 0.5, law: pointLaw(10) },
    ]);
    const [p40, atTen, p99] = quantiles(split, [0.4, 0.5, 0.99]);
    expect(Math.abs(p40! - Math.log(5)) / p40!).toBeLessThan(1e-7);
    expect(atTen).toBe(10);
    expect(p99).toBe(10);
  });

  it('a round trip, then a wait met by some requests (an atom at the floor): within the tolerance from guesses either side', () => {
    // A 1 ms round trip, then 0 ms with 0.47 (no wait) or Exp with mean 10 ms, then Exp with mean 2 ms.
    const wait = mixLaw([
      { weight: 0.47, law: ZERO_LAW },
      { weight: 0.53, law: exponentialLaw(10) },
    ]);
    const hop = sumLaw([pointLaw(1), wait, exponentialLaw(2)]);
    // P(W + S > x) with W the wait and S ~ Exp(1/2), x after the round trip.
    const survival = (x: number) => 0.47 * Math.exp(-x / 2) + 0.53 * ((10 * Math.exp(-x / 10) - 2 * Math.exp(-x / 2)) / 8);
    const levels = [0.5, 0.95, 0.99];
    const exact = levels.map((p) => 1 + quantileOf((x) => 1 - survival(x), p, 200));
    for (const guesses of guessesAround(exact)) {
      quantiles(hop, levels, guesses).forEach((q, i) => expect(Math.abs(q - exact[i]!) / exact[i]!, `level ${levels[i]}`).toBeLessThan(1e-7));
    }
  });

  it('where the inversion is least sure (just past a kink: a call not made, or made behind a round trip), the search still lands within the tolerance of where the inverted distribution crosses each level', () => {
    // The search's own short cuts are checked here, not the inversion: the reference is a
    // plain bisection on the same inverted distribution.
    const call = sumLaw([pointLaw(0.2), exponentialLaw(2), exponentialLaw(3)]);
    const maybe = mixLaw([
      { weight: 0.49, law: ZERO_LAW },
      { weight: 0.51, law: call },
    ]);
    const flow = sumLaw([maybe, maybe, exponentialLaw(0.5)]);
    const levels = [0.5, 0.95, 0.99];
    for (const law of [maybe, flow]) {
      const reference = levels.map((p) => quantileOf((t) => lawCdf(law, t), p, 500));
      for (const guesses of guessesAround(reference)) {
        quantiles(law, levels, guesses).forEach((q, i) => expect(Math.abs(q - reference[i]!) / reference[i]!, `level ${levels[i]}`).toBeLessThan(1e-7));
      }
    }
  });
});

// A pool of callers over a multi-server callee that also serves load from elsewhere
// (shared-servers.ts): the speeds the pool sees, against the Markov chain of the shared station
// written here, and through the finite-caller solve.
import { describe, expect, it } from 'vitest';
import { sharedSpeeds } from '../../src/engine/analytic/shared-servers';
import { solveFiniteCaller } from '../../src/engine/analytic/finite-callers';
import { solveDense } from './helpers/dense-linear';

/**
 * c workers, each away thinkMs (exponential) then one call to a d-server station (service
 * serviceMs, exponential) that also takes open Poisson calls at openRps. State (calls of the pool
 * there, open calls there), the open queue cut where it is negligible; a finishing call is the
 * pool's with probability its share of those there. Returns the pool's throughput, per s.
 */
function sharedStationChain(c: number, thinkMs: number, d: number, serviceMs: number, openRps: number, openMax: number): number {
  const index = (nc: number, no: number) => nc * (openMax + 1) + no;
  const n = (c + 1) * (openMax + 1);
  const q = Array.from({ length: n }, () => Array<number>(n).fill(0));
  for (let nc = 0; nc <= c; nc++) {
    for (let no = 0; no <= openMax; no++) {
      const s = index(nc, no);
      if (nc < c) q[s]![index(nc + 1, no)]! += ((c - nc) * 1000) / thinkMs;
      if (no < openMax) q[s]![index(nc, no + 1)]! += openRps;
      const total = nc + no;
      if (total === 0) continue;
      const rate = (Math.min(total, d) * 1000) / serviceMs;
      if (nc > 0) q[s]![index(nc - 1, no)]! += (rate * nc) / total;
      if (no > 0) q[s]![index(nc, no - 1)]! += (rate * no) / total;
    }
  }
  for (let s = 0; s < n; s++) q[s]![s] = -q[s]!.reduce((a, b, t) => (t === s ? a : a + b), 0);
  const pi = solveDense(Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, col) => (r === n - 1 ? 1 : q[col]![r]!))), Array.from({ length: n }, (_, r) => (r === n - 1 ? 1 : 0)));
  let x = 0;
  for (let nc = 0; nc < c; nc++) for (let no = 0; no <= openMax; no++) x += (pi[index(nc, no)]! * (c - nc) * 1000) / thinkMs;
  return x;
}

describe('a multi-server callee shared with other load', () => {
  it('one server: the speed is 1 - the other load for every number of calls (the service stretch)', () => {
    const speeds = sharedSpeeds(1, 0.3, 6);
    for (let i = 1; i <= 6; i++) expect(speeds[i]).toBeCloseTo(0.7, 12);
  });

  it('no other load: min(i, servers)', () => {
    expect([...sharedSpeeds(3, 0, 5)]).toEqual([0, 1, 2, 3, 3, 3]);
  });

  it('above the servers the pool gets what the others leave, d - rho; below, less than one server per call', () => {
    const speeds = sharedSpeeds(4, 2.5, 8);
    for (let i = 5; i <= 8; i++) expect(speeds[i]).toBeCloseTo(1.5, 10);
    for (let i = 1; i <= 4; i++) expect(speeds[i]).toBeLessThan(Math.min(i, 1.5) + 1e-12);
    // d = 2, rho = 1.5 by hand: B(0) = 7, B(1) = 24 (sums of the M/M/2 weights), beta(1) = 1.5 * 7 / 24.
    expect(sharedSpeeds(2, 1.5, 1)[1]).toBeCloseTo(0.4375, 12);
  });

  it('every speed is the ratio of the sums over the open M/M/d states, written here term by term (many calls in flight included)', () => {
    // B(n) = sum_j C(j, n) P_j over the unnormalized M/M/d weights P_j, summed in logs up to where
    // the geometric tail's terms are below 1e-26 of the largest; beta(n) = rho B(n - 1) / B(n).
    const direct = (d: number, rho: number, n: number): number => {
      const table = [0];
      const logFactorial = (k: number) => { while (table.length <= k) table.push(table[table.length - 1]! + Math.log(table.length)); return table[k]!; };
      const logB = (m: number) => {
        const terms: number[] = [];
        let top = -Infinity;
        for (let j = m; ; j++) {
          const logP = j <= d ? j * Math.log(rho) - logFactorial(j) : d * Math.log(rho) - logFactorial(d) + (j - d) * Math.log(rho / d);
          const term = logFactorial(j) - logFactorial(m) - logFactorial(j - m) + logP;
          terms.push(term);
          top = Math.max(top, term);
          if (j > d && j > m + 10 && term < top - 60) return top + Math.log(terms.reduce((sum, t) => sum + Math.exp(t - top), 0));
        }
      };
      return Math.min(n, rho * Math.exp(logB(n - 1) - logB(n)));
    };
    for (const [d, rho] of [[3, 0.6], [8, 6.5], [40, 0.02], [40, 12], [40, 36]] as const) {
      const speeds = sharedSpeeds(d, rho, d + 1);
      for (let n = 1; n <= d + 1; n++) expect(Math.abs(speeds[n]! / direct(d, rho, n) - 1), `d ${d}, rho ${rho}, n ${n}`).toBeLessThan(1e-10);
    }
  });

  it('a trickle of other load at a large station leaves each call its own server until the servers fill', () => {
    // 192 servers, 0.0192 busy with others: 150 calls of the pool find nearly all servers free.
    // (A sum cut off at the open calls' likely counts gave 0.014 servers' worth to 83 calls.)
    const speeds = sharedSpeeds(192, 0.0192, 300);
    for (let i = 1; i <= 150; i++) expect(speeds[i]! / i).toBeGreaterThan(1 - 1e-9);
    for (let i = 194; i <= 300; i++) expect(speeds[i]).toBeCloseTo(192 - 0.0192, 9);
  });

  it('stays finite and ordered for a large, busy station', () => {
    const speeds = sharedSpeeds(1000, 950, 1200);
    for (let i = 1; i <= 1200; i++) {
      expect(Number.isFinite(speeds[i]!)).toBe(true);
      expect(speeds[i]!).toBeGreaterThan(0);
      expect(speeds[i]!).toBeLessThanOrEqual(Math.min(i, 50) + 1e-9);
    }
  });

  it.each([
    [4, 20, 2, 5, 200, 60], // others fill half the servers
    [6, 10, 4, 5, 500, 80], // others fill 2.5 of 4
    [3, 40, 3, 10, 150, 60],
  ])('%i workers (%f ms away) over %i servers of %f ms with %f req/s from elsewhere: the pool finishes what the Markov chain finishes', (c, thinkMs, d, serviceMs, openRps, openMax) => {
    const exact = sharedStationChain(c, thinkMs, d, serviceMs, openRps, openMax);
    const solved = solveFiniteCaller({ arrivalRps: 1e6, workers: c, capacity: 0, delayMs: thinkMs, delayVarianceMs2: thinkMs * thinkMs, callees: [{ visits: 1, serviceMs, servers: d, serviceScv: 1, otherLoad: (openRps * serviceMs) / 1000 }] })!;
    expect(solved.saturated).toBe(true);
    expect(Math.abs(solved.maxThroughputRps / exact - 1)).toBeLessThan(1e-6);
  });
});

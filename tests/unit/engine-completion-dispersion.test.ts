// Dispersion of completions of a pool of workers over a bottleneck callee
// (completion-dispersion.ts): against a dense generator and its fundamental matrix written here,
// against renewal and superposition results, and where the chain drifts hard to one end.
import { describe, expect, it } from 'vitest';
import { completionDispersion } from '../../src/engine/analytic/completion-dispersion';
import { solveDense } from './helpers/dense-linear';

/** Demand as phases: Erlang-k (SCV 1/k) or balanced-means H2. */
function phases(meanMs: number, kind: { erlang: number } | { h2Scv: number }) {
  if ('erlang' in kind) {
    const k = kind.erlang;
    return { start: [1, ...Array<number>(k - 1).fill(0)], rate: Array<number>(k).fill(k / meanMs), next: Array.from({ length: k }, (_, i) => (i + 1 < k ? i + 1 : -1)) };
  }
  const scv = kind.h2Scv;
  const p = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
  return { start: [p, 1 - p], rate: [(2 * p) / meanMs, (2 * (1 - p)) / meanMs], next: [-1, -1] };
}

/**
 * The same chain built state by state, I from the fundamental matrix:
 * I = 1 + 2 (pi D1 Z D1 1 - lambda^2 ...) / lambda, Z = (-Q + 1 pi)^-1, here as
 * 1 + 2 pi D1 h / lambda with (-Q + 1 pi) h = D1 1 - lambda 1.
 */
function denseDispersion(c: number, delayMs: number, demandMs: number, servers: number, kind: { erlang: number } | { h2Scv: number }): number {
  const law = phases(demandMs, kind);
  const m = law.rate.length;
  const index = (i: number, p: number) => (i === 0 ? 0 : 1 + (i - 1) * m + p);
  const n = 1 + c * m;
  const q = Array.from({ length: n }, () => Array<number>(n).fill(0));
  const d1 = Array.from({ length: n }, () => Array<number>(n).fill(0));
  for (let i = 0; i <= c; i++) {
    for (let p = 0; p < (i === 0 ? 1 : m); p++) {
      const s = index(i, p);
      const up = (c - i) / delayMs;
      if (i === 0) law.start.forEach((a, r) => (q[s]![index(1, r)]! += up * a));
      else if (i < c) q[s]![index(i + 1, p)]! += up;
      if (i === 0) continue;
      const rate = Math.min(i, servers) * law.rate[p]!;
      const next = law.next[p]!;
      if (next >= 0) q[s]![index(i, next)]! += rate;
      else if (i === 1) {
        q[s]![0]! += rate;
        d1[s]![0]! += rate;
      } else {
        law.start.forEach((a, r) => {
          q[s]![index(i - 1, r)]! += rate * a;
          d1[s]![index(i - 1, r)]! += rate * a;
        });
      }
    }
  }
  for (let s = 0; s < n; s++) q[s]![s] = -q[s]!.reduce((a, b, t) => (t === s ? a : a + b), 0);
  const pi = solveDense(Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, col) => (r === n - 1 ? 1 : q[col]![r]!))), Array.from({ length: n }, (_, r) => (r === n - 1 ? 1 : 0)));
  const out = d1.map((row) => row.reduce((a, b) => a + b, 0));
  const lambda = pi.reduce((a, x, s) => a + x * out[s]!, 0);
  const h = solveDense(Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, col) => -q[r]![col]! + pi[col]!)), out.map((o) => o - lambda));
  const cov = pi.reduce((a, x, s) => a + x * d1[s]!.reduce((b, rate, t) => b + rate * h[t]!, 0), 0);
  return 1 + (2 * cov) / lambda;
}

const speed = (servers: number) => (i: number) => Math.min(i, servers);

describe('completion dispersion', () => {
  it.each([
    [3, 30, 15, 1, { erlang: 3 }, 1 / 3],
    [4, 31.5, 15, 1, { erlang: 1 }, 1],
    [5, 20, 10, 2, { erlang: 4 }, 1 / 4],
    [6, 10, 30, 2, { h2Scv: 4 }, 4],
    [2, 5, 15, 1, { h2Scv: 2 }, 2],
  ] as const)('%i workers, delay %f ms, demand %f ms on %i servers: the dense chain\'s I', (c, delay, demand, servers, kind, scv) => {
    const exact = denseDispersion(c, delay, demand, servers, kind);
    const got = completionDispersion({ workers: c, delayMs: delay, delayScv: 1, demandMs: demand, demandScv: scv, speed: speed(servers) });
    expect(Math.abs(got - exact)).toBeLessThan(1e-8);
  });

  it('regular demand at a busy callee paces completions: three calls in a row are far less bunched than one exponential visit', () => {
    const three = completionDispersion({ workers: 4, delayMs: 31.5, delayScv: 1, demandMs: 15, demandScv: 1 / 3, speed: speed(1) });
    const one = completionDispersion({ workers: 4, delayMs: 31.5, delayScv: 1, demandMs: 15, demandScv: 1, speed: speed(1) });
    expect(three).toBeLessThan(0.3);
    expect(one).toBeGreaterThan(0.6);
  });

  it('one worker: completions are a renewal process of cycles, I = the cycle\'s SCV', () => {
    for (const [delayScv, demandScv] of [[0.5, 4], [1, 1 / 3], [2, 0.25]] as const) {
      const cycle = 45;
      const want = (delayScv * 30 * 30 + demandScv * 15 * 15) / (cycle * cycle);
      expect(completionDispersion({ workers: 1, delayMs: 30, delayScv, demandMs: 15, demandScv, speed: speed(1) })).toBeCloseTo(want, 10);
    }
  });

  it('a callee with a server for every worker: independent cycles superposed, I = the cycle\'s SCV, also where the chain sits at the top', () => {
    // 8.3 ms away and 300 ms at the callee: nearly every worker is at the callee (15 and 16 workers
    // once gave 0 and 5.5 when the reduction subtracted near-equal rates).
    const want = (8.3 * 8.3 + 300 * 300) / (308.3 * 308.3);
    for (const c of [1, 15, 16, 64, 300]) {
      expect(completionDispersion({ workers: c, delayMs: 8.3, delayScv: 1, demandMs: 300, demandScv: 1, speed: speed(1000) }), `${c} workers`).toBeCloseTo(want, 8);
    }
  });

  it('a saturated callee sets the pace: I tends to the demand\'s SCV', () => {
    for (const scv of [1 / 3, 1, 3]) {
      const got = completionDispersion({ workers: 200, delayMs: 100, delayScv: 1, demandMs: 1, demandScv: scv, speed: speed(1) });
      expect(Math.abs(got / scv - 1), `SCV ${scv}`).toBeLessThan(0.02);
    }
  });
});

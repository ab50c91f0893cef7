// Exact response-time distribution of an accepted request at an M/M/c/K station (FCFS).
//
// By PASTA an accepted arrival finds n requests present with probability pi_n / (1 - pi_K),
// n = 0..K-1. With n < c it is served at once: T ~ Exp(mu). With n >= c it waits for
// k = n - c + 1 departures, each at rate c*mu, then is served: T = Erlang(k, c*mu) + Exp(mu).
// So P(T > t) = q_low e^{-mu t} + sum_k w_k [ P(Erlang(k, c mu) > t) + conv_k(t) ], where
// conv_k(t) = int_0^t f_Erlang(k, c mu)(w) e^{-mu (t - w)} dw
//           = e^{-mu t} (c / (c - 1))^k P(Erlang(k, (c - 1) mu) <= t)   for c > 1,
//           = e^{-mu t} (mu t)^k / k!                                  for c = 1.
// Erlang tails are sums of Poisson terms, kept in logs so a long queue (K in the thousands)
// neither overflows nor underflows. Quantiles come from bisection on this survival function.
import { erlangB } from './erlang';
import { logGeometricSum } from './finite-capacity';

/** Waiting places beyond which the exact sum is not attempted (the caller falls back to its approximation). */
export const MAX_EXACT_WAITING_PLACES = 50_000;

interface Chain {
  /** log P(accepted arrival finds n < c). */
  logLow: number;
  /** log P(accepted arrival finds c + k - 1 present), k = 1..M. */
  logWeight: Float64Array;
}

function logSumExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/** The state an accepted arrival sees, for c servers, offered load a (erlangs) and capacity K >= c. */
function arrivalView(c: number, a: number, capacity: number): Chain {
  const { logLow, logFirst, ratio, places: room } = acceptedArrivalView(c, a, capacity);
  const logRho = Math.log(ratio);
  // Weights form a geometric run; drop the ends below e^-46 (1e-20) of the largest, which
  // cannot move a quantile, so a long queue that is rarely full costs little.
  const logAt = (k: number) => logFirst + (k - 1) * logRho;
  const peak = Math.max(logAt(1), logAt(room));
  let first = 1;
  let last = room;
  while (first < last && logAt(first) < peak - 46) first++;
  while (last > first && logAt(last) < peak - 46) last--;
  const logWeight = new Float64Array(room > 0 ? last : 0).fill(-Infinity);
  for (let k = first; k <= last && room > 0; k++) logWeight[k - 1] = logAt(k);
  return { logLow, logWeight };
}

/**
 * The same view in closed form, for the wait's transform (response-law.ts): an accepted arrival
 * finds a free server with probability e^{logLow}, else k = 1..places departures ahead of it with
 * probability e^{logFirst} ratio^(k - 1).
 */
export function acceptedArrivalView(c: number, a: number, capacity: number): { logLow: number; logFirst: number; ratio: number; places: number } {
  const places = Math.max(0, capacity - c);
  const b = erlangB(c, a);
  const logPiC = Math.log(b) - Math.log1p(-b);
  const logRho = Math.log(a / c);
  const logNorm = logSumExp(0, logPiC + logGeometricSum(logRho, places));
  return { logLow: -logNorm, logFirst: logPiC - logNorm, ratio: a / c, places };
}

/**
 * log of Poisson(x) terms p_0..p_n (log p_i = -x + i log x - log i!), computed by recursion.
 * x = 0 gives p_0 = 1 and the rest 0.
 */
function logPoissonTerms(x: number, n: number, out: Float64Array): Float64Array {
  if (!(x > 0)) {
    out.fill(-Infinity, 0, n + 1);
    out[0] = 0;
    return out;
  }
  const lx = Math.log(x);
  let term = -x;
  out[0] = term;
  for (let i = 1; i <= n; i++) {
    term += lx - Math.log(i);
    out[i] = term;
  }
  return out;
}

/** P(T > t) for an accepted request, t in ms. */
function survival(chain: Chain, c: number, serviceMs: number, tMs: number, scratch: { a: Float64Array; b: Float64Array }): number {
  const mu = 1 / serviceMs;
  const M = chain.logWeight.length;
  let total = Math.exp(chain.logLow - mu * tMs);
  if (M === 0) return total;
  // P(Erlang(k, c mu) > t) = sum_{i<k} Poisson(i; c mu t).
  const x = c * mu * tMs;
  const pa = logPoissonTerms(x, M, scratch.a);
  let cumulative = 0; // sum_{i<k} p_i
  for (let k = 1; k <= M; k++) {
    cumulative += Math.exp(pa[k - 1]!);
    const lw = chain.logWeight[k - 1]!;
    total += Math.exp(lw) * Math.min(1, cumulative);
  }
  if (c === 1) {
    // conv_k = e^{-mu t} (mu t)^k / k! = Poisson(k; mu t), the same terms as above.
    for (let k = 1; k <= M; k++) total += Math.exp(chain.logWeight[k - 1]! + pa[k]!);
    return Math.min(1, total);
  }
  // conv_k = e^{-mu t} r^k P(Erlang(k, (c-1) mu) <= t), r = c/(c-1), and
  // P(Erlang(k, y) <= t) = sum_{i>=k} Poisson(i; y t): a suffix sum, kept in logs.
  const y = (c - 1) * mu * tMs;
  const top = Math.max(M, Math.ceil(y + 40 * Math.sqrt(y + 1) + 50));
  const pb = scratch.b.length > top ? scratch.b : (scratch.b = new Float64Array(top + 1));
  logPoissonTerms(y, top, pb);
  let suffix = -Infinity; // log sum_{i>=k} p_i, built from the top down
  for (let i = top; i > M; i--) suffix = logSumExp(suffix, pb[i]!);
  const logR = Math.log(c / (c - 1));
  for (let k = M; k >= 1; k--) {
    suffix = logSumExp(suffix, pb[k]!);
    total += Math.exp(chain.logWeight[k - 1]! + k * logR - mu * tMs + suffix);
  }
  return Math.min(1, total);
}

/**
 * Quantiles (increasing levels in (0, 1)) of an accepted request's response time at an M/M/c/K
 * station with exponential service, ms. Returns false (out untouched) when the queue is too
 * long for the exact sum (more than MAX_EXACT_WAITING_PLACES) or nothing arrives.
 */
export function finiteCapacityQuantilesMs(servers: number, offeredLoad: number, capacity: number, serviceMs: number, levels: readonly number[], out: Float64Array): boolean {
  const c = servers;
  const K = Math.max(c, capacity);
  if (!(offeredLoad > 0) || !(serviceMs > 0) || K - c > MAX_EXACT_WAITING_PLACES) return false;
  const chain = arrivalView(c, offeredLoad, K);
  const scratch = { a: new Float64Array(K - c + 2), b: new Float64Array(K - c + 2) };
  const s = (t: number) => survival(chain, c, serviceMs, t, scratch);
  // An upper bracket: the longest wait is K - c departures plus service; go out until the tail is below every level.
  let hi = serviceMs * (1 + (K - c + 1) / c);
  const smallest = 1 - levels[levels.length - 1]!;
  for (let i = 0; i < 200 && s(hi) > smallest; i++) hi *= 2;
  let lo = 0;
  for (let q = 0; q < levels.length; q++) {
    const target = 1 - levels[q]!;
    let a = lo;
    let b = hi;
    // 60 halvings take the bracket below 1e-15 of its width: exact to double precision.
    for (let i = 0; i < 60; i++) {
      const mid = (a + b) / 2;
      if (s(mid) > target) a = mid;
      else b = mid;
    }
    out[q] = (a + b) / 2;
    lo = a; // levels increase, so quantiles do
  }
  return true;
}

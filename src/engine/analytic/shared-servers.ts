// A multi-server callee that one pool of callers shares with load from elsewhere (other callers,
// clients), as the pool sees it: a station whose speed with i of the pool's calls there is beta(i)
// servers' worth instead of min(i, d).
//
// In a mixed product-form network (the pool closed, the rest open Poisson, one exponential
// service time for all, d servers), summing the station's term over the open calls gives the
// closed calls a load-dependent station with
//   beta(n) = rho B(n - 1) / B(n),   B(n) = E[C(N, n)],
// N the open calls alone at an M/M/d with offered load rho (servers' worth), unnormalized. Above
// d, beta = d - rho: the pool gets what the others leave. One server gives 1 - rho for every n,
// the service stretch by 1 / (1 - rho).
//
// B(n) in two parts, each a sum of positive terms worked in logs (rho^d / d! overflows a double
// for a large station), O(d) for all n at once:
// - the counts below d, weights rho^j / j!: sum_{j=n}^{d-1} C(j, n) rho^j / j! = rho^n / n! E(d-1-n),
//   E(k) = sum_{m<=k} rho^m / m! (the truncated exponential);
// - the geometric tail past d, weights rho^d / d! x^i with x = rho / d: rho^d / d! F(n),
//   F(n) = sum_{i>=0} C(d + i, n) x^i, which by Pascal's rule on C(d + i, n) satisfies
//   F(0) = 1 / (1 - x), F(n) = (C(d, n) + x F(n - 1)) / (1 - x).

/** log(e^a + e^b), either may be -Infinity. */
function logAdd(a: number, b: number): number {
  if (a < b) return b + Math.log1p(Math.exp(a - b));
  if (a === -Infinity) return a;
  return a + Math.log1p(Math.exp(b - a));
}

/**
 * beta(1..upTo) for a d-server station with rho servers' worth of other load (0 <= rho < d),
 * as a Float64Array indexed by i (index 0 unused).
 */
export function sharedSpeeds(servers: number, otherLoad: number, upTo: number): Float64Array {
  const d = servers;
  const rho = otherLoad;
  const speeds = new Float64Array(upTo + 1);
  if (!(rho > 0)) {
    for (let i = 1; i <= upTo; i++) speeds[i] = Math.min(i, d);
    return speeds;
  }
  const last = Math.min(upTo, d + 1);
  const logFactorial = new Float64Array(d + 1);
  for (let j = 1; j <= d; j++) logFactorial[j] = logFactorial[j - 1]! + Math.log(j);
  const logRho = Math.log(rho);
  // log E(k), k = 0..d-1.
  const logTruncatedExp = new Float64Array(d);
  for (let m = 1; m < d; m++) logTruncatedExp[m] = logAdd(logTruncatedExp[m - 1]!, m * logRho - logFactorial[m]!);
  const logTop = d * logRho - logFactorial[d]!; // log of rho^d / d!
  const logX = Math.log(rho / d);
  const logRest = Math.log1p(-rho / d);
  const logB = new Float64Array(last + 1);
  let logF = -logRest;
  for (let n = 0; n <= last; n++) {
    if (n > 0) logF = logAdd(n <= d ? logFactorial[d]! - logFactorial[n]! - logFactorial[d - n]! : -Infinity, logX + logF) - logRest;
    const below = n < d ? n * logRho - logFactorial[n]! + logTruncatedExp[d - 1 - n]! : -Infinity;
    logB[n] = logAdd(below, logTop + logF);
  }
  for (let i = 1; i <= upTo; i++) speeds[i] = i <= last ? Math.min(i, rho * Math.exp(logB[i - 1]! - logB[i]!)) : d - rho;
  return speeds;
}

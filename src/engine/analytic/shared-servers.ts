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
// the service stretch by 1 / (1 - rho). The tail of N past d is geometric, x = rho / d, and
// sum_{i>=0} C(d + i, n) x^i = sum_l C(d, n - l) x^l / (1 - x)^(l + 1) (Vandermonde), all positive.

/** Terms this far (natural log) below the largest add nothing a double can hold. */
const NEGLIGIBLE_LOG = -40;

function logSumExp(values: Float64Array, count: number): number {
  let top = -Infinity;
  for (let i = 0; i < count; i++) if (values[i]! > top) top = values[i]!;
  if (!Number.isFinite(top)) return top;
  let sum = 0;
  for (let i = 0; i < count; i++) if (values[i]! - top > NEGLIGIBLE_LOG) sum += Math.exp(values[i]! - top);
  return top + Math.log(sum);
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
  const logFactorial = new Float64Array(2 * d + 2);
  for (let j = 1; j < logFactorial.length; j++) logFactorial[j] = logFactorial[j - 1]! + Math.log(j);
  const logChoose = (a: number, b: number) => logFactorial[a]! - logFactorial[b]! - logFactorial[a - b]!;
  const logRho = Math.log(rho);
  const x = rho / d;
  const logW = (j: number) => j * logRho - logFactorial[j]!; // open M/M/d weights up to d
  // The open count sits near rho: below d, terms past rho + 40 sd are negligible.
  const finiteEnd = Math.min(d - 1, Math.ceil(rho + 40 * Math.sqrt(rho + 1) + 40));
  const logB = new Float64Array(last + 1);
  const terms = new Float64Array(finiteEnd + last + 3);
  const logX = Math.log(x);
  const logRest = Math.log1p(-x);
  for (let n = 0; n <= last; n++) {
    let count = 0;
    for (let j = n; j <= finiteEnd; j++) terms[count++] = logChoose(j, n) + logW(j);
    for (let l = Math.max(0, n - d); l <= n; l++) terms[count++] = logW(d) + logChoose(d, n - l) + l * logX - (l + 1) * logRest;
    logB[n] = logSumExp(terms, count);
  }
  for (let i = 1; i <= upTo; i++) speeds[i] = i <= last ? Math.min(i, rho * Math.exp(logB[i - 1]! - logB[i]!)) : d - rho;
  return speeds;
}

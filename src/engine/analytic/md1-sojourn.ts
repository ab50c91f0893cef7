// Exact response-time quantiles of an M/D/1 queue (Poisson arrivals, one server, fixed service
// time D). The wait W has Crommelin's (1932) distribution,
//   P(W <= t) = (1 - rho) * sum_{k=0}^{floor(t/D)} (lambda (kD - t))^k / k! * e^{lambda (t - kD)},
// an alternating sum whose terms grow like e^{lambda t}: in double precision it is exact while
// the terms stay small. Further out the tail is its Cramer-Lundberg exponential,
//   P(W > t) = (1 - rho) / (rho e^{theta D} - 1) * e^{-theta t},  lambda (e^{theta D} - 1) = theta,
// whose error (the other roots of the transform) decays far faster than the tail itself.
// The response time is T = W + D.

/** Largest sum of |terms| for which Crommelin's sum is trusted (its rounding error stays below 1e-9). */
const MAX_TERM_MASS = 1e6;

/** theta > 0 with lambda (e^{theta D} - 1) = theta (rho < 1), by Newton from above. */
function decayRate(lambda: number, D: number): number {
  // f(theta) = lambda (e^{theta D} - 1) - theta is convex with f(0) = 0 and f'(0) = rho - 1 < 0.
  let theta = (2 * (1 - lambda * D)) / (lambda * D * D); // the root of the quadratic expansion, above the true one
  for (let i = 0; i < 100; i++) {
    const e = Math.exp(theta * D);
    const f = lambda * (e - 1) - theta;
    const step = f / (lambda * D * e - 1);
    theta -= step;
    if (Math.abs(step) <= 1e-15 * theta) break;
  }
  return theta;
}

/** P(W > t) by Crommelin's sum, or null when rounding would spoil it. */
function crommelinTail(lambda: number, D: number, rho: number, t: number): number | null {
  const n = Math.floor(t / D);
  let sum = 0;
  let mass = 0;
  for (let k = 0; k <= n; k++) {
    const u = lambda * (t - k * D); // >= 0
    // (-u)^k / k! e^u, in logs for its size.
    const logSize = u + (k === 0 ? 0 : k * Math.log(u) - logFactorial(k));
    const size = Math.exp(logSize);
    mass += size;
    sum += k % 2 === 0 ? size : -size;
  }
  if (!(mass < MAX_TERM_MASS)) return null;
  return 1 - (1 - rho) * sum;
}

const LOG_FACTORIALS: number[] = [0];
function logFactorial(k: number): number {
  for (let i = LOG_FACTORIALS.length; i <= k; i++) LOG_FACTORIALS.push(LOG_FACTORIALS[i - 1]! + Math.log(i));
  return LOG_FACTORIALS[k]!;
}

/**
 * Quantiles (increasing levels in (0, 1)) of the response time at an M/D/1 station, ms, for
 * lambdaRps arrivals a second and a fixed service of serviceMs. Requires rho < 1.
 */
export function md1QuantilesMs(lambdaRps: number, serviceMs: number, levels: readonly number[], out: Float64Array): Float64Array {
  const lambda = lambdaRps / 1000; // per ms
  const D = serviceMs;
  const rho = lambda * D;
  if (!(lambda > 0)) return out.fill(D);
  const theta = decayRate(lambda, D);
  const constant = (1 - rho) / (rho * Math.exp(theta * D) - 1);
  const tail = (t: number) => crommelinTail(lambda, D, rho, t) ?? constant * Math.exp(-theta * t);
  for (let q = 0; q < levels.length; q++) {
    const target = 1 - levels[q]!;
    // The wait is 0 with probability 1 - rho: quantiles at or below it are the service time alone.
    if (target >= rho) {
      out[q] = D;
      continue;
    }
    let lo = 0;
    let hi = D;
    while (tail(hi) > target) hi *= 2;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (tail(mid) > target) lo = mid;
      else hi = mid;
    }
    out[q] = D + (lo + hi) / 2;
  }
  return out;
}

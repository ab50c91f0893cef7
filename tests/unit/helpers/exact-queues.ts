// Exact single-station answers written here, apart from the engine, for tests that check the
// engine (and the reference fixtures) against textbook results.

/** The M/M/c/K chain as an accepted arrival sees it (PASTA, renormalized over states below K). */
export interface FiniteChain {
  /** P(an accepted arrival finds n in the system), n = 0 .. K-1. */
  seen: number[];
  blockingProbability: number;
  throughputRps: number;
  /** Mean waiting plus service of an accepted request, ms. */
  meanResponseMs: number;
}

export function mmckChain(c: number, K: number, lambdaRps: number, serviceMs: number): FiniteChain {
  const mu = 1000 / serviceMs; // per second
  const pi: number[] = [1];
  for (let n = 1; n <= K; n++) pi.push((pi[n - 1]! * lambdaRps) / (Math.min(n, c) * mu));
  const total = pi.reduce((a, b) => a + b, 0);
  const accepted = pi.slice(0, K).reduce((a, b) => a + b, 0);
  const seen = pi.slice(0, K).map((p) => p / accepted);
  // An arrival that finds n waits for n - c + 1 departures at rate c*mu when all servers are busy.
  const meanResponseMs = seen.reduce((sum, q, n) => sum + q * (Math.max(0, n - c + 1) / (c * mu) + 1 / mu) * 1000, 0);
  const blockingProbability = pi[K]! / total;
  return { seen, blockingProbability, throughputRps: lambdaRps * (1 - blockingProbability), meanResponseMs };
}

/** log of Poisson(j; x) for j = 0 .. jMax. */
function poissonPmf(x: number, jMax: number): number[] {
  const out: number[] = [];
  let log = -x;
  for (let j = 0; j <= jMax; j++) {
    if (j > 0) log += Math.log(x) - Math.log(j);
    out.push(Math.exp(log));
  }
  return out;
}

/**
 * P(T > t) for an accepted request at M/M/c/K: the tagged request's remaining time by
 * uniformization at rate c*mu. With k departures ahead of it (each a jump of the uniformized
 * chain) then its own service (absorbed with probability 1/c per jump), it is still in the
 * system after j jumps with probability 1 for j < k and (1 - 1/c)^(j - k) after.
 */
export function mmckSurvival(c: number, K: number, lambdaRps: number, serviceMs: number): (tMs: number) => number {
  const { seen } = mmckChain(c, K, lambdaRps, serviceMs);
  const rate = (c * 1000) / serviceMs; // per second
  return (tMs: number) => {
    const x = (rate * tMs) / 1000;
    const jMax = Math.ceil(x + 12 * Math.sqrt(x + 1) + K + 40);
    const pois = poissonPmf(x, jMax);
    let total = 0;
    seen.forEach((qn, n) => {
      const k = Math.max(0, n - c + 1);
      let stay = 0;
      for (let j = 0; j <= jMax; j++) stay += pois[j]! * (j < k ? 1 : Math.pow(1 - 1 / c, j - k));
      total += qn * stay;
    });
    return total;
  };
}

/**
 * M/D/1 waiting-time distribution, Erlang's (1909) series:
 * P(W <= x) = (1 - rho) * sum_{k=0}^{floor(x/D)} e^{lambda (x - kD)} (-lambda (x - kD))^k / k!.
 * The terms alternate and grow like e^{lambda x}, so far out in heavy traffic their sum cancels
 * to noise in double precision (rho = 0.9 at 22 D gives nonsense): the largest term is tracked
 * and a point whose rounding error could reach 1e-9 throws rather than answer.
 */
export function md1WaitCdf(lambdaRps: number, serviceMs: number): (xMs: number) => number {
  const lambda = lambdaRps / 1000; // per ms
  const rho = lambda * serviceMs;
  return (xMs: number) => {
    if (xMs < 0) return 0;
    let sum = 0;
    let largest = 0;
    const terms = Math.floor(xMs / serviceMs) + 1;
    for (let k = 0; k < terms; k++) {
      const u = lambda * (xMs - k * serviceMs); // >= 0
      let term = Math.exp(u);
      for (let i = 1; i <= k; i++) term *= -u / i;
      sum += term;
      largest = Math.max(largest, Math.abs(term));
    }
    if (largest * terms * Number.EPSILON > 1e-9) throw new Error(`Erlang's series cancels too much at ${xMs} ms (rho ${rho})`);
    return (1 - rho) * sum;
  };
}

/** The p-quantile of a non-decreasing CDF on [0, inf), by bisection in the first step of stepMs that brackets it. */
export function quantileOfCdf(cdf: (tMs: number) => number, p: number, stepMs: number): number {
  let lo = 0;
  let hi = stepMs;
  while (cdf(hi) < p) [lo, hi] = [hi, hi + stepMs];
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export const mmckQuantileMs = (c: number, K: number, lambdaRps: number, serviceMs: number, p: number): number => {
  const survival = mmckSurvival(c, K, lambdaRps, serviceMs);
  return quantileOfCdf((t) => 1 - survival(t), p, serviceMs);
};

/** p-quantile of the M/D/1 response time T = W + D. */
export const md1ResponseQuantileMs = (lambdaRps: number, serviceMs: number, p: number): number =>
  serviceMs + quantileOfCdf(md1WaitCdf(lambdaRps, serviceMs), p, serviceMs);

// Response-time (sojourn) distributions as small mixtures whose survival function has a
// closed form, so percentiles come from inverting it rather than from sampling.
//
// A station's response is wait + service. The wait is 0 with probability 1 - C and otherwise
// exponential (rate eta); for M/M/c with eta = c*mu - lambda this is exact. The service is
// fitted by its first two moments (mean, SCV):
//   SCV = 1      exponential: with the wait above this is the exact M/M/c sojourn time;
//   SCV < 1      shifted exponential: a fixed part S(1 - sqrt(SCV)) plus an exponential of
//                mean S*sqrt(SCV); SCV 0 is a fixed service time (M/D/c);
//   SCV > 1      two-branch hyperexponential with balanced means (H2), the usual two-moment fit.
// Every part is then "shift + Exp(a)" or "shift + Exp(a) + Exp(b)" (hypoexponential), and the
// survival of a sum of two exponentials is closed-form. For non-exponential service the wait
// shape is an approximation: P(wait > 0) is taken from Erlang C and the exponential tail is
// matched to the mean wait (Pollaczek-Khinchine / Allen-Cunneen), so the mixture's mean equals
// the mean response exactly and its tail is plausible rather than exact.

const MAX_PARTS = 16;

/**
 * A mixture of parts, each "shiftMs + Exp(rateA)" (rateB = 0) or "shiftMs + Exp(rateA) + Exp(rateB)".
 * rateA = Infinity means the exponential part is absent (a point mass at the shift).
 * Rates are per millisecond. Reusable: clear() and refill without allocating.
 */
export class SojournMixture {
  private readonly weight = new Float64Array(MAX_PARTS);
  private readonly shift = new Float64Array(MAX_PARTS);
  private readonly rateA = new Float64Array(MAX_PARTS);
  private readonly rateB = new Float64Array(MAX_PARTS);
  private count = 0;
  private total = 0;

  clear(): this {
    this.count = 0;
    this.total = 0;
    return this;
  }

  get parts(): number {
    return this.count;
  }

  private add(weight: number, shiftMs: number, rateA: number, rateB: number): void {
    if (!(weight > 0)) return;
    if (this.count >= MAX_PARTS) throw new Error('SojournMixture holds at most 16 parts');
    const i = this.count++;
    this.total += weight;
    this.weight[i] = weight;
    this.shift[i] = shiftMs;
    // Keep any infinite rate in slot A so that B is either 0 (absent) or finite.
    if (rateB > 0 && !Number.isFinite(rateA)) {
      this.rateA[i] = rateB;
      this.rateB[i] = 0;
    } else {
      this.rateA[i] = rateA;
      this.rateB[i] = rateB;
    }
  }

  /**
   * Adds a response of wait + service with total weight `weight`: the wait is 0 with
   * probability 1 - waitProbability, else exponential with mean meanWaitMs / waitProbability;
   * the service is the two-moment fit described at the top of this file.
   */
  addResponse(weight: number, waitProbability: number, meanWaitMs: number, serviceMs: number, serviceScv: number): this {
    const waits = waitProbability > 0 && meanWaitMs > 0;
    const pWait = waits ? Math.min(1, waitProbability) : 0;
    const waitRate = waits ? pWait / meanWaitMs : 0;
    const scv = serviceMs > 0 ? Math.max(0, serviceScv) : 0;
    if (scv <= 1) {
      const expMean = serviceMs * Math.sqrt(scv);
      const shift = serviceMs - expMean;
      // An exponential part far below the fixed part is numerically a fixed service time.
      const serviceRate = expMean > 1e-9 * serviceMs ? 1 / expMean : Infinity;
      this.addBranch(weight, pWait, waitRate, shift, serviceRate);
    } else {
      const p1 = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
      const p2 = 1 - p1;
      this.addBranch(weight * p1, pWait, waitRate, 0, (2 * p1) / serviceMs);
      this.addBranch(weight * p2, pWait, waitRate, 0, (2 * p2) / serviceMs);
    }
    return this;
  }

  private addBranch(weight: number, pWait: number, waitRate: number, shiftMs: number, serviceRate: number): void {
    this.add(weight * (1 - pWait), shiftMs, serviceRate, 0);
    if (pWait > 0) this.add(weight * pWait, shiftMs, serviceRate, waitRate);
  }

  private lastSurvival = 1;
  private lastDensity = 0;

  // Survival and density at t in one pass over the parts (they share their exponentials).
  private evaluate(t: number): void {
    let survival = 0;
    let density = 0;
    for (let i = 0; i < this.count; i++) {
      const w = this.weight[i]!;
      const x = t - this.shift[i]!;
      if (x < 0) {
        survival += w;
        continue;
      }
      const a = this.rateA[i]!;
      const b = this.rateB[i]!;
      if (b > 0) {
        // Exp(a) + Exp(b), written so that a close to b loses no precision.
        const slow = a < b ? a : b;
        const gap = Math.abs(a - b);
        const spread = gap === 0 ? x : -Math.expm1(-gap * x) / gap;
        const decay = Math.exp(-slow * x);
        survival += w * decay * (1 + slow * spread);
        density += w * a * b * decay * spread;
      } else if (Number.isFinite(a)) {
        const decay = Math.exp(-a * x);
        survival += w * decay;
        density += w * a * decay;
      }
    }
    const total = this.total > 0 ? this.total : 1;
    this.lastSurvival = survival / total;
    this.lastDensity = density / total;
  }

  /** P(T > t). */
  survival(t: number): number {
    this.evaluate(t);
    return this.lastSurvival;
  }

  /** The density of T at t (point masses contribute nothing). */
  density(t: number): number {
    this.evaluate(t);
    return this.lastDensity;
  }

  // The bracket closed on a jump of the survival (a point mass: fixed service, no wait): answer
  // the jump exactly.
  private snapToShift(lo: number, hi: number): number {
    for (let i = 0; i < this.count; i++) {
      const d = this.shift[i]!;
      if (d >= lo && d <= hi && !Number.isFinite(this.rateA[i]!)) return d;
    }
    return hi;
  }

  /**
   * Quantiles for increasing levels (e.g. 0.5, 0.95, 0.99) into `out`, each at least the one
   * before, so rounding in the last digit can never reorder them.
   */
  quantiles(levels: readonly number[], out: Float64Array): Float64Array {
    let previous = 0;
    for (let k = 0; k < levels.length; k++) {
      previous = Math.max(previous, this.quantile(levels[k]!));
      out[k] = previous;
    }
    return out;
  }

  /** E[T], from the parts (for checks; the station formulas give the same number). */
  mean(): number {
    let total = 0;
    for (let i = 0; i < this.count; i++) {
      const a = this.rateA[i]!;
      const b = this.rateB[i]!;
      const expPart = Number.isFinite(a) ? 1 / a : 0;
      total += this.weight[i]! * (this.shift[i]! + expPart + (b > 0 ? 1 / b : 0));
    }
    return this.total > 0 ? total / this.total : 0;
  }

  /**
   * The p-quantile (0 < p < 1): the smallest t with P(T > t) <= 1 - p. Newton steps on
   * log P(T > t), which is nearly straight for these exponential tails (two or three steps),
   * kept inside a bracket and falling back to bisection where the survival jumps or is flat.
   */
  quantile(p: number): number {
    if (this.count === 0) return 0;
    const target = 1 - p;
    const logTarget = Math.log(target);
    this.evaluate(0);
    if (this.lastSurvival <= target) return 0;
    let lo = 0;
    let hi = Infinity;
    // Start where an exponential with the same mean would put the quantile.
    let t = Math.max(this.mean() * -logTarget, 1e-12);
    for (let iter = 0; iter < 200; iter++) {
      this.evaluate(t);
      const s = this.lastSurvival;
      if (s > target) lo = t;
      else hi = t;
      if (Number.isFinite(hi) && hi - lo <= 1e-11 * hi) return this.snapToShift(lo, hi);
      const d = this.lastDensity;
      const step = d > 0 && s > 0 ? (s * (Math.log(s) - logTarget)) / d : NaN;
      if (Math.abs(step) <= 1e-11 * t) return t + step;
      let next = t + step;
      if (!(next > lo && next < hi)) next = Number.isFinite(hi) ? 0.5 * (lo + hi) : 2 * t;
      if (next > 1e15) return next;
      t = next;
    }
    return t;
  }
}

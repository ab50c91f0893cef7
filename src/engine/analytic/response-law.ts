// Response-time laws by their Laplace-Stieltjes transform, E[e^{-sT}], so that sums of
// independent parts (a wait, the service, the calls one after another, network round trips)
// are products, and a random choice (a share, a router's branch, a rejected call) is a mixture.
// Quantiles come from inverting the transform numerically (law-quantiles.ts).
//
// A law also keeps its point masses (atoms: a fixed service time, "no wait", a network round
// trip, a call not made) apart, because the inversion smooths jumps: the continuous rest is
// inverted, the atoms are added exactly. The atoms of a sum are the sums of atoms (any
// continuous part makes the rest continuous), so they can be tracked exactly; past 64 of them
// the lightest are left to the inversion (a rounding-sized error on a flow with many fixed parts).

export interface Atom {
  /** ms */
  at: number;
  mass: number;
}

const MAX_ATOMS = 64;
/** Atoms lighter than this cannot move a percentile (levels are 1e-2 apart at most). */
const MIN_ATOM_MASS = 1e-15;

/** Makes every set of points distinct, so a law's values are never taken for another set's. */
let pointStamps = 0;

/**
 * Where laws are evaluated, all at once: s_k = sRe + i k step (per ms), k = 0..size - 1 (the
 * Euler inversion's points for one t lie on such a line). One pass down a law's parts then
 * fills every point, and a fixed shift's e^{-s_k d} is a rotation from one point to the next.
 */
export class TransformPoints {
  sRe = 0;
  step = 0;
  /** Im s_k, per ms. */
  readonly sIm: Float64Array;
  /** Changes each time the points move. */
  stamp = 0;

  constructor(readonly size: number) {
    this.sIm = new Float64Array(size);
  }

  moveTo(sRe: number, step: number): void {
    this.sRe = sRe;
    this.step = step;
    for (let k = 0; k < this.size; k++) this.sIm[k] = k * step;
    this.stamp = ++pointStamps;
  }
}

const NO_VALUES = new Float64Array(0);

/**
 * A response-time law. evaluate(points) leaves E[e^{-s_k (T - floor)}] in re[k] and im[k],
 * memoised on the last points, so a callee shared by several callers is worked out once per
 * set of points. `floor` is the least time T can take (the fixed parts every outcome has:
 * round trips, fixed service); it is taken out so the distribution starts at 0, where the
 * inversion expects its one kink. A law that passes another's values on unchanged (a shift,
 * a mark) hands over that law's arrays instead of copying them.
 */
export abstract class Law {
  // Set in the constructor, not as class fields: as fields, building the 1,000-component
  // design's laws took about 15 ms instead of 5 (V8 defines class fields one by one).
  declare re: Float64Array;
  declare im: Float64Array;
  declare private stamp: number;
  /** Point masses, by position; their masses add up to at most 1. */
  declare readonly atoms: readonly Atom[];
  /** Mean, ms. */
  declare readonly mean: number;
  /** false where the law is an approximation (a fitted wait, parts that are not independent). */
  declare readonly exact: boolean;
  /** The least time, ms. */
  declare readonly floor: number;

  constructor(atoms: readonly Atom[], mean: number, exact: boolean, floor = 0) {
    this.re = NO_VALUES;
    this.im = NO_VALUES;
    this.stamp = -1;
    this.atoms = atoms;
    this.mean = mean;
    this.exact = exact;
    this.floor = floor;
  }

  evaluate(points: TransformPoints): void {
    if (points.stamp === this.stamp) return;
    this.stamp = points.stamp;
    this.compute(points);
  }

  protected abstract compute(points: TransformPoints): void;

  /** Own arrays for the values, the right size; true when they were just made. */
  protected own(size: number): boolean {
    if (this.re.length === size) return false;
    this.re = new Float64Array(size);
    this.im = new Float64Array(size);
    return true;
  }
}

/** Adds w e^{-s_k d} to (re[k], im[k]) at every point: e^{-sRe d} turned by -step d from one point to the next. */
export function addShifted(points: TransformPoints, w: number, d: number, re: Float64Array, im: Float64Array): void {
  const turnRe = Math.cos(points.step * d);
  const turnIm = -Math.sin(points.step * d);
  let fRe = w * Math.exp(-points.sRe * d);
  let fIm = 0;
  for (let k = 0; k < points.size; k++) {
    re[k] = re[k]! + fRe;
    im[k] = im[k]! + fIm;
    const r = fRe * turnRe - fIm * turnIm;
    fIm = fRe * turnIm + fIm * turnRe;
    fRe = r;
  }
}

/** Adds w e^{-s_k d} (partRe[k] + i partIm[k]) to (re[k], im[k]) at every point. */
function addShiftedProduct(points: TransformPoints, w: number, d: number, partRe: Float64Array, partIm: Float64Array, re: Float64Array, im: Float64Array): void {
  const turnRe = Math.cos(points.step * d);
  const turnIm = -Math.sin(points.step * d);
  let fRe = w * Math.exp(-points.sRe * d);
  let fIm = 0;
  for (let k = 0; k < points.size; k++) {
    const pr = partRe[k]!;
    const pi = partIm[k]!;
    re[k] = re[k]! + fRe * pr - fIm * pi;
    im[k] = im[k]! + fRe * pi + fIm * pr;
    const r = fRe * turnRe - fIm * turnIm;
    fIm = fRe * turnIm + fIm * turnRe;
    fRe = r;
  }
}

/** A fixed time d (ms): all of it is floor, so its values are 1. */
class PointLaw extends Law {
  constructor(d: number) {
    super([{ at: d, mass: 1 }], d, true, d);
  }
  protected compute(points: TransformPoints): void {
    if (this.own(points.size)) this.re.fill(1);
  }
}

/** Exp(rate), rate per ms: rate / (rate + s). */
class ExponentialLaw extends Law {
  constructor(private readonly rate: number) {
    super([], 1 / rate, true);
  }
  protected compute(points: TransformPoints): void {
    this.own(points.size);
    const { re, im } = this;
    const rate = this.rate;
    const a = rate + points.sRe;
    const sIm = points.sIm;
    for (let k = 0; k < points.size; k++) {
      const b = sIm[k]!;
      const d = a * a + b * b;
      re[k] = (rate * a) / d;
      im[k] = (-rate * b) / d;
    }
  }
}

class SumLaw extends Law {
  /** The parts that are not fixed times (those are all floor: their values are 1). */
  private readonly varying: readonly Law[];
  constructor(parts: readonly Law[], atoms: readonly Atom[], exact: boolean) {
    super(
      atoms,
      parts.reduce((sum, p) => sum + p.mean, 0),
      exact,
      parts.reduce((sum, p) => sum + p.floor, 0),
    );
    this.varying = parts.filter((p) => !(p instanceof PointLaw));
  }
  protected compute(points: TransformPoints): void {
    const parts = this.varying;
    if (parts.length === 0) {
      if (this.own(points.size)) this.re.fill(1);
      return;
    }
    const first = parts[0]!;
    first.evaluate(points);
    if (parts.length === 1) {
      this.re = first.re;
      this.im = first.im;
      return;
    }
    this.own(points.size);
    const { re, im } = this;
    re.set(first.re);
    im.set(first.im);
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i]!;
      part.evaluate(points);
      const pRe = part.re;
      const pIm = part.im;
      for (let k = 0; k < points.size; k++) {
        const r = re[k]! * pRe[k]! - im[k]! * pIm[k]!;
        im[k] = re[k]! * pIm[k]! + im[k]! * pRe[k]!;
        re[k] = r;
      }
    }
  }
}

class MixLaw extends Law {
  /** How much later than the mixture each part starts, ms. */
  private readonly above: Float64Array;
  constructor(
    private readonly weights: readonly number[],
    private readonly parts: readonly Law[],
    atoms: readonly Atom[],
    exact: boolean,
  ) {
    const floor = parts.reduce((least, p) => Math.min(least, p.floor), Infinity);
    super(
      atoms,
      parts.reduce((sum, p, i) => sum + weights[i]! * p.mean, 0),
      exact,
      floor,
    );
    this.above = Float64Array.from(parts, (p) => p.floor - floor);
  }
  protected compute(points: TransformPoints): void {
    this.own(points.size);
    const { re, im } = this;
    re.fill(0);
    im.fill(0);
    for (let i = 0; i < this.parts.length; i++) {
      const part = this.parts[i]!;
      const w = this.weights[i]!;
      const above = this.above[i]!;
      // A fixed time is all floor: its values are 1.
      if (part instanceof PointLaw) {
        addShifted(points, w, above, re, im);
        continue;
      }
      part.evaluate(points);
      if (above === 0) {
        const pRe = part.re;
        const pIm = part.im;
        for (let k = 0; k < points.size; k++) {
          re[k] = re[k]! + w * pRe[k]!;
          im[k] = im[k]! + w * pIm[k]!;
        }
        continue;
      }
      // This part starts `above` ms later than the mixture: e^{-s above} times its own.
      addShiftedProduct(points, w, above, part.re, part.im, re, im);
    }
  }
}

/** The same law marked approximate. */
class ApproximateLaw extends Law {
  constructor(private readonly law: Law) {
    super(law.atoms, law.mean, false, law.floor);
  }
  protected compute(points: TransformPoints): void {
    this.law.evaluate(points);
    this.re = this.law.re;
    this.im = this.law.im;
  }
}

export const ZERO_LAW: Law = new PointLaw(0);

/** Fixed times seen so far: the same round trip on many connections is one law, worked out once per s. */
const points = new Map<number, Law>([[0, ZERO_LAW]]);
const MAX_POINTS = 4096;

export function pointLaw(d: number): Law {
  let law = points.get(d);
  if (law === undefined) {
    law = new PointLaw(d);
    if (points.size < MAX_POINTS) points.set(d, law);
  }
  return law;
}

/** Exp with the given mean (ms). */
export function exponentialLaw(meanMs: number): Law {
  return new ExponentialLaw(1 / meanMs);
}

/** The law marked approximate (its values unchanged). */
export function approximate(law: Law): Law {
  return law.exact ? new ApproximateLaw(law) : law;
}

function sameSpot(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Merges atoms at the same spot, drops the negligible ones, keeps the heaviest MAX_ATOMS, sorted by position. */
function tidyAtoms(atoms: Atom[]): Atom[] {
  atoms.sort((a, b) => a.at - b.at);
  const merged: Atom[] = [];
  for (const atom of atoms) {
    const prev = merged[merged.length - 1];
    if (prev && sameSpot(prev.at, atom.at)) prev.mass += atom.mass;
    else merged.push({ at: atom.at, mass: atom.mass });
  }
  const kept = merged.filter((a) => a.mass > MIN_ATOM_MASS);
  if (kept.length <= MAX_ATOMS) return kept;
  return kept.sort((a, b) => b.mass - a.mass).slice(0, MAX_ATOMS).sort((a, b) => a.at - b.at);
}

/** The law of the sum of independent parts. */
export function sumLaw(parts: readonly Law[]): Law {
  const used = parts.filter((p) => p !== ZERO_LAW);
  if (used.length === 0) return ZERO_LAW;
  if (used.length === 1) return used[0]!;
  let atoms: Atom[] = [{ at: 0, mass: 1 }];
  for (const part of used) {
    const next: Atom[] = [];
    for (const a of atoms) for (const b of part.atoms) next.push({ at: a.at + b.at, mass: a.mass * b.mass });
    atoms = tidyAtoms(next);
  }
  return new SumLaw(used, atoms, used.every((p) => p.exact));
}

/** With probability weight_i, part i (weights add up to 1). */
export function mixLaw(branches: readonly { weight: number; law: Law }[]): Law {
  const used = branches.filter((b) => b.weight > 0);
  if (used.length === 1) return used[0]!.law;
  const atoms: Atom[] = [];
  for (const b of used) for (const a of b.law.atoms) atoms.push({ at: a.at, mass: b.weight * a.mass });
  return new MixLaw(
    used.map((b) => b.weight),
    used.map((b) => b.law),
    tidyAtoms(atoms),
    used.every((b) => b.law.exact),
  );
}

/** The sum of n independent copies of a law (n whole). */
export function repeatLaw(law: Law, n: number): Law {
  if (n === 0) return ZERO_LAW;
  if (n === 1) return law;
  return sumLaw(Array.from({ length: n }, () => law));
}

/**
 * The time spent on a connection: taken with probability p, then `calls` calls one after
 * another (the whole part, plus one more with probability the fraction, as the simulator draws
 * them), each costing `one`.
 */
export function callsLaw(one: Law, p: number, calls: number): Law {
  const whole = Math.floor(calls);
  const fraction = calls - whole;
  return mixLaw([
    { weight: 1 - p, law: ZERO_LAW },
    { weight: p * (1 - fraction), law: repeatLaw(one, whole) },
    { weight: p * fraction, law: repeatLaw(one, whole + 1) },
  ]);
}

// ---------------------------------------------------------------- service times

/** Below this SCV the simulator draws a shifted exponential instead of an Erlang mix (service-time.ts). */
const ERLANG_MIN_SCV = 1 / 20;

/** Tijms' Erlang mix: k - 1 phases with probability p, else k, each Exp(rate). */
class ErlangMixLaw extends Law {
  constructor(
    meanMs: number,
    private readonly k: number,
    private readonly p: number,
    private readonly rate: number,
  ) {
    super([], meanMs, true);
  }
  protected compute(points: TransformPoints): void {
    this.own(points.size);
    const { re, im, k, p, rate } = this;
    const a = rate + points.sRe;
    const sIm = points.sIm;
    for (let i = 0; i < points.size; i++) {
      // One phase, rate / (rate + s), raised to k - 1 and k by multiplying (k is at most 20).
      const b = sIm[i]!;
      const d = a * a + b * b;
      const zRe = (rate * a) / d;
      const zIm = (-rate * b) / d;
      let shortRe = zRe;
      let shortIm = zIm;
      for (let n = 2; n < k; n++) {
        const r = shortRe * zRe - shortIm * zIm;
        shortIm = shortRe * zIm + shortIm * zRe;
        shortRe = r;
      }
      const longRe = shortRe * zRe - shortIm * zIm;
      const longIm = shortRe * zIm + shortIm * zRe;
      re[i] = p * shortRe + (1 - p) * longRe;
      im[i] = p * shortIm + (1 - p) * longIm;
    }
  }
}

/**
 * The law of a service time with this mean (ms) and SCV, in the shape the simulator draws
 * (simulation/service-time.ts): fixed (0), shifted exponential (below 1/20), Erlang mix
 * (Tijms) below 1, exponential (1), balanced-means H2 above 1.
 */
export function serviceLaw(meanMs: number, scv: number): Law {
  if (!(meanMs > 0)) return ZERO_LAW;
  if (!(scv > 0)) return pointLaw(meanMs);
  if (scv === 1) return exponentialLaw(meanMs);
  if (scv > 1) {
    const p = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
    return mixLaw([
      { weight: p, law: exponentialLaw(meanMs / (2 * p)) },
      { weight: 1 - p, law: exponentialLaw(meanMs / (2 * (1 - p))) },
    ]);
  }
  if (scv < ERLANG_MIN_SCV) {
    const spread = meanMs * Math.sqrt(scv);
    // A spread far below the fixed part is numerically a fixed time.
    if (spread <= 1e-9 * meanMs) return pointLaw(meanMs);
    return sumLaw([pointLaw(meanMs - spread), exponentialLaw(spread)]);
  }
  const k = Math.max(2, Math.ceil(1 / scv - 1e-9));
  const p = Math.max(0, (k * scv - Math.sqrt(Math.max(0, k * (1 + scv) - k * k * scv))) / (1 + scv));
  return new ErlangMixLaw(meanMs, k, p, (k - p) / meanMs);
}

// ---------------------------------------------------------------- waits

/** No wait with probability 1 - pWait, else Exp(rate). */
class ExponentialWaitLaw extends Law {
  constructor(
    private readonly pWait: number,
    private readonly rate: number,
    exact: boolean,
  ) {
    super(pWait < 1 ? [{ at: 0, mass: 1 - pWait }] : [], pWait / rate, exact);
  }
  protected compute(points: TransformPoints): void {
    this.own(points.size);
    const { re, im, pWait, rate } = this;
    const a = rate + points.sRe;
    const sIm = points.sIm;
    for (let k = 0; k < points.size; k++) {
      const b = sIm[k]!;
      const d = a * a + b * b;
      re[k] = 1 - pWait + (pWait * rate * a) / d;
      im[k] = (-pWait * rate * b) / d;
    }
  }
}

/**
 * A wait that is 0 with probability 1 - waitProbability and otherwise exponential with mean
 * meanWaitMs / waitProbability: exact for M/M/c (Erlang C, rate c mu - lambda); elsewhere a fit
 * to the mean wait (exact = false).
 */
export function exponentialWaitLaw(waitProbability: number, meanWaitMs: number, exact: boolean): Law {
  if (!(waitProbability > 0) || !(meanWaitMs > 0)) return ZERO_LAW;
  const pWait = Math.min(1, waitProbability);
  // However it is shaped, a wait met by one request in a million moves p50-p99 by under 0.002%.
  return new ExponentialWaitLaw(pWait, pWait / meanWaitMs, exact || pWait < NEGLIGIBLE_WAIT);
}

/** Share of requests that wait below which the wait's shape cannot matter to the percentiles shown. */
const NEGLIGIBLE_WAIT = 1e-6;

/** M/G/1: W(s) = (1 - rho) s / (s - lambda (1 - B(s))), lambda per ms. */
class PollaczekKhinchineLaw extends Law {
  constructor(
    private readonly lambda: number,
    private readonly rho: number,
    private readonly service: Law,
    meanGuess: number,
    exact: boolean,
  ) {
    super([{ at: 0, mass: 1 - rho }], meanGuess, exact);
  }
  /** B(s) = e^{-s floor} times the service's shifted values. */
  private serviceRe: Float64Array = new Float64Array(0);
  private serviceIm: Float64Array = new Float64Array(0);
  protected compute(points: TransformPoints): void {
    const service = this.service;
    service.evaluate(points);
    this.own(points.size);
    if (this.serviceRe.length !== points.size) {
      this.serviceRe = new Float64Array(points.size);
      this.serviceIm = new Float64Array(points.size);
    }
    const { re, im, serviceRe: bRe, serviceIm: bIm, lambda } = this;
    bRe.fill(0);
    bIm.fill(0);
    addShiftedProduct(points, 1, service.floor, service.re, service.im, bRe, bIm);
    const q = 1 - this.rho;
    const sRe = points.sRe;
    const sIm = points.sIm;
    for (let k = 0; k < points.size; k++) {
      const b = sIm[k]!;
      const dRe = sRe - lambda * (1 - bRe[k]!);
      const dIm = b + lambda * bIm[k]!;
      const size = dRe * dRe + dIm * dIm;
      re[k] = (q * (sRe * dRe + b * dIm)) / size;
      im[k] = (q * (b * dRe - sRe * dIm)) / size;
    }
  }
}

/** The M/G/1 wait (Pollaczek-Khinchine transform), exact for any service law. */
export function pollaczekKhinchineWaitLaw(lambdaRps: number, service: Law, exact: boolean): Law {
  const lambda = lambdaRps / 1000;
  const rho = lambda * service.mean;
  if (!(lambda > 0)) return ZERO_LAW;
  // The mean wait needs E[B^2]; only the start of the quantile search uses this guess.
  return new PollaczekKhinchineLaw(lambda, rho, service, (rho * service.mean) / (1 - rho), exact && service.exact);
}

/** z^n for a real n >= 0 (through the principal logarithm), into powerRe and powerIm. */
let powerRe = 0;
let powerIm = 0;
function power(zRe: number, zIm: number, n: number): void {
  if (n === 1) {
    powerRe = zRe;
    powerIm = zIm;
    return;
  }
  const r = Math.hypot(zRe, zIm);
  if (r === 0) {
    powerRe = n === 0 ? 1 : 0;
    powerIm = 0;
    return;
  }
  const size = Math.exp(n * Math.log(r));
  const angle = n * Math.atan2(zIm, zRe);
  powerRe = size * Math.cos(angle);
  powerIm = size * Math.sin(angle);
}

/** a / b into quotientRe and quotientIm, by Smith's algorithm (no overflow for large |b|). */
let quotientRe = 0;
let quotientIm = 0;
function divide(aRe: number, aIm: number, bRe: number, bIm: number): void {
  if (Math.abs(bRe) >= Math.abs(bIm)) {
    const r = bIm / bRe;
    const d = bRe + bIm * r;
    quotientRe = (aRe + aIm * r) / d;
    quotientIm = (aIm - aRe * r) / d;
    return;
  }
  const r = bRe / bIm;
  const d = bRe * r + bIm;
  quotientRe = (aRe * r + aIm) / d;
  quotientIm = (aIm * r - aRe) / d;
}

/** See finiteQueueWaitLaw. */
class FiniteQueueWaitLaw extends Law {
  constructor(
    private readonly low: number,
    private readonly logFirst: number,
    private readonly ratio: number,
    private readonly places: number,
    private readonly rate: number,
    meanWaitMs: number,
  ) {
    super(low > 0 ? [{ at: 0, mass: low }] : [], meanWaitMs, true);
  }
  protected compute(points: TransformPoints): void {
    this.own(points.size);
    const { re, im, ratio, places, rate } = this;
    const a = rate + points.sRe;
    // sum_{k=1..M} w_k z^k, a geometric run, written from its heavier end so no power overflows.
    const light = ratio <= 1;
    // w_1 for the light end, w_M for the heavy one.
    const w = Math.exp(light ? this.logFirst : this.logFirst + (places - 1) * Math.log(ratio));
    const tail = light ? 0 : Math.exp(-places * Math.log(ratio));
    for (let k = 0; k < points.size; k++) {
      const b = points.sIm[k]!;
      const d = a * a + b * b;
      const zRe = (rate * a) / d;
      const zIm = (-rate * b) / d;
      const rzRe = ratio * zRe;
      const rzIm = ratio * zIm;
      let runRe: number;
      let runIm: number;
      if (light) {
        // w_1 z (1 - (rho z)^M) / (1 - rho z)
        power(rzRe, rzIm, places);
        divide(1 - powerRe, -powerIm, 1 - rzRe, -rzIm);
        runRe = w * (zRe * quotientRe - zIm * quotientIm);
        runIm = w * (zRe * quotientIm + zIm * quotientRe);
      } else {
        // w_M sum_{j=0..M-1} rho^-j z^(M-j) = w_M (z^M - rho^-M) rho z / (rho z - 1)
        power(zRe, zIm, places);
        divide(rzRe, rzIm, rzRe - 1, rzIm);
        const topRe = w * (powerRe - tail);
        const topIm = w * powerIm;
        runRe = topRe * quotientRe - topIm * quotientIm;
        runIm = topRe * quotientIm + topIm * quotientRe;
      }
      re[k] = this.low + runRe;
      im[k] = runIm;
    }
  }
}

/**
 * The wait of an accepted request at M/M/c/K: none with probability `low` (it finds a free
 * server), else k departures at rate c mu ahead of it with probability e^{logFirst} ratio^(k - 1),
 * k = 1..places (finite-capacity-sojourn.ts).
 */
export function finiteQueueWaitLaw(low: number, logFirst: number, ratio: number, places: number, serviceMs: number, servers: number, meanWaitMs: number): Law {
  if (places === 0 || logFirst === -Infinity) return ZERO_LAW;
  return new FiniteQueueWaitLaw(low, logFirst, ratio, places, servers / serviceMs, meanWaitMs);
}

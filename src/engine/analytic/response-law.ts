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

/** A complex number (the transforms are evaluated at complex s = re + i im with re > 0). */
export interface Complex {
  re: number;
  im: number;
}

export interface Atom {
  /** ms */
  at: number;
  mass: number;
}

const MAX_ATOMS = 64;
/** Atoms lighter than this cannot move a percentile (levels are 1e-2 apart at most). */
const MIN_ATOM_MASS = 1e-15;

/**
 * A response-time law. evaluate(s) leaves E[e^{-s (T - floor)}] in re and im, memoised on the
 * last s, so a callee shared by several callers is worked out once per s. No allocation per
 * evaluation: the inversion calls it millions of times on a large design. `floor` is the least
 * time T can take (the fixed parts every outcome has: round trips, fixed service); it is taken
 * out so the distribution starts at 0, where the inversion expects its one kink.
 */
export abstract class Law {
  re = 1;
  im = 0;
  private sRe = NaN;
  private sIm = NaN;

  constructor(
    /** Point masses, by position; their masses add up to at most 1. */
    readonly atoms: readonly Atom[],
    /** Mean, ms. */
    readonly mean: number,
    /** false where the law is an approximation (a fitted wait, parts that are not independent). */
    readonly exact: boolean,
    /** The least time, ms. */
    readonly floor = 0,
  ) {}

  /** E[e^{-s (T - floor)}] at s = sRe + i sIm (per ms), into re and im. */
  evaluate(sRe: number, sIm: number): void {
    if (sRe === this.sRe && sIm === this.sIm) return;
    this.sRe = sRe;
    this.sIm = sIm;
    this.compute(sRe, sIm);
  }

  protected abstract compute(sRe: number, sIm: number): void;
}

/** z^n for a real n >= 0 (through the principal logarithm). */
export function power(z: Complex, n: number): Complex {
  if (n === 0) return { re: 1, im: 0 };
  if (n === 1) return z;
  const r = Math.hypot(z.re, z.im);
  if (r === 0) return { re: 0, im: 0 };
  const size = Math.exp(n * Math.log(r));
  const angle = n * Math.atan2(z.im, z.re);
  return { re: size * Math.cos(angle), im: size * Math.sin(angle) };
}

function mul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

function div(a: Complex, b: Complex): Complex {
  // Smith's algorithm: no overflow for large |b|.
  if (Math.abs(b.re) >= Math.abs(b.im)) {
    const r = b.im / b.re;
    const d = b.re + b.im * r;
    return { re: (a.re + a.im * r) / d, im: (a.im - a.re * r) / d };
  }
  const r = b.re / b.im;
  const d = b.re * r + b.im;
  return { re: (a.re * r + a.im) / d, im: (a.im * r - a.re) / d };
}

/** e^{-s d} into out (re, im). */
function shiftFactor(sRe: number, sIm: number, d: number, out: Complex): void {
  const size = Math.exp(-sRe * d);
  out.re = size * Math.cos(sIm * d);
  out.im = -size * Math.sin(sIm * d);
}

/** A fixed time d (ms): all of it is floor. */
class PointLaw extends Law {
  constructor(d: number) {
    super([{ at: d, mass: 1 }], d, true, d);
  }
  protected compute(): void {
    this.re = 1;
    this.im = 0;
  }
}

/** Exp(rate), rate per ms: rate / (rate + s). */
class ExponentialLaw extends Law {
  constructor(private readonly rate: number) {
    super([], 1 / rate, true);
  }
  protected compute(sRe: number, sIm: number): void {
    const a = this.rate + sRe;
    const d = a * a + sIm * sIm;
    this.re = (this.rate * a) / d;
    this.im = (-this.rate * sIm) / d;
  }
}

class SumLaw extends Law {
  constructor(
    private readonly parts: readonly Law[],
    atoms: readonly Atom[],
    exact: boolean,
  ) {
    super(
      atoms,
      parts.reduce((sum, p) => sum + p.mean, 0),
      exact,
      parts.reduce((sum, p) => sum + p.floor, 0),
    );
  }
  protected compute(sRe: number, sIm: number): void {
    let re = 1;
    let im = 0;
    for (const part of this.parts) {
      part.evaluate(sRe, sIm);
      const r = re * part.re - im * part.im;
      im = re * part.im + im * part.re;
      re = r;
    }
    this.re = re;
    this.im = im;
  }
}

class MixLaw extends Law {
  constructor(
    private readonly weights: readonly number[],
    private readonly parts: readonly Law[],
    atoms: readonly Atom[],
    exact: boolean,
  ) {
    super(
      atoms,
      parts.reduce((sum, p, i) => sum + weights[i]! * p.mean, 0),
      exact,
      Math.min(...parts.map((p) => p.floor)),
    );
  }
  private readonly factor: Complex = { re: 1, im: 0 };
  protected compute(sRe: number, sIm: number): void {
    let re = 0;
    let im = 0;
    for (let i = 0; i < this.parts.length; i++) {
      const part = this.parts[i]!;
      part.evaluate(sRe, sIm);
      const w = this.weights[i]!;
      const above = part.floor - this.floor;
      if (above === 0) {
        re += w * part.re;
        im += w * part.im;
        continue;
      }
      // This part starts `above` ms later than the mixture: e^{-s above} times its own.
      shiftFactor(sRe, sIm, above, this.factor);
      const f = this.factor;
      re += w * (f.re * part.re - f.im * part.im);
      im += w * (f.re * part.im + f.im * part.re);
    }
    this.re = re;
    this.im = im;
  }
}

/** The same law marked approximate. */
class ApproximateLaw extends Law {
  constructor(private readonly law: Law) {
    super(law.atoms, law.mean, false, law.floor);
  }
  protected compute(sRe: number, sIm: number): void {
    this.law.evaluate(sRe, sIm);
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
  protected compute(sRe: number, sIm: number): void {
    // phase = rate / (rate + s) in polar form: |phase|^n and n arg(phase).
    const a = this.rate + sRe;
    const logSize = Math.log(this.rate) - 0.5 * Math.log(a * a + sIm * sIm);
    const angle = -Math.atan2(sIm, a);
    const k = this.k;
    const shorter = Math.exp((k - 1) * logSize);
    const longer = Math.exp(k * logSize);
    this.re = this.p * shorter * Math.cos((k - 1) * angle) + (1 - this.p) * longer * Math.cos(k * angle);
    this.im = this.p * shorter * Math.sin((k - 1) * angle) + (1 - this.p) * longer * Math.sin(k * angle);
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
  protected compute(sRe: number, sIm: number): void {
    const a = this.rate + sRe;
    const d = a * a + sIm * sIm;
    this.re = 1 - this.pWait + (this.pWait * this.rate * a) / d;
    this.im = (-this.pWait * this.rate * sIm) / d;
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
  private readonly factor: Complex = { re: 1, im: 0 };
  protected compute(sRe: number, sIm: number): void {
    const service = this.service;
    service.evaluate(sRe, sIm);
    // B(s) = e^{-s floor} times the shifted transform.
    shiftFactor(sRe, sIm, service.floor, this.factor);
    const f = this.factor;
    const bRe = f.re * service.re - f.im * service.im;
    const bIm = f.re * service.im + f.im * service.re;
    const q = 1 - this.rho;
    const dRe = sRe - this.lambda * (1 - bRe);
    const dIm = sIm + this.lambda * bIm;
    const size = dRe * dRe + dIm * dIm;
    this.re = (q * (sRe * dRe + sIm * dIm)) / size;
    this.im = (q * (sIm * dRe - sRe * dIm)) / size;
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
  protected compute(sRe: number, sIm: number): void {
    const { ratio, places, rate } = this;
    const a = rate + sRe;
    const d = a * a + sIm * sIm;
    const z = { re: (rate * a) / d, im: (-rate * sIm) / d };
    const rz = { re: ratio * z.re, im: ratio * z.im };
    // sum_{k=1..M} w_k z^k, a geometric run, written from its heavier end so no power overflows.
    let run: Complex;
    if (ratio <= 1) {
      // w_1 z (1 - (rho z)^M) / (1 - rho z)
      const top = power(rz, places);
      const w = Math.exp(this.logFirst);
      run = mul({ re: w * z.re, im: w * z.im }, div({ re: 1 - top.re, im: -top.im }, { re: 1 - rz.re, im: -rz.im }));
    } else {
      // w_M sum_{j=0..M-1} rho^-j z^(M-j) = w_M (z^M - rho^-M) rho z / (rho z - 1)
      const zm = power(z, places);
      const w = Math.exp(this.logFirst + (places - 1) * Math.log(ratio));
      run = mul({ re: w * (zm.re - Math.exp(-places * Math.log(ratio))), im: w * zm.im }, div(rz, { re: rz.re - 1, im: rz.im }));
    }
    this.re = this.low + run.re;
    this.im = run.im;
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

// Percentiles of a response-time law given by its transform (response-law.ts).
//
// P(T <= t) is the atoms at or below t plus the continuous rest, whose distribution function
// has the transform (L(s) - sum of the atoms' e^{-s a}) / s. That is inverted with the Euler
// algorithm of Abate and Whitt ("A unified framework for numerically inverting Laplace
// transforms", INFORMS J. Computing 18(4), 2006): with M = 15 it gives about 9 correct digits
// for a smooth distribution in double precision, fewer right at a kink (a fixed shift), which a
// percentile almost never sits on. Quantiles are then found by a bracketed search on t.
import { addShifted, TransformPoints, type Law } from './response-law';

/** Euler's M: 2M + 1 transform values per point; about 0.6 M significant digits (Abate and Whitt 2006). */
const EULER_M = 15;
const BETA_RE = (EULER_M * Math.log(10)) / 3;
const SCALE = 10 ** (EULER_M / 3);
const ETA: number[] = eulerWeights(EULER_M);

function eulerWeights(m: number): number[] {
  const xi = new Array<number>(2 * m + 1).fill(1);
  xi[0] = 0.5;
  xi[2 * m] = 2 ** -m;
  let binomial = 1; // C(m, k)
  for (let k = 1; k < m; k++) {
    binomial = (binomial * (m - k + 1)) / k;
    xi[2 * m - k] = xi[2 * m - k + 1]! + 2 ** -m * binomial;
  }
  return xi.map((x, k) => (k % 2 === 0 ? x : -x));
}

/** The points one inversion evaluates the transform at (s_k = (BETA_RE + i pi k) / x). */
const points = new TransformPoints(2 * EULER_M + 1);
/** The atoms' part of the transform at those points, taken out before inverting. */
const atomRe = new Float64Array(2 * EULER_M + 1);
const atomIm = new Float64Array(2 * EULER_M + 1);

/** The last lawCdf's density of the continuous part at t (atoms excluded), per ms. */
let lastDensity = 0;

/** P(T <= t) for the law, t in ms; the density of the continuous part at t is kept for the search's Newton steps. */
export function lawCdf(law: Law, t: number): number {
  const atoms = law.atoms;
  const floor = law.floor;
  let below = 0;
  for (const a of atoms) if (a.at <= t) below += a.mass;
  lastDensity = 0;
  // Inverted from the floor: the distribution of T - floor starts at 0.
  const x = t - floor;
  if (!(x > 0)) return below;
  const sRe = BETA_RE / x;
  points.moveTo(sRe, Math.PI / x);
  law.evaluate(points);
  atomRe.fill(0);
  atomIm.fill(0);
  // mass e^{-s (a - floor)} for each atom
  for (const a of atoms) addShifted(points, a.mass, a.at - floor, atomRe, atomIm);
  const lawRe = law.re;
  const lawIm = law.im;
  const sIm = points.sIm;
  let sum = 0;
  let density = 0;
  for (let k = 0; k <= 2 * EULER_M; k++) {
    const re = lawRe[k]! - atomRe[k]!;
    const im = lawIm[k]! - atomIm[k]!;
    const b = sIm[k]!;
    // The same transform values give the density (transform L) and the distribution (L / s).
    density += ETA[k]! * re;
    sum += (ETA[k]! * (re * sRe + im * b)) / (sRe * sRe + b * b);
  }
  lastDensity = (SCALE / x) * density;
  return below + (SCALE / x) * sum;
}

/** Relative width at which the search stops: far below any figure shown (4 significant digits). */
const RELATIVE_TOLERANCE = 1e-7;

/**
 * When two Newton steps in a row are short (the one before under this share of t, this one
 * under this share of the one before), the search is closing in at least that fast, and what
 * the next step would leave is at most about step^2 / before: the error shrinks by step / before
 * each time, or faster (Newton squares it where the inversion's density is exact; near a kink
 * the density is a little off and the shrinking is steady instead). A long step that lands
 * close by chance says nothing of the rate, hence the first condition.
 */
const CONVERGING = 0.1;
/** That estimate must come out this far under the tolerance before the step is taken as the last. */
const ESTIMATE_MARGIN = 0.1;

/**
 * The p-quantile (0 < p < 1) of the law, ms: the smallest t with P(T <= t) >= p, at least
 * `from` (the quantile of a lower level, or 0), searched from `guess` when given. Newton steps
 * on log P(T > t), nearly straight in the tail, with the density the inversion gives alongside;
 * a bracket keeps them honest (doubling out while there is no upper end, bisecting where a step
 * leaves it or the density is 0). A step across an atom tries the atom first: the distribution
 * jumps there, and if the jump crosses p the atom is the answer. The atoms alone bound the
 * answer from above (at the first atom where their masses reach p); when the atoms below it and
 * the whole continuous part are short of p, that atom is the answer, found without a search (a
 * law that is all atoms: fixed times, calls made or not).
 */
export function lawQuantile(law: Law, p: number, from = 0, guess = NaN): number {
  const logTarget = Math.log1p(-p);
  let lo = Math.max(from, law.floor);
  // At the floor only atoms count (no inversion needed): a point mass there may reach p.
  if (lo === law.floor && lawCdf(law, lo) >= p) return lo;
  // A lower level's answer at an atom may answer this one too: the jump there covers both.
  if (lo > law.floor && atomMass(law, lo) > 0 && lawCdf(law, lo) >= p) return lo;
  let hi = atomsReach(law, p);
  if (hi <= lo) return lo;
  // Even with all of the continuous part below it, the distribution just under that atom is short of p.
  if (unplacedMass < p) return hi;
  let t = guess > lo ? Math.min(guess, hi) : law.mean > lo && law.mean < hi ? law.mean : Number.isFinite(hi) ? 0.5 * (lo + hi) : lo + Math.max(lo, 1e-9);
  let before = NaN;
  for (let i = 0; i < 200; i++) {
    const cdf = lawCdf(law, t);
    if (cdf >= p) {
      // The continuous part has no jumps: just below an atom the distribution is cdf - its mass.
      if (cdf - atomMass(law, t) < p) return t;
      hi = t;
    } else {
      lo = t;
    }
    if (Number.isFinite(hi) && hi - lo <= RELATIVE_TOLERANCE * hi) break;
    const survival = 1 - cdf;
    const step = lastDensity > 0 && survival > 0 ? ((Math.log(survival) - logTarget) * survival) / lastDensity : NaN;
    const size = Math.abs(step);
    const converged = size <= RELATIVE_TOLERANCE * t || (Math.abs(before) <= CONVERGING * t && size <= CONVERGING * Math.abs(before) && (size * size) / Math.abs(before) <= ESTIMATE_MARGIN * RELATIVE_TOLERANCE * t);
    if (converged) return Math.min(Math.max(t + step, lo), hi);
    let next = t + step;
    const newton = next > lo && next < hi;
    if (!newton) next = Number.isFinite(hi) ? 0.5 * (lo + hi) : lo + Math.max(lo - law.floor, t - law.floor, 1e-9);
    const atom = atomBetween(law, t, next, lo, hi);
    t = atom ?? next;
    before = newton && atom === null ? step : NaN;
  }
  return hi;
}

/** After atomsReach: the mass of the atoms below its answer and of the whole continuous part. */
let unplacedMass = 1;

/** The first atom at which the atoms' masses add up to p (Infinity if they never do): P(T <= t) >= p there. */
function atomsReach(law: Law, p: number): number {
  let total = 0;
  for (const a of law.atoms) total += a.mass;
  let mass = 0;
  for (const a of law.atoms) {
    if (mass + a.mass >= p) {
      unplacedMass = 1 - total + mass;
      return a.at;
    }
    mass += a.mass;
  }
  unplacedMass = 1;
  return Infinity;
}

function atomMass(law: Law, t: number): number {
  for (const a of law.atoms) if (a.at === t) return a.mass;
  return 0;
}

/** The atom nearest `from` on the way to `to`, strictly inside (lo, hi), if any. */
function atomBetween(law: Law, from: number, to: number, lo: number, hi: number): number | null {
  let best: number | null = null;
  for (const a of law.atoms) {
    const x = a.at;
    if (!(x > lo && x < hi) || !(x > Math.min(from, to) && x <= Math.max(from, to))) continue;
    if (best === null || Math.abs(x - from) < Math.abs(best - from)) best = x;
  }
  return best;
}

/**
 * Quantiles for increasing levels into `out`, each at least the one before; `guesses` (say, a
 * two-moment fit's quantiles) start the searches near the answer, which saves most of the work.
 */
export function lawQuantiles(law: Law, levels: readonly number[], out: Float64Array, guesses?: Float64Array): Float64Array {
  let previous = 0;
  for (let k = 0; k < levels.length; k++) {
    previous = Math.max(previous, lawQuantile(law, levels[k]!, previous, guesses?.[k] ?? NaN));
    out[k] = previous;
  }
  return out;
}

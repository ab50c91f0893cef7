// How bunched the completions of a pool of busy workers are: the index of dispersion of their
// count (1 for a Poisson stream). A caller's queue for a worker waits (1 + I) / 2 times what
// Poisson completions would give it (finite-callers.ts).
//
// The c workers cycle between a delay (own work, network, callees that are not the bottleneck;
// each worker its own server, exponential) and the bottleneck callee, whose demand per cycle (all
// the worker's calls there) is a phase-type fit to its mean and SCV: one call of SCV 1 is one
// exponential phase; three calls in a row are near an Erlang-3, far more regular, and it is that
// regularity that paces completions when the callee is busy (four workers making three calls each
// to a one-server database wait 20% less than with one exponential visit; the simulator agrees).
// Several servers are approximated by one phase process run at the station's rate with i calls
// there (exact in the long run for the all-busy station, where d Erlang streams add up).
//
// The chain (calls at the bottleneck i = 0..c, phase of the call in service) is a finite
// quasi-birth-death process, solved by linear level reduction; I = 1 + 2 pi D1 h / lambda*, h
// solving the Poisson equation -Q h = D1 1 - lambda* 1, h taken relative to the likeliest level
// (relative to a rare one, h is huge and the covariance cancels to noise: 16 workers mostly
// waiting on a 300 ms vendor gave 1e16).

/** A phase-type law: start distribution, each phase's rate, and the phase it goes to (-1: done). */
interface PhaseLaw {
  start: Float64Array;
  rate: Float64Array;
  next: Int32Array;
}

/** At most this many phases (SCV 1/20; a finer demand is near fixed anyway). */
const MAX_PHASES = 20;
/** Phases squared times workers kept below this, so that a pool of 2,048 workers keeps 3 phases and solves in tens of ms. */
const WORK_BUDGET = 30_000;

/** Two-moment phase-type fit: Tijms' Erlang mix at SCV <= 1 (at most maxPhases), balanced-means H2 above. */
export function phaseFit(meanMs: number, scv: number, maxPhases = MAX_PHASES): PhaseLaw {
  if (scv > 1) {
    const p = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
    return { start: Float64Array.of(p, 1 - p), rate: Float64Array.of((2 * p) / meanMs, (2 * (1 - p)) / meanMs), next: Int32Array.of(-1, -1) };
  }
  const s = Math.max(1 / maxPhases, scv);
  const k = Math.max(1, Math.ceil(1 / s - 1e-9));
  // With probability p k - 1 phases (start at the second), else k, all at rate (k - p) / mean.
  const p = k === 1 ? 0 : Math.max(0, (k * s - Math.sqrt(Math.max(0, k * (1 + s) - k * k * s))) / (1 + s));
  const start = new Float64Array(k);
  start[0] = 1 - p;
  if (k > 1) start[1] = p;
  const next = Int32Array.from({ length: k }, (_, i) => (i + 1 < k ? i + 1 : -1));
  return { start, rate: new Float64Array(k).fill((k - p) / meanMs), next };
}

export interface DispersionInput {
  workers: number;
  /** Mean time per cycle away from the bottleneck, ms (its variability is added after, see below). */
  delayMs: number;
  delayScv: number;
  /** Mean service demand per cycle at the bottleneck, ms, and its SCV. */
  demandMs: number;
  demandScv: number;
  /** Speed of the bottleneck with i calls there, in calls served at once (min(i, servers) alone). */
  speed: (i: number) => number;
}

/** A small dense matrix (the phases of one or two levels), row-major. */
interface Mat {
  rows: number;
  cols: number;
  a: Float64Array;
}

const mat = (rows: number, cols: number): Mat => ({ rows, cols, a: new Float64Array(rows * cols) });

function mul(x: Mat, y: Mat): Mat {
  const out = mat(x.rows, y.cols);
  for (let i = 0; i < x.rows; i++) {
    for (let k = 0; k < x.cols; k++) {
      const v = x.a[i * x.cols + k]!;
      if (v === 0) continue;
      for (let j = 0; j < y.cols; j++) out.a[i * y.cols + j]! += v * y.a[k * y.cols + j]!;
    }
  }
  return out;
}

function plus(x: Mat, y: Mat): Mat {
  const out = mat(x.rows, x.cols);
  for (let i = 0; i < out.a.length; i++) out.a[i] = x.a[i]! + y.a[i]!;
  return out;
}

/** x times a vector. */
function apply(x: Mat, v: Float64Array): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) out[i]! += x.a[i * x.cols + j]! * v[j]!;
  return out;
}

/** A row vector times x. */
function applyLeft(v: Float64Array, x: Mat): Float64Array {
  const out = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) out[j]! += v[i]! * x.a[i * x.cols + j]!;
  return out;
}

/** Solves x * z = b (columns of b at once) by Gaussian elimination with partial pivoting. */
function solve(x: Mat, b: Mat): Mat {
  const n = x.rows;
  const m = Float64Array.from(x.a);
  const r = Float64Array.from(b.a);
  const w = b.cols;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(m[i * n + col]!) > Math.abs(m[pivot * n + col]!)) pivot = i;
    if (pivot !== col) {
      for (let j = 0; j < n; j++) [m[col * n + j], m[pivot * n + j]] = [m[pivot * n + j]!, m[col * n + j]!];
      for (let j = 0; j < w; j++) [r[col * w + j], r[pivot * w + j]] = [r[pivot * w + j]!, r[col * w + j]!];
    }
    const d = m[col * n + col]!;
    for (let i = col + 1; i < n; i++) {
      const f = m[i * n + col]! / d;
      if (f === 0) continue;
      for (let j = col; j < n; j++) m[i * n + j]! -= f * m[col * n + j]!;
      for (let j = 0; j < w; j++) r[i * w + j]! -= f * r[col * w + j]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let j = 0; j < w; j++) {
      let v = r[i * w + j]!;
      for (let k = i + 1; k < n; k++) v -= m[i * n + k]! * r[k * w + j]!;
      r[i * w + j] = v / m[i * n + i]!;
    }
  }
  return { rows: n, cols: w, a: r };
}

/**
 * A censored generator's diagonal from its off-diagonal rates and what leaves the censored set
 * (Grassmann-Taksar-Heyman): summing the positive rates instead of subtracting near-equal ones
 * keeps it exact where the chain drifts hard one way (16 workers mostly at a 300 ms callee).
 */
function withDiagonal(x: Mat, leaving: (row: number) => number): Mat {
  for (let r = 0; r < x.rows; r++) {
    let out = leaving(r);
    for (let q = 0; q < x.cols; q++) if (q !== r) out += x.a[r * x.cols + q]!;
    x.a[r * x.cols + r] = -out;
  }
  return x;
}

const negate = (x: Mat): Mat => ({ rows: x.rows, cols: x.cols, a: x.a.map((v) => -v) });
const vector = (v: Float64Array): Mat => ({ rows: v.length, cols: 1, a: v });

/**
 * Index of dispersion of completions of the closed cycle, in the long run. Levels are the calls
 * at the bottleneck; level 0 has one state, the others one per phase of the call in service.
 */
export function completionDispersion(input: DispersionInput): number {
  const c = Math.max(1, Math.round(input.workers));
  const law = phaseFit(input.demandMs, input.demandScv, Math.max(1, Math.min(MAX_PHASES, Math.floor(Math.sqrt(WORK_BUDGET / c)))));
  const m = law.rate.length;
  const up = (i: number) => (c - i) / input.delayMs;
  const size = (i: number) => (i === 0 ? 1 : m);
  const exit = (i: number, p: number) => (law.next[p]! < 0 ? input.speed(i) * law.rate[p]! : 0);
  // The generator's blocks: A1 within level i, A0 up from i (a worker arrives at the bottleneck),
  // A2 down from i (a demand finishes: a departure, and the next waiting call starts).
  const local = (i: number): Mat => {
    const n = size(i);
    const a = mat(n, n);
    if (i === 0) {
      a.a[0] = -up(0);
      return a;
    }
    const speed = input.speed(i);
    for (let p = 0; p < m; p++) {
      a.a[p * n + p] = -(up(i) + speed * law.rate[p]!);
      const q = law.next[p]!;
      if (q >= 0) a.a[p * n + q]! += speed * law.rate[p]!;
    }
    return a;
  };
  const upward = (i: number): Mat => {
    const a = mat(size(i), m);
    if (i === 0) for (let q = 0; q < m; q++) a.a[q] = up(0) * law.start[q]!;
    else for (let p = 0; p < m; p++) a.a[p * m + p] = up(i);
    return a;
  };
  const downward = (i: number): Mat => {
    const below = size(i - 1);
    const a = mat(m, below);
    for (let p = 0; p < m; p++) {
      if (below === 1) a.a[p] = exit(i, p);
      else for (let q = 0; q < m; q++) a.a[p * m + q] = exit(i, p) * law.start[q]!;
    }
    return a;
  };
  const f = (i: number): Float64Array => Float64Array.from({ length: size(i) }, (_, p) => (i === 0 ? 0 : exit(i, p)));

  // Top-down reduction: U_c = A1_c, U_i = A1_i + A0_i (-U_{i+1})^-1 A2_{i+1}; keep
  // fromAbove[i] = (-U_i)^-1 A2_i, and upFrom[i] = A0_i (-U_{i+1})^-1 for pi.
  const inverseAbove: Mat[] = new Array<Mat>(c + 1);
  let u = local(c);
  for (let i = c; i >= 1; i--) {
    const n = size(i);
    const identity = mat(n, n);
    for (let p = 0; p < n; p++) identity.a[p * n + p] = 1;
    inverseAbove[i] = solve(negate(u), identity);
    // Censored to levels <= i - 1: what leaves is what goes down from i - 1.
    u = withDiagonal(plus(local(i - 1), mul(mul(upward(i - 1), inverseAbove[i]!), downward(i))), (p) => (i - 1 === 0 ? 0 : exit(i - 1, p)));
  }
  // pi from level 0 up (positive products, rescaled per level), to find the likeliest level.
  const pi: Float64Array[] = [Float64Array.of(1)];
  const logScale = new Float64Array(c + 1);
  for (let i = 0; i < c; i++) {
    const next = applyLeft(applyLeft(pi[i]!, upward(i)), inverseAbove[i + 1]!);
    const sum = next.reduce((a, b) => a + b, 0);
    if (!(sum > 0)) {
      pi.push(new Float64Array(m));
      logScale[i + 1] = -Infinity;
      continue;
    }
    pi.push(next.map((v) => v / sum));
    logScale[i + 1] = logScale[i]! + Math.log(sum);
  }
  const peak = Math.max(...logScale);
  const mode = logScale.indexOf(peak);
  let total = 0;
  for (let i = 0; i <= c; i++) {
    const w = Number.isFinite(logScale[i]!) ? Math.exp(logScale[i]! - peak) : 0;
    pi[i] = pi[i]!.map((v) => v * w);
    total += pi[i]!.reduce((a, b) => a + b, 0);
  }
  let rate = 0;
  for (let i = 0; i <= c; i++) {
    pi[i] = pi[i]!.map((v) => v / total);
    if (i > 0) for (let p = 0; p < m; p++) rate += pi[i]![p]! * exit(i, p);
  }
  if (!(rate > 0)) return 1;

  // Poisson equation, -Q h = f - rate, h taken relative to the likeliest level L: above it,
  // g_c = f_c - rate, g_i = .. + A0_i (-U_{i+1})^-1 g_{i+1}; below it, bottom-up, k_0 = f_0 - rate,
  // V_i = A1_i + A2_i (-V_{i-1})^-1 A0_{i-1}, k_i = .. + A2_i (-V_{i-1})^-1 k_{i-1}.
  const centred = (i: number) => f(i).map((v) => v - rate);
  const g: Float64Array[] = new Array<Float64Array>(c + 2);
  g[c + 1] = new Float64Array(m);
  for (let i = c; i > mode; i--) {
    const v = centred(i);
    if (i < c) {
      const w = apply(inverseAbove[i + 1]!, g[i + 1]!);
      for (let p = 0; p < m; p++) v[p]! += up(i) * w[p]!;
    }
    g[i] = v;
  }
  const inverseBelow: Mat[] = new Array<Mat>(mode);
  const k: Float64Array[] = new Array<Float64Array>(mode);
  let v0 = local(0);
  for (let i = 0; i < mode; i++) {
    const n = size(i);
    const identity = mat(n, n);
    for (let p = 0; p < n; p++) identity.a[p * n + p] = 1;
    inverseBelow[i] = solve(negate(v0), identity);
    const ki = centred(i);
    if (i > 0) {
      const w = apply(mul(downward(i), inverseBelow[i - 1]!), k[i - 1]!);
      for (let p = 0; p < ki.length; p++) ki[p]! += w[p]!;
    }
    k[i] = ki;
    // Censored to levels >= i + 1: what leaves is what goes up from i + 1.
    v0 = withDiagonal(plus(local(i + 1), mul(mul(downward(i + 1), inverseBelow[i]!), upward(i))), () => up(i + 1));
  }
  // At L: the level's censored generator C; -C h_L = rhs, with pi_L h_L = 0 to fix the constant.
  let censored = local(mode);
  const rhs = centred(mode);
  if (mode > 0) {
    const fromBelow = mul(downward(mode), inverseBelow[mode - 1]!);
    censored = plus(censored, mul(fromBelow, upward(mode - 1)));
    const w = apply(fromBelow, k[mode - 1]!);
    for (let p = 0; p < rhs.length; p++) rhs[p]! += w[p]!;
  }
  if (mode < c) {
    const toAbove = mul(upward(mode), inverseAbove[mode + 1]!);
    censored = plus(censored, mul(toAbove, downward(mode + 1)));
    const w = apply(toAbove, g[mode + 1]!);
    for (let p = 0; p < rhs.length; p++) rhs[p]! += w[p]!;
  }
  withDiagonal(censored, () => 0);
  const n = size(mode);
  const levelMass = pi[mode]!.reduce((a, b) => a + b, 0);
  const system = negate(censored);
  for (let r = 0; r < n; r++) for (let q = 0; q < n; q++) system.a[r * n + q]! += pi[mode]![q]! / levelMass;
  const h: Float64Array[] = new Array<Float64Array>(c + 1);
  h[mode] = solve(system, vector(rhs)).a;
  for (let i = mode + 1; i <= c; i++) {
    const w = apply(downward(i), h[i - 1]!);
    for (let p = 0; p < m; p++) w[p]! += g[i]![p]!;
    h[i] = apply(inverseAbove[i]!, w);
  }
  for (let i = mode - 1; i >= 0; i--) {
    const w = apply(upward(i), h[i + 1]!);
    for (let p = 0; p < w.length; p++) w[p]! += k[i]![p]!;
    h[i] = apply(inverseBelow[i]!, w);
  }
  let meanH = 0;
  let covariance = 0;
  for (let i = 0; i <= c; i++) {
    for (let p = 0; p < size(i); p++) meanH += pi[i]![p]! * h[i]![p]!;
    if (i === 0) continue;
    const into = apply(downward(i), h[i - 1]!); // rate times h just after a departure
    for (let p = 0; p < m; p++) covariance += pi[i]![p]! * into[p]!;
  }
  const chain = 1 + (2 * (covariance - rate * meanH)) / rate;
  // The delay is exponential in the chain: its real SCV shifts I by its share of one cycle's
  // variance (exact with one worker, where completions are a renewal process of cycles).
  const cycle = input.delayMs + input.demandMs;
  return Math.max(0, chain + ((input.delayScv - 1) * input.delayMs * input.delayMs) / (cycle * cycle));
}

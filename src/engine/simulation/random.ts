// Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018), 128 bits of state and
// 32-bit output, fast in JavaScript through Math.imul. The state sits in an Int32Array so that
// drawing never allocates. The same seed gives the same stream on every engine.

const TWO_TO_MINUS_32 = 2 ** -32;
const TWO_TO_MINUS_33 = 2 ** -33;
const TWO_TO_MINUS_24 = 2 ** -24;

// Exponential draws by the ziggurat method (Marsaglia & Tsang, J. Stat. Software 5(8), 2000):
// the area under e^-x is cut into 256 layers of equal area, each a rectangle [0, X[i]] wide.
// A draw picks a layer and a point across it; in about 99% of draws the point lies under the
// curve outright and is the answer, without a logarithm. Layer 0 is the bottom strip with the
// tail beyond R; layers 1..255 are stacked above it, X decreasing to X[256] = 0 at the top.
// R and V (each layer's area) are the paper's constants for 256 layers.
export const ZIGGURAT_R = 7.69711747013105;
const ZIGGURAT_V = 3.949659822581572e-3;
const ZIGGURAT_LAYERS = 256;
/** Right edge of each layer's rectangle (X[0] is the bottom strip's width, V / e^-R). */
export const ZIGGURAT_X = new Float64Array(ZIGGURAT_LAYERS + 1);
/** e^-X[i]: the curve's height at each edge. */
const ZIGGURAT_F = new Float64Array(ZIGGURAT_LAYERS + 1);
/** X[i] / 2^24: the width of one step of the 24-bit position across layer i. */
const ZIGGURAT_STEP = new Float64Array(ZIGGURAT_LAYERS);
{
  ZIGGURAT_X[0] = ZIGGURAT_V / Math.exp(-ZIGGURAT_R);
  ZIGGURAT_X[1] = ZIGGURAT_R;
  // Layer i spans heights e^-X[i] .. e^-X[i+1] with area V: e^-X[i+1] = e^-X[i] + V / X[i].
  for (let i = 1; i < ZIGGURAT_LAYERS; i++) ZIGGURAT_X[i + 1] = -Math.log(Math.exp(-ZIGGURAT_X[i]!) + ZIGGURAT_V / ZIGGURAT_X[i]!);
  ZIGGURAT_X[ZIGGURAT_LAYERS] = 0;
  for (let i = 0; i <= ZIGGURAT_LAYERS; i++) ZIGGURAT_F[i] = Math.exp(-ZIGGURAT_X[i]!);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) ZIGGURAT_STEP[i] = ZIGGURAT_X[i]! * TWO_TO_MINUS_24;
}

/** splitmix32 step: spreads a seed over the state so that nearby seeds give unrelated streams. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}

export class Random {
  private readonly state = new Int32Array(4);

  /** Any finite number works as a seed; the whole part below 2^53 is used. */
  constructor(seed: number) {
    const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    let x = (whole >>> 0) ^ splitmix32(Math.floor(whole / 2 ** 32) | 0);
    for (let i = 0; i < 4; i++) {
      x = splitmix32(x + i);
      this.state[i] = x;
    }
    if ((this.state[0]! | this.state[1]! | this.state[2]! | this.state[3]!) === 0) this.state[0] = 1;
  }

  /** Next 32 random bits as a signed 32-bit integer. */
  nextInt32(): number {
    const s = this.state;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ t;
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Uniform in the open interval (0, 1): never 0, so -log(u) is always finite. */
  nextFloat(): number {
    return (this.nextInt32() >>> 0) * TWO_TO_MINUS_32 + TWO_TO_MINUS_33;
  }

  /** Exponential with the given mean, by the ziggurat: no logarithm in about 99% of draws. */
  exponential(mean: number): number {
    for (;;) {
      const bits = this.nextInt32();
      // Low 8 bits pick the layer, the other 24 the point across it (midpoints: never 0).
      const layer = bits & 0xff;
      const x = ((bits >>> 8) + 0.5) * ZIGGURAT_STEP[layer]!;
      if (x < ZIGGURAT_X[layer + 1]!) return mean * x;
      if (layer === 0) return mean * (ZIGGURAT_R - Math.log(this.nextFloat())); // the tail, memoryless
      // The wedge between the rectangle under the curve and the layer's right edge: accept under the curve.
      const f = ZIGGURAT_F[layer]!;
      if (f + this.nextFloat() * (ZIGGURAT_F[layer + 1]! - f) < Math.exp(-x)) return mean * x;
    }
  }

  /** Standard normal (Box-Muller; one of the pair is used, so no hidden state). */
  normal(): number {
    const r = Math.sqrt(-2 * Math.log(this.nextFloat()));
    return r * Math.cos(2 * Math.PI * this.nextFloat());
  }
}

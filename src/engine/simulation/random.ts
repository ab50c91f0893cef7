// Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna, 2018), 128 bits of state and
// 32-bit output, fast in JavaScript through Math.imul. The state sits in an Int32Array so that
// drawing never allocates. The same seed gives the same stream on every engine.

const TWO_TO_MINUS_32 = 2 ** -32;
const TWO_TO_MINUS_33 = 2 ** -33;

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

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(this.nextFloat());
  }

  /** Standard normal (Box-Muller; one of the pair is used, so no hidden state). */
  normal(): number {
    const r = Math.sqrt(-2 * Math.log(this.nextFloat()));
    return r * Math.cos(2 * Math.PI * this.nextFloat());
  }
}

// Service-time distributions chosen by mean and squared coefficient of variation (SCV), the two
// numbers the reference cases and the catalog give. Which shape is used when:
//
//   scv = 0             deterministic: always the mean.
//   1/20 <= scv < 1     Erlang mixture (Tijms): Erlang(k-1) or Erlang(k) phases of one rate, with
//                       k = ceil(1/scv); pure Erlang-k when scv = 1/k. Matches mean and SCV exactly
//                       and has the gamma-like shape of a job made of several steps.
//   0 < scv < 1/20      shifted exponential: a fixed part plus an exponential, mean and SCV
//                       matched; nearly fixed times, where the shape hardly matters and an
//                       Erlang would need more than 20 draws a sample.
//   scv = 1             exponential.
//   scv > 1             hyperexponential H2 with balanced means (each branch carries half the
//                       mean): a mix of short and long jobs.
//   family 'lognormal'  lognormal with the given mean and SCV, for any scv > 0: the heavy-tailed
//                       option (a few very slow requests), asked for explicitly.
import type { Random } from './random';

export type ServiceFamily = 'phase' | 'lognormal';

export const DETERMINISTIC = 0;
export const EXPONENTIAL = 1;
export const ERLANG_MIX = 2;
export const SHIFTED_EXPONENTIAL = 3;
export const HYPEREXPONENTIAL = 4;
export const LOGNORMAL = 5;

const SHAPE_NAMES = ['deterministic', 'exponential', 'erlang-mix', 'shifted-exponential', 'hyperexponential', 'lognormal'] as const;
/** Below this SCV an Erlang would take more than 20 phases; use a shifted exponential. */
const ERLANG_MIN_SCV = 1 / 20;
/** Uniforms multiplied before one logarithm: 16 of them stay far above the smallest double. */
const PHASES_PER_LOG = 16;

export interface ServiceTime {
  /** One of the shape constants above. */
  shape: number;
  meanMs: number;
  scv: number;
  /** Erlang mix: chance of k-1 phases. H2: chance of the first branch. */
  p: number;
  /** Erlang mix: mean of one phase. Shifted: the fixed part. H2: first branch mean. Lognormal: mu. */
  a: number;
  /** Shifted: the exponential mean. H2: second branch mean. Lognormal: sigma. */
  b: number;
  /** Erlang mix: k. */
  k: number;
}

export function serviceShapeName(service: ServiceTime): string {
  return SHAPE_NAMES[service.shape] ?? 'unknown';
}

/** The distribution used for a mean (ms, > 0) and SCV (>= 0). */
export function serviceTime(meanMs: number, scv: number, family: ServiceFamily = 'phase'): ServiceTime {
  const base: ServiceTime = { shape: DETERMINISTIC, meanMs, scv, p: 0, a: 0, b: 0, k: 0 };
  if (!(scv > 0)) return base;
  if (family === 'lognormal') {
    const sigma2 = Math.log1p(scv);
    return { ...base, shape: LOGNORMAL, a: Math.log(meanMs) - sigma2 / 2, b: Math.sqrt(sigma2) };
  }
  if (scv === 1) return { ...base, shape: EXPONENTIAL };
  if (scv > 1) {
    const p = (1 + Math.sqrt((scv - 1) / (scv + 1))) / 2;
    return { ...base, shape: HYPEREXPONENTIAL, p, a: meanMs / (2 * p), b: meanMs / (2 * (1 - p)) };
  }
  if (scv < ERLANG_MIN_SCV) {
    const spread = meanMs * Math.sqrt(scv);
    return { ...base, shape: SHIFTED_EXPONENTIAL, a: meanMs - spread, b: spread };
  }
  // Tijms (1994): k-1 phases with probability p, else k, all with phase rate (k - p) / mean.
  const k = Math.max(2, Math.ceil(1 / scv - 1e-9));
  const p = Math.max(0, (k * scv - Math.sqrt(Math.max(0, k * (1 + scv) - k * k * scv))) / (1 + scv));
  return { ...base, shape: ERLANG_MIX, p, a: meanMs / (k - p), k };
}

/** Sum of `phases` exponentials with mean `phaseMean`, from products of uniforms. */
function erlang(rng: Random, phases: number, phaseMean: number): number {
  let logSum = 0;
  let left = phases;
  while (left > 0) {
    const n = left < PHASES_PER_LOG ? left : PHASES_PER_LOG;
    let product = 1;
    for (let i = 0; i < n; i++) product *= rng.nextFloat();
    logSum += Math.log(product);
    left -= n;
  }
  return -phaseMean * logSum;
}

/** One draw, in ms. */
export function sampleServiceTime(rng: Random, service: ServiceTime): number {
  switch (service.shape) {
    case EXPONENTIAL:
      return rng.exponential(service.meanMs);
    case DETERMINISTIC:
      return service.meanMs;
    case HYPEREXPONENTIAL:
      return rng.nextFloat() < service.p ? rng.exponential(service.a) : rng.exponential(service.b);
    case ERLANG_MIX:
      return erlang(rng, rng.nextFloat() < service.p ? service.k - 1 : service.k, service.a);
    case SHIFTED_EXPONENTIAL:
      return service.a + rng.exponential(service.b);
    case LOGNORMAL:
      return Math.exp(service.a + service.b * rng.normal());
    default:
      return service.meanMs;
  }
}

// M/M/c/K: c exponential servers and room for K requests in all (in service plus waiting);
// arrivals that find K present are turned away. The birth-death chain is summed in closed form:
// states below c follow from Erlang B, and states c..K form a truncated geometric series with
// ratio rho = a/c, summed in log space so K in the millions costs nothing and never overflows.
import { erlangB } from './erlang';

export interface FiniteCapacityState {
  /** Share of arrivals turned away: P(K present). */
  blockingProbability: number;
  /** Mean requests present, in service plus waiting. */
  meanInSystem: number;
  /** Share of accepted arrivals that have to wait. */
  waitProbability: number;
  /** Mean wait of accepted arrivals, in units of one service time divided by c (1/(c*mu)). */
  meanWaitSlots: number;
}

/** 1 / (e^-y - 1): the mean of an untruncated geometric with ratio e^y, signed for y > 0. */
function geometricMean(y: number): number {
  return 1 / Math.expm1(-y);
}

/**
 * log of sum_{m=0}^{terms-1} e^{m x}: a geometric series with ratio e^x, summed in closed form
 * in logs so that neither a long series nor a ratio far from 1 overflows. -Infinity for no terms.
 */
export function logGeometricSum(x: number, terms: number): number {
  if (terms <= 0) return -Infinity;
  if (Math.abs(x) * terms < 1e-9) return Math.log(terms);
  if (x > 0) return (terms - 1) * x + Math.log(Math.expm1(-terms * x) / Math.expm1(-x));
  return Math.log(Math.expm1(terms * x) / Math.expm1(x));
}

/** Fills `out` for c servers, offered load a (erlangs) and capacity K >= c. */
export function solveFiniteCapacity(out: FiniteCapacityState, servers: number, offeredLoad: number, capacity: number): FiniteCapacityState {
  const c = servers;
  const a = offeredLoad;
  if (!(a > 0)) {
    out.blockingProbability = 0;
    out.meanInSystem = 0;
    out.waitProbability = 0;
    out.meanWaitSlots = 0;
    return out;
  }
  const room = Math.max(0, capacity - c); // M: waiting places
  const b = erlangB(c, a);
  // Mass of state c relative to all states below c, in logs.
  const logTau = Math.log(b) - Math.log1p(-b);
  const x = Math.log(a / c);
  const uniform = Math.abs(x) * (room + 1) < 1e-9;
  // log of sum_{m=0..M} rho^m (the waiting segment relative to state c).
  const logSegment = logGeometricSum(x, room + 1);

  const segLog = logTau + logSegment;
  const segShare = 1 / (1 + Math.exp(-segLog)); // P(n >= c)
  const lowerShare = 1 / (1 + Math.exp(segLog)); // P(n < c)
  const topGivenSeg = uniform ? 1 / (room + 1) : Math.exp(room * x - logSegment); // P(n = K | n >= c)
  const meanExcessGivenSeg = uniform ? room / 2 : geometricMean(x) - (room + 1) * geometricMean((room + 1) * x); // E[n - c | n >= c]
  const tau = Math.exp(logTau);
  const meanBelowC = Math.min(c - 1, Math.max(0, a - c * tau)); // E[n | n < c]

  const blocking = segShare * topGivenSeg;
  const accepted = lowerShare + segShare * (1 - topGivenSeg);
  out.blockingProbability = blocking;
  out.meanInSystem = lowerShare * meanBelowC + segShare * (c + meanExcessGivenSeg);
  if (accepted > 0) {
    // An accepted arrival that finds n >= c waits for n - c + 1 departures at rate c*mu (PASTA).
    const slotsGivenSeg = Math.max(0, meanExcessGivenSeg + 1 - (room + 1) * topGivenSeg);
    out.waitProbability = (segShare * (1 - topGivenSeg)) / accepted;
    out.meanWaitSlots = (segShare * slotsGivenSeg) / accepted;
  } else {
    out.waitProbability = 1;
    out.meanWaitSlots = room;
  }
  return out;
}

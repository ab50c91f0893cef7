// Mean waiting time in queue (before service starts) for stations with unlimited room.
// All times in milliseconds; offeredLoad is a = lambda * S in erlangs; requires a < servers.
import { erlangC } from './erlang';

/** M/M/c: Wq = C(c, a) / (c*mu - lambda) = C * S / (c - a). Pass C if already known. */
export function mmcWaitMs(servers: number, offeredLoad: number, serviceMs: number, waitProbability = erlangC(servers, offeredLoad)): number {
  return (waitProbability * serviceMs) / (servers - offeredLoad);
}

/** M/G/1 Pollaczek-Khinchine (exact): Wq = rho * S * (1 + SCV) / (2 * (1 - rho)). */
export function pollaczekKhinchineWaitMs(utilization: number, serviceMs: number, serviceScv: number): number {
  return (utilization * serviceMs * (1 + serviceScv)) / (2 * (1 - utilization));
}

/**
 * M/G/c Allen-Cunneen approximation: Wq ~ Wq(M/M/c) * (1 + SCV) / 2.
 * Exact for c = 1 (it is Pollaczek-Khinchine there) and for SCV = 1 (M/M/c). For several
 * servers it is good at high load with SCV near 1; it is rough when SCV is far from 1
 * (deterministic or very bursty service) and at low load, where waits are small anyway.
 */
export function allenCunneenWaitMs(
  servers: number,
  offeredLoad: number,
  serviceMs: number,
  serviceScv: number,
  waitProbability = erlangC(servers, offeredLoad),
): number {
  return (mmcWaitMs(servers, offeredLoad, serviceMs, waitProbability) * (1 + serviceScv)) / 2;
}

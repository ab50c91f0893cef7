// Event-loop speed on the M/M/1 reference case (mm1-moderate), for `npm run bench`
// (reported as desEventsPerSec). Wall-clock figures belong here, never in tests.
import type { NetworkCase } from '../analytic/network-case';
import { compileNetwork } from './compiled-network';
import { NetworkSimulator } from './network-simulator';

/** tests/fixtures/reference-cases/mm1-moderate.json: rho = 0.8. */
const MM1_MODERATE: NetworkCase = {
  stations: [{ id: 's', servers: 1, serviceMs: 10, serviceScv: 1 }],
  arrivals: [{ to: 's', rps: 80 }],
  routing: [],
};

/** Events processed per wall-clock second over `events` events, after a short JIT warm-up. */
export function benchEventsPerSec(events = 20_000_000, seed = 1): number {
  const net = compileNetwork(MM1_MODERATE);
  const sim = new NetworkSimulator(net, seed);
  sim.runUntil(Infinity, 1_000_000);
  const start = performance.now();
  const done = sim.runUntil(Infinity, events);
  const seconds = (performance.now() - start) / 1000;
  return done / seconds;
}

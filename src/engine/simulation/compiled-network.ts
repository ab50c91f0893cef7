// The simulator's flat form of a reference-case network: per-station typed arrays, routing as
// cumulative probabilities per station (CSR), and one Poisson stream per arrival entry.
import type { NetworkCase } from '../analytic/network-case';
import { serviceTime, type ServiceFamily, type ServiceTime } from './service-time';

export interface CompiledNetwork {
  ids: string[];
  size: number;
  servers: Int32Array;
  /** K, the most requests held (in service plus waiting); 0 means unlimited. */
  capacity: Int32Array;
  serviceMs: Float64Array;
  service: ServiceTime[];
  /** Routes out of station s are slots routeStart[s] .. routeStart[s + 1] - 1. */
  routeStart: Int32Array;
  routeTo: Int32Array;
  /** Running total of the probabilities out of the station up to and including the slot. */
  routeCumulative: Float64Array;
  /** routing[from][to] summed, row-major n * n, for the traffic equations. */
  routing: Float64Array;
  streamStation: Int32Array;
  streamRps: Float64Array;
}

export function compileNetwork(network: NetworkCase, family: ServiceFamily = 'phase'): CompiledNetwork {
  const size = network.stations.length;
  const index = new Map(network.stations.map((s, i) => [s.id, i]));
  const at = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`Station "${id}" does not exist.`);
    return i;
  };
  const routing = new Float64Array(size * size);
  for (const r of network.routing) if (r.p > 0) routing[at(r.from) * size + at(r.to)]! += r.p;

  const routeStart = new Int32Array(size + 1);
  const routeTo: number[] = [];
  const routeCumulative: number[] = [];
  for (let from = 0; from < size; from++) {
    routeStart[from] = routeTo.length;
    let total = 0;
    for (let to = 0; to < size; to++) {
      const p = routing[from * size + to]!;
      if (p <= 0) continue;
      total += p;
      routeTo.push(to);
      routeCumulative.push(total);
    }
  }
  routeStart[size] = routeTo.length;

  const streams = network.arrivals.filter((a) => a.rps > 0);
  return {
    ids: network.stations.map((s) => s.id),
    size,
    servers: Int32Array.from(network.stations, (s) => Math.max(1, Math.round(s.servers))),
    capacity: Int32Array.from(network.stations, (s) => Math.max(0, Math.round(s.capacity ?? 0))),
    serviceMs: Float64Array.from(network.stations, (s) => s.serviceMs),
    service: network.stations.map((s) => serviceTime(s.serviceMs, s.serviceScv, family)),
    routeStart,
    routeTo: Int32Array.from(routeTo),
    routeCumulative: Float64Array.from(routeCumulative),
    routing,
    streamStation: Int32Array.from(streams, (a) => at(a.to)),
    streamRps: Float64Array.from(streams, (a) => a.rps),
  };
}

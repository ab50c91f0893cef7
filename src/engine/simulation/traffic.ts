// Offered traffic by the traffic equations of an open network, lambda = gamma + lambda P, where
// a station with a capacity passes on only the requests it accepts (passRatio = 1 - blocking;
// 1 where blocking is not known yet). Used to find saturated stations (unlimited room and
// offered utilization >= 1) and to size the run.
import type { CompiledNetwork } from './compiled-network';

/** Offered utilization at or above this is saturated (leaves room for rounding in 1.0). */
export const SATURATION_THRESHOLD = 1 - 1e-9;

export interface OfferedTraffic {
  arrivalRps: Float64Array;
  /** lambda * S / c. */
  utilization: Float64Array;
  /** 1 where the station has no steady state. */
  saturated: Uint8Array;
}

export function offeredTraffic(net: CompiledNetwork, passRatio?: ArrayLike<number>): OfferedTraffic {
  const n = net.size;
  const external = new Float64Array(n);
  for (let j = 0; j < net.streamStation.length; j++) external[net.streamStation[j]!]! += net.streamRps[j]!;
  const pass = (i: number): number => (passRatio ? passRatio[i]! : 1);

  // Only stations traffic can reach take part; the rest get nothing.
  const reached = new Uint8Array(n);
  const stack: number[] = [];
  for (let i = 0; i < n; i++) {
    if (external[i]! > 0) {
      reached[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const from = stack.pop()!;
    for (let k = net.routeStart[from]!; k < net.routeStart[from + 1]!; k++) {
      const to = net.routeTo[k]!;
      if (reached[to] === 0 && pass(from) > 0) {
        reached[to] = 1;
        stack.push(to);
      }
    }
  }
  const live: number[] = [];
  for (let i = 0; i < n; i++) if (reached[i] === 1) live.push(i);

  // (I - P^T) lambda = gamma on the reached stations, Gaussian elimination with partial pivoting.
  const m = live.length;
  const a = new Float64Array(m * (m + 1));
  for (let r = 0; r < m; r++) {
    const to = live[r]!;
    for (let c = 0; c < m; c++) {
      const from = live[c]!;
      a[r * (m + 1) + c] = (r === c ? 1 : 0) - pass(from) * net.routing[from * n + to]!;
    }
    a[r * (m + 1) + m] = external[to]!;
  }
  const lambda = solveLinear(a, m);
  const arrivalRps = new Float64Array(n);
  const looping = lambda === null || lambda.some((x) => !Number.isFinite(x) || x < -1e-9);
  if (looping) throw new Error(trafficLoopMessage(net, live));
  live.forEach((station, r) => {
    arrivalRps[station] = Math.max(0, lambda[r]!);
  });

  const utilization = new Float64Array(n);
  const saturated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    utilization[i] = (arrivalRps[i]! * net.serviceMs[i]!) / (1000 * net.servers[i]!);
    if (net.capacity[i] === 0 && utilization[i]! >= SATURATION_THRESHOLD) saturated[i] = 1;
  }
  return { arrivalRps, utilization, saturated };
}

function trafficLoopMessage(net: CompiledNetwork, live: number[]): string {
  const closed = live.filter((i) => {
    const end = net.routeStart[i + 1]!;
    return end > net.routeStart[i]! && net.routeCumulative[end - 1]! >= 1 - 1e-12;
  });
  const names = closed.map((i) => `"${net.ids[i]}"`).join(', ');
  return `Traffic keeps growing: requests go round a routing loop and never leave (every request leaving ${names || 'these stations'} is sent on). Let some share of requests leave the loop.`;
}

/** Solves the m x m system in `a` (augmented, row-major m x (m + 1)); null when singular. */
function solveLinear(a: Float64Array, m: number): number[] | null {
  const w = m + 1;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r * w + col]!) > Math.abs(a[pivot * w + col]!)) pivot = r;
    if (Math.abs(a[pivot * w + col]!) < 1e-12) return null;
    if (pivot !== col) {
      for (let c = col; c < w; c++) {
        const t = a[col * w + c]!;
        a[col * w + c] = a[pivot * w + c]!;
        a[pivot * w + c] = t;
      }
    }
    const diag = a[col * w + col]!;
    for (let r = col + 1; r < m; r++) {
      const f = a[r * w + col]! / diag;
      if (f === 0) continue;
      for (let c = col; c < w; c++) a[r * w + c]! -= f * a[col * w + c]!;
    }
  }
  const x = new Array<number>(m).fill(0);
  for (let r = m - 1; r >= 0; r--) {
    let s = a[r * w + m]!;
    for (let c = r + 1; c < m; c++) s -= a[r * w + c]! * x[c]!;
    x[r] = s / a[r * w + r]!;
  }
  return x;
}

// A caller whose workers wait on sync calls is a finite population over what it calls: with c
// workers, at most c of its calls are ever in flight. Open arrivals queue at the caller for a
// worker; a worker holds through its own work and its calls.
//
// The model (a flow-equivalent server, as in layered queueing):
// 1. With k workers busy, the workers form a closed network: a delay (own work and network round
//    trips, each worker its own server) and each callee as a multi-server queue. Exact MVA with
//    load-dependent stations gives its throughput X(k) and the calls queued at each callee,
//    k = 1..c. Load on a callee from elsewhere (other callers, clients) is taken as open Poisson
//    calls there, and the callee as this caller sees it is the mixed product-form station
//    (shared-servers.ts): exact for that model, with one server or several; other caller pools'
//    calls are smoother than Poisson, so a shared callee comes out a little slow (up to about 10%).
// 2. The requests present at the caller, n, form a birth-death chain: arrivals at the open rate,
//    departures at X(min(n, c)). This gives throughput, busy workers, the wait and where the calls
//    spend their time. With c = 1 it is an M/M/1 whose service is own work plus one pass of calls.
// 3. The chain's wait takes completions while all workers are busy as Poisson; they are more
//    regular. The wait is scaled by (1 + I) / 2, I the index of dispersion of completions of the
//    saturated closed network (1 for Poisson), as the Allen-Cunneen and heavy-traffic formulas do
//    for service variability. I comes from a chain of the workers over their busiest callee, with
//    the demand there (all of a request's calls) as a phase-type law (completion-dispersion.ts),
//    so that with one worker the result is Pollaczek-Khinchine's mean exactly.
// Against the exact Markov chain (Poisson in, c workers, exponential own work, one d-server
// callee) this stays within 1% on the cases checked in tests/unit/engine-finite-callers.test.ts.
import { completionDispersion } from './completion-dispersion';
import { sharedSpeeds } from './shared-servers';

/** One callee as the caller's workers see it. */
export interface CalleeStation {
  /** Calls per request (share times calls). */
  visits: number;
  /** Mean time one call holds a server there, ms. */
  serviceMs: number;
  servers: number;
  /** SCV of that service time. */
  serviceScv: number;
  /** Load there from elsewhere (other callers, clients), in servers' worth (below servers). */
  otherLoad: number;
}

export interface FiniteCallerInput {
  arrivalRps: number;
  workers: number;
  /** K: most requests held at the caller (workers plus queue); 0 for unlimited. */
  capacity: number;
  /** Time per request a worker spends on its own and in delays (network, calls not modelled as queues), ms. */
  delayMs: number;
  /** Variance of that delay time, ms^2 (for the variability of a worker's cycle). */
  delayVarianceMs2: number;
  callees: readonly CalleeStation[];
}

export interface FiniteCallerSolution {
  /** Arrivals at or above what all workers busy can finish (unlimited room): no steady state. */
  saturated: boolean;
  /** X(c), requests/s finished with every worker busy. */
  maxThroughputRps: number;
  throughputRps: number;
  blockingProbability: number;
  /** Mean time a worker is held per request (own work, delays and calls), ms. */
  holdMs: number;
  /** Mean busy workers. */
  busyWorkers: number;
  /** Share of accepted requests that wait for a worker. */
  waitProbability: number;
  meanWaitMs: number;
  meanQueueLength: number;
  /** Per callee: mean time one call spends there (queue and service), ms. */
  calleeResponseMs: Float64Array;
  /** Index of dispersion of completions with every worker busy (1 for Poisson). */
  dispersion: number;
}

/** Populations beyond this are left to the open model (their cap is far from what they use). */
export const MAX_FINITE_POPULATION = 2048;
/** A state this much less likely than the likeliest one ends the chain (its share is below rounding). */
const NEGLIGIBLE = 1e-17;

/**
 * Solves the caller. Returns null when the population cap cannot matter within
 * MAX_FINITE_POPULATION workers (the open model then applies).
 */
export function solveFiniteCaller(input: FiniteCallerInput): FiniteCallerSolution | null {
  const { arrivalRps: lambda, callees } = input;
  const c = Math.max(1, Math.round(input.workers));
  const capacity = input.capacity > 0 ? Math.max(c, Math.round(input.capacity)) : 0;
  const m = callees.length;
  const demandLimit = Math.min(c, MAX_FINITE_POPULATION);
  // MVA state: marginal queue-length probabilities p[t][i] (i calls of this caller at callee t).
  const marginal = callees.map(() => new Float64Array(demandLimit + 1));
  for (const p of marginal) p[0] = 1;
  // Exact load-dependent MVA takes p(0) by subtraction; once it is below rounding (a station
  // with many calls in it) the recursion amplifies the error, so such a station switches to the
  // mean-value rule below for the larger populations.
  const exact = callees.map((t) => t.servers > 1);
  // Servers' worth each callee gives i of this caller's calls (min(i, servers) when not shared).
  const speeds = callees.map((t) => sharedSpeeds(t.servers, t.otherLoad, demandLimit));
  const throughput = new Float64Array(demandLimit + 1); // X(k), per ms
  const perVisit = callees.map(() => new Float64Array(demandLimit + 1)); // r_t(k), ms per call
  // Birth-death weights of n = 0..k (relative to the likeliest so far, to stay in range).
  const weight = new Float64Array(demandLimit + 1);
  weight[0] = 1;
  let largest = 1;
  const lambdaPerMs = lambda / 1000;
  let reached = 0;
  for (let k = 1; k <= demandLimit; k++) {
    let cycle = input.delayMs;
    for (let t = 0; t < m; t++) {
      const { serviceMs, servers, visits, otherLoad, serviceScv } = callees[t]!;
      const p = marginal[t]!;
      const speed = speeds[t]!;
      // Service that is not exponential: a call arriving while one is in service waits for what
      // is left of it, (1 + SCV) / 2 of a service time in an open queue (Pollaczek-Khinchine,
      // Allen-Cunneen). In a closed pool a long service holds back the callers queued behind it,
      // so fewer calls arrive during it: the correction is damped by the squared share of the
      // other workers not at this callee. That damping is empirical, chosen against the simulator
      // (engine-finite-callers' grid: database call SCV 0.5 to 4, within 5% where exponential MVA
      // was -15% to +10%).
      const queue = k > 1 ? throughput[k - 1]! * visits * perVisit[t]![k - 1]! : 0;
      const free = k > 1 ? Math.max(0, 1 - queue / (k - 1)) ** 2 : 1;
      const residual = 1 + ((serviceScv - 1) / 2) * free;
      // r = E (i / speed(i)) over what an arrival finds, written as 1 + the extra over those
      // finding the station slower than one server each (all servers busy, or shared), since the
      // probabilities add up to 1 only up to rounding; one server is plain MVA on the mean queue,
      // stretched by 1 / (1 - other load).
      let r: number;
      if (servers === 1) {
        const busy = (k > 1 ? throughput[k - 1]! * visits * serviceMs : 0) + otherLoad;
        r = (serviceMs / speed[1]!) * (1 + queue + busy * (residual - 1));
      }
      else if (exact[t]) {
        let extra = 0;
        for (let i = 1; i <= k; i++) {
          const over = i / speed[i]! - 1;
          if (over > 0) extra += over * p[i - 1]!;
        }
        r = serviceMs * (1 + extra * residual);
      } else {
        // An arrival finding q calls there waits for q - d + 1 of them to finish at the d - other
        // load servers' worth left to this caller.
        const seen = throughput[k - 1]! * visits * perVisit[t]![k - 1]!;
        const left = servers - otherLoad;
        r = serviceMs * (1 + (Math.max(0, seen - left + 1) / left) * residual);
      }
      perVisit[t]![k] = r;
      cycle += visits * r;
    }
    const x = cycle > 0 ? k / cycle : Infinity;
    throughput[k] = x;
    for (let t = 0; t < m; t++) {
      const { serviceMs, visits } = callees[t]!;
      const p = marginal[t]!;
      const speed = speeds[t]!;
      let busy = 0;
      for (let i = k; i >= 1; i--) {
        p[i] = ((x * visits * serviceMs) / speed[i]!) * p[i - 1]!;
        busy += p[i]!;
      }
      p[0] = Math.max(0, 1 - busy);
      if (p[0]! < 1e-9) exact[t] = false;
    }
    weight[k] = (weight[k - 1]! * lambdaPerMs) / x;
    reached = k;
    if (weight[k]! > 1e250) {
      // Only ratios matter: rescale before the weights overflow (a thousand busy workers reach e^1000).
      for (let n = 0; n <= k; n++) weight[n]! *= 1e-250;
      largest *= 1e-250;
    }
    if (weight[k]! > largest) largest = weight[k]!;
    // Past the likeliest state and negligible: the workers beyond k are never all busy.
    if (k < c && lambdaPerMs < x && weight[k]! < NEGLIGIBLE * largest && (capacity === 0 || k < capacity)) {
      return fromChain(input, c, capacity, k, false, { throughput, perVisit, weight, speeds });
    }
  }
  if (reached < c) return null;
  return fromChain(input, c, capacity, c, true, { throughput, perVisit, weight, speeds });
}

/** The closed network's solution for 1..k busy workers, and the chain's weights. */
interface PoolMva {
  /** X(k), per ms. */
  throughput: Float64Array;
  /** Per callee, ms per call with k workers busy. */
  perVisit: Float64Array[];
  /** Birth-death weights of n requests at the caller. */
  weight: Float64Array;
  /** Per callee, servers' worth given to i of this caller's calls. */
  speeds: Float64Array[];
}

function fromChain(
  input: FiniteCallerInput,
  c: number,
  capacity: number,
  top: number,
  allBusyReachable: boolean,
  mva: PoolMva,
): FiniteCallerSolution {
  const { throughput, perVisit, weight } = mva;
  const lambda = input.arrivalRps / 1000; // per ms
  const m = input.callees.length;
  const maxX = throughput[top]!;
  const result: FiniteCallerSolution = {
    saturated: false,
    maxThroughputRps: allBusyReachable ? maxX * 1000 : NaN,
    throughputRps: 0,
    blockingProbability: 0,
    holdMs: 0,
    busyWorkers: 0,
    waitProbability: 0,
    meanWaitMs: 0,
    meanQueueLength: 0,
    calleeResponseMs: new Float64Array(m),
    dispersion: 1,
  };
  // n = 0..top-1 explicit; n >= top (only when all workers can be busy) geometric in r.
  // Time per call at each callee, averaged over completions (state n finishes at rate X(n)):
  // dividing a callee's queue by its tiny call rate would lose everything at a trickle of load.
  let total = 0;
  let busy = 0;
  let completions = 0;
  let holding = 0;
  const inCallee = new Float64Array(m);
  const explicitTop = allBusyReachable ? top - 1 : top;
  for (let n = 1; n <= explicitTop; n++) {
    const w = weight[n]! * throughput[n]!;
    completions += w;
    holding += w * (n / throughput[n]!);
    for (let t = 0; t < m; t++) inCallee[t]! += w * perVisit[t]![n]!;
  }
  for (let n = 0; n <= explicitTop; n++) {
    total += weight[n]!;
    busy += n * weight[n]!;
  }
  let tailMass = 0; // weight of n >= c
  let tailQueue = 0; // sum over n >= c of (n - c) * weight
  let blockedWeight = 0;
  if (allBusyReachable) {
    const r = lambda / maxX;
    const w = weight[top]!;
    if (capacity === 0) {
      if (r >= 1) {
        result.saturated = true;
        result.throughputRps = input.arrivalRps;
        result.holdMs = c / maxX;
        result.busyWorkers = c;
        result.waitProbability = 1;
        result.meanWaitMs = Infinity;
        result.meanQueueLength = Infinity;
        result.dispersion = NaN;
        return result;
      }
      tailMass = w / (1 - r);
      tailQueue = (w * r) / ((1 - r) * (1 - r));
    } else {
      const room = capacity - c; // queue places beyond the workers
      // States n = c..capacity: w * r^(n - c).
      const geometric = (count: number) => (Math.abs(1 - r) < 1e-12 ? count : (1 - r ** count) / (1 - r));
      tailMass = w * geometric(room + 1);
      let q = 0;
      for (let i = 1, pw = r; i <= room; i++, pw *= r) q += i * pw;
      tailQueue = w * q;
      blockedWeight = w * r ** room;
    }
    total += tailMass;
    busy += c * tailMass;
    const finishing = tailMass * maxX;
    completions += finishing;
    holding += finishing * (c / maxX);
    for (let t = 0; t < m; t++) inCallee[t]! += finishing * perVisit[t]![top]!;
  }
  const blocking = blockedWeight / total;
  const accepted = lambda * (1 - blocking);
  result.blockingProbability = blocking;
  result.throughputRps = accepted * 1000;
  result.busyWorkers = busy / total;
  // With no load at all, one request alone: the population of one.
  const alone = !(completions > 0);
  result.holdMs = alone ? 1 / throughput[1]! : holding / completions;
  // Accepted arrivals see time averages (PASTA), less the blocked state they are turned away from.
  result.waitProbability = total > blockedWeight ? (tailMass - blockedWeight) / (total - blockedWeight) : 0;
  result.dispersion = allBusyReachable && tailMass > 0 ? dispersionAtFullPool(input, c, maxX, mva, top) : 1;
  const variability = (1 + result.dispersion) / 2;
  result.meanQueueLength = (tailQueue / total) * variability;
  result.meanWaitMs = accepted > 0 ? result.meanQueueLength / accepted : 0;
  for (let t = 0; t < m; t++) result.calleeResponseMs[t] = alone ? perVisit[t]![1]! : inCallee[t]! / completions;
  return result;
}

/**
 * Index of dispersion of completions of the closed network with all c workers busy: the busiest
 * callee b with its demand per cycle as a phase-type law, everything else one delay
 * (completion-dispersion.ts).
 */
function dispersionAtFullPool(input: FiniteCallerInput, c: number, maxX: number, mva: PoolMva, top: number): number {
  const { perVisit } = mva;
  const { callees } = input;
  let b = 0;
  let heaviest = -1;
  callees.forEach((t, i) => {
    const load = (t.visits * t.serviceMs) / (t.servers - t.otherLoad);
    if (load > heaviest) {
      heaviest = load;
      b = i;
    }
  });
  const bottleneck = callees[b]!;
  const demand = bottleneck.visits * bottleneck.serviceMs; // per cycle at b, ms
  // Everything but b, per cycle, at full population (Little: workers / throughput less b's share).
  const delay = Math.max(1e-12, c / maxX - bottleneck.visits * perVisit[b]![top]!);
  const delayScv = input.delayMs > 0 ? input.delayVarianceMs2 / (input.delayMs * input.delayMs) : 1;
  // A callee with next to no share of the cycle: completions are the workers' own cycles.
  if (!(demand > 1e-9 * delay)) return delayScv;
  // The calls' variance: each call's own, plus a count that is 0 or 1 when fewer than one per request.
  const v = bottleneck.visits;
  const callVariance = v * bottleneck.serviceScv * bottleneck.serviceMs ** 2 + Math.max(0, v * (1 - v)) * bottleneck.serviceMs ** 2;
  return completionDispersion({
    workers: c,
    delayMs: delay,
    delayScv,
    demandMs: demand,
    demandScv: callVariance / (demand * demand),
    speed: (i) => mva.speeds[b]![Math.min(i, top)]!,
  });
}

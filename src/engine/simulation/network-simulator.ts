// The discrete-event core: Poisson arrivals, c-server FIFO stations with optional capacity, and
// probabilistic hand-off routing (loops allowed). Time is in milliseconds.
//
// Events are integers in a typed-array heap: a completion carries the request's slot (>= 0), an
// external arrival carries ~stream (< 0). Requests live in slot arrays (arrival time at the
// system and at the current station, current station) recycled through a free list, and each
// station queues slots in a ring buffer, so the event loop allocates nothing once warmed up.
//
// A station known to be saturated (no steady state) keeps only a count of its backlog, not
// the requests themselves, so memory stays bounded however long the run; requests leaving it
// no longer carry their system arrival time, which is fine because an end-to-end mean is not
// defined with a saturated station anyway.
import { ResponseTally } from '../metrics/response-tally';
import type { CompiledNetwork } from './compiled-network';
import { EventHeap } from './event-heap';
import { IntQueue } from './int-queue';
import { Random } from './random';
import { sampleServiceTime, type ServiceTime } from './service-time';
import { doubled } from './typed-arrays';

/** What one station did since statistics were last reset. */
export interface StationCounts {
  arrivals: number;
  blocked: number;
  completions: number;
  /** Server-milliseconds spent serving. */
  busyMs: number;
}

export class NetworkSimulator {
  /** Simulated time, ms. Kept in a typed array so the hot path never boxes it. */
  private readonly clock = new Float64Array(1);
  /** When statistics were last reset, ms. */
  statsStartMs = 0;
  events = 0;

  private readonly rng: Random;
  private readonly heap = new EventHeap(256);
  private readonly service: ServiceTime[];
  private readonly servers: Int32Array;
  private readonly capacity: Int32Array;
  private readonly overflowOnly: Uint8Array;
  private readonly routeStart: Int32Array;
  private readonly routeTo: Int32Array;
  private readonly routeCumulative: Float64Array;
  private readonly streamStation: Int32Array;
  private readonly streamGapMs: Float64Array;

  // Per station.
  private readonly busy: Int32Array;
  private readonly held: Int32Array;
  private readonly queues: IntQueue[];
  private readonly backlog: Float64Array;
  private readonly busyArea: Float64Array;
  private readonly lastChange: Float64Array;
  private readonly arrivals: Float64Array;
  private readonly blocked: Float64Array;
  readonly response: ResponseTally[];
  /** Response times from entry to exit; for a lone station without routing, its own tally (the same values). */
  readonly endToEnd: ResponseTally;
  private readonly endToEndOwnTally: boolean;

  // Per request slot.
  private entryMs = new Float64Array(1024);
  private stationArrivalMs = new Float64Array(1024);
  private station = new Int32Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private slots = 0;

  /**
   * @param saturated 1 for stations with no steady state: they keep a backlog count instead
   *   of queued requests.
   */
  constructor(net: CompiledNetwork, seed: number, saturated?: ArrayLike<number>) {
    const n = net.size;
    this.rng = new Random(seed);
    this.service = net.service;
    this.servers = net.servers;
    this.capacity = net.capacity;
    this.overflowOnly = Uint8Array.from({ length: n }, (_, i) => (saturated?.[i] ? 1 : 0));
    this.routeStart = net.routeStart;
    this.routeTo = net.routeTo;
    this.routeCumulative = net.routeCumulative;
    this.streamStation = net.streamStation;
    this.streamGapMs = net.streamRps.map((rps) => 1000 / rps);
    this.busy = new Int32Array(n);
    this.held = new Int32Array(n);
    this.queues = Array.from({ length: n }, () => new IntQueue());
    this.backlog = new Float64Array(n);
    this.busyArea = new Float64Array(n);
    this.lastChange = new Float64Array(n);
    this.arrivals = new Float64Array(n);
    this.blocked = new Float64Array(n);
    this.response = Array.from({ length: n }, () => new ResponseTally());
    // One station, no routing, no backlog-only requests: each request's time in the system is its time at the station.
    const lone = n === 1 && net.routeStart[1] === net.routeStart[0] && this.overflowOnly[0] === 0;
    this.endToEndOwnTally = !lone;
    this.endToEnd = lone ? this.response[0]! : new ResponseTally();
    for (let j = 0; j < this.streamStation.length; j++) this.heap.push(this.rng.exponential(this.streamGapMs[j]!), ~j);
  }

  /**
   * Processes events up to and including time `endMs`, or until `maxEvents` more have been
   * processed. Returns the number processed. Time stands at `endMs` afterwards unless the
   * event budget ran out first.
   */
  runUntil(endMs: number, maxEvents = Infinity): number {
    const heap = this.heap;
    let done = 0;
    while (done < maxEvents && heap.size > 0) {
      const time = heap.peekTime();
      if (time > endMs) break;
      const payload = heap.pop();
      this.clock[0] = time;
      if (payload < 0) this.externalArrival(~payload);
      else this.complete(payload);
      done++;
    }
    if (done < maxEvents && endMs > this.clock[0]!) this.clock[0] = endMs;
    this.events += done;
    return done;
  }

  /** Simulated time, ms. */
  get now(): number {
    return this.clock[0]!;
  }

  /** Starts the measured period now: drops everything counted so far (the warm-up). */
  resetStatistics(): void {
    const now = this.now;
    for (let s = 0; s < this.busy.length; s++) {
      this.busyArea[s] = 0;
      this.lastChange[s] = now;
      this.arrivals[s] = 0;
      this.blocked[s] = 0;
      this.response[s]!.reset();
    }
    if (this.endToEndOwnTally) this.endToEnd.reset();
    this.statsStartMs = now;
  }

  counts(s: number): StationCounts {
    return {
      arrivals: this.arrivals[s]!,
      blocked: this.blocked[s]!,
      completions: this.response[s]!.count,
      busyMs: this.busyArea[s]! + this.busy[s]! * (this.now - this.lastChange[s]!),
    };
  }

  private externalArrival(stream: number): void {
    const now = this.clock[0]!;
    this.heap.push(now + this.rng.exponential(this.streamGapMs[stream]!), ~stream);
    const slot = this.allocate();
    this.entryMs[slot] = now;
    this.arrive(this.streamStation[stream]!, slot);
  }

  private arrive(s: number, slot: number): void {
    const now = this.clock[0]!;
    this.arrivals[s]!++;
    const capacity = this.capacity[s]!;
    if (capacity > 0 && this.held[s]! >= capacity) {
      this.blocked[s]!++;
      this.release(slot);
      return;
    }
    this.held[s]!++;
    this.station[slot] = s;
    this.stationArrivalMs[slot] = now;
    const busy = this.busy[s]!;
    if (busy < this.servers[s]!) {
      this.busyArea[s]! += busy * (now - this.lastChange[s]!);
      this.lastChange[s] = now;
      this.busy[s] = busy + 1;
      this.startService(s, slot, now);
    } else if (this.overflowOnly[s] === 1) {
      this.backlog[s]!++;
      this.release(slot);
    } else {
      this.queues[s]!.push(slot);
    }
  }

  private complete(slot: number): void {
    const now = this.clock[0]!;
    const s = this.station[slot]!;
    this.response[s]!.record(now - this.stationArrivalMs[slot]!);
    this.held[s]!--;
    const queue = this.queues[s]!;
    if (queue.size > 0) {
      this.startService(s, queue.shift(), now);
    } else if (this.backlog[s]! > 0) {
      this.backlog[s]!--;
      const next = this.allocate();
      this.entryMs[next] = NaN;
      this.station[next] = s;
      this.stationArrivalMs[next] = now;
      this.startService(s, next, now);
    } else {
      const busy = this.busy[s]!;
      this.busyArea[s]! += busy * (now - this.lastChange[s]!);
      this.lastChange[s] = now;
      this.busy[s] = busy - 1;
    }
    const to = this.route(s);
    if (to >= 0) {
      this.arrive(to, slot);
      return;
    }
    const entry = this.entryMs[slot]!;
    if (entry === entry && this.endToEndOwnTally) this.endToEnd.record(now - entry);
    this.release(slot);
  }

  private startService(s: number, slot: number, now: number): void {
    this.heap.push(now + sampleServiceTime(this.rng, this.service[s]!), slot);
  }

  /** Next station after service at s, or -1 to leave. */
  private route(s: number): number {
    const start = this.routeStart[s]!;
    const end = this.routeStart[s + 1]!;
    if (start === end) return -1;
    const cumulative = this.routeCumulative;
    // A single certain route needs no draw.
    if (end - start === 1 && cumulative[start]! >= 1) return this.routeTo[start]!;
    const u = this.rng.nextFloat();
    for (let k = start; k < end; k++) if (u < cumulative[k]!) return this.routeTo[k]!;
    return -1;
  }

  private allocate(): number {
    if (this.freeCount > 0) return this.free[--this.freeCount]!;
    if (this.slots === this.station.length) this.growSlots();
    return this.slots++;
  }

  private release(slot: number): void {
    this.free[this.freeCount++] = slot;
  }

  private growSlots(): void {
    this.entryMs = doubled(this.entryMs);
    this.stationArrivalMs = doubled(this.stationArrivalMs);
    this.station = doubled(this.station);
    this.free = doubled(this.free);
  }
}

// The event loop that simulates a learner's design. Time is in milliseconds.
//
// A request record is one visit of a request at one component (a "call"). Clients start root
// records; a record at a component waits in the FIFO queue of one copy (station) for a worker,
// holds it for its own service, then sends its async messages (fire and forget) and makes its
// sync calls one after another, each a child record that travels the network round trip,
// queues and is served at the callee. The worker stays held until the last sync call returns,
// and the record then answers its caller. Records, events and queues live in typed arrays
// recycled through free lists, so the loop allocates nothing once it has grown.
//
// Staleness: events name a record and carry the record's generation (bumped when the record is
// recycled) or, for timeouts, the id of the call they guard; a child answers its caller only if
// the caller is still waiting on that call id. A caller that gave up (timeout) or died (crash)
// leaves its children running as orphans: the callee still does the work, as in real systems.
import { BatchMeans } from '../metrics/batch-means';
import { BucketRecorder } from '../metrics/bucket-recorder';
import { CircuitBreakers, RetryBudgets } from './design-sim-breaker';
import { Autoscaler, FailureTimeline, type SimulatorControls } from './design-sim-control';
import type { SimModel } from './design-sim-model';
import type { SimLogEntry } from './design-sim-types';
import * as codes from './design-sim-codes';
import { EventQueue } from './design-sim-events';
import * as records from './design-sim-records';
import { Routing } from './design-sim-routing';
import { IntQueue } from './int-queue';
import { Random } from './random';
import * as serviceTimes from './service-time';

// Imported names copied into plain module constants: where modules are compiled to CommonJS or
// run through Vitest (the CLI, scripts and tests), each use of an imported name is a getter call,
// which took about a sixth of the run time in a profile of the event loop.
const { F_FAILED, F_OK, F_SENT, FLOW_FIELDS, N_ARRIVALS, N_BUSY, N_CAP, N_ERRORS, N_OK, N_QMAX, N_QUEUE, N_REJECTED, N_RETRIES, N_TIMEOUTS, NODE_FIELDS, OK, R_DOWN, R_ERROR, R_OPEN, R_REJECTED, R_TIMEOUT } = codes;
const { BACKOFF, BYPASS, CALLING, FREE, HOLDS, MESSAGE, PICK_BRANCH, CACHE_HIT, QUEUED, RequestRecords, ROOT, SERVICE, TIMED, TRAVEL, WAIT_BYPASS } = records;
const { sampleServiceTime } = serviceTimes;

// Event types.
const EV_CLIENT = 0;
const EV_ARRIVE = 1;
const EV_SERVICE = 2;
const EV_TIMEOUT = 3;
const EV_RETRY = 4;
const EV_ACTION = 5;
const EV_AUTOSCALE = 6;
const EV_PROVISION = 7;

const LOG_LIMIT = 1000;

/** "41 s", "0.35 s" */
function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s >= 10 ? Math.round(s) : Number(s.toPrecision(2))} s`;
}

export interface RunSettings {
  seed: number;
  durationMs: number;
  warmupMs: number;
  bucketMs: number;
  buckets: number;
  connectTimeoutMs: number;
  maxEvents: number;
  /** The most requests (visits at components) in the system at once before the run stops. */
  maxLiveRequests: number;
  /** Called with the share of simulated time done (0..1), at most once per percent. */
  onProgress?: (done: number) => void;
}

export class DesignSimulator implements SimulatorControls {
  now = 0;
  events = 0;
  stoppedEarly = false;
  /** Why the run stopped before its end, in a sentence; null when it ran to the end. */
  stopReason: string | null = null;
  measuring = false;
  readonly rng: Random;
  readonly nodes: BucketRecorder;
  /** One row per client, then one for all clients together. */
  readonly flows: BucketRecorder;
  readonly allFlowsRow: number;
  /** Utilization per measured bucket, per node, for the confidence interval. */
  readonly utilizationBatches: BatchMeans[];
  readonly log: SimLogEntry[] = [];

  // Per station (copy of a node).
  readonly busy: Int32Array;
  readonly capacity: Int32Array;
  readonly instances: Int32Array;
  readonly crashed: Int32Array;
  readonly copyUp: Uint8Array;
  readonly queues: IntQueue[];
  /** Busy and up worker-ms over the measured period, per station. */
  readonly measuredBusy: Float64Array;
  readonly measuredCapacity: Float64Array;
  /** Busy and up worker-ms since the start, per station (for the autoscaler). */
  readonly cumulativeBusy: Float64Array;
  readonly cumulativeCapacity: Float64Array;
  private readonly lastTouch: Float64Array;
  private readonly areaBusy: Float64Array;
  private readonly areaCapacity: Float64Array;
  private readonly areaQueue: Float64Array;

  // Per node.
  readonly downCount: Int32Array;
  /** When the node stopped being able to serve anything; Infinity while it can. */
  readonly unservableSince: Float64Array;
  readonly slowFactor: Float64Array;
  readonly errorRate: Float64Array;
  /** The station that takes writes (changes on database failover). */
  readonly primary: Int32Array;
  private readonly tokens: Float64Array;
  private readonly tokensAt: Float64Array;
  private unservableNodes = 0;

  // Per out-edge slot.
  readonly inflight: Int32Array;
  readonly edgeCallCount: Float64Array;
  readonly edgeRetryCount: Float64Array;
  readonly edgeTimeoutCount: Float64Array;
  readonly edgeShortCircuitCount: Float64Array;
  readonly edgeBulkheadCount: Float64Array;
  readonly edgeOpenCount: Float64Array;
  private readonly breakers: CircuitBreakers;
  private readonly budgets: RetryBudgets;

  private readonly routing: Routing;

  private readonly queue = new EventQueue();
  /** Per out-edge slot: the event lane of its round trip, and of its timeout (-1: none). */
  private readonly rttLane: Int32Array;
  private readonly timeoutLane: Int32Array;
  private readonly req: records.RequestRecords;
  private callCounter = 0;

  private readonly timeline: FailureTimeline;
  private readonly autoscaler: Autoscaler;
  private readonly endMs: number;
  private nextTickMs: number;

  constructor(
    readonly model: SimModel,
    readonly settings: RunSettings,
  ) {
    const m = model;
    const st = m.stations;
    const n = m.size;
    const slots = m.outTarget.length;
    this.rng = new Random(settings.seed);
    this.req = new RequestRecords(settings.maxLiveRequests);
    this.endMs = settings.durationMs;
    this.nodes = new BucketRecorder(n, NODE_FIELDS, settings.buckets);
    this.allFlowsRow = m.clients.length;
    this.flows = new BucketRecorder(m.clients.length + 1, FLOW_FIELDS, settings.buckets);
    this.utilizationBatches = Array.from({ length: n }, () => new BatchMeans());

    this.busy = new Int32Array(st);
    this.capacity = new Int32Array(st);
    this.instances = Int32Array.from(m.stationNode, (j) => m.instances[j]!);
    this.crashed = new Int32Array(st);
    this.copyUp = new Uint8Array(st).fill(1);
    this.queues = Array.from({ length: st }, () => new IntQueue(16));
    this.measuredBusy = new Float64Array(st);
    this.measuredCapacity = new Float64Array(st);
    this.cumulativeBusy = new Float64Array(st);
    this.cumulativeCapacity = new Float64Array(st);
    this.lastTouch = new Float64Array(st);
    this.areaBusy = new Float64Array(st);
    this.areaCapacity = new Float64Array(st);
    this.areaQueue = new Float64Array(st);
    for (let s = 0; s < st; s++) this.capacity[s] = this.instances[s]! * m.concurrency[m.stationNode[s]!]!;

    this.downCount = new Int32Array(n);
    this.unservableSince = new Float64Array(n).fill(Infinity);
    this.slowFactor = new Float64Array(n).fill(1);
    this.errorRate = new Float64Array(n);
    this.primary = Int32Array.from({ length: n }, (_, j) => m.stationStart[j]!);
    this.tokens = Float64Array.from(m.rateBurst);
    this.tokensAt = new Float64Array(n);

    this.inflight = new Int32Array(slots);
    this.edgeCallCount = new Float64Array(slots);
    this.edgeRetryCount = new Float64Array(slots);
    this.edgeTimeoutCount = new Float64Array(slots);
    this.edgeShortCircuitCount = new Float64Array(slots);
    this.edgeBulkheadCount = new Float64Array(slots);
    this.edgeOpenCount = new Float64Array(slots);
    this.rttLane = Int32Array.from(m.edgeRttMs, (ms) => this.queue.laneFor(ms));
    this.timeoutLane = Int32Array.from(m.timeoutMs, (ms) => (ms === Infinity ? -1 : this.queue.laneFor(ms)));
    this.routing = new Routing(m, this.unservableSince);
    this.breakers = new CircuitBreakers(m);
    this.budgets = new RetryBudgets(m);
    this.timeline = new FailureTimeline(this);
    this.autoscaler = new Autoscaler(this);

    if (settings.warmupMs <= 0) this.startMeasuring();
    this.nextTickMs = Math.min(settings.bucketMs, this.endMs);
    m.workloads.forEach((w, ci) => {
      const first = w.nextArrivalMs(this.rng, 0, this.endMs);
      if (first !== Infinity) this.schedule(first, EV_CLIENT, ci, 0);
    });
    m.timeline.forEach((a, i) => this.schedule(a.atMs, EV_ACTION, i, 0));
    m.autoscale.forEach((a, j) => {
      if (a) this.schedule(a.evaluationMs, EV_AUTOSCALE, j, 0);
    });
  }

  private reported = 0;
  private reportProgress(done: number): void {
    if (this.settings.onProgress && done - this.reported >= 0.01) {
      this.reported = done;
      this.settings.onProgress(done);
    }
  }

  /** Runs to the end of the simulated period (or the event limit). */
  run(): void {
    const queue = this.queue;
    const req = this.req;
    const end = this.endMs;
    const limit = this.settings.maxEvents;
    while (queue.size > 0) {
      const time = queue.peekTime();
      if (time > end) break;
      if (this.events >= limit || req.overLimit) {
        this.stoppedEarly = true;
        this.stopReason = req.overLimit
          ? `the backlog passed ${req.limit.toLocaleString('en-US')} requests at t=${formatSeconds(this.now)}: the design cannot keep up; stopped`
          : `the run reached its limit of ${limit.toLocaleString('en-US')} events at t=${formatSeconds(this.now)}; stopped`;
        this.crossBoundaries(this.now);
        // Close the bucket under way, so the report shows what happened up to the stop.
        if (this.nodes.bucket < this.settings.buckets) this.onTick();
        else this.flushAreas();
        this.flushTallies();
        return;
      }
      if (time >= this.nextTickMs || (!this.measuring && time >= this.settings.warmupMs)) {
        this.crossBoundaries(time);
        this.reportProgress(time / end);
      }
      queue.pop();
      this.now = time;
      this.events++;
      const slot = queue.slot;
      const token = queue.token;
      switch (queue.type) {
        case EV_ARRIVE:
          if (req.gen[slot] === token && req.phase[slot] === TRAVEL) this.onArrive(slot);
          break;
        case EV_SERVICE:
          if (req.gen[slot] === token && req.phase[slot] === SERVICE) this.beginCalls(slot);
          break;
        case EV_CLIENT:
          this.onClient(slot);
          break;
        case EV_TIMEOUT:
          this.onTimeout(slot, token);
          break;
        case EV_RETRY:
          if (req.gen[slot] === token && req.phase[slot] === BACKOFF) this.retryCall(slot);
          break;
        case EV_ACTION:
          this.timeline.apply(this.model.timeline[slot]!);
          break;
        case EV_AUTOSCALE:
          this.schedule(this.now + this.autoscaler.evaluate(slot), EV_AUTOSCALE, slot, 0);
          break;
        case EV_PROVISION:
          this.autoscaler.provisioned(slot, token);
          break;
      }
    }
    this.crossBoundaries(end);
    this.now = end;
    this.flushAreas();
    this.flushTallies();
  }

  private flushTallies(): void {
    this.nodes.flushTallies();
    this.flows.flushTallies();
  }

  /**
   * Closes the buckets and ends the warm-up due at or before timeMs, before any event at that
   * time, so that what happens at a boundary counts in the bucket it starts.
   */
  private crossBoundaries(timeMs: number): void {
    const warmupMs = this.settings.warmupMs;
    for (;;) {
      const warmupDue = !this.measuring && warmupMs <= timeMs;
      if (this.nextTickMs <= timeMs && !(warmupDue && warmupMs < this.nextTickMs)) {
        this.now = this.nextTickMs;
        this.onTick();
      } else if (warmupDue) {
        this.now = warmupMs;
        this.flushAreas();
        this.startMeasuring();
      } else return;
    }
  }

  /** Simulated time the figures cover so far, ms (after warm-up). */
  get measuredMs(): number {
    return Math.max(0, this.now - this.settings.warmupMs);
  }

  schedule(timeMs: number, type: number, slot: number, token: number): void {
    this.queue.push(timeMs, type, slot, token);
  }

  scheduleProvision(timeMs: number, j: number, count: number): void {
    this.schedule(timeMs, EV_PROVISION, j, count);
  }

  note(j: number, message: string): void {
    if (this.log.length < LOG_LIMIT) this.log.push({ tS: this.now / 1000, nodeId: j >= 0 ? this.model.ids[j]! : null, message });
  }

  // ------------------------------------------------------------ requests

  private onClient(ci: number): void {
    const req = this.req;
    const next = this.model.workloads[ci]!.nextArrivalMs(this.rng, this.now, this.endMs);
    if (next !== Infinity) this.schedule(next, EV_CLIENT, ci, 0);
    const r = req.spawn(this.model.clients[ci]!, ROOT, ci, -1);
    req.arriveMs[r] = this.now;
    this.flows.add(ci, F_SENT, 1);
    this.flows.add(this.allFlowsRow, F_SENT, 1);
    this.beginCalls(r);
  }

  private onArrive(c: number): void {
    const req = this.req;
    const m = this.model;
    const j = req.node[c]!;
    this.nodes.add(j, N_ARRIVALS, 1);
    req.arriveMs[c] = this.now;
    if (this.downCount[j]! > 0) return this.finish(c, R_DOWN);
    const errorRate = this.errorRate[j]!;
    if (errorRate > 0 && this.rng.nextFloat() < errorRate) return this.finish(c, R_ERROR);
    if (m.rateRps[j]! > 0 && !this.takeToken(j)) return this.reject(c);
    const s = this.pickCopy(j);
    if (s < 0) return this.finish(c, R_DOWN);
    req.station[c] = s;
    const queue = this.queues[s]!;
    const limit = m.maxInFlight[j]!;
    if (limit > 0 && this.busy[s]! + queue.size >= limit) return this.reject(c);
    if (this.busy[s]! < this.capacity[s]!) return this.startService(s, c);
    const room = m.queueCapacity[j]!;
    if (room > 0 && queue.size >= room) return this.reject(c);
    this.touch(s);
    queue.push(c);
    req.phase[c] = QUEUED;
    this.nodes.raise(j, N_QMAX, queue.size);
  }

  /** The copy a request goes to: writes to the primary, reads to any copy that is up. -1: none. */
  private pickCopy(j: number): number {
    const m = this.model;
    const start = m.stationStart[j]!;
    const end = m.stationStart[j + 1]!;
    if (end - start === 1) return this.capacity[start]! > 0 ? start : -1;
    const reads = m.readShare[j]!;
    if (!(reads > 0 && this.rng.nextFloat() < reads)) {
      const p = this.primary[j]!;
      return this.capacity[p]! > 0 ? p : -1;
    }
    let up = 0;
    for (let s = start; s < end; s++) if (this.capacity[s]! > 0) up++;
    if (up === 0) return -1;
    let k = Math.floor(this.rng.nextFloat() * up);
    for (let s = start; s < end; s++) {
      if (this.capacity[s]! > 0 && k-- === 0) return s;
    }
    return -1;
  }

  private takeToken(j: number): boolean {
    const m = this.model;
    const tokens = Math.min(m.rateBurst[j]!, this.tokens[j]! + ((this.now - this.tokensAt[j]!) * m.rateRps[j]!) / 1000);
    this.tokensAt[j] = this.now;
    if (tokens < 1) {
      this.tokens[j] = tokens;
      return false;
    }
    this.tokens[j] = tokens - 1;
    return true;
  }

  private startService(s: number, r: number): void {
    const req = this.req;
    const j = this.model.stationNode[s]!;
    this.touch(s);
    this.busy[s]!++;
    req.phase[r] = SERVICE;
    req.flags[r]! |= HOLDS;
    const ms = sampleServiceTime(this.rng, this.model.service[j]!) * this.slowFactor[j]!;
    this.schedule(this.now + ms, EV_SERVICE, r, req.gen[r]!);
  }

  /** Own work done (or a client / bypass starting): async messages, then the sync calls. */
  private beginCalls(r: number): void {
    const req = this.req;
    const m = this.model;
    const j = req.node[r]!;
    req.phase[r] = CALLING;
    if ((req.flags[r]! & HOLDS) !== 0 && m.holdsWorkers[j] === 0) {
      // An event-driven proxy: its part of the response ends with its own work (as in the analytic engine).
      req.flags[r] = (req.flags[r]! & ~HOLDS) | TIMED;
      this.nodes.recordResponse(j, this.now - req.arriveMs[r]!);
      this.releaseWorker(req.station[r]!);
    }
    const start = m.outStart[j]!;
    // A router's branches come last: its other calls (checks) run first, then one branch.
    const end = m.branchStart[j]!;
    if (m.chooseOne[j] === 1) {
      if (end === start) return this.callBranch(r, j);
      req.flags[r]! |= PICK_BRANCH;
    }
    if (m.caching[j] === 1 && (req.flags[r]! & BYPASS) === 0 && this.rng.nextFloat() < m.hitRatio[j]!) {
      // A hit: the caller's store calls made only on a miss are skipped (cache-aside).
      const p = req.parent[r]!;
      if (p >= 0) req.flags[p]! |= CACHE_HIT;
      return this.finish(r, OK);
    }
    if (m.hasAsync[j] === 1) {
      for (let s = start; s < end; s++) if (m.edgeSync[s] === 0 && this.take(s)) this.sendMessages(r, s);
    }
    req.cursor[r] = start - 1;
    req.cursorEnd[r] = end;
    req.callsLeft[r] = 0;
    this.advance(r);
  }

  /** Router j sends the request down one branch of its split (or nowhere when none is picked). */
  private callBranch(r: number, j: number): void {
    const req = this.req;
    req.flags[r]! &= ~PICK_BRANCH;
    const s = this.routing.pickTarget(j, this.rng.nextFloat(), this.now, this.unservableNodes > 0);
    if (s < 0) return this.finish(r, OK);
    if (this.model.edgeSync[s] === 0) {
      this.sendMessages(r, s);
      return this.finish(r, OK);
    }
    req.cursor[r] = s;
    req.cursorEnd[r] = s + 1;
    req.callsLeft[r] = this.drawCalls(s);
    this.advance(r);
  }

  /** Makes the next sync call, or finishes the record when none are left. */
  private advance(r: number): void {
    const req = this.req;
    let left = req.callsLeft[r]!;
    if (left === 0) {
      const sync = this.model.edgeSync;
      const onMiss = this.model.onCacheMiss;
      const end = req.cursorEnd[r]!;
      let s = req.cursor[r]!;
      do {
        if (++s >= end) {
          req.cursor[r] = s;
          if ((req.flags[r]! & PICK_BRANCH) !== 0) return this.callBranch(r, req.node[r]!);
          return this.finish(r, OK);
        }
        if (sync[s] === 0 || !this.take(s) || (onMiss[s] === 1 && (req.flags[r]! & CACHE_HIT) !== 0)) continue;
        left = this.drawCalls(s);
      } while (left === 0);
      req.cursor[r] = s;
    }
    req.callsLeft[r] = left - 1;
    req.attempt[r] = 0;
    this.issueCall(r, req.cursor[r]!);
  }

  private take(s: number): boolean {
    const share = this.model.edgeShare[s]!;
    return share >= 1 || this.rng.nextFloat() < share;
  }

  /** Whole part of callsPerRequest, plus one with probability its fraction. */
  private drawCalls(s: number): number {
    const k = this.model.edgeCalls[s]!;
    const whole = Math.floor(k);
    const fraction = k - whole;
    return fraction > 0 && this.rng.nextFloat() < fraction ? whole + 1 : whole;
  }

  private issueCall(r: number, s: number): void {
    const req = this.req;
    const m = this.model;
    const t = m.outTarget[s]!;
    const measuring = this.measuring;
    if (measuring) this.edgeCallCount[s]!++;
    if (req.attempt[r]! > 0) {
      this.nodes.add(t, N_RETRIES, 1);
      if (measuring) this.edgeRetryCount[s]!++;
    }
    const bulkhead = m.bulkhead[s]!;
    if (bulkhead > 0 && this.inflight[s]! >= bulkhead) {
      if (measuring) this.edgeBulkheadCount[s]!++;
      return this.callFailed(r, s, R_REJECTED, false);
    }
    if (m.breakerOn[s] === 1 && !this.breakers.allow(s, this.now)) {
      if (measuring) this.edgeShortCircuitCount[s]!++;
      return this.callFailed(r, s, R_OPEN, false);
    }
    if (req.attempt[r] === 0) this.budgets.deposit(s);
    this.inflight[s]!++;
    const id = this.nextCallId();
    req.callId[r] = id;
    req.phase[r] = CALLING;
    const timeout = m.timeoutMs[s]!;
    if (!this.routing.partitioned || this.routing.reachable(req.node[r]!, t)) {
      const c = req.spawn(t, 0, req.flow[r]!, r);
      req.callIdOf[c] = id;
      this.queue.pushLane(this.rttLane[s]!, this.now + m.edgeRttMs[s]!, EV_ARRIVE, c, req.gen[c]!);
      if (timeout !== Infinity) this.queue.pushLane(this.timeoutLane[s]!, this.now + timeout, EV_TIMEOUT, r, id);
    } else {
      // Into a partition: the call never arrives, and the caller finds out only by waiting.
      this.schedule(this.now + Math.min(timeout, this.settings.connectTimeoutMs), EV_TIMEOUT, r, id);
    }
  }

  private sendMessages(r: number, s: number): void {
    const req = this.req;
    const t = this.model.outTarget[s]!;
    const count = this.drawCalls(s);
    for (let i = 0; i < count; i++) {
      if (this.routing.partitioned && !this.routing.reachable(req.node[r]!, t)) {
        this.nodes.add(t, N_TIMEOUTS, 1); // lost in the partition
        continue;
      }
      const c = req.spawn(t, MESSAGE, req.flow[r]!, -1);
      this.queue.pushLane(this.rttLane[s]!, this.now + this.model.edgeRttMs[s]!, EV_ARRIVE, c, req.gen[c]!);
    }
  }

  private onTimeout(r: number, id: number): void {
    const req = this.req;
    if (req.phase[r] !== CALLING || req.callId[r] !== id || (req.flags[r]! & WAIT_BYPASS) !== 0) return;
    const s = req.cursor[r]!;
    this.inflight[s]!--;
    this.nodes.add(this.model.outTarget[s]!, N_TIMEOUTS, 1);
    if (this.measuring) this.edgeTimeoutCount[s]!++;
    this.recordBreaker(s, false);
    this.callFailed(r, s, R_TIMEOUT, true);
  }

  /** A child finished: hand its outcome to the caller if the caller still waits on it. */
  private answer(c: number, outcome: number): void {
    const req = this.req;
    const p = req.parent[c]!;
    if (p < 0 || req.phase[p] !== CALLING || req.callId[p] !== req.callIdOf[c]) return;
    if ((req.flags[p]! & WAIT_BYPASS) !== 0) {
      req.flags[p]! &= ~WAIT_BYPASS;
      if (outcome === OK) this.advance(p);
      else this.finish(p, outcome);
      return;
    }
    const s = req.cursor[p]!;
    this.inflight[s]!--;
    this.recordBreaker(s, outcome === OK);
    if (outcome === OK) this.advance(p);
    else this.callFailed(p, s, outcome, true);
  }

  private recordBreaker(s: number, ok: boolean): void {
    if (this.model.breakerOn[s] !== 1 || !this.breakers.record(s, ok, this.now)) return;
    if (this.measuring) this.edgeOpenCount[s]!++;
    const m = this.model;
    // The caller owning slot s: its calls to this target stop until the breaker tries again (rare: a linear search is fine).
    let caller = 0;
    while (caller + 1 < m.labels.length && m.outStart[caller + 1]! <= s) caller++;
    this.note(m.outTarget[s]!, `circuit breaker on the calls from ${m.labels[caller]} opened`);
  }

  /** The backoff is over: call again; a load balancer calls another of its targets when one looks up. */
  private retryCall(r: number): void {
    const m = this.model;
    const j = this.req.node[r]!;
    const failed = this.req.cursor[r]!;
    if (m.chooseOne[j] === 1 && failed >= m.branchStart[j]!) {
      const s = this.routing.pickTarget(j, this.rng.nextFloat() * m.shareTotal[j]!, this.now, this.unservableNodes > 0, failed);
      if (s >= 0 && m.edgeSync[s] === 1) {
        this.req.cursor[r] = s;
        this.req.cursorEnd[r] = s + 1;
        return this.issueCall(r, s);
      }
    }
    this.issueCall(r, failed);
  }

  /** A call failed: retry after a backoff, fall back past a cache, or fail the caller. */
  private callFailed(r: number, s: number, reason: number, retryable: boolean): void {
    const m = this.model;
    if (retryable && this.req.attempt[r]! < m.maxRetries[s]! && this.budgets.withdraw(s)) {
      const attempt = ++this.req.attempt[r]!;
      this.req.phase[r] = BACKOFF;
      const ceiling = Math.min(m.backoffCapMs[s]!, m.backoffBaseMs[s]! * 2 ** (attempt - 1));
      this.schedule(this.now + this.rng.nextFloat() * ceiling, EV_RETRY, r, this.req.gen[r]!);
      return;
    }
    if (m.fallback[s] === 1 && (this.req.flags[r]! & WAIT_BYPASS) === 0) return this.startBypass(r, s);
    this.finish(r, reason);
  }

  /** Cache-aside on a failed cache: the caller runs the cache's miss path itself. */
  private startBypass(r: number, s: number): void {
    const b = this.req.spawn(this.model.outTarget[s]!, BYPASS, this.req.flow[r]!, r);
    const id = this.nextCallId();
    this.req.callId[r] = id;
    this.req.callIdOf[b] = id;
    this.req.phase[r] = CALLING;
    this.req.flags[r]! |= WAIT_BYPASS;
    this.req.arriveMs[b] = this.now;
    this.beginCalls(b);
  }

  /** The record is done at its component: free its worker, count it, answer its caller. */
  private finish(r: number, outcome: number): void {
    const req = this.req;
    const flags = req.flags[r]!;
    req.phase[r] = FREE;
    if ((flags & HOLDS) !== 0) {
      req.flags[r] = flags & ~HOLDS;
      this.releaseWorker(req.station[r]!);
    }
    if ((flags & ROOT) !== 0) this.recordFlow(r, outcome);
    else if ((flags & BYPASS) === 0) {
      const j = req.node[r]!;
      if (outcome === OK) {
        this.nodes.add(j, N_OK, 1);
        if ((flags & TIMED) === 0) this.nodes.recordResponse(j, this.now - req.arriveMs[r]!);
      } else this.nodes.add(j, N_ERRORS, 1);
    }
    this.conclude(r, outcome);
  }

  /** Turned away on arrival or after waiting too long (admission, queue room, rate limit, shedding). */
  private reject(r: number): void {
    this.req.phase[r] = FREE;
    this.nodes.add(this.req.node[r]!, N_REJECTED, 1);
    this.conclude(r, R_REJECTED);
  }

  private conclude(r: number, outcome: number): void {
    const req = this.req;
    if ((req.flags[r]! & (ROOT | MESSAGE)) === 0) this.answer(r, outcome);
    req.release(r);
  }

  private recordFlow(r: number, outcome: number): void {
    const req = this.req;
    // Counted by when it was sent, as `sent` is: a request sent during the warm-up is left out
    // even when it finishes after it (else more could succeed than were sent).
    if (req.arriveMs[r]! < this.settings.warmupMs) return;
    this.recordFlowRow(req.flow[r]!, outcome, this.now - req.arriveMs[r]!);
    this.recordFlowRow(this.allFlowsRow, outcome, this.now - req.arriveMs[r]!);
  }

  private recordFlowRow(row: number, outcome: number, responseMs: number): void {
    if (outcome === OK) {
      this.flows.add(row, F_OK, 1);
      this.flows.recordResponse(row, responseMs);
    } else {
      this.flows.add(row, F_FAILED, 1);
      this.flows.add(row, F_FAILED + outcome, 1);
    }
  }

  // ------------------------------------------------------------ stations

  private releaseWorker(s: number): void {
    this.touch(s);
    this.busy[s]!--;
    this.dispatch(s);
  }

  /** Starts queued requests while workers are free (dropping those that waited too long). */
  dispatch(s: number): void {
    const req = this.req;
    const queue = this.queues[s]!;
    const maxWaitMs = this.model.maxQueueWaitMs[this.model.stationNode[s]!]!;
    while (queue.size > 0 && this.busy[s]! < this.capacity[s]!) {
      this.touch(s);
      const r = queue.shift();
      if (this.now - req.arriveMs[r]! > maxWaitMs) this.reject(r);
      else this.startService(s, r);
    }
  }

  /** Adds the time since the station last changed to its busy, up and waiting areas. */
  private touch(s: number): void {
    const dt = this.now - this.lastTouch[s]!;
    if (dt <= 0) return;
    this.lastTouch[s] = this.now;
    const busy = this.busy[s]! * dt;
    const capacity = this.capacity[s]! * dt;
    this.areaBusy[s]! += busy;
    this.areaCapacity[s]! += capacity;
    this.areaQueue[s]! += this.queues[s]!.size * dt;
    this.cumulativeBusy[s]! += busy;
    this.cumulativeCapacity[s]! += capacity;
  }

  /** Brings every station's areas up to now and moves them into the bucket being filled. */
  private flushAreas(): void {
    const m = this.model;
    for (let s = 0; s < m.stations; s++) {
      this.touch(s);
      const j = m.stationNode[s]!;
      this.nodes.add(j, N_BUSY, this.areaBusy[s]!);
      this.nodes.add(j, N_CAP, this.areaCapacity[s]!);
      this.nodes.add(j, N_QUEUE, this.areaQueue[s]!);
      if (this.measuring) {
        this.measuredBusy[s]! += this.areaBusy[s]!;
        this.measuredCapacity[s]! += this.areaCapacity[s]!;
      }
      this.areaBusy[s] = 0;
      this.areaCapacity[s] = 0;
      this.areaQueue[s] = 0;
    }
  }

  private startMeasuring(): void {
    this.measuring = true;
    this.nodes.startMeasuring();
    this.flows.startMeasuring();
  }

  private onTick(): void {
    this.flushAreas();
    const m = this.model;
    if (this.measuring) {
      for (let j = 0; j < m.size; j++) {
        const capacity = this.nodes.pending(j, N_CAP);
        if (capacity > 0) this.utilizationBatches[j]!.record(this.nodes.pending(j, N_BUSY) / capacity);
      }
    }
    this.nodes.closeBucket();
    this.flows.closeBucket();
    // A queue that stays long into the next bucket peaks there too.
    for (let s = 0; s < m.stations; s++) this.nodes.raise(m.stationNode[s]!, N_QMAX, this.queues[s]!.size);
    const next = this.nodes.bucket;
    this.nextTickMs = next < this.settings.buckets ? Math.min((next + 1) * this.settings.bucketMs, this.endMs) : Infinity;
  }

  // ------------------------------------------------------------ control surface (failures, scaling)

  /** Recomputes the workers up at each copy of node j and starts waiting requests that now fit. */
  refreshCapacity(j: number): void {
    const m = this.model;
    const concurrency = m.concurrency[j]!;
    const down = this.downCount[j]! > 0;
    let any = false;
    for (let s = m.stationStart[j]!; s < m.stationStart[j + 1]!; s++) {
      this.touch(s);
      const up = down || this.copyUp[s] === 0 ? 0 : Math.max(0, this.instances[s]! - this.crashed[s]!);
      this.capacity[s] = up * concurrency;
      if (up > 0) any = true;
    }
    const wasUnservable = this.unservableSince[j]! !== Infinity;
    if (!any && !wasUnservable) {
      this.unservableSince[j] = this.now;
      this.unservableNodes++;
    } else if (any && wasUnservable) {
      this.unservableSince[j] = Infinity;
      this.unservableNodes--;
    }
    for (let s = m.stationStart[j]!; s < m.stationStart[j + 1]!; s++) this.dispatch(s);
  }

  /**
   * Fails requests in progress at stations [first, last) (served, or waiting on their calls),
   * each with probability p, and
   * (failQueued) requests waiting there with the same probability.
   */
  failAtStations(first: number, last: number, p: number, failQueued: boolean): void {
    const victims: number[] = [];
    const pick = () => p >= 1 || this.rng.nextFloat() < p;
    for (let r = 0; r < this.req.used; r++) {
      const phase = this.req.phase[r]!;
      if (phase !== SERVICE && phase !== CALLING && phase !== BACKOFF) continue;
      const s = this.req.station[r]!;
      if (s >= first && s < last && pick()) victims.push(r, this.req.gen[r]!);
    }
    if (failQueued) {
      for (let s = first; s < last; s++) {
        this.touch(s);
        const queue = this.queues[s]!;
        for (let k = queue.size; k > 0; k--) {
          const r = queue.shift();
          if (pick()) victims.push(r, this.req.gen[r]!);
          else queue.push(r);
        }
      }
    }
    for (let i = 0; i < victims.length; i += 2) {
      const r = victims[i]!;
      if (this.req.gen[r] !== victims[i + 1] || this.req.phase[r] === FREE) continue;
      if (this.req.phase[r] === CALLING && (this.req.flags[r]! & WAIT_BYPASS) === 0) this.inflight[this.req.cursor[r]!]!--;
      this.finish(r, R_DOWN);
    }
  }

  /** Busy and up worker-ms of node j since the start (all copies). */
  workerTotals(j: number): { busyMs: number; capacityMs: number } {
    const m = this.model;
    let busyMs = 0;
    let capacityMs = 0;
    for (let s = m.stationStart[j]!; s < m.stationStart[j + 1]!; s++) {
      this.touch(s);
      busyMs += this.cumulativeBusy[s]!;
      capacityMs += this.cumulativeCapacity[s]!;
    }
    return { busyMs, capacityMs };
  }

  setPartition(failure: number, side: Uint8Array, active: boolean): void {
    this.routing.setPartition(failure, side, active, this.now);
  }

  // ------------------------------------------------------------ records and events

  private nextCallId(): number {
    this.callCounter = (this.callCounter + 1) | 0;
    return this.callCounter;
  }
}

// Request records of the design simulator: one per visit of a request at a component (a call),
// in parallel typed arrays indexed by record number and recycled through a free list.
import { doubled } from './typed-arrays';

// Phases.
export const FREE = 0;
export const TRAVEL = 1;
export const QUEUED = 2;
export const SERVICE = 3;
export const CALLING = 4;
export const BACKOFF = 5;

// Flags.
export const ROOT = 1;
export const MESSAGE = 2;
/** A caller fetching past a failed cache: runs the cache's miss path without its workers. */
export const BYPASS = 4;
/** Waiting on a BYPASS child rather than a real call. */
export const WAIT_BYPASS = 8;
/** Holds a worker of its station. */
export const HOLDS = 16;
/** Its response time at the component is already recorded (proxies: when their own work ends). */
export const TIMED = 32;
/** A router's record: once its other calls are done, it picks one branch of its split and calls that. */
export const PICK_BRANCH = 64;
/** A cache it asked answered from its copy, so its calls made only on a cache miss are skipped. */
export const CACHE_HIT = 128;

export class RequestRecords {
  node = new Int32Array(1024);
  /** The copy it queues or is served at; -1 before it gets there (and for clients and bypasses). */
  station = new Int32Array(1024);
  phase = new Uint8Array(1024);
  flags = new Uint8Array(1024);
  /** Index of the client whose request this is part of. */
  flow = new Int32Array(1024);
  /** The caller's record; -1 for client requests and async messages. */
  parent = new Int32Array(1024);
  /** The call this record answers (children only). */
  callIdOf = new Int32Array(1024);
  /** The call this record is waiting on. */
  callId = new Int32Array(1024);
  /** The out-edge slot being called, and the end of the slots still to consider. */
  cursor = new Int32Array(1024);
  cursorEnd = new Int32Array(1024);
  callsLeft = new Int32Array(1024);
  attempt = new Int32Array(1024);
  /** Bumped on release, so events that name a recycled record can tell. */
  gen = new Int32Array(1024);
  /** Arrival at the component (a client request: when it was sent), ms. */
  arriveMs = new Float64Array(1024);
  /** Records handed out so far (free ones included); scans run over 0 .. used - 1. */
  used = 0;
  private free = new Int32Array(1024);
  private freeCount = 0;
  /** Set once more than `limit` records are live at once; the run loop stops on it. */
  overLimit = false;

  /** The most records live at once before overLimit is set (memory: about 60 bytes each). */
  constructor(readonly limit = Infinity) {}

  spawn(node: number, flags: number, flow: number, parent: number): number {
    let r: number;
    if (this.freeCount > 0) r = this.free[--this.freeCount]!;
    else {
      // No free record: every one handed out is live, so `used` is the backlog.
      if (this.used >= this.limit) this.overLimit = true;
      if (this.used === this.node.length) this.grow();
      r = this.used++;
    }
    this.node[r] = node;
    this.station[r] = -1;
    this.phase[r] = TRAVEL;
    this.flags[r] = flags;
    this.flow[r] = flow;
    this.parent[r] = parent;
    return r;
  }

  release(r: number): void {
    this.phase[r] = FREE;
    this.gen[r] = (this.gen[r]! + 1) | 0;
    this.free[this.freeCount++] = r;
  }

  private grow(): void {
    this.node = doubled(this.node);
    this.station = doubled(this.station);
    this.phase = doubled(this.phase);
    this.flags = doubled(this.flags);
    this.flow = doubled(this.flow);
    this.parent = doubled(this.parent);
    this.callIdOf = doubled(this.callIdOf);
    this.callId = doubled(this.callId);
    this.cursor = doubled(this.cursor);
    this.cursorEnd = doubled(this.cursorEnd);
    this.callsLeft = doubled(this.callsLeft);
    this.attempt = doubled(this.attempt);
    this.gen = doubled(this.gen);
    this.arriveMs = doubled(this.arriveMs);
    this.free = doubled(this.free);
  }
}

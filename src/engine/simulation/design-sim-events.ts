// The design simulator's future event list. Each event is a type, the request record or node it
// concerns, and a token that tells a stale event from a live one.
//
// Most events come a fixed delay after the moment they are scheduled: a call arrives one network
// round trip after it is made, a timeout fires a fixed time after the call. Events of one fixed
// delay, scheduled as time goes on, fall due in the order they were scheduled, so each such delay
// gets a lane, a plain FIFO, instead of the heap: O(1) both ways, and the heap keeps only the
// events of drawn lengths (service times, arrivals, backoffs). The next event is the earliest of
// the heap's top and the lanes' heads. Lanes and heap records are recycled, so scheduling
// allocates nothing once they have grown.
import { EventHeap } from './event-heap';
import { doubled } from './typed-arrays';

/** A FIFO ring buffer of events whose times never decrease. */
class Lane {
  times = new Float64Array(256);
  types = new Uint8Array(256);
  slots = new Int32Array(256);
  tokens = new Int32Array(256);
  head = 0;
  size = 0;
  mask = 255;
  /** Time of the last event put in; an earlier one goes to the heap instead. */
  last = -Infinity;

  constructor(readonly delayMs: number) {}

  grow(): void {
    const capacity = this.times.length;
    const times = new Float64Array(capacity * 2);
    const types = new Uint8Array(capacity * 2);
    const slots = new Int32Array(capacity * 2);
    const tokens = new Int32Array(capacity * 2);
    for (let i = 0; i < this.size; i++) {
      const k = (this.head + i) & this.mask;
      times[i] = this.times[k]!;
      types[i] = this.types[k]!;
      slots[i] = this.slots[k]!;
      tokens[i] = this.tokens[k]!;
    }
    this.times = times;
    this.types = types;
    this.slots = slots;
    this.tokens = tokens;
    this.head = 0;
    this.mask = capacity * 2 - 1;
  }
}

/** Where the event peekTime found comes from: the heap, or a lane's index; UNKNOWN once anything is scheduled after it. */
const FROM_HEAP = -1;
const UNKNOWN = -2;

export class EventQueue {
  /** Fields of the event last taken by pop(). */
  type = 0;
  slot = 0;
  token = 0;
  /** Events waiting, in the heap and the lanes. */
  size = 0;
  private readonly heap = new EventHeap(1024);
  private types = new Uint8Array(1024);
  private slots = new Int32Array(1024);
  private tokens = new Int32Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private used = 0;
  private readonly lanes: Lane[] = [];
  private next = UNKNOWN;

  /** The lane for events due `delayMs` after they are scheduled (one per distinct delay). */
  laneFor(delayMs: number): number {
    const found = this.lanes.findIndex((l) => l.delayMs === delayMs);
    if (found >= 0) return found;
    this.lanes.push(new Lane(delayMs));
    return this.lanes.length - 1;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    let best = this.heap.peekTime();
    let from = FROM_HEAP;
    const lanes = this.lanes;
    for (let i = 0; i < lanes.length; i++) {
      const lane = lanes[i]!;
      if (lane.size > 0) {
        const t = lane.times[lane.head]!;
        if (t < best) {
          best = t;
          from = i;
        }
      }
    }
    this.next = from;
    return best;
  }

  push(timeMs: number, type: number, slot: number, token: number): void {
    let e: number;
    if (this.freeCount > 0) e = this.free[--this.freeCount]!;
    else {
      if (this.used === this.types.length) this.grow();
      e = this.used++;
    }
    this.types[e] = type;
    this.slots[e] = slot;
    this.tokens[e] = token;
    this.heap.push(timeMs, e);
    this.size++;
    this.next = UNKNOWN;
  }

  /** Schedules an event in a lane: timeMs should be now + the lane's delay. */
  pushLane(lane: number, timeMs: number, type: number, slot: number, token: number): void {
    const l = this.lanes[lane]!;
    // Out of order only if called with another delay: still correct, through the heap.
    if (timeMs < l.last) return this.push(timeMs, type, slot, token);
    if (l.size === l.times.length) l.grow();
    const k = (l.head + l.size) & l.mask;
    l.times[k] = timeMs;
    l.types[k] = type;
    l.slots[k] = slot;
    l.tokens[k] = token;
    l.size++;
    l.last = timeMs;
    this.size++;
    this.next = UNKNOWN;
  }

  /** Takes the earliest event into type, slot and token (read its time with peekTime first). */
  pop(): void {
    if (this.next === UNKNOWN) this.peekTime();
    this.size--;
    const from = this.next;
    this.next = UNKNOWN;
    if (from === FROM_HEAP) {
      const e = this.heap.pop();
      this.type = this.types[e]!;
      this.slot = this.slots[e]!;
      this.token = this.tokens[e]!;
      this.free[this.freeCount++] = e;
      return;
    }
    const l = this.lanes[from]!;
    const k = l.head;
    this.type = l.types[k]!;
    this.slot = l.slots[k]!;
    this.token = l.tokens[k]!;
    l.head = (k + 1) & l.mask;
    l.size--;
  }

  private grow(): void {
    this.types = doubled(this.types);
    this.slots = doubled(this.slots);
    this.tokens = doubled(this.tokens);
    this.free = doubled(this.free);
  }
}

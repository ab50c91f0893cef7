// The design simulator's future event list: the shared EventHeap ordered by time, whose integer
// payloads index event records (type, the request record or node it concerns, and a token that
// tells a stale event from a live one). Records are recycled, so scheduling allocates nothing.
import { EventHeap } from './event-heap';
import { doubled } from './typed-arrays';

export class EventQueue {
  /** Fields of the event last taken by pop(). */
  type = 0;
  slot = 0;
  token = 0;
  private readonly heap = new EventHeap(1024);
  private types = new Uint8Array(1024);
  private slots = new Int32Array(1024);
  private tokens = new Int32Array(1024);
  private free = new Int32Array(1024);
  private freeCount = 0;
  private used = 0;

  get size(): number {
    return this.heap.size;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.heap.peekTime();
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
  }

  /** Takes the earliest event (read its time with peekTime first) into type, slot and token. */
  pop(): void {
    const e = this.heap.pop();
    this.type = this.types[e]!;
    this.slot = this.slots[e]!;
    this.token = this.tokens[e]!;
    this.free[this.freeCount++] = e;
  }

  private grow(): void {
    this.types = doubled(this.types);
    this.slots = doubled(this.slots);
    this.tokens = doubled(this.tokens);
    this.free = doubled(this.free);
  }
}

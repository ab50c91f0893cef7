// A FIFO of integers (request slots) in a ring buffer that doubles when full: no allocation
// per request once it has grown to the longest queue seen.

export class IntQueue {
  private buffer: Int32Array;
  private mask: number;
  private head = 0;
  size = 0;

  constructor(initialCapacity = 64) {
    let capacity = 2;
    while (capacity < initialCapacity) capacity *= 2;
    this.buffer = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  push(value: number): void {
    if (this.size === this.buffer.length) this.grow();
    this.buffer[(this.head + this.size) & this.mask] = value;
    this.size++;
  }

  /** Removes and returns the oldest value; only call when size > 0. */
  shift(): number {
    const value = this.buffer[this.head]!;
    this.head = (this.head + 1) & this.mask;
    this.size--;
    return value;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  private grow(): void {
    const next = new Int32Array(this.buffer.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.buffer[(this.head + i) & this.mask]!;
    this.buffer = next;
    this.mask = next.length - 1;
    this.head = 0;
  }
}

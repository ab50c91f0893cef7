// The future event list: a 4-ary min-heap on event time, kept in two parallel typed arrays
// (times and integer payloads) so that scheduling and taking events never allocate. Four
// children a node halve the depth of a binary heap, and the four sit in one or two cache lines,
// so taking the earliest event (the common operation) costs fewer dependent loads. Events at
// the same time come out in no promised order.

export class EventHeap {
  private times: Float64Array;
  private payloads: Int32Array;
  size = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(Math.max(2, initialCapacity));
    this.payloads = new Int32Array(Math.max(2, initialCapacity));
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const payloads = this.payloads;
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 2;
      const parentTime = times[parent]!;
      if (parentTime <= time) break;
      times[hole] = parentTime;
      payloads[hole] = payloads[parent]!;
      hole = parent;
    }
    times[hole] = time;
    payloads[hole] = payload;
  }

  /** Removes the earliest event and returns its payload (read its time with peekTime first). */
  pop(): number {
    const times = this.times;
    const payloads = this.payloads;
    const top = payloads[0]!;
    const size = --this.size;
    if (size === 0) return top;
    const time = times[size]!;
    const payload = payloads[size]!;
    let hole = 0;
    for (;;) {
      const first = 4 * hole + 1;
      if (first >= size) break;
      // The earliest of up to four children.
      let child = first;
      let childTime = times[first]!;
      const last = first + 4 < size ? first + 4 : size;
      for (let k = first + 1; k < last; k++) {
        const t = times[k]!;
        if (t < childTime) {
          child = k;
          childTime = t;
        }
      }
      if (childTime >= time) break;
      times[hole] = childTime;
      payloads[hole] = payloads[child]!;
      hole = child;
    }
    times[hole] = time;
    payloads[hole] = payload;
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const payloads = new Int32Array(this.payloads.length * 2);
    times.set(this.times);
    payloads.set(this.payloads);
    this.times = times;
    this.payloads = payloads;
  }
}

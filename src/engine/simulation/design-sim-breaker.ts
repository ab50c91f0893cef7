// Per-connection guards the caller keeps: circuit breakers and retry budgets, in typed arrays
// indexed by out-edge slot so that checking them allocates nothing.
//
// Breaker: closed, it counts calls and failures over a rolling window (ten sub-windows); when at
// least minCalls were made and the failed share reaches the ratio, it opens. Open, every call
// fails at once until openMs has passed; then half-open, it lets `probes` calls through: any
// failure opens it again, `probes` successes close it with a clean window.
import type { SimModel } from './design-sim-model';

const CLOSED = 0;
const OPEN = 1;
const HALF_OPEN = 2;
const SUB_WINDOWS = 10;

export class CircuitBreakers {
  /** Times each breaker opened (all time; the report takes the measured share). */
  readonly openings: Float64Array;
  private readonly state: Uint8Array;
  private readonly openUntil: Float64Array;
  private readonly probesLeft: Int32Array;
  private readonly probeSuccesses: Int32Array;
  private readonly calls: Float64Array;
  private readonly failures: Float64Array;
  private readonly windowCalls: Float64Array;
  private readonly windowFailures: Float64Array;
  /** Index of the newest sub-window written, per slot. */
  private readonly head: Float64Array;

  constructor(private readonly model: SimModel) {
    const m = model.outTarget.length;
    this.openings = new Float64Array(m);
    this.state = new Uint8Array(m);
    this.openUntil = new Float64Array(m);
    this.probesLeft = new Int32Array(m);
    this.probeSuccesses = new Int32Array(m);
    this.calls = new Float64Array(m * SUB_WINDOWS);
    this.failures = new Float64Array(m * SUB_WINDOWS);
    this.windowCalls = new Float64Array(m);
    this.windowFailures = new Float64Array(m);
    this.head = new Float64Array(m);
  }

  /** Whether a call may go out now (counts a probe when half-open). */
  allow(slot: number, nowMs: number): boolean {
    let state = this.state[slot]!;
    if (state === OPEN) {
      if (nowMs < this.openUntil[slot]!) return false;
      state = HALF_OPEN;
      this.state[slot] = HALF_OPEN;
      this.probesLeft[slot] = this.model.breakerProbes[slot]!;
      this.probeSuccesses[slot] = 0;
    }
    if (state === HALF_OPEN) {
      if (this.probesLeft[slot]! <= 0) return false;
      this.probesLeft[slot]!--;
    }
    return true;
  }

  /** Records how a call ended; returns true when this result opened the breaker. */
  record(slot: number, ok: boolean, nowMs: number): boolean {
    const state = this.state[slot]!;
    if (state === OPEN) return false;
    if (state === HALF_OPEN) {
      if (!ok) return this.open(slot, nowMs);
      if (++this.probeSuccesses[slot]! >= this.model.breakerProbes[slot]!) this.close(slot, nowMs);
      return false;
    }
    const k = this.roll(slot, nowMs);
    this.calls[k]!++;
    this.windowCalls[slot]!++;
    if (!ok) {
      this.failures[k]!++;
      this.windowFailures[slot]!++;
    }
    const total = this.windowCalls[slot]!;
    if (!ok && total >= this.model.breakerMinCalls[slot]! && this.windowFailures[slot]! >= this.model.breakerRatio[slot]! * total) return this.open(slot, nowMs);
    return false;
  }

  private open(slot: number, nowMs: number): boolean {
    this.state[slot] = OPEN;
    this.openUntil[slot] = nowMs + this.model.breakerOpenMs[slot]!;
    this.openings[slot]!++;
    return true;
  }

  private close(slot: number, nowMs: number): void {
    this.state[slot] = CLOSED;
    const base = slot * SUB_WINDOWS;
    this.calls.fill(0, base, base + SUB_WINDOWS);
    this.failures.fill(0, base, base + SUB_WINDOWS);
    this.windowCalls[slot] = 0;
    this.windowFailures[slot] = 0;
    this.head[slot] = Math.floor(nowMs / (this.model.breakerWindowMs[slot]! / SUB_WINDOWS));
  }

  /** Clears sub-windows that fell out of the window; returns the array index of the current one. */
  private roll(slot: number, nowMs: number): number {
    const index = Math.floor(nowMs / (this.model.breakerWindowMs[slot]! / SUB_WINDOWS));
    const base = slot * SUB_WINDOWS;
    let head = this.head[slot]!;
    if (index > head) {
      const steps = Math.min(SUB_WINDOWS, index - head);
      for (let i = 1; i <= steps; i++) {
        const k = base + ((head + i) % SUB_WINDOWS);
        this.windowCalls[slot]! -= this.calls[k]!;
        this.windowFailures[slot]! -= this.failures[k]!;
        this.calls[k] = 0;
        this.failures[k] = 0;
      }
      head = index;
      this.head[slot] = head;
    }
    return base + (head % SUB_WINDOWS);
  }
}

const BUDGET_START = 10;
const BUDGET_CAP = 100;

/** Retry budgets: first attempts earn budgetRatio tokens, a retry spends one. */
export class RetryBudgets {
  private readonly balance: Float64Array;

  constructor(private readonly model: SimModel) {
    this.balance = new Float64Array(model.outTarget.length).fill(BUDGET_START);
  }

  deposit(slot: number): void {
    const ratio = this.model.budgetRatio[slot]!;
    if (ratio === ratio) this.balance[slot] = Math.min(BUDGET_CAP, this.balance[slot]! + ratio);
  }

  /** Takes a token for one retry; false when the budget is spent (no budget: always true). */
  withdraw(slot: number): boolean {
    if (this.model.budgetRatio[slot]! !== this.model.budgetRatio[slot]!) return true;
    if (this.balance[slot]! < 1) return false;
    this.balance[slot]! -= 1;
    return true;
  }
}

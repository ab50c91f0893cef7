// Where calls can go: network partitions in force, and how a load balancer picks its target,
// steering away from targets its health checks have found down or unreachable.
import type { SimModel } from './design-sim-model';

interface Partition {
  failure: number;
  /** 1 side A, 2 side B, 0 neither, per node. */
  side: Uint8Array;
  sinceMs: number;
}

export class Routing {
  private readonly partitions: Partition[] = [];

  /**
   * @param unservableSince per node, when it stopped being able to serve (Infinity while it can);
   *   owned and updated by the simulator.
   */
  constructor(
    private readonly model: SimModel,
    private readonly unservableSince: Float64Array,
  ) {}

  get partitioned(): boolean {
    return this.partitions.length > 0;
  }

  setPartition(failure: number, side: Uint8Array, active: boolean, nowMs: number): void {
    const at = this.partitions.findIndex((p) => p.failure === failure);
    if (active && at < 0) this.partitions.push({ failure, side, sinceMs: nowMs });
    if (!active && at >= 0) this.partitions.splice(at, 1);
  }

  reachable(from: number, to: number): boolean {
    for (const p of this.partitions) {
      const a = p.side[from]!;
      const b = p.side[to]!;
      if (a !== 0 && b !== 0 && a !== b) return false;
    }
    return true;
  }

  /**
   * Router j: the branch slot for a request, by share with u uniform in [0, 1), or -1
   * for none (shares adding up to less than 1). Targets found down are skipped and their share
   * goes to the others; when all look down the shares stand as they are. A retry passes the slot
   * it failed on as `exclude`, and goes elsewhere when any other target looks up (as Envoy's
   * previous-hosts retry predicate and nginx's proxy_next_upstream do).
   */
  pickTarget(j: number, u: number, nowMs: number, anyUnservable: boolean, exclude = -1): number {
    const m = this.model;
    const start = m.branchStart[j]!;
    const end = m.outStart[j + 1]!;
    const total = m.shareTotal[j]!;
    if (u >= total) return -1;
    const checkHealth = anyUnservable || this.partitions.length > 0;
    let healthy = total;
    if (checkHealth || exclude >= 0) {
      healthy = 0;
      for (let s = start; s < end; s++) if (this.usable(j, s, exclude, checkHealth, nowMs)) healthy += m.edgeShare[s]!;
    }
    const all = healthy === total || healthy <= 0;
    let v = all ? u : (u / total) * healthy;
    let last = -1;
    for (let s = start; s < end; s++) {
      if (!all && !this.usable(j, s, exclude, checkHealth, nowMs)) continue;
      last = s;
      v -= m.edgeShare[s]!;
      if (v < 0) return s;
    }
    return last;
  }

  /** Whether balancer j may send to out-edge slot s: not the slot excluded, and its target looks up. */
  private usable(j: number, s: number, exclude: number, checkHealth: boolean, nowMs: number): boolean {
    return s !== exclude && (!checkHealth || this.looksHealthy(j, this.model.outTarget[s]!, nowMs));
  }

  /** Whether the balancer's health checks still see target t as up (they take healthCheckMs to notice). */
  private looksHealthy(lb: number, t: number, nowMs: number): boolean {
    const detectMs = this.model.healthCheckMs[lb]!;
    if (nowMs - this.unservableSince[t]! >= detectMs) return false;
    for (const p of this.partitions) {
      const a = p.side[lb]!;
      const b = p.side[t]!;
      if (a !== 0 && b !== 0 && a !== b && nowMs - p.sinceMs >= detectMs) return false;
    }
    return true;
  }
}

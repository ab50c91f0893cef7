// What changes a running design from outside its requests: the failure timeline (crashes,
// slowdowns, error rates, zone and region outages, partitions, database failover) and the
// autoscaler (target tracking with provisioning delay and cooldown). Both act on the simulator
// through its control surface (capacity, down counts, partitions, failing requests).
import { describeFailure, failureTargetName } from '../../model/failures';
import type { SimModel, TimelineAction } from './design-sim-model';

/** What the failure timeline and the autoscaler may touch in a running simulator (DesignSimulator implements it). */
export interface SimulatorControls {
  readonly model: SimModel;
  readonly now: number;
  readonly instances: Int32Array;
  readonly crashed: Int32Array;
  readonly copyUp: Uint8Array;
  readonly downCount: Int32Array;
  readonly slowFactor: Float64Array;
  readonly errorRate: Float64Array;
  readonly primary: Int32Array;
  note(j: number, message: string): void;
  refreshCapacity(j: number): void;
  failAtStations(first: number, last: number, p: number, failQueued: boolean): void;
  setPartition(failure: number, side: Uint8Array, active: boolean): void;
  scheduleProvision(timeMs: number, j: number, count: number): void;
  workerTotals(j: number): { busyMs: number; capacityMs: number };
}

export class FailureTimeline {
  private readonly active: Uint8Array;
  /** Crash: the station whose instances were stopped (-1: the whole node went down). */
  private readonly crashedStation: Int32Array;
  /** Database failover: the primary copy that failed. */
  private readonly failedPrimary: Int32Array;

  /** Components, zones and regions by their labels, for the run's log. */
  private readonly name: (id: string) => string;

  constructor(private readonly sim: SimulatorControls) {
    const count = sim.model.failures.length;
    const labels = new Map<string, string>([...sim.model.design.groups.map((g): [string, string] => [g.id, g.label || g.id]), ...sim.model.ids.map((id, j): [string, string] => [id, sim.model.labels[j]!])]);
    this.name = (id) => labels.get(id) ?? id;
    this.active = new Uint8Array(count);
    this.crashedStation = new Int32Array(count).fill(-1);
    this.failedPrimary = new Int32Array(count).fill(-1);
  }

  apply(action: TimelineAction): void {
    const sim = this.sim;
    const i = action.failure;
    const failure = sim.model.failures[i]!;
    const event = failure.event;
    const start = action.phase === 'start';
    if (action.phase !== 'promote') {
      if (start === (this.active[i] === 1)) return;
      this.active[i] = start ? 1 : 0;
    }
    switch (event.kind) {
      case 'crash':
        return start ? this.crash(i, failure.nodes[0]!, event.instances, event.queued !== 'wait') : this.recover(i, failure.nodes[0]!, event.instances ?? 0);
      case 'slowdown':
      case 'error-rate':
        this.refreshDegradation(failure.nodes[0]!);
        sim.note(failure.nodes[0]!, start ? describeFailure(event, this.name) : `ended: ${describeFailure(event, this.name)}`);
        return;
      case 'group-outage':
        sim.note(-1, start ? `${describeFailure(event, this.name)} (${failure.nodes.length} components)` : `${this.name(event.groupId)} back`);
        for (const j of failure.nodes) this.setDown(j, start ? 1 : -1, true);
        return;
      case 'partition':
        sim.setPartition(i, failure.side!, start);
        sim.note(-1, start ? describeFailure(event, this.name) : `the network between ${failureTargetName(event, this.name)} heals`);
        return;
      case 'db-failover':
        return this.failover(i, failure.nodes[0]!, action.phase);
      default: {
        // Every kind in FAILURE_KINDS needs its behaviour here: the compiler names a kind left out.
        const unhandled: never = event;
        throw new Error(`No behaviour for failure ${JSON.stringify(unhandled)}`);
      }
    }
  }

  private crash(i: number, j: number, instances: number | undefined, failQueued: boolean): void {
    const sim = this.sim;
    const s = sim.primary[j]!;
    const up = Math.max(0, sim.instances[s]! - sim.crashed[s]!);
    if (instances === undefined || instances >= up) {
      sim.note(j, 'crashed (all instances)');
      this.setDown(j, 1, failQueued);
      return;
    }
    this.crashedStation[i] = s;
    sim.crashed[s]! += instances;
    sim.note(j, `${instances} of ${up} instances crashed`);
    sim.refreshCapacity(j);
    sim.failAtStations(s, s + 1, instances / up, failQueued);
  }

  private recover(i: number, j: number, instances: number): void {
    const sim = this.sim;
    const s = this.crashedStation[i]!;
    sim.note(j, 'crashed instances back');
    if (s < 0) return this.setDown(j, -1, false);
    sim.crashed[s] = Math.max(0, sim.crashed[s]! - instances);
    sim.refreshCapacity(j);
  }

  private setDown(j: number, delta: number, failQueued: boolean): void {
    const sim = this.sim;
    sim.downCount[j]! += delta;
    sim.refreshCapacity(j);
    if (delta > 0 && sim.downCount[j] === 1) sim.failAtStations(sim.model.stationStart[j]!, sim.model.stationStart[j + 1]!, 1, failQueued);
  }

  /** Slowdown factors multiply and error rates combine over every such failure in force. */
  private refreshDegradation(j: number): void {
    const sim = this.sim;
    let slow = 1;
    let ok = 1;
    sim.model.failures.forEach((f, i) => {
      if (this.active[i] !== 1 || f.nodes[0] !== j) return;
      if (f.event.kind === 'slowdown') slow *= f.event.factor;
      if (f.event.kind === 'error-rate') ok *= 1 - f.event.rate;
    });
    sim.slowFactor[j] = slow;
    sim.errorRate[j] = 1 - ok;
  }

  private failover(i: number, j: number, phase: TimelineAction['phase']): void {
    const sim = this.sim;
    const m = sim.model;
    if (phase === 'start') {
      const s = sim.primary[j]!;
      this.failedPrimary[i] = s;
      sim.copyUp[s] = 0;
      sim.note(j, 'primary failed; writes fail until a replica is promoted');
      sim.refreshCapacity(j);
      sim.failAtStations(s, s + 1, 1, true);
      return;
    }
    const failed = this.failedPrimary[i]!;
    if (phase === 'promote') {
      if (this.active[i] !== 1 || sim.primary[j] !== failed) return;
      for (let s = m.stationStart[j]!; s < m.stationStart[j + 1]!; s++) {
        if (s !== failed && sim.copyUp[s] === 1) {
          sim.primary[j] = s;
          sim.note(j, 'a read replica was promoted to primary');
          return;
        }
      }
      sim.note(j, 'no read replica to promote; writes keep failing until the primary is back');
      return;
    }
    sim.copyUp[failed] = 1;
    sim.note(j, sim.primary[j] === failed ? 'primary back' : 'old primary back as a read replica');
    sim.refreshCapacity(j);
  }
}

/** Utilization within this share of the target changes nothing (as Kubernetes' HPA), so noise does not flap. */
const TOLERANCE = 0.1;

/**
 * Target tracking: every evaluation period, desired = ceil(instances * utilization / target)
 * unless utilization is within 10% of the target, where utilization is the busy share of the workers up over the period (held time included,
 * capped at 100% like a CPU metric). Scale-out waits out the cooldown since the last scale-out
 * and takes the provisioning time to serve; scale-in is immediate (requests in service finish)
 * but waits for the cooldown since any scaling and for nothing to be provisioning.
 */
export class Autoscaler {
  private readonly pending: Int32Array;
  private readonly lastOutMs: Float64Array;
  private readonly lastInMs: Float64Array;
  private readonly lastBusyMs: Float64Array;
  private readonly lastCapacityMs: Float64Array;

  constructor(private readonly sim: SimulatorControls) {
    const n = sim.model.size;
    this.pending = new Int32Array(n);
    this.lastOutMs = new Float64Array(n).fill(-Infinity);
    this.lastInMs = new Float64Array(n).fill(-Infinity);
    this.lastBusyMs = new Float64Array(n);
    this.lastCapacityMs = new Float64Array(n);
  }

  /** Evaluates node j; returns the time until the next evaluation, ms. */
  evaluate(j: number): number {
    const sim = this.sim;
    const policy = sim.model.autoscale[j]!;
    const { busyMs, capacityMs } = sim.workerTotals(j);
    const busy = busyMs - this.lastBusyMs[j]!;
    const capacity = capacityMs - this.lastCapacityMs[j]!;
    this.lastBusyMs[j] = busyMs;
    this.lastCapacityMs[j] = capacityMs;
    if (sim.downCount[j]! > 0 || capacity <= 0) return policy.evaluationMs;
    const utilization = busy / capacity;
    const current = sim.instances[sim.model.stationStart[j]!]!;
    const ratio = utilization / policy.target;
    const wanted = Math.abs(ratio - 1) <= TOLERANCE ? current : Math.ceil(current * ratio - 1e-9);
    const desired = Math.min(policy.max, Math.max(policy.min, wanted));
    const now = sim.now;
    const pending = this.pending[j]!;
    if (desired > current + pending) {
      if (now >= this.lastOutMs[j]! + policy.cooldownMs) {
        const add = desired - current - pending;
        this.pending[j] = pending + add;
        this.lastOutMs[j] = now;
        sim.scheduleProvision(now + policy.provisioningMs, j, add);
        sim.note(j, `autoscaling: utilization ${(utilization * 100).toFixed(0)}%, adding ${add} instances (ready in ${policy.provisioningMs / 1000} s)`);
      }
    } else if (desired < current && pending === 0 && now >= Math.max(this.lastOutMs[j]!, this.lastInMs[j]!) + policy.cooldownMs) {
      this.lastInMs[j] = now;
      sim.note(j, `autoscaling: utilization ${(utilization * 100).toFixed(0)}%, removing ${current - desired} instances`);
      this.setInstances(j, desired);
    }
    return policy.evaluationMs;
  }

  provisioned(j: number, count: number): void {
    const sim = this.sim;
    this.pending[j]! -= count;
    const current = sim.instances[sim.model.stationStart[j]!]!;
    this.setInstances(j, Math.min(sim.model.autoscale[j]!.max, current + count));
    sim.note(j, `autoscaling: ${count} instances ready`);
  }

  private setInstances(j: number, count: number): void {
    const sim = this.sim;
    for (let s = sim.model.stationStart[j]!; s < sim.model.stationStart[j + 1]!; s++) sim.instances[s] = count;
    sim.refreshCapacity(j);
  }
}

// A scenario's month, for its bill. Instances are paid for every hour of the month (the analytic
// model keeps a fixed fleet). Per-request charges follow the scenario's traffic as the simulator
// plays it (spikes, ramps, steps, daily cycles) for the hours a month that traffic lasts
// (workload.busyHoursPerMonth, all month unless the story says otherwise), and the quiet rate
// (workload.quietRps) for the rest. A one-hour flash sale is billed for an hour of sale traffic,
// not for a month of it.
import { SECONDS_PER_MONTH } from '../engine/metrics/cost';
import { ClientWorkload } from '../engine/simulation/design-sim-workload';
import { workloadShapes } from './simulation';
import type { Scenario } from './types';

/** Width of each slice when adding up the month's traffic, s: a tenth of the shortest step a timeline uses in practice (a 120 s spike). */
const SLICE_S = 10;

/** Requests the scenario's clients send in a month. */
export function monthlyRequests(scenario: Scenario): number {
  const { clientRps, overTime, busyHoursPerMonth, quietRps } = scenario.workload;
  const busyS = Math.min(SECONDS_PER_MONTH, busyHoursPerMonth * 3600);
  const shapes = workloadShapes(scenario.design, clientRps, overTime);
  const clients = Object.keys(clientRps).map((id) => new ClientWorkload(clientRps[id]!, shapes[id] ?? []));
  let busy = 0;
  for (let t = 0; t < busyS; t += SLICE_S) {
    const width = Math.min(SLICE_S, busyS - t);
    const mid = t + width / 2;
    for (const c of clients) busy += c.rateRps(mid) * width;
  }
  return busy + quietRps * (SECONDS_PER_MONTH - busyS);
}

/**
 * The month's requests over those of the scenario's steady rates (what the analytic engine
 * solves) running all month: what per-request charges are scaled by. 1 for steady traffic all month.
 */
export function monthlyRequestScale(scenario: Scenario): number {
  let scale = scales.get(scenario);
  if (scale === undefined) scales.set(scenario, (scale = requestScale(scenario)));
  return scale;
}

/** Worked out once per scenario: grading solves the same scenario many times (a critique's evidence, its shotgun check). */
const scales = new WeakMap<Scenario, number>();

function requestScale(scenario: Scenario): number {
  const steady = Object.values(scenario.workload.clientRps).reduce((sum, r) => sum + r, 0);
  if (!(steady > 0)) return 1;
  if (scenario.workload.overTime.length === 0 && scenario.workload.busyHoursPerMonth * 3600 >= SECONDS_PER_MONTH) return 1;
  return monthlyRequests(scenario) / (steady * SECONDS_PER_MONTH);
}

// A scenario's traffic over time and failure timeline in plain words, for the fix panel's
// simulated check and the authoring preview: "At 15 min, for 5 min: SMS provider 4x slower".
import { ClientWorkload } from '../engine/simulation/design-sim-workload';
import { FAILURE_SPECS, resolvedParams } from '../model/failures';
import type { Design } from '../model/types';
import { formatDuration, formatWholeRps } from '../model/format';
import { describeWorkloadStep } from '../model/workloads';
import { scenarioSimOptions } from './simulation';
import type { FailureEvent, Scenario, WorkloadStep } from './types';
import { sendsRequests } from '../model/traits';


function nameOf(design: Design, id: string): string {
  return design.nodes.find((n) => n.id === id)?.label ?? design.groups.find((g) => g.id === id)?.label ?? design.edges.find((e) => e.id === id)?.label ?? id;
}

function stepText(step: WorkloadStep, design: Design): string {
  return describeWorkloadStep(step, step.client === undefined ? '' : ` from ${nameOf(design, step.client)}`);
}

function failureText(f: FailureEvent, design: Design): string {
  const params = resolvedParams(f);
  return `At ${formatDuration(f.atS)}, for ${formatDuration(f.durationS)}: ${FAILURE_SPECS[f.kind].describe(nameOf(design, f.target), params)}`;
}

export interface TimelineSummary {
  /** Simulated length of a run, s. */
  durationS: number;
  /** Requests the clients send in one run (expected value). */
  requests: number;
  /** Traffic changes, then failures, in words. */
  lines: string[];
}

/**
 * What the simulated check replays, in words, with the run's length and how many requests it
 * sends (to say how long the check will take). Null when the design cannot be simulated for the
 * scenario (a client is missing); the check itself reports why.
 */
export function describeTimeline(scenario: Scenario, design: Design = scenario.design): TimelineSummary | null {
  let prepared: ReturnType<typeof scenarioSimOptions>;
  try {
    prepared = scenarioSimOptions(scenario, design);
  } catch {
    return null;
  }
  const { durationS, workload } = prepared.options;
  let requests = 0;
  for (const n of prepared.design.nodes) {
    if (!sendsRequests(n)) continue;
    const given = workload?.[n.id] ?? [];
    const w = new ClientWorkload(n.params.rps ?? 0, Array.isArray(given) ? given : [given]);
    // Midpoint rule over 400 slices: ample for sums of steps, ramps and day-long sinusoids.
    const slices = 400;
    for (let i = 0; i < slices; i++) requests += (w.rateRps(((i + 0.5) * durationS) / slices) * durationS) / slices;
  }
  const steady = scenario.workload.overTime.length === 0 ? [`Steady traffic: ${formatWholeRps(Object.values(scenario.workload.clientRps).reduce((a, b) => a + b, 0))}`] : [];
  return {
    durationS,
    requests,
    lines: [...steady, ...scenario.workload.overTime.map((s) => stepText(s, scenario.design)), ...scenario.failures.map((f) => failureText(f, scenario.design))],
  };
}

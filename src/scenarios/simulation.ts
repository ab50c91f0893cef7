// A scenario's story in the simulator's terms: its traffic (a constant rate per client plus the
// steps, ramps, spikes and daily cycles of workload.overTime), its failure timeline and its
// targets, so a scenario's design (or a learner's design for it) can be run over time.
import { compileDesign, placementOf } from '../engine/analytic';
import { timelineAvailability } from '../engine/analytic/timeline-availability';
import { defaultWarmupS, DesignSimError, type DesignSimOptions, type FailureEvent as SimFailure, type WorkloadShape } from '../engine/simulation';
import { ClientWorkload } from '../engine/simulation/design-sim-workload';
import type { SloTargets } from '../engine/metrics/slo';
import { FAILURE_SPECS, resolvedParams } from '../model/failures';
import { workloadStepEndS, workloadStepShapes } from '../model/workloads';
import type { Design, DesignGroup } from '../model/types';
import type { ScenarioBase } from './scenario-base';
import type { FailureEvent, WorkloadStep } from './schema';
import { clientNodes, missingClients } from './workload';
import { sendsRequests } from '../model/traits';

/** Shortest run, s: long enough for the warm-up and a couple of minutes of steady traffic. */
export const MIN_SCENARIO_DURATION_S = 120;
/** Time to watch after the last failure or traffic change, s (or a tenth of the run, if longer). */
export const RECOVERY_MARGIN_S = 60;

export type ScenarioSimOptions = Omit<DesignSimOptions, 'onProgress'>;

/**
 * The design to simulate (the scenario's own unless given) with each client sending the scenario's
 * request rate, and the options that replay the scenario's traffic over time and failures and
 * check its targets. Throws DesignSimError when the design lacks something the scenario needs.
 */
export function scenarioSimOptions(scenario: ScenarioBase, design: Design = scenario.design): { design: Design; options: ScenarioSimOptions } {
  const { clientRps, overTime } = scenario.workload;
  const withRates = withScenarioRates(scenario, design);
  const workload = workloadShapes(withRates, clientRps, overTime);
  const failures = scenario.failures.map((f) => simFailure(f.kind === 'group-outage' ? { ...f, target: lostGroup(f.target, withRates) } : f, withRates));
  const slo = sloTargets(scenario);
  const options: ScenarioSimOptions = {
    durationS: scenarioDurationS(scenario),
    seed: 1,
    ...(Object.keys(workload).length > 0 ? { workload } : {}),
    ...(failures.length > 0 ? { failures } : {}),
    ...(slo ? { slo } : {}),
  };
  return { design: withRates, options };
}

/**
 * The design with each client sending the scenario's constant rate (what the analytic grading
 * uses too), whatever its own settings say. Throws DesignSimError when a client is missing.
 */
export function withScenarioRates(scenario: ScenarioBase, design: Design = scenario.design): Design {
  const missing = missingClients(design, scenario.workload);
  if (missing.length > 0) throw new DesignSimError([`The design has no client "${missing.join('", "')}" to send the scenario's traffic from; put it back.`]);
  const { clientRps } = scenario.workload;
  return {
    ...design,
    nodes: design.nodes.map((n) => (sendsRequests(n) && clientRps[n.id] !== undefined ? { ...n, params: { ...n.params, rps: clientRps[n.id]! } } : n)),
  };
}

/** Long enough to see every failure end and every traffic change play out, plus a margin; at least MIN_SCENARIO_DURATION_S. */
export function scenarioDurationS(scenario: ScenarioBase): number {
  let lastS = 0;
  for (const f of scenario.failures) lastS = Math.max(lastS, f.atS + f.durationS);
  // A daily cycle has no end; the run shows as much of it as the rest of the story needs.
  for (const step of scenario.workload.overTime) lastS = Math.max(lastS, workloadStepEndS(step));
  const endS = lastS + Math.max(RECOVERY_MARGIN_S, lastS / 10);
  return Math.max(MIN_SCENARIO_DURATION_S, Math.ceil(endS / 10) * 10);
}

function sloTargets(scenario: ScenarioBase): SloTargets | null {
  const { availability, p99LatencyMs, errorRate } = scenario.requirements;
  const slo: SloTargets = {
    ...(availability !== undefined ? { availability } : {}),
    ...(p99LatencyMs !== undefined ? { p99Ms: p99LatencyMs } : {}),
    ...(errorRate !== undefined ? { errorRate } : {}),
  };
  return Object.keys(slo).length > 0 ? slo : null;
}

// ---- traffic over time ------------------------------------------------------------------------

/**
 * Shapes per client. A step without a client speaks of all the scenario's clients together, so
 * each gets its usual share of the step's rate; each kind's spec turns a step into shapes.
 */
export function workloadShapes(design: Design, clientRps: Readonly<Record<string, number>>, steps: readonly WorkloadStep[]): Record<string, WorkloadShape[]> {
  // Clients a learner added keep their own steady rate, as in the analytic grading.
  const clients = clientNodes(design)
    .map((n) => n.id)
    .filter((id) => clientRps[id] !== undefined);
  const total = clients.reduce((sum, id) => sum + (clientRps[id] ?? 0), 0);
  const shareOf = (id: string) => (total > 0 ? (clientRps[id] ?? 0) / total : 1 / clients.length);
  const out: Record<string, WorkloadShape[]> = {};
  for (const step of steps) {
    const targets = step.client === undefined ? clients : [step.client];
    for (const id of targets) {
      const share = step.client === undefined ? shareOf(id) : 1;
      const shapes = (out[id] ??= []);
      shapes.push(...workloadStepShapes(step, share, () => new ClientWorkload(clientRps[id] ?? 0, shapes).rateRps(step.atS)));
    }
  }
  return out;
}

// ---- failures ---------------------------------------------------------------------------------

/** A scenario failure names its target by id; the design's setup says which field (nodeId, groupId, the partition's sides). */
function simFailure(f: FailureEvent, design: Design): SimFailure {
  const spec = FAILURE_SPECS[f.kind];
  const target = spec.target === 'group' ? { groupId: f.target } : spec.target === 'network' ? partitionSides(f.target, design) : { nodeId: f.target };
  return { kind: f.kind, ...target, atS: f.atS, durationS: f.durationS, ...resolvedParams(f) } as SimFailure;
}

/**
 * The zone or region a zone or region loss in the story takes from this design. Which one fails
 * is the world's draw, not the learner's: when another of the design's zones (or regions) would
 * cost more requests to lose, as the analytic model sees it, that one is lost instead, so moving
 * everything into a new zone the story does not name escapes nothing. The story's own on a tie.
 */
function lostGroup(target: string, design: Design): string {
  const named = design.groups.find((g) => g.id === target);
  if (!named) return target;
  const built = compileDesign(design);
  if (!built.ok) return target;
  const { compiled } = built;
  const served = (groupId: string) => {
    const figures = timelineAvailability(compiled, [{ kind: 'group-outage', groupId, atS: 0, durationS: 1 }], 0, 1);
    return figures ? compiled.clients.reduce((sum, c) => sum + compiled.externalRps[c]! * figures[c]!, 0) : Infinity;
  };
  let worst = target;
  let worstServed = served(target);
  for (const g of design.groups) {
    if (g.kind !== named.kind || g.id === target) continue;
    const s = served(g.id);
    if (s < worstServed - 1e-9 * Math.max(1, worstServed)) [worst, worstServed] = [g.id, s];
  }
  return worst;
}

/**
 * A partition of a connection cuts its two ends apart; of a zone or region, cuts everything in
 * it off from everything outside it (clients included: they cannot reach it either).
 */
function partitionSides(target: string, design: Design): { sideA: string[]; sideB: string[] } {
  const edge = design.edges.find((e) => e.id === target);
  if (edge) return { sideA: [edge.source], sideB: [edge.target] };
  const groupsById = new Map<string, DesignGroup>(design.groups.map((g) => [g.id, g]));
  if (!groupsById.has(target)) {
    throw new DesignSimError([`The scenario's partition names "${target}", which is neither a connection nor a zone or region of the design.`]);
  }
  const outside = design.nodes.filter((n) => {
    const p = placementOf(n, groupsById);
    return n.groupId !== target && p.zone !== target && p.region !== target;
  });
  return { sideA: [target], sideB: outside.map((n) => n.id) };
}

// ---- the story's failures, worked out analytically -------------------------------------------

/** Steps per second when adding up the requests a client sends over a stretch of the timeline (its rate is read at each step's middle). */
const RATE_STEPS_PER_S = 1;

/**
 * The share of each client's requests that succeed through the scenario's failure timeline, as
 * the analytic model works it out over the run the simulated check replays (the same failures,
 * traffic over time and warm-up): per client id. null when the model cannot work this timeline
 * out for the design (timeline-availability.ts says which); throws DesignSimError when the design
 * lacks something the scenario needs.
 */
export function scenarioTimelineAvailability(scenario: ScenarioBase, design: Design): Record<string, number> | null {
  const { design: withRates, options } = scenarioSimOptions(scenario, design);
  const built = compileDesign(withRates);
  if (!built.ok) throw new DesignSimError(built.errors.map((e) => e.message));
  const { compiled } = built;
  const workloads = compiled.clients.map((c) => new ClientWorkload(compiled.externalRps[c]!, [options.workload?.[compiled.design.nodes[c]!.id] ?? []].flat()));
  const requestsBetween = (c: number, aS: number, bS: number) => {
    const workload = workloads[compiled.clients.indexOf(c)]!;
    const steps = Math.max(1, Math.ceil((bS - aS) * RATE_STEPS_PER_S));
    let sum = 0;
    for (let k = 0; k < steps; k++) sum += workload.rateRps(aS + ((k + 0.5) * (bS - aS)) / steps);
    return (sum * (bS - aS)) / steps;
  };
  const figures = timelineAvailability(compiled, options.failures ?? [], defaultWarmupS(options.durationS), options.durationS, { requestsBetween });
  if (!figures) return null;
  return Object.fromEntries(compiled.clients.map((c) => [compiled.design.nodes[c]!.id, figures[c]!]));
}

/** Whether a fix scenario has a story over time (traffic changes or failures) for the simulator to replay. */
export function hasTimeline(scenario: ScenarioBase): boolean {
  return scenario.failures.length > 0 || scenario.workload.overTime.length > 0;
}

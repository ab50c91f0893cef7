// Solves a learner's design analytically: compile to a queueing model, run the layered fixed
// point, then describe every component and every client's flow in plain figures.
import type { Design } from '../../model/types';
import { monthlyCost, type MonthlyCost } from '../metrics/cost';
import { describeFlows, PERCENTILE_LEVELS } from './design-flows';
import { buildNodeLaws, type NodeLaws } from './design-laws';
import { compileDesign, nodeName, type CompiledDesign, type SolveDesignOptions } from './design-model';
import type { ComponentResult, DesignSolution, DesignSolveResult } from './design-results';
import { availabilityInputs, componentAvailability, requestAvailability } from './request-availability';
import { findSaturationScales } from './saturation-scale';
import { lawQuantiles } from './law-quantiles';
import { SojournMixture } from './sojourn';
import { addNodeResponse, createModelState, nodeCapacityRps, solveModel, type ModelState } from './solve-model';

export function solveDesign(design: Design, options: SolveDesignOptions = {}): DesignSolveResult {
  const built = compileDesign(design, options);
  return built.ok ? solveCompiledDesign(built.compiled, options.findSaturationPoints ?? true) : built;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function solveCompiledDesign(compiled: CompiledDesign, findSaturationPoints = true): DesignSolution {
  const { model, design } = compiled;
  const state = solveModel(model, createModelState(model), compiled.externalRps);
  const laws = buildNodeLaws(model, state);
  const percentiles = stationPercentiles(compiled, state, laws);

  const saturatedNodes: number[] = [];
  for (let j = 0; j < model.size; j++) if (model.isStation[j] === 1 && state.saturated[j] === 1) saturatedNodes.push(j);
  const entryRps = compiled.clients.reduce((sum, c) => sum + compiled.externalRps[c]!, 0);
  const scales = findSaturationPoints ? findSaturationScales(model, compiled.externalRps, saturatedNodes) : new Map<number, number>();

  const availability = availabilityInputs(compiled);
  const components: Record<string, ComponentResult> = {};
  const total: MonthlyCost = { instancesUsdPerMonth: 0, requestsUsdPerMonth: 0, totalUsdPerMonth: 0 };
  design.nodes.forEach((node, j) => {
    if (model.isStation[j] !== 1) return;
    const result = describeComponent(compiled, state, percentiles, j, componentAvailability(availability, j));
    const scale = scales.get(j);
    result.saturatesAtRps = scale === undefined ? null : scale * entryRps;
    components[node.id] = result;
    total.instancesUsdPerMonth += result.cost.instancesUsdPerMonth;
    total.requestsUsdPerMonth += result.cost.requestsUsdPerMonth;
    total.totalUsdPerMonth += result.cost.totalUsdPerMonth;
  });

  const flows = describeFlows(compiled, state, laws, requestAvailability(compiled, availability));
  return {
    ok: true,
    converged: state.converged,
    message: state.converged ? null : notConvergedMessage(compiled, state),
    entryRps,
    components,
    flows,
    saturated: saturatedNodes.map((j) => design.nodes[j]!.id),
    edgeRps: edgeRates(compiled, state),
    cost: total,
    warnings: compiled.warnings,
  };
}

function edgeRates(compiled: CompiledDesign, state: ModelState): Record<string, number> {
  const { model, edgeIds } = compiled;
  const out: Record<string, number> = {};
  for (let j = 0; j < model.size; j++) {
    const sent = state.throughputRps[j]!;
    for (let slot = model.outStart[j]!; slot < model.outStart[j + 1]!; slot++) {
      out[edgeIds[model.outEdgeOf[slot]!]!] = sent * model.edgeProbability[slot]! * model.edgeCalls[slot]!;
    }
  }
  return out;
}

function notConvergedMessage(compiled: CompiledDesign, state: ModelState): string {
  const { model, design } = compiled;
  if (!state.trafficSettled && model.trafficLoop) {
    const names = [...model.trafficLoop, model.trafficLoop[0]!].map((i) => nodeName(design.nodes[i]!)).join(' -> ');
    return `Traffic keeps growing around the loop ${names}: more requests go round it than leave it, so the figures cannot settle. Lower the calls or shares on that loop.`;
  }
  return `The figures did not settle after ${state.rounds} rounds (queue limits keep shifting load back and forth); they are the last estimate.`;
}

interface NodePercentiles {
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
  approximate: Uint8Array;
}

const levels = new Float64Array(3);
const guesses = new Float64Array(3);
const fit = new SojournMixture();

function stationPercentiles(compiled: CompiledDesign, state: ModelState, laws: NodeLaws): NodePercentiles {
  const { model } = compiled;
  const n = model.size;
  const p50 = new Float64Array(n).fill(NaN);
  const p95 = new Float64Array(n).fill(NaN);
  const p99 = new Float64Array(n).fill(NaN);
  const approximate = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const law = laws.response[j];
    if (model.isStation[j] !== 1 || !law) continue;
    // The two-moment fit's quantiles are close: the search starts there.
    addNodeResponse(fit.clear(), model, state, j).quantiles(PERCENTILE_LEVELS, guesses);
    lawQuantiles(law, PERCENTILE_LEVELS, levels, guesses);
    p50[j] = levels[0]!;
    p95[j] = levels[1]!;
    p99[j] = levels[2]!;
    approximate[j] = law.exact ? 0 : 1;
  }
  return { p50, p95, p99, approximate };
}

function describeComponent(compiled: CompiledDesign, state: ModelState, percentiles: NodePercentiles, j: number, availability: number): ComponentResult {
  const { model, design } = compiled;
  const node = design.nodes[j]!;
  const f = compiled.figures[j]!;
  const primary = state.primary[j]!;
  const replica = state.replica[j]!;
  const saturated = state.saturated[j] === 1;
  const cause = state.cause[j]!;
  const waitingOnOther = saturated && cause !== j;
  const hasReplicas = f.replicas > 0 && f.readShare > 0;

  const ownMs = model.serviceMs[j]!;
  // Proxies wait on downstream calls without holding a server, so only their own work counts.
  const holds = model.holdsWorkers[j] === 1;
  const heldMs = holds ? state.heldMs[j]! : 0;
  const effectiveMs = waitingOnOther ? Infinity : ownMs + heldMs;
  const capacityRps = waitingOnOther ? 0 : nodeCapacityRps(model, j, heldMs);

  const offeredRps = state.arrivalRps[j]!;
  const throughputRps = saturated ? null : state.throughputRps[j]!;
  const queueLength = primary.meanQueueLength + (hasReplicas ? f.replicas * replica.meanQueueLength : 0);
  const billedRps = throughputRps ?? Math.min(offeredRps, Number.isFinite(capacityRps) ? capacityRps : offeredRps);
  return {
    nodeId: node.id,
    label: nodeName(node),
    kind: node.kind,
    offeredRps,
    throughputRps,
    capacityRps: finiteOrNull(capacityRps),
    utilization: finiteOrNull(primary.utilization),
    replicaUtilization: hasReplicas ? finiteOrNull(replica.utilization) : null,
    meanQueueLength: saturated ? null : queueLength,
    meanWaitMs: saturated ? null : state.waitMs[j]!,
    meanServiceMs: finiteOrNull(effectiveMs),
    ownServiceMs: ownMs,
    heldMs: waitingOnOther ? null : heldMs,
    meanResponseMs: saturated ? null : state.responseMs[j]!,
    p50ResponseMs: finiteOrNull(percentiles.p50[j]!),
    p95ResponseMs: finiteOrNull(percentiles.p95[j]!),
    p99ResponseMs: finiteOrNull(percentiles.p99[j]!),
    percentilesApproximate: !saturated && percentiles.approximate[j] === 1,
    blockingProbability: state.blocking[j]!,
    rateLimitRps: state.limited[j] === 1 ? f.limitRps : null,
    saturated,
    saturationCauseId: saturated ? design.nodes[cause]!.id : null,
    saturatesAtRps: null,
    availability,
    cost: monthlyCost(f.instances * (1 + f.replicas), f.pricePerHour, f.pricePerMillion, billedRps * compiled.monthlyRequestScale),
  };
}

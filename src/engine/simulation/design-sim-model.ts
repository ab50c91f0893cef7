// A learner's design, plus the simulation options, in the flat form the event loop reads:
// per-node and per-out-edge typed arrays. The design is compiled by the analytic engine's
// compileDesign, so both engines see the same stations (c = instances * concurrency), the same
// edges (share, callsPerRequest) and the same network round trips; this adds what only the
// simulation needs: resilience settings per edge and node, workloads, and the failure timeline.
import { compileDesign, nodeName, type CompiledDesign } from '../analytic/design-model';
import { placementOf, type Placement } from '../analytic/network-latency';
import { cachesReads, sendsRequests } from '../../model/traits';
import type { ComponentKind, Design, DesignGroup } from '../../model/types';
import { FAILURE_KINDS, FAILURE_SPECS, FAILURE_TIME, failureParamProblem, promoteAfterS, type TargetFields } from '../../model/failures';
import { failureCanHit } from '../../model/traits';
import { checkKeys, checkSetting, compileEdgeResilience, compileNodeResilience, type AutoscaleParams, type Problems } from './design-sim-resilience';
import { ClientWorkload, workloadProblem } from './design-sim-workload';
import type { DesignSimOptions, EdgeResilience, FailureEvent, NodeResilience, ResilienceSettings, WorkloadShape } from './design-sim-types';
import { serviceTime, type ServiceTime } from './service-time';

/** A design or options the simulator cannot run, with every reason in the learner's words. */
export class DesignSimError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'DesignSimError';
  }
}

/** One failure, with the nodes it touches resolved to indices. */
export interface CompiledFailure {
  event: FailureEvent;
  nodes: number[];
  /** Partitions: 1 for side A, 2 for side B, 0 neither, per node. */
  side: Uint8Array | null;
}

/** A moment on the timeline: a failure starts, ends, or (db-failover) a replica is promoted. */
export interface TimelineAction {
  atMs: number;
  failure: number;
  phase: 'start' | 'end' | 'promote';
}

export interface SimModel {
  design: Design;
  size: number;
  ids: string[];
  labels: string[];
  kinds: ComponentKind[];
  isClient: Uint8Array;
  /** Caches and CDNs: a hit answers without calling anything behind. */
  caching: Uint8Array;
  hitRatio: Float64Array;
  /** Relational databases with replicas: share of requests that are reads. */
  readShare: Float64Array;
  /**
   * 1: a worker is held while the sync calls are under way (services, databases); 0: an
   * event-driven proxy (load balancer, gateway, cache...) frees it after its own work.
   */
  holdsWorkers: Uint8Array;
  /** Routers (load balancers, gateways, DNS): each request goes to one branch target, by share. */
  chooseOne: Uint8Array;
  /** Per node: the first out-edge slot that is a branch of its split (the node's end when none); branches come last. */
  branchStart: Int32Array;
  shareTotal: Float64Array;
  hasAsync: Uint8Array;
  service: ServiceTime[];
  concurrency: Int32Array;
  instances: Int32Array;
  queueCapacity: Int32Array;
  /** Copies (primary, then read replicas) of node j are stations stationStart[j] .. stationStart[j+1]-1. */
  stationStart: Int32Array;
  stationNode: Int32Array;
  stations: number;
  // Out-edges in CSR order (slots), as in the analytic model.
  outStart: Int32Array;
  outTarget: Int32Array;
  edgeShare: Float64Array;
  /** 1: the call is skipped when a cache lookup of the same record hit (cache-aside). */
  onCacheMiss: Uint8Array;
  edgeCalls: Float64Array;
  edgeSync: Uint8Array;
  edgeRttMs: Float64Array;
  edgeIds: string[];
  // Resilience per slot.
  timeoutMs: Float64Array;
  maxRetries: Int32Array;
  backoffBaseMs: Float64Array;
  backoffCapMs: Float64Array;
  /** NaN: no budget. */
  budgetRatio: Float64Array;
  bulkhead: Int32Array;
  fallback: Uint8Array;
  breakerOn: Uint8Array;
  breakerRatio: Float64Array;
  breakerMinCalls: Float64Array;
  breakerWindowMs: Float64Array;
  breakerOpenMs: Float64Array;
  breakerProbes: Int32Array;
  // Resilience per node.
  maxInFlight: Int32Array;
  maxQueueWaitMs: Float64Array;
  rateRps: Float64Array;
  rateBurst: Float64Array;
  healthCheckMs: Float64Array;
  autoscale: (AutoscaleParams | null)[];
  clients: Int32Array;
  workloads: ClientWorkload[];
  placements: Placement[];
  failures: CompiledFailure[];
  timeline: TimelineAction[];
  warnings: string[];
}

export function compileSimModel(design: Design, options: DesignSimOptions): SimModel {
  const built = compileDesign(design, options.networkRttMs ? { networkRttMs: options.networkRttMs } : {});
  if (!built.ok) throw new DesignSimError(built.errors.map((e) => e.message));
  const compiled = built.compiled;
  const problems: Problems = [];
  const warnings = [...compiled.warnings];
  const index = new Map(design.nodes.map((n, i) => [n.id, i]));
  const names = design.nodes.map(nodeName);

  const nodes = buildNodes(compiled);
  const resilience = options.resilience ?? resilienceOfDesign(design);
  const edges = compileEdgeResilience(compiled, resilience.edges ?? {}, resilience.nodes ?? {}, problems, warnings);
  const perNode = compileNodeResilience(compiled, resilience.nodes ?? {}, problems);
  checkKeys(resilience.nodes, index, 'Resilience settings', problems);

  const clients = Int32Array.from(compiled.clients);
  const workloads = buildWorkloads(compiled, options.workload ?? {}, index, problems);
  const groupsById = new Map<string, DesignGroup>(design.groups.map((g) => [g.id, g]));
  const placements = design.nodes.map((n) => placementOf(n, groupsById));
  const durationMs = options.durationS * 1000;
  const failures = (options.failures ?? []).map((f, i) => compileFailure(f, i, index, groupsById, placements, compiled, names, problems));
  if (problems.length > 0) throw new DesignSimError(problems);

  const timeline: TimelineAction[] = [];
  failures.forEach(({ event }, i) => {
    const startMs = event.atS * 1000;
    if (startMs > durationMs) return;
    timeline.push({ atMs: startMs, failure: i, phase: 'start' });
    if (event.kind === 'db-failover') timeline.push({ atMs: startMs + promoteAfterS(event) * 1000, failure: i, phase: 'promote' });
    if (event.durationS !== undefined) timeline.push({ atMs: startMs + event.durationS * 1000, failure: i, phase: 'end' });
  });

  return {
    design,
    ...nodes,
    ...edges,
    ...perNode,
    ...balancers(compiled, edges.outStart, edges.edgeShare),
    clients,
    workloads,
    placements,
    failures,
    timeline: timeline.filter((a) => a.atMs <= durationMs),
    warnings,
  };
}

function buildNodes(compiled: CompiledDesign) {
  const { design, figures, model } = compiled;
  const n = design.nodes.length;
  const stationStart = new Int32Array(n + 1);
  figures.forEach((f, j) => {
    stationStart[j + 1] = stationStart[j]! + (sendsRequests(design.nodes[j]!) ? 0 : 1 + f.replicas);
  });
  const stations = stationStart[n]!;
  const stationNode = new Int32Array(stations);
  for (let j = 0; j < n; j++) for (let s = stationStart[j]!; s < stationStart[j + 1]!; s++) stationNode[s] = j;
  const hasAsync = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    for (let slot = model.outStart[j]!; slot < model.outStart[j + 1]!; slot++) {
      if (model.edgeSync[slot] === 0) hasAsync[j] = 1;
    }
  }
  return {
    size: n,
    ids: design.nodes.map((x) => x.id),
    labels: design.nodes.map(nodeName),
    kinds: design.nodes.map((x) => x.kind),
    isClient: Uint8Array.from(design.nodes, (x) => (sendsRequests(x) ? 1 : 0)),
    caching: Uint8Array.from(design.nodes, (x) => (cachesReads(x) ? 1 : 0)),
    hitRatio: Float64Array.from(figures, (f) => f.hitRatio),
    readShare: Float64Array.from(figures, (f) => (f.replicas > 0 ? f.readShare : 0)),
    holdsWorkers: model.holdsWorkers,
    hasAsync,
    service: figures.map((f) => serviceTime(f.serviceMs, f.serviceScv)),
    concurrency: Int32Array.from(figures, (f) => f.concurrency),
    instances: Int32Array.from(figures, (f) => f.instances),
    queueCapacity: Int32Array.from(figures, (f) => f.queueCapacity),
    stationStart,
    stationNode,
    stations,
  };
}

/** Routers (load balancers, gateways, DNS) send each request to one of their branch targets, the shares being a split. */
function balancers(compiled: CompiledDesign, outStart: Int32Array, edgeShare: Float64Array) {
  const n = compiled.design.nodes.length;
  const { branchStart } = compiled.model;
  const chooseOne = new Uint8Array(n);
  const shareTotal = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let total = 0;
    for (let slot = branchStart[j]!; slot < outStart[j + 1]!; slot++) total += edgeShare[slot]!;
    shareTotal[j] = total;
    if (total > 0) chooseOne[j] = 1;
  }
  return { chooseOne, shareTotal, branchStart };
}

function buildWorkloads(compiled: CompiledDesign, workload: Record<string, WorkloadShape | WorkloadShape[]>, index: ReadonlyMap<string, number>, problems: Problems): ClientWorkload[] {
  const { design } = compiled;
  for (const id of Object.keys(workload)) {
    const j = index.get(id);
    if (j === undefined) problems.push(`The workload names client "${id}", which is not in the design.`);
    else if (!sendsRequests(design.nodes[j]!)) problems.push(`The workload names ${nodeName(design.nodes[j]!)}, which is not a client; only clients send requests.`);
  }
  return compiled.clients.map((c) => {
    const node = design.nodes[c]!;
    const given = workload[node.id];
    const shapes = given === undefined ? [] : Array.isArray(given) ? given : [given];
    for (const s of shapes) {
      const problem = workloadProblem(s, nodeName(node));
      if (problem) problems.push(problem);
    }
    return new ClientWorkload(compiled.externalRps[c]!, shapes);
  });
}

function compileFailure(
  event: FailureEvent,
  i: number,
  index: ReadonlyMap<string, number>,
  groupsById: ReadonlyMap<string, DesignGroup>,
  placements: Placement[],
  compiled: CompiledDesign,
  names: string[],
  problems: Problems,
): CompiledFailure {
  const where = `Failure ${i + 1} (${String(event.kind)})`;
  checkSetting(problems, event.atS, `${where}: start time (s)`, FAILURE_TIME.atS.min, FAILURE_TIME.atS.max);
  if (event.atS === undefined) problems.push(`${where} needs a start time atS (s).`);
  checkSetting(problems, event.durationS, `${where}: duration (s)`, FAILURE_TIME.durationS.min, FAILURE_TIME.durationS.max);
  const spec = Object.hasOwn(FAILURE_SPECS, event.kind) ? FAILURE_SPECS[event.kind] : undefined;
  for (const param of spec?.params ?? []) {
    const value: unknown = (event as Partial<Record<string, unknown>>)[param.key];
    if (value === undefined) {
      if (param.whenAbsent === undefined) problems.push(`${where} needs ${param.label}.`);
    } else {
      const why = typeof value === 'number' ? failureParamProblem(param, value) : `${param.label} must be a number`;
      if (why) problems.push(`${where}: ${why}.`);
    }
  }
  const nodeAt = (id: string): number => {
    const j = index.get(id);
    if (j === undefined) problems.push(`${where} names component "${id}", which is not in the design.`);
    else if (sendsRequests(compiled.design.nodes[j]!)) problems.push(`${where} names ${names[j]}, a client; failures apply to components.`);
    return j ?? -1;
  };
  const inGroup = (j: number, ids: ReadonlySet<string>) => {
    const p = placements[j]!;
    return ids.has(compiled.design.nodes[j]!.id) || (p.zone !== undefined && ids.has(p.zone)) || (p.region !== undefined && ids.has(p.region));
  };
  if (!spec) {
    problems.push(`${where} is not a failure this simulator knows (${FAILURE_KINDS.join(', ')}).`);
    return { event, nodes: [], side: null };
  }
  switch (spec.target) {
    case 'component':
    case 'database': {
      const j = nodeAt((event as TargetFields['component']).nodeId);
      if (j >= 0 && !sendsRequests(compiled.design.nodes[j]!) && !failureCanHit(event.kind, compiled.design.nodes[j]!.kind)) problems.push(`${where}: ${names[j]} cannot have this failure (${spec.help})`);
      return { event, nodes: [j], side: null };
    }
    case 'group': {
      const { groupId } = event as TargetFields['group'];
      if (!groupsById.has(groupId)) problems.push(`${where} names zone or region "${groupId}", which is not in the design.`);
      const ids = new Set([groupId]);
      const nodes: number[] = [];
      placements.forEach((_, j) => {
        if (!sendsRequests(compiled.design.nodes[j]!) && inGroup(j, ids)) nodes.push(j);
      });
      return { event, nodes, side: null };
    }
    case 'network': {
      const sides = event as Partial<TargetFields['network']>;
      const a = new Set(sides.sideA ?? []);
      const b = new Set(sides.sideB ?? []);
      for (const id of [...a, ...b]) if (!groupsById.has(id) && !index.has(id)) problems.push(`${where} names "${id}", which is neither a zone, a region nor a component of the design.`);
      if (a.size === 0 || b.size === 0) problems.push(`${where} needs something on each side.`);
      const side = new Uint8Array(placements.length);
      placements.forEach((_, j) => {
        if (inGroup(j, a)) side[j] = 1;
        else if (inGroup(j, b)) side[j] = 2;
      });
      return { event, nodes: [], side };
    }
  }
}

/** The resilience settings stored on a design's components and connections, keyed by id. */
export function resilienceOfDesign(design: Design): ResilienceSettings {
  const nodes: Record<string, NodeResilience> = {};
  const edges: Record<string, EdgeResilience> = {};
  for (const n of design.nodes) if (n.resilience) nodes[n.id] = n.resilience;
  for (const e of design.edges) if (e.resilience) edges[e.id] = e.resilience;
  return { nodes, edges };
}

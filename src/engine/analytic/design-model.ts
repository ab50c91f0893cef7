// Turns a learner's Design into the solver's QueueingModel: clients become traffic sources,
// every other component a station with c = instances * concurrency servers; edges carry
// share * callsPerRequest (times the miss ratio out of a cache or CDN) and a network round
// trip that depends on the zones and regions at both ends.
import { paramValue } from '../../model/catalog';
import { routeEdges } from '../../model/routing';
import { sendsRequests, traitsOf } from '../../model/traits';
import type { Design, DesignGroup, DesignNode } from '../../model/types';
import { hopRttMs, placementOf, NETWORK_RTT_MS, type NetworkRtt } from './network-latency';
import { buildQueueingModel, type ModelEdgeInput, type ModelNodeInput, type QueueingModel } from './queueing-model';

/** The parameters the engine reads, looked up once per node (catalog defaults filled in). */
export interface NodeFigures {
  rps: number;
  serviceMs: number;
  serviceScv: number;
  instances: number;
  concurrency: number;
  availability: number;
  pricePerHour: number;
  pricePerMillion: number;
  hitRatio: number;
  queueCapacity: number;
  replicas: number;
  readShare: number;
  /** Requests/s a rate limiter lets through; Infinity for every other kind. */
  limitRps: number;
}

export interface DesignProblem {
  message: string;
  nodeIds: string[];
}

export interface SolveDesignOptions {
  /** Request rates (requests/s) by client node id, replacing those in the design. */
  clientRps?: Record<string, number>;
  /** Network round trips (ms) instead of NETWORK_RTT_MS. */
  networkRttMs?: NetworkRtt;
  /**
   * Find the entry rate at which each saturated component saturates (saturatesAtRps). Costs
   * about ten extra solves per distinct saturation point; turn off for quick previews. Default true.
   */
  findSaturationPoints?: boolean;
  /**
   * The month's requests over those of the solved rates running all month, for per-request
   * charges; default 1. A scenario whose traffic lasts an hour a month bills a fraction of it
   * (scenarios/month.ts). Instances are billed for the whole month either way.
   */
  monthlyRequestScale?: number;
}

export interface CompiledDesign {
  design: Design;
  model: QueueingModel;
  /** Per node, in design order (the model uses the same indices). */
  figures: NodeFigures[];
  /** External arrival rate per node: a client's rps, 0 for every other node. */
  externalRps: Float64Array;
  /** Indices of client nodes. */
  clients: number[];
  /** Design edge id of each model edge (edges into clients are left out of the model). */
  edgeIds: string[];
  /** Per model edge: the chance a request at the source takes it, before any cache hit (see model/routing). */
  edgeTake: number[];
  /** Per model edge: 1 when it is made only if the source's cache lookups missed (cache-aside). */
  edgeOnCacheMiss: Uint8Array;
  /** See SolveDesignOptions.monthlyRequestScale. */
  monthlyRequestScale: number;
  warnings: string[];
}

export type CompileDesignResult = { ok: true; compiled: CompiledDesign } | { ok: false; errors: DesignProblem[] };

export function nodeName(node: DesignNode): string {
  return node.label || node.id;
}

function wholeAtLeastOne(x: number): number {
  return Math.max(1, Math.round(x));
}

function unit(x: number): number {
  return Math.min(1, Math.max(0, x));
}

export function readNodeFigures(node: DesignNode): NodeFigures {
  const value = (key: string) => paramValue(node, key);
  const traits = traitsOf(node.kind);
  const copies = traits.primaryWithReplicas;
  return {
    rps: Math.max(0, value('rps')),
    serviceMs: Math.max(0, value('serviceMs')),
    serviceScv: Math.max(0, value('serviceScv')),
    instances: wholeAtLeastOne(value('instances')),
    concurrency: wholeAtLeastOne(value('concurrency')),
    availability: unit(value('availability')),
    pricePerHour: Math.max(0, value('pricePerHour')),
    pricePerMillion: Math.max(0, value('pricePerMillion')),
    hitRatio: traits.cachesReads ? unit(value(traits.cachesReads.hitRatioParam)) : 0,
    queueCapacity: Math.max(0, Math.round(value('queueCapacity'))),
    replicas: copies ? Math.max(0, Math.round(value(copies.replicasParam))) : 0,
    readShare: copies ? unit(value(copies.readShareParam)) : 0,
    limitRps: traits.rateLimits ? Math.max(0, value(traits.rateLimits.limitParam)) : Infinity,
  };
}

export function compileDesign(design: Design, options: SolveDesignOptions = {}): CompileDesignResult {
  const errors: DesignProblem[] = [];
  const warnings: string[] = [];
  const index = new Map<string, number>();
  design.nodes.forEach((node, i) => {
    if (index.has(node.id)) errors.push({ message: `Two components share the id "${node.id}"; ids must be unique.`, nodeIds: [node.id] });
    index.set(node.id, i);
  });
  const groupsById = new Map<string, DesignGroup>(design.groups.map((g) => [g.id, g]));
  const placements = design.nodes.map((node) => placementOf(node, groupsById));
  const figures = design.nodes.map(readNodeFigures);
  const rtt = options.networkRttMs ?? NETWORK_RTT_MS;

  const nodes: ModelNodeInput[] = design.nodes.map((node, i) => {
    const f = figures[i]!;
    const servers = f.instances * f.concurrency;
    return {
      id: node.id,
      station: !sendsRequests(node),
      servers,
      serviceMs: f.serviceMs,
      serviceScv: f.serviceScv,
      capacity: f.queueCapacity > 0 ? servers + f.queueCapacity : 0,
      replicas: f.replicas,
      readShare: f.readShare,
      limitRps: f.limitRps,
      holdsWorkers: traitsOf(node.kind).holdsNoWorkerOnCalls !== true,
    };
  });

  const routes = routeEdges(design);
  // A source's plain edges come first and the branches of its split last (the model and the
  // simulator walk them in that order).
  const found: { input: ModelEdgeInput; id: string; take: number; onCacheMiss: boolean }[] = [];
  for (const edge of design.edges) {
    const source = index.get(edge.source);
    const target = index.get(edge.target);
    if (source === undefined || target === undefined) {
      const missing = source === undefined ? edge.source : edge.target;
      errors.push({ message: `Connection "${edge.label || edge.id}" points to component "${missing}", which does not exist.`, nodeIds: [missing] });
      continue;
    }
    const from = design.nodes[source]!;
    const to = design.nodes[target]!;
    if (sendsRequests(to)) {
      warnings.push(`The connection from ${nodeName(from)} to ${nodeName(to)} is ignored: clients send requests but do not receive them.`);
      continue;
    }
    const missRatio = 1 - figures[source]!.hitRatio;
    const route = routes.get(edge.id);
    const take = route?.take ?? 0;
    const input: ModelEdgeInput = {
      source,
      target,
      probability: take * (route?.missChance ?? 1) * missRatio,
      calls: Math.max(0, edge.callsPerRequest),
      sync: edge.mode === 'sync',
      networkMs: hopRttMs(placements[source]!, placements[target]!, rtt),
      branch: route?.branch === true,
    };
    found.push({ input, id: edge.id, take, onCacheMiss: route?.onCacheMiss === true });
  }
  // Per source: plain calls (cache lookups among them), then calls made on a cache miss, then the branches of a split.
  const rank = (e: (typeof found)[number]) => (e.input.branch ? 2 : e.onCacheMiss ? 1 : 0);
  const ordered = [0, 1, 2].flatMap((r) => found.filter((e) => rank(e) === r));
  const edges = ordered.map((e) => e.input);
  const edgeIds = ordered.map((e) => e.id);
  const edgeTake = ordered.map((e) => e.take);
  const edgeOnCacheMiss = Uint8Array.from(ordered, (e) => (e.onCacheMiss ? 1 : 0));
  if (errors.length > 0) return { ok: false, errors };

  const built = buildQueueingModel(nodes, edges);
  if (!built.ok) {
    const loop = built.syncLoop.map((i) => design.nodes[i]!);
    const names = [...loop, loop[0]!].map(nodeName).join(' -> ');
    return {
      ok: false,
      errors: [
        {
          message: `Sync calls form a loop: ${names}. A request would wait on itself forever; make one of these calls async or remove it.`,
          nodeIds: loop.map((n) => n.id),
        },
      ],
    };
  }

  const externalRps = new Float64Array(design.nodes.length);
  const clients: number[] = [];
  design.nodes.forEach((node, i) => {
    if (!sendsRequests(node)) return;
    clients.push(i);
    const override = options.clientRps?.[node.id];
    externalRps[i] = override === undefined ? figures[i]!.rps : Math.max(0, override);
  });
  const monthlyRequestScale = options.monthlyRequestScale !== undefined && Number.isFinite(options.monthlyRequestScale) ? Math.max(0, options.monthlyRequestScale) : 1;
  return { ok: true, compiled: { design, model: built.model, figures, externalRps, clients, edgeIds, edgeTake, edgeOnCacheMiss, monthlyRequestScale, warnings } };
}

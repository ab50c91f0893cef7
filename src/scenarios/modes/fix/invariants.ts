// What a fix-mode answer must keep before any figure counts: the work the story needs still
// happens, and the world it happens in is unchanged. A design that passes by doing less (only the
// clients left, connections gone or set to carry nothing, a provider dropped, a database renamed
// a cache, a message fired off with nothing to hold it) or by editing the world (a vendor's rate
// limit, S3's speed, a VM's availability) fails here, with the broken thing named.
//
// Some rules hold in every fix scenario without being declared (structural sanity); the scenario
// declares the rest: required paths (`invariants`) and settings that are the world's
// (`environment`, on top of ENVIRONMENT_PARAMS).
import { CATALOG } from '../../../model/catalog';
import { FAILURE_SPECS } from '../../../model/failures';
import { sendsRequests, traitsOf } from '../../../model/traits';
import type { ComponentKind, Design, DesignNode } from '../../../model/types';
import type { DesignSolution } from '../../../engine/analytic';
import { environmentFailures, placementFailures } from './environment';
import { flowErrorShare } from '../../evaluate';
import { formatPercent } from '../../format';
import type { PathInvariant } from '../../schema';
import type { FixScenario } from '../../types';
import { arrivalAt, reachedFrom, workGraph, type WorkGraph } from '../../work-paths';
import { withArticle } from '../../../model/format';

export type InvariantRule = 'no-work' | 'traffic-dropped' | 'work-turned-away' | 'zeroed-call' | 'role-changed' | 'environment' | 'unheld-message' | 'work-lost' | 'path';

export interface InvariantFailure {
  rule: InvariantRule;
  /** The component or connection at fault (for a path, its first `from`). */
  target: string;
  /** In the learner's words, naming the broken thing. */
  message: string;
}

const DATA_ROLES = { database: 'database', objects: 'file store', index: 'search index' } as const;

/** What a component is for, read from its kind's traits; a component keeps its role, whatever its kind becomes. */
export function roleOf(kind: ComponentKind): string {
  const t = traitsOf(kind);
  if (t.sendsRequests) return 'client';
  if (t.cachesReads) return 'read cache';
  if (t.buffersMessages) return 'message broker';
  if (t.externalVendor) return 'outside service';
  if (t.dataStore) return DATA_ROLES[t.dataStore];
  if (t.routesOneTarget || t.rateLimits) return 'router';
  return 'server';
}

/** Roles whose components hold or do the work a request is for: losing every one of them on a client's way loses that work. */
export const WORK_ROLES: ReadonlySet<string> = new Set(['read cache', 'database', 'file store', 'search index', 'outside service']);

/** A queue or stream holds a message until a consumer takes it. */
export const holdsMessages = (node: DesignNode) => traitsOf(node.kind).buffersMessages !== undefined;

const name = (node: DesignNode | undefined, id: string) => `"${node?.label || id}"`;
/** "load balancer", "third-party API", "NoSQL store": the catalog label with a capital first letter lowered unless it starts a name in capitals. */
const kindWord = (kind: ComponentKind) => {
  const label = CATALOG[kind].label;
  return /^[A-Z][a-z]+\b/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
};
const orList = (words: string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`);

function outShare(graph: WorkGraph, id: string): number {
  return (graph.out.get(id) ?? []).reduce((sum, e) => sum + e.share, 0);
}

/** Clients must keep sending their requests somewhere: as big a share as in the starting design. */
function droppedTraffic(start: Design, startGraph: WorkGraph, graph: WorkGraph): InvariantFailure[] {
  const failures: InvariantFailure[] = [];
  for (const client of start.nodes.filter(sendsRequests)) {
    const node = graph.byId.get(client.id);
    if (!node || !sendsRequests(node)) continue; // a missing client is the solver's problem, with its own message
    const before = Math.min(1, outShare(startGraph, client.id));
    const now = Math.min(1, outShare(graph, client.id));
    if (now >= before - 1e-6) continue;
    const who = name(node, node.id);
    const message =
      now === 0
        ? `Requests from ${who} go nowhere any more: they are dropped before any work is done. Connect ${who} to the design again.`
        : `Only ${formatPercent(now)} of requests from ${who} go anywhere (it was ${formatPercent(before)}): the rest are dropped before any work is done. The shares of its connections must add up as before.`;
    failures.push({ rule: 'traffic-dropped', target: node.id, message });
  }
  return failures;
}

function zeroedCalls(design: Design): InvariantFailure[] {
  const byId = new Map(design.nodes.map((n) => [n.id, n]));
  return design.edges
    .filter((e) => !(e.callsPerRequest > 0) || !(e.share > 0))
    .map((e) => {
      const setting = e.callsPerRequest > 0 ? 'its share of requests' : 'calls per request';
      return {
        rule: 'zeroed-call' as const,
        target: e.id,
        message: `The connection ${name(byId.get(e.source), e.source)} > ${name(byId.get(e.target), e.target)} has ${setting} set to 0, so it carries nothing and the work it stands for is not done. Give it its real value, or remove it if the work is really not needed.`,
      };
    });
}

function changedRoles(start: Design, design: Design): InvariantFailure[] {
  const startById = new Map(start.nodes.map((n) => [n.id, n]));
  const failures: InvariantFailure[] = [];
  for (const node of design.nodes) {
    const was = startById.get(node.id);
    if (!was || roleOf(was.kind) === roleOf(node.kind)) continue;
    failures.push({
      rule: 'role-changed',
      target: node.id,
      message: `${name(node, node.id)} was ${withArticle(kindWord(was.kind))} and is now ${withArticle(kindWord(node.kind))}: a component keeps its role (${withArticle(roleOf(was.kind))} cannot become ${withArticle(roleOf(node.kind))} to pass). To use ${withArticle(kindWord(node.kind))}, add one.`,
    });
  }
  return failures;
}

/** An async message straight into a service, a database or a vendor is lost when that is slow or down: something must hold it. */
function unheldMessages(design: Design, graph: WorkGraph): InvariantFailure[] {
  const failures: InvariantFailure[] = [];
  for (const edge of design.edges) {
    const source = graph.byId.get(edge.source);
    const target = graph.byId.get(edge.target);
    if (edge.mode !== 'async' || !source || !target || sendsRequests(target)) continue;
    if (holdsMessages(source) || holdsMessages(target)) continue;
    failures.push({
      rule: 'unheld-message',
      target: edge.id,
      message: `${name(source, source.id)} > ${name(target, target.id)} is async with no queue or stream to hold the message: whenever ${name(target, target.id)} is slow, full or down, the message is lost and its work never done. Put a queue or stream between them, or keep the call sync.`,
    });
  }
  return failures;
}

/** For each client of the starting design, every role of work it reached (a database, a provider...) it must still reach. */
function lostWork(start: Design, startGraph: WorkGraph, graph: WorkGraph): InvariantFailure[] {
  const failures: InvariantFailure[] = [];
  for (const client of start.nodes.filter(sendsRequests)) {
    const present = graph.byId.get(client.id);
    if (!present || !sendsRequests(present)) continue;
    const before = [...reachedFrom(startGraph, client.id)].map((id) => startGraph.byId.get(id)!);
    const now = new Set([...reachedFrom(graph, client.id)].map((id) => roleOf(graph.byId.get(id)!.kind)));
    for (const role of WORK_ROLES) {
      const had = before.filter((n) => roleOf(n.kind) === role);
      if (had.length === 0 || now.has(role)) continue;
      failures.push({
        rule: 'work-lost',
        target: client.id,
        message: `Requests from ${name(client, client.id)} no longer reach any ${role} (before: ${had.map((n) => name(n, n.id)).join(', ')}): the work they did there is no longer done.`,
      });
    }
  }
  return failures;
}

/** The components a path may end at in this design. */
function pathTargets(invariant: PathInvariant, design: Design): DesignNode[] {
  return design.nodes.filter((n) => invariant.to?.includes(n.id) || invariant.toKinds?.includes(n.kind));
}

/** "SMS provider", or "any cache, NoSQL store or relational database". */
function targetWords(invariant: PathInvariant, start: Design): string {
  const ids = (invariant.to ?? []).map((id) => name(start.nodes.find((n) => n.id === id), id));
  const kinds = (invariant.toKinds ?? []).map(kindWord);
  return orList([...ids, ...(kinds.length > 0 ? [`any ${orList(kinds)}`] : [])]);
}

function brokenPath(invariant: PathInvariant, start: Design, design: Design, graph: WorkGraph): InvariantFailure | null {
  const targets = pathTargets(invariant, design);
  const where = targetWords(invariant, start);
  const fromNames = invariant.from.map((id) => name(graph.byId.get(id) ?? start.nodes.find((n) => n.id === id), id));
  const fail = (fact: string): InvariantFailure => ({ rule: 'path', target: invariant.from[0]!, message: `${fact}: ${invariant.message}.` });
  const minShare = invariant.share ?? 0;
  const minCalls = invariant.callsPerRequest ?? 0;
  const arrive = (from: string, to: ReadonlySet<string>) => (graph.byId.has(from) ? arrivalAt(graph, from, to, invariant.cacheAnswers) : { share: 0, calls: 0 });
  const enough = (a: { share: number; calls: number }) => a.share > 0 && a.share >= minShare - 1e-9 && a.calls >= minCalls - 1e-9;

  if (invariant.together && invariant.from.length > 1) {
    if (targets.some((t) => invariant.from.every((f) => enough(arrive(f, new Set([t.id])))))) return null;
    return fail(`${orList(fromNames).replace(/ or ([^,]*)$/, ' and $1')} no longer reach one and the same ${where.replace(/^any /, '')}`);
  }
  const ids = new Set(targets.map((t) => t.id));
  for (const [i, from] of invariant.from.entries()) {
    const a = arrive(from, ids);
    if (enough(a)) continue;
    if (a.share === 0) return fail(`Nothing from ${fromNames[i]} reaches ${where} any more`);
    if (a.share < minShare - 1e-9) return fail(`Only ${formatPercent(a.share)} of requests from ${fromNames[i]} reach ${where} (the story needs at least ${formatPercent(minShare)})`);
    return fail(`Requests from ${fromNames[i]} make ${a.calls.toFixed(2)} calls to ${where} where the story needs ${minCalls}`);
  }
  return null;
}

/**
 * Every rule the design breaks, undeclared ones first; empty when the design keeps the story's
 * work and world. The starting design and the reference solution must keep them all.
 */
export function checkFixInvariants(scenario: FixScenario, design: Design): InvariantFailure[] {
  if (design.nodes.every(sendsRequests)) {
    return [{ rule: 'no-work', target: design.nodes[0]?.id ?? '', message: 'The design has only clients: nothing is left to do the work their requests are for.' }];
  }
  const start = scenario.design;
  const startGraph = workGraph(start);
  const graph = workGraph(design);
  const failures: InvariantFailure[] = [
    ...droppedTraffic(start, startGraph, graph),
    ...zeroedCalls(design),
    ...changedRoles(start, design),
    ...[...environmentFailures(start, design, scenario.environment), ...placementFailures(start, design)].map((f) => ({ rule: 'environment' as const, target: f.nodeId, message: f.message })),
    ...unheldMessages(design, graph),
    ...storyTargetsGone(scenario, design),
  ];
  for (const invariant of scenario.invariants) {
    const broken = brokenPath(invariant, start, design, graph);
    if (broken) failures.push(broken);
  }
  // The undeclared check for lost work only where no declared path already says what is lost.
  for (const f of lostWork(start, startGraph, graph)) if (!failures.some((g) => g.rule === 'path' && g.target === f.target)) failures.push(f);
  return failures;
}

/**
 * The story's failures happen to parts of the world (a vendor slows down, a cache crashes, a zone
 * is lost): each must still be in the design, under its id, or the failure would hit nothing. A
 * learner who replaced the Redis that crashes with a copy under another name escaped the crash.
 */
function storyTargetsGone(scenario: FixScenario, design: Design): InvariantFailure[] {
  const start = scenario.design;
  const out: InvariantFailure[] = [];
  for (const f of scenario.failures) {
    const target = FAILURE_SPECS[f.kind].target;
    const there =
      target === 'group' ? design.groups.some((g) => g.id === f.target) : target === 'network' ? design.edges.some((e) => e.id === f.target) || design.groups.some((g) => g.id === f.target) : design.nodes.some((n) => n.id === f.target);
    if (there || out.some((o) => o.target === f.target)) continue;
    const named = start.nodes.find((n) => n.id === f.target)?.label || start.groups.find((g) => g.id === f.target)?.label || start.edges.find((e) => e.id === f.target)?.label || f.target;
    const what = target === 'group' ? 'zone or region' : target === 'network' ? 'connection' : 'component';
    out.push({
      rule: 'environment',
      target: f.target,
      message: `The ${what} "${named}" (id "${f.target}") is gone from the design, but the story's failure (${FAILURE_SPECS[f.kind].label.toLowerCase()}) happens to it: it is part of the world the story tells, so keep it under its id.`,
    });
  }
  return out;
}

/**
 * Most share of a client's requests a design may turn away (full queues, rate limits) when the
 * scenario sets no error-rate target: 0.1%, the error budget the bundled notification-system
 * scenario sets. Turning requests away is not doing their work, so a tiny queue or a low rate
 * limit in front of a bottleneck must not pass a capacity or latency check.
 */
export const DEFAULT_MAX_TURNED_AWAY = 0.001;

/** With no error-rate check in the scenario, each client whose requests are turned away beyond DEFAULT_MAX_TURNED_AWAY (saturation is the capacity check's). */
export function turnedAwayWork(scenario: FixScenario, solution: DesignSolution): InvariantFailure[] {
  if (scenario.checks.includes('errorRate')) return [];
  const failures: InvariantFailure[] = [];
  const reported = new Set<string>();
  for (const flow of solution.flows) {
    if (flow.saturated) continue;
    const share = flowErrorShare(flow, solution.components);
    if (share <= DEFAULT_MAX_TURNED_AWAY) continue;
    const where = flow.breakdown
      .map((hop) => solution.components[hop.nodeId])
      .filter((c, i, all) => c !== undefined && c.blockingProbability > 0 && all.indexOf(c) === i)
      .map((c) => `"${c!.label}"`);
    reported.add(flow.clientId);
    failures.push({
      rule: 'work-turned-away',
      target: flow.clientId,
      message: `${formatPercent(share)} of requests from "${flow.label}" are turned away (by ${orList(where) || 'full queues or rate limits'}): a request turned away is work not done, not load handled. Keep it under ${formatPercent(DEFAULT_MAX_TURNED_AWAY)} by giving the work the capacity it needs.`,
    });
  }
  // Messages turned away off the clients' request paths (a full queue behind an async hand-off)
  // are work lost too, though no client's request fails.
  if (reported.size === 0) {
    for (const c of Object.values(solution.components)) {
      if (!(c.blockingProbability > DEFAULT_MAX_TURNED_AWAY) || c.saturated) continue;
      failures.push({
        rule: 'work-turned-away',
        target: c.nodeId,
        message: `${formatPercent(c.blockingProbability)} of the work arriving at "${c.label}" is turned away (its queue is full): work turned away is not done. Keep it under ${formatPercent(DEFAULT_MAX_TURNED_AWAY)} by giving it the room or capacity it needs.`,
      });
    }
  }
  return failures;
}

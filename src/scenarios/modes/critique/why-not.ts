// Why a critique finding that is not in the key does not hold: one rule per category, reading
// the design's shape and the analytic engine's figures at the scenario's traffic. A rule says
// null when the figures do not rule the finding out; the grader then falls back to "the key does
// not list it". No rule names where the key's problems are: that would give the answer away.
import { readNodeFigures, type ComponentResult, type DesignSolution } from '../../../engine/analytic';
import { CATALOG } from '../../../model/catalog';
import { cachesReads, hasPrimaryWithReplicas, isDatabase, routesOneTarget, sendsRequests, traitsOf } from '../../../model/traits';
import type { Design, DesignEdge, DesignNode } from '../../../model/types';
import { formatMs, formatPercent, formatUsd } from '../../format';
import { categoryWords, type CritiqueCategory } from '../../vocabulary';
import { withArticle } from '../../../model/format';

export interface WhyNotContext {
  design: Design;
  /** The analytic solution at the scenario's traffic; null when the design could not be solved. */
  solution: DesignSolution | null;
  /** What the finding is pinned on: a component or a connection. */
  node: DesignNode | undefined;
  edge: DesignEdge | undefined;
  /** "Orders DB" or "Checkout → Payments". */
  name: string;
}

/** Below this busy share a component has clear room (queueing delay stays under about 2.3x its service time for one server). */
const ROOM_UTILIZATION = 0.7;
/** A component costing under this share of the whole design is not where the money goes. */
const SMALL_COST_SHARE = 0.2;

const stateless = (node: DesignNode) => traitsOf(node.kind).keepsNoData === true;
const buffers = (node: DesignNode) => traitsOf(node.kind).buffersMessages !== undefined;
/** Kinds that keep data split by key, where one key can run hot (an outside API counts: a host or account is a key). */
const splitByKey = (node: DesignNode) => traitsOf(node.kind).splitByKey === true;
/** A router that keeps nothing (load balancer, API gateway): it passes requests on and does no work of its own. */
const passesOn = (node: DesignNode) => routesOneTarget(node) && stateless(node);

const kindWords = (node: DesignNode) => CATALOG[node.kind].label.toLowerCase();

/** The component's figures; for a connection, those of the component it calls. */
function componentOf(ctx: WhyNotContext): ComponentResult | undefined {
  const id = ctx.node?.id ?? ctx.edge?.target;
  return id !== undefined && ctx.solution ? ctx.solution.components[id] : undefined;
}

/** "is 23% busy at 150 req/s (p99 41 ms)", from the analytic solution, when it has room. */
function roomyLoad(ctx: WhyNotContext): string | null {
  const c = componentOf(ctx);
  if (!c || c.saturated || c.utilization === null || c.utilization >= ROOM_UTILIZATION || c.offeredRps <= 0) return null;
  const p99 = c.p99ResponseMs === null ? '' : `, p99 ${formatMs(c.p99ResponseMs)}`;
  const who = ctx.edge ? `${c.label}, at the end of ${ctx.name},` : ctx.name;
  return `${who} is ${formatPercent(c.utilization)} busy at the scenario's traffic (${Math.round(c.offeredRps).toLocaleString('en-US')} req/s${p99}), so it has room`;
}

const callersOf = (ctx: WhyNotContext, id: string) => ctx.design.edges.filter((e) => e.target === id);

type Rule = (ctx: WhyNotContext) => string | null;

const RULES: Record<CritiqueCategory, Rule> = {
  'single-point-of-failure': ({ node, edge, name }) => {
    if (edge) return `${name} is a connection; a single point of failure is a component with only one copy.`;
    if (!node) return null;
    if (sendsRequests(node)) return `${name} is where the traffic comes from, not a part of the system that can fail.`;
    const f = readNodeFigures(node);
    if (f.instances > 1) return `${name} runs ${f.instances} instances: losing one leaves the others serving.`;
    if (f.replicas > 0) return `${name} has ${f.replicas} replica${f.replicas === 1 ? '' : 's'} to fail over to.`;
    if (f.availability >= 0.999) return `${name} is a managed service its provider keeps redundant (${formatPercent(f.availability)} available).`;
    return null;
  },
  bottleneck: (ctx) => {
    if (ctx.node && sendsRequests(ctx.node)) return `${ctx.name} sends the traffic; it does no work that could hold it up.`;
    const room = roomyLoad(ctx);
    return room ? `${room}: it is not what limits the design.` : null;
  },
  'synchronous-chain': ({ design, node, edge, name }) => {
    if (edge) return edge.mode === 'async' ? `${name} is an async hand-off: the caller does not wait for it.` : null;
    if (!node) return null;
    const calledSync = design.edges.some((e) => e.target === node.id && e.mode === 'sync');
    if (!sendsRequests(node) && !calledSync) return `Nothing waits on ${name} synchronously: it is only reached through async messages.`;
    return null;
  },
  'missing-cache': ({ node, name }) => {
    if (!node) return null;
    if (cachesReads(node)) return `${name} is itself a cache.`;
    if (hasPrimaryWithReplicas(node)) {
      const { readShare } = readNodeFigures(node);
      if (readShare < 0.5) return `${name} mostly takes writes (${formatPercent(readShare)} of its work is reads), and a cache takes only reads off a database.`;
    }
    if (buffers(node) || sendsRequests(node) || passesOn(node)) return `${name} is ${withArticle(kindWords(node))}: it answers no repeated reads a cache could keep.`;
    return null;
  },
  'hot-partition': ({ node, name }) => {
    if (!node || splitByKey(node)) return null;
    return `${name} is ${withArticle(kindWords(node))} and keeps no data split by key, so no one key can run hot on it.`;
  },
  'consistency-risk': ({ node, name }) => {
    if (!node) return null;
    if (stateless(node) || sendsRequests(node)) return `${name} keeps no data of its own, so there is no copy of anything to go stale.`;
    const f = readNodeFigures(node);
    if (isDatabase(node) && f.replicas === 0 && f.instances === 1) return `${name} keeps a single copy of its data, so no second copy can disagree with it.`;
    return null;
  },
  'shared-database': (ctx) => {
    const { node, name, design } = ctx;
    if (!node) return null;
    if (!isDatabase(node)) return `${name} is not a database.`;
    const users = [...new Set(callersOf(ctx, node.id).map((e) => e.source))].filter((id) => { const user = design.nodes.find((n) => n.id === id); return user === undefined || !sendsRequests(user); });
    if (users.length < 2) return `Only ${users.length === 0 ? 'nothing' : `"${design.nodes.find((n) => n.id === users[0])?.label || users[0]}"`} uses ${name}, so it is not shared.`;
    return null;
  },
  'unbounded-queue': ({ node, edge, name }) => {
    if (edge) return null;
    if (!node) return null;
    if (!buffers(node)) return `${name} is ${withArticle(kindWords(node))}, not a queue or stream: it holds no backlog of messages.`;
    const { queueCapacity } = readNodeFigures(node);
    if (queueCapacity > 0) return `${name} holds at most ${queueCapacity.toLocaleString('en-US')} messages.`;
    return null;
  },
  'retry-storm': (ctx) => {
    const { node, edge, name } = ctx;
    const retries = (e: DesignEdge) => (e.resilience?.retry?.maxRetries ?? 0) > 0;
    if (edge) return retries(edge) ? null : `The design sets no retries on ${name}.`;
    if (!node) return null;
    if (sendsRequests(node)) return null;
    return callersOf(ctx, node.id).some(retries) ? null : `No call to ${name} is set to retry in the design.`;
  },
  cost: ({ solution, node, name }) => {
    if (!node || !solution) return null;
    const mine = solution.components[node.id]?.cost.totalUsdPerMonth ?? 0;
    const total = solution.cost.totalUsdPerMonth;
    if (total <= 0 || mine / total >= SMALL_COST_SHARE) return null;
    return `${name} costs about ${formatUsd(mine)} a month, ${formatPercent(mine / total)} of the design's ${formatUsd(total)}: not where the money goes.`;
  },
  'over-engineering': () => null,
  security: () => null,
  'missing-idempotency': ({ node, name }) => {
    if (node && (sendsRequests(node) || passesOn(node) || cachesReads(node))) return `${name} performs no action a repeated request could do twice; idempotency belongs where the work is done.`;
    return null;
  },
  'missing-admission-control': (ctx) => {
    const room = roomyLoad(ctx);
    return room ? `${room}: it has nothing to turn away at this traffic.` : null;
  },
  'message-loss': ({ node, edge, name }) => {
    if (edge) return edge.mode === 'sync' ? `${name} is a synchronous call: the caller waits for the answer and knows when it failed.` : null;
    if (node && (stateless(node) || sendsRequests(node))) return `${name} keeps no messages or data that could be lost; it passes requests on and answers them.`;
    return null;
  },
  'race-condition': ({ node, name }) => {
    if (node && (sendsRequests(node) || passesOn(node) || cachesReads(node))) return `${name} keeps no shared record that concurrent requests update, so they have nothing to race on.`;
    return null;
  },
  'missing-observability': () => 'Monitoring belongs in every design, so it says nothing about this one; the review asks for the problems this proposal has.',
};

/** Why a finding outside the key does not hold on its target, in one or two sentences. */
export function whyFindingDoesNotHold(category: CritiqueCategory, ctx: WhyNotContext): string {
  const why = RULES[category](ctx) ?? `The key does not list ${categoryWords(category)} on ${ctx.name}, and neither the design's shape nor its figures show it there.`;
  return why.charAt(0).toUpperCase() + why.slice(1);
}

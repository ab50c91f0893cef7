// One plain-language sentence or three about the design's main problem, for the results panel:
// what is wrong, where, by how much, and what usually helps for that kind of component.
import type { Design, DesignNode } from '../../model/types';
import type { ComponentResult, DesignSolution, FlowResult } from './design-results';
import { readNodeFigures } from './design-model';
import { getKindSpec } from '../../model/catalog';
import { routeEdges } from '../../model/routing';
import { hasPrimaryWithReplicas } from '../../model/traits';
import { formatShare } from '../../model/format';

export interface Explanation {
  nodeId: string;
  text: string;
}

/** Utilization from which waits grow quickly enough to call a component hot. */
const HOT_UTILIZATION = 0.7;
/** A wait shorter than this share of the service time is not worth leading with. */
const NOTICEABLE_WAIT_SHARE = 0.1;
/** Share of requests turned away from which rejections are worth a sentence. */
const NOTABLE_BLOCKING = 0.01;
/** A flow this slow (ms), with one hop taking most of it, gets a latency explanation. */
const SLOW_FLOW_MS = 100;

function ms(x: number): string {
  if (x < 1) return `${x.toFixed(2)} ms`;
  if (x < 10) return `${x.toFixed(1)} ms`;
  return `${Math.round(x).toLocaleString('en-US')} ms`;
}

function rate(x: number): string {
  return `${Math.round(x).toLocaleString('en-US')} requests/s`;
}

const percent = (x: number) => formatShare(x);

/** What usually relieves a busy component of this kind (its catalog entry's relief, or the general advice). */
function loadAdvice(node: DesignNode, c: ComponentResult, readShare: number, replicas: number): string {
  if (hasPrimaryWithReplicas(node)) {
    if (readShare >= 0.5 && replicas === 0) return 'A read replica or a cache in front would take the reads off it.';
    if (readShare >= 0.5) return 'Writes all land on the primary: a cache in front, more replicas, or sharding would take more off it.';
    return 'Most of its work is writes, which only the primary can take: batching writes through a queue, or sharding over more primaries, would spread them.';
  }
  const relief = getKindSpec(node.kind).relief;
  if (relief) return relief;
  return c.utilization !== null && c.utilization > 1
    ? 'More instances, or more concurrency per instance, would share the load.'
    : 'More instances, or more concurrency per instance, would cut the wait.';
}

/** The sync callee that costs this component the most time per request, if any. */
function slowestCallee(design: Design, result: DesignSolution, nodeId: string): ComponentResult | null {
  let best: ComponentResult | null = null;
  let bestMs = 0;
  const routes = routeEdges(design);
  for (const edge of design.edges) {
    if (edge.source !== nodeId || edge.mode !== 'sync') continue;
    const callee = result.components[edge.target];
    const time = callee ? (routes.get(edge.id)?.take ?? 0) * (routes.get(edge.id)?.missChance ?? 1) * edge.callsPerRequest * (callee.meanResponseMs ?? Infinity) : 0;
    if (callee && time > bestMs) {
      best = callee;
      bestMs = time;
    }
  }
  return best;
}

function heldSentence(design: Design, result: DesignSolution, c: ComponentResult): string | null {
  if (c.heldMs === null || c.heldMs <= c.ownServiceMs) return null;
  const callee = slowestCallee(design, result, c.nodeId);
  const on = callee ? `on ${callee.label}` : 'on the calls it makes';
  const instead = callee ? `making the call to ${callee.label} async or speeding ${callee.label} up` : 'making those calls async';
  return `Its workers spend ${ms(c.heldMs)} per request waiting ${on}, against ${ms(c.ownServiceMs)} of their own work; ${instead}, or raising its concurrency, would free them.`;
}

function explainSaturated(design: Design, result: DesignSolution, c: ComponentResult, node: DesignNode, advice: string): string {
  const capacity = c.capacityRps === null ? '' : ` but can finish at most about ${rate(c.capacityRps)}`;
  const tips = c.saturatesAtRps === null ? '' : ` It tips over once the clients send about ${rate(c.saturatesAtRps)} in total.`;
  const held = heldSentence(design, result, c);
  // What leaves a saturated component is at most what it finishes: it caps the flow to what it calls.
  const passesOn = c.capacityRps !== null && c.capacityRps > 0 && design.edges.some((e) => e.source === c.nodeId && result.components[e.target] !== undefined);
  const cap = passesOn ? ` Only about ${rate(c.capacityRps!)} get past it, so what it calls sees less than the clients send.` : '';
  return `${c.label} is overloaded: it is sent ${rate(c.offeredRps)}${capacity}, so its queue grows without limit and requests time out.${tips}${cap} ${held ?? advice}`;
}

function explainSlowFlow(flow: FlowResult): Explanation | null {
  if (flow.meanResponseMs === null || flow.meanResponseMs < SLOW_FLOW_MS) return null;
  let top = flow.breakdown[0];
  for (const hop of flow.breakdown) if ((hop.totalMs ?? 0) > (top?.totalMs ?? 0)) top = hop;
  if (!top || top.totalMs === null || top.totalMs < flow.meanResponseMs / 2) return null;
  const share = `${ms(top.totalMs)} of the ${ms(flow.meanResponseMs)} a request from ${flow.label} takes is spent at ${top.label}`;
  if (top.networkMs >= top.totalMs / 2) {
    return { nodeId: top.nodeId, text: `${share}, mostly on the network: it sits in another zone or region than its caller. Placing them together, or caching the answer near the caller, would cut that.` };
  }
  if ((top.queueingMs ?? 0) >= top.serviceMs) {
    return { nodeId: top.nodeId, text: `${share}, mostly waiting in its queue. More instances or concurrency there would cut the wait.` };
  }
  return { nodeId: top.nodeId, text: `${share}, mostly its own work. A cache in front, or making the call async if the user need not wait for it, would shorten the request.` };
}

/**
 * The design's main problem in plain words, or null when nothing stands out. In order: the
 * component that saturates first, the hottest component (70% busy or more), the one turning
 * away the most requests, and finally a flow that is slow because of one hop.
 */
export function explainMainProblem(design: Design, result: DesignSolution): Explanation | null {
  const nodes = new Map(design.nodes.map((n) => [n.id, n]));
  const components = Object.values(result.components);
  const advise = (c: ComponentResult) => {
    const node = nodes.get(c.nodeId)!;
    const figures = readNodeFigures(node);
    return loadAdvice(node, c, figures.readShare, figures.replicas);
  };

  const roots = components.filter((c) => c.saturated && c.saturationCauseId === c.nodeId);
  if (roots.length > 0) {
    roots.sort((a, b) => (a.saturatesAtRps ?? Infinity) - (b.saturatesAtRps ?? Infinity) || (b.utilization ?? 0) - (a.utilization ?? 0));
    const c = roots[0]!;
    return { nodeId: c.nodeId, text: explainSaturated(design, result, c, nodes.get(c.nodeId)!, advise(c)) };
  }

  const busiest = (c: ComponentResult) => Math.max(c.utilization ?? 0, c.replicaUtilization ?? 0);
  const hot = components.filter((c) => busiest(c) >= HOT_UTILIZATION).sort((a, b) => busiest(b) - busiest(a))[0];
  if (hot) {
    const wait = hot.meanWaitMs ?? 0;
    const held = heldSentence(design, result, hot);
    // Many servers keep the queue short even when busy: then the risk is the little room left, not the wait.
    const waitMatters = wait >= NOTICEABLE_WAIT_SHARE * (hot.meanServiceMs ?? hot.ownServiceMs);
    const room = hot.capacityRps !== null && hot.offeredRps > 0 ? ` it can take only about ${(hot.capacityRps / hot.offeredRps).toFixed(1)}× today's load before it saturates` : ' it has little room left';
    return {
      nodeId: hot.nodeId,
      text: waitMatters
        ? `${hot.label} is at ${percent(busiest(hot))} utilization, so each request waits about ${ms(wait)} there before it is served. ${held ?? advise(hot)}`
        : `${hot.label} is at ${percent(busiest(hot))} utilization. Requests barely wait yet (about ${ms(wait)}), but${room}. ${held ?? advise(hot)}`,
    };
  }

  const rejecting = components.filter((c) => c.blockingProbability >= NOTABLE_BLOCKING).sort((a, b) => b.blockingProbability - a.blockingProbability)[0];
  if (rejecting?.rateLimitRps != null) {
    return {
      nodeId: rejecting.nodeId,
      text: `${rejecting.label} turns away ${percent(rejecting.blockingProbability)} of the requests sent to it: they are over its limit of ${Math.round(rejecting.rateLimitRps).toLocaleString('en-US')} requests/s. That shields what sits behind it; raise the limit only as far as those components can take.`,
    };
  }
  if (rejecting) {
    return {
      nodeId: rejecting.nodeId,
      text: `${rejecting.label} turns away ${percent(rejecting.blockingProbability)} of the requests sent to it because its queue is full. A longer queue trades rejections for waiting; ${advise(rejecting).charAt(0).toLowerCase()}${advise(rejecting).slice(1)}`,
    };
  }

  const slowest = [...result.flows].sort((a, b) => (b.meanResponseMs ?? 0) - (a.meanResponseMs ?? 0))[0];
  return slowest ? explainSlowFlow(slowest) : null;
}


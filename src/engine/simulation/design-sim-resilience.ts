// Resilience settings (keyed by edge id and node id in the options) checked and laid out per
// out-edge slot and per node for the simulator: timeouts, retries, breakers, bulkheads and cache
// fallback per connection; admission limits, load shedding, rate limits, autoscaling and health
// checks per component.
import { nodeName, type CompiledDesign } from '../analytic/design-model';
import { cachesReads, sendsRequests } from '../../model/traits';
import { EDGE_SETTINGS, NODE_SETTINGS, settingOr, settingProblem, type SettingSpec } from '../../model/resilience';
import type { EdgeResilience, NodeResilience } from './design-sim-types';

export interface AutoscaleParams {
  target: number;
  min: number;
  max: number;
  provisioningMs: number;
  cooldownMs: number;
  evaluationMs: number;
}

/** Problems found so far, in the learner's words. */
export type Problems = string[];

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Records a problem unless value is absent or a finite number in [min, max] (whole when asked). */
export function checkSetting(problems: Problems, value: unknown, what: string, min: number, max = Infinity, whole = false): void {
  if (value === undefined) return;
  if (!isNumber(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
    problems.push(`${what} must be ${whole ? 'a whole number' : 'a number'} ${range} (got ${String(value)}).`);
  }
}

/** A resilience setting checked against its spec (src/model/resilience.ts), with where it is. */
function check(problems: Problems, value: unknown, where: string, spec: SettingSpec): void {
  if (value === undefined) return;
  const why = settingProblem(spec, value);
  if (why) problems.push(`${where}: ${why}.`);
}

const E = EDGE_SETTINGS;
const N = NODE_SETTINGS;

export function compileEdgeResilience(compiled: CompiledDesign, settings: Record<string, EdgeResilience>, nodeSettings: Record<string, NodeResilience>, problems: Problems, warnings: string[]) {
  const { design, model } = compiled;
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  const m = model.outTarget.length;
  const edgeIds: string[] = [];
  const edgeShare = new Float64Array(m);
  const onCacheMiss = new Uint8Array(m);
  const edgeCalls = new Float64Array(m);
  const timeoutMs = new Float64Array(m).fill(Infinity);
  const maxRetries = new Int32Array(m);
  const backoffBaseMs = new Float64Array(m).fill(25);
  const backoffCapMs = new Float64Array(m).fill(1000);
  const budgetRatio = new Float64Array(m).fill(NaN);
  const bulkhead = new Int32Array(m);
  const fallback = new Uint8Array(m);
  const breakerOn = new Uint8Array(m);
  const breakerRatio = new Float64Array(m).fill(0.5);
  const breakerMinCalls = new Float64Array(m).fill(20);
  const breakerWindowMs = new Float64Array(m).fill(10_000);
  const breakerOpenMs = new Float64Array(m).fill(5000);
  const breakerProbes = new Int32Array(m).fill(3);
  const slotOfEdge = new Map<string, number>();
  for (let slot = 0; slot < m; slot++) {
    const edge = edgesById.get(compiled.edgeIds[model.outEdgeOf[slot]!]!)!;
    edgeIds.push(edge.id);
    slotOfEdge.set(edge.id, slot);
    edgeShare[slot] = compiled.edgeTake[model.outEdgeOf[slot]!]!;
    onCacheMiss[slot] = compiled.edgeOnCacheMiss[model.outEdgeOf[slot]!]!;
    edgeCalls[slot] = Math.max(0, edge.callsPerRequest);
    const target = design.nodes[model.outTarget[slot]!]!;
    const s = settings[edge.id] ?? {};
    const where = `Connection "${edge.label || edge.id}"`;
    if (model.edgeSync[slot] === 0 && Object.keys(s).length > 0) warnings.push(`${where} is async (fire and forget), so its timeout, retry, breaker and bulkhead settings are ignored.`);
    check(problems, s.timeoutMs, where, E.timeoutMs);
    if (s.timeoutMs !== undefined) timeoutMs[slot] = s.timeoutMs;
    if (s.retry) {
      check(problems, s.retry.maxRetries, where, E.maxRetries);
      check(problems, s.retry.baseBackoffMs, where, E.baseBackoffMs);
      check(problems, s.retry.maxBackoffMs, where, E.maxBackoffMs);
      check(problems, s.retry.budgetRatio, where, E.budgetRatio);
      maxRetries[slot] = settingOr(E.maxRetries, s.retry.maxRetries);
      backoffBaseMs[slot] = settingOr(E.baseBackoffMs, s.retry.baseBackoffMs);
      backoffCapMs[slot] = settingOr(E.maxBackoffMs, s.retry.maxBackoffMs);
      budgetRatio[slot] = s.retry.budgetRatio ?? NaN;
    }
    const cb = s.circuitBreaker;
    if (cb) {
      check(problems, cb.failureRatio, where, E.failureRatio);
      check(problems, cb.minCalls, where, E.minCalls);
      check(problems, cb.windowS, where, E.windowS);
      check(problems, cb.openS, where, E.openS);
      check(problems, cb.halfOpenProbes, where, E.halfOpenProbes);
      breakerOn[slot] = 1;
      breakerRatio[slot] = settingOr(E.failureRatio, cb.failureRatio);
      breakerMinCalls[slot] = settingOr(E.minCalls, cb.minCalls);
      breakerWindowMs[slot] = settingOr(E.windowS, cb.windowS) * 1000;
      breakerOpenMs[slot] = settingOr(E.openS, cb.openS) * 1000;
      breakerProbes[slot] = settingOr(E.halfOpenProbes, cb.halfOpenProbes);
    }
    const bulk = s.bulkheadCalls ?? nodeSettings[edge.source]?.bulkheadCalls;
    check(problems, bulk, where, E.bulkheadCalls);
    bulkhead[slot] = bulk ?? 0;
    fallback[slot] = cachesReads(target) && s.fallbackToOrigin !== false ? 1 : 0;
  }
  checkKeys(settings, slotOfEdge, 'Resilience settings', problems, 'connection');
  return {
    outStart: model.outStart,
    outTarget: model.outTarget,
    edgeShare,
    onCacheMiss,
    edgeCalls,
    edgeSync: model.edgeSync,
    edgeRttMs: model.edgeNetworkMs,
    edgeIds,
    timeoutMs,
    maxRetries,
    backoffBaseMs,
    backoffCapMs,
    budgetRatio,
    bulkhead,
    fallback,
    breakerOn,
    breakerRatio,
    breakerMinCalls,
    breakerWindowMs,
    breakerOpenMs,
    breakerProbes,
  };
}

export function checkKeys(record: Record<string, unknown> | undefined, known: ReadonlyMap<string, number>, what: string, problems: Problems, noun = 'component'): void {
  for (const key of Object.keys(record ?? {})) {
    if (!known.has(key)) problems.push(`${what} name ${noun} "${key}", which is not in the design.`);
  }
}

export function compileNodeResilience(compiled: CompiledDesign, settings: Record<string, NodeResilience>, problems: Problems) {
  const { design, figures } = compiled;
  const n = design.nodes.length;
  const maxInFlight = new Int32Array(n);
  const maxQueueWaitMs = new Float64Array(n).fill(Infinity);
  const rateRps = new Float64Array(n);
  const rateBurst = new Float64Array(n);
  const healthCheckMs = new Float64Array(n).fill(5000);
  const autoscale: (AutoscaleParams | null)[] = design.nodes.map(() => null);
  design.nodes.forEach((node, j) => {
    // A rate limiter enforces its own limit as a token bucket whose burst is half a second of it,
    // the ratio of AWS API Gateway's defaults (10,000 req/s, burst 5,000; catalog-defaults §6).
    const limit = figures[j]!.limitRps;
    if (Number.isFinite(limit)) {
      rateRps[j] = Math.max(0.001, limit);
      rateBurst[j] = Math.max(1, limit / 2);
    }
    const s = settings[node.id];
    if (!s) return;
    const where = `${nodeName(node)}`;
    check(problems, s.maxInFlight, where, N.maxInFlight);
    check(problems, s.maxQueueWaitMs, where, N.maxQueueWaitMs);
    check(problems, s.healthCheckS, where, N.healthCheckS);
    maxInFlight[j] = s.maxInFlight ?? 0;
    maxQueueWaitMs[j] = s.maxQueueWaitMs ?? Infinity;
    healthCheckMs[j] = settingOr(N.healthCheckS, s.healthCheckS) * 1000;
    if (s.rateLimit) {
      if (s.rateLimit.rps === undefined) problems.push(`${where}: ${N.rateLimitRps.label} must be given.`);
      check(problems, s.rateLimit.rps, where, N.rateLimitRps);
      check(problems, s.rateLimit.burst, where, N.rateLimitBurst);
      rateRps[j] = s.rateLimit.rps;
      rateBurst[j] = s.rateLimit.burst ?? Math.max(1, s.rateLimit.rps);
    }
    const a = s.autoscale;
    if (a) {
      if (sendsRequests(node)) problems.push(`${where} is a client; only components can autoscale.`);
      const initial = figures[j]!.instances;
      for (const key of ['targetUtilization', 'minInstances', 'maxInstances', 'provisioningS', 'cooldownS', 'evaluationS'] as const) check(problems, a[key], where, N[key]);
      const min = a.minInstances ?? initial;
      const max = a.maxInstances ?? Math.min(1000, Math.max(min, initial * 10));
      if (max < min) problems.push(`${where}: ${N.maxInstances.label.toLowerCase()} (${max}) is below ${N.minInstances.label.toLowerCase()} (${min}).`);
      autoscale[j] = {
        target: settingOr(N.targetUtilization, a.targetUtilization),
        min,
        max,
        provisioningMs: settingOr(N.provisioningS, a.provisioningS) * 1000,
        cooldownMs: settingOr(N.cooldownS, a.cooldownS) * 1000,
        evaluationMs: settingOr(N.evaluationS, a.evaluationS) * 1000,
      };
    }
  });
  return { maxInFlight, maxQueueWaitMs, rateRps, rateBurst, healthCheckMs, autoscale };
}

// Resilience settings (keyed by edge id and node id in the options) checked and laid out per
// out-edge slot and per node for the simulator: timeouts, retries, breakers, bulkheads and cache
// fallback per connection; admission limits, load shedding, rate limits, autoscaling and health
// checks per component.
import { nodeName, type CompiledDesign } from '../analytic/design-model';
import { cachesReads, sendsRequests } from '../../model/traits';
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

export function compileEdgeResilience(compiled: CompiledDesign, settings: Record<string, EdgeResilience>, nodeSettings: Record<string, NodeResilience>, problems: Problems, warnings: string[]) {
  const { design, model } = compiled;
  const edgesById = new Map(design.edges.map((e) => [e.id, e]));
  const m = model.outTarget.length;
  const edgeIds: string[] = [];
  const edgeShare = new Float64Array(m);
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
    edgeShare[slot] = Math.min(1, Math.max(0, edge.share));
    edgeCalls[slot] = Math.max(0, edge.callsPerRequest);
    const target = design.nodes[model.outTarget[slot]!]!;
    const s = settings[edge.id] ?? {};
    const where = `Connection "${edge.label || edge.id}"`;
    if (model.edgeSync[slot] === 0 && Object.keys(s).length > 0) warnings.push(`${where} is async (fire and forget), so its timeout, retry, breaker and bulkhead settings are ignored.`);
    checkSetting(problems, s.timeoutMs, `${where}: timeout (ms)`, 0.001);
    if (s.timeoutMs !== undefined) timeoutMs[slot] = s.timeoutMs;
    if (s.retry) {
      checkSetting(problems, s.retry.maxRetries, `${where}: retries`, 0, 100, true);
      checkSetting(problems, s.retry.baseBackoffMs, `${where}: first backoff (ms)`, 0);
      checkSetting(problems, s.retry.maxBackoffMs, `${where}: largest backoff (ms)`, 0);
      checkSetting(problems, s.retry.budgetRatio, `${where}: retry budget`, 0, 100);
      maxRetries[slot] = s.retry.maxRetries ?? 0;
      backoffBaseMs[slot] = s.retry.baseBackoffMs ?? 25;
      backoffCapMs[slot] = s.retry.maxBackoffMs ?? 1000;
      budgetRatio[slot] = s.retry.budgetRatio ?? NaN;
    }
    const cb = s.circuitBreaker;
    if (cb) {
      checkSetting(problems, cb.failureRatio, `${where}: breaker failure share`, 0.001, 1);
      checkSetting(problems, cb.minCalls, `${where}: breaker minimum calls`, 1);
      checkSetting(problems, cb.windowS, `${where}: breaker window (s)`, 0.001);
      checkSetting(problems, cb.openS, `${where}: breaker open time (s)`, 0);
      checkSetting(problems, cb.halfOpenProbes, `${where}: breaker probe calls`, 1, 1000, true);
      breakerOn[slot] = 1;
      breakerRatio[slot] = cb.failureRatio ?? 0.5;
      breakerMinCalls[slot] = cb.minCalls ?? 20;
      breakerWindowMs[slot] = (cb.windowS ?? 10) * 1000;
      breakerOpenMs[slot] = (cb.openS ?? 5) * 1000;
      breakerProbes[slot] = cb.halfOpenProbes ?? 3;
    }
    const bulk = s.bulkheadCalls ?? nodeSettings[edge.source]?.bulkheadCalls;
    checkSetting(problems, bulk, `${where}: bulkhead (calls)`, 1, 1e9, true);
    bulkhead[slot] = bulk ?? 0;
    fallback[slot] = cachesReads(target) && s.fallbackToOrigin !== false ? 1 : 0;
  }
  checkKeys(settings, slotOfEdge, 'Resilience settings', problems, 'connection');
  return {
    outStart: model.outStart,
    outTarget: model.outTarget,
    edgeShare,
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
    checkSetting(problems, s.maxInFlight, `${where}: admission limit`, 1, 1e9, true);
    checkSetting(problems, s.maxQueueWaitMs, `${where}: longest queue wait (ms)`, 0);
    checkSetting(problems, s.healthCheckS, `${where}: health-check time (s)`, 0);
    maxInFlight[j] = s.maxInFlight ?? 0;
    maxQueueWaitMs[j] = s.maxQueueWaitMs ?? Infinity;
    healthCheckMs[j] = (s.healthCheckS ?? 5) * 1000;
    if (s.rateLimit) {
      checkSetting(problems, s.rateLimit.rps, `${where}: rate limit (requests/s)`, 0.001);
      checkSetting(problems, s.rateLimit.burst, `${where}: rate-limit burst`, 1);
      rateRps[j] = s.rateLimit.rps;
      rateBurst[j] = s.rateLimit.burst ?? Math.max(1, s.rateLimit.rps);
    }
    const a = s.autoscale;
    if (a) {
      if (sendsRequests(node)) problems.push(`${where} is a client; only components can autoscale.`);
      const initial = figures[j]!.instances;
      checkSetting(problems, a.targetUtilization, `${where}: autoscaling target utilization`, 0.01, 1);
      checkSetting(problems, a.minInstances, `${where}: fewest instances`, 1, 1000, true);
      checkSetting(problems, a.maxInstances, `${where}: most instances`, 1, 1000, true);
      checkSetting(problems, a.provisioningS, `${where}: provisioning time (s)`, 0);
      checkSetting(problems, a.cooldownS, `${where}: cooldown (s)`, 0);
      checkSetting(problems, a.evaluationS, `${where}: evaluation period (s)`, 0.001);
      const min = a.minInstances ?? initial;
      const max = a.maxInstances ?? Math.min(1000, Math.max(min, initial * 10));
      if (max < min) problems.push(`${where}: most instances (${max}) is below fewest instances (${min}).`);
      autoscale[j] = {
        target: a.targetUtilization ?? 0.6,
        min,
        max,
        provisioningMs: (a.provisioningS ?? 60) * 1000,
        cooldownMs: (a.cooldownS ?? 60) * 1000,
        evaluationMs: (a.evaluationS ?? 15) * 1000,
      };
    }
  });
  return { maxInFlight, maxQueueWaitMs, rateRps, rateBurst, healthCheckMs, autoscale };
}

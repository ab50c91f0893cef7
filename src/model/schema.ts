// The design file's shape, checked with valibot. Structural checks live here;
// checks that need the catalog or cross-references live in validate.ts.
import * as v from 'valibot';
import { FAILURE_KINDS, FAILURE_SPECS, FAILURE_TIME, failureParam, type FailureEvent, type FailureKind, type FailureParamKey, type FailureParamSpec, type FailureTarget } from './failures';
import { WORKLOAD_KINDS, WORKLOAD_SPECS, type WorkloadKind, type WorkloadShape, type WorkloadSpec } from './workloads';
import { EDGE_SETTINGS, NODE_SETTINGS, type SettingSpec } from './resilience';
import { CARD_SIDES, COMPONENT_KINDS } from './types';
import { MAX_PATH_POINTS } from './layout-graph';

const finite = v.pipe(v.number(), v.finite());
const id = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(120, 'is longer than 120 characters'));
const range = (min: number, max: number, what: string) => v.pipe(finite, v.minValue(min, `${what} must be at least ${min}`), v.maxValue(max, `${what} must be at most ${max}`));

/** 1,000,000 px either way: a thousand screens of diagram; beyond it SVG drawing breaks (1e308 did). */
export const MAX_CANVAS_PX = 1_000_000;
const coordinate = (axis: string) => range(-MAX_CANVAS_PX, MAX_CANVAS_PX, `The ${axis} position (px)`);
const position = v.object({ x: coordinate('x'), y: coordinate('y') });
const extent = (what: string) => range(1, MAX_CANVAS_PX, `${what} (px)`);

/** A number within a spec's range (a resilience setting or a failure parameter), in the spec's words: "Retries must be at most 10". */
function bounded(spec: { label: string; min: number; max: number; integer?: boolean }) {
  const base = range(spec.min, spec.max, spec.label);
  return spec.integer ? v.pipe(base, v.integer(`${spec.label} must be a whole number`)) : base;
}

/** A resilience setting's schema from its spec (src/model/resilience.ts); absent means its default. */
function setting(spec: SettingSpec) {
  return v.optional(bounded(spec));
}
const E = EDGE_SETTINGS;
const N = NODE_SETTINGS;

export const EdgeResilienceSchema = v.object({
  timeoutMs: setting(E.timeoutMs),
  retry: v.optional(
    v.object({
      maxRetries: v.nonOptional(setting(E.maxRetries), `${E.maxRetries.label} must be given`),
      baseBackoffMs: setting(E.baseBackoffMs),
      maxBackoffMs: setting(E.maxBackoffMs),
      budgetRatio: setting(E.budgetRatio),
    }),
  ),
  circuitBreaker: v.optional(
    v.object({
      failureRatio: setting(E.failureRatio),
      minCalls: setting(E.minCalls),
      windowS: setting(E.windowS),
      openS: setting(E.openS),
      halfOpenProbes: setting(E.halfOpenProbes),
    }),
  ),
  bulkheadCalls: setting(E.bulkheadCalls),
  fallbackToOrigin: v.optional(v.boolean()),
});

export const NodeResilienceSchema = v.object({
  maxInFlight: setting(N.maxInFlight),
  maxQueueWaitMs: setting(N.maxQueueWaitMs),
  bulkheadCalls: setting(N.bulkheadCalls),
  rateLimit: v.optional(v.object({ rps: v.nonOptional(setting(N.rateLimitRps), `${N.rateLimitRps.label} must be given`), burst: setting(N.rateLimitBurst) })),
  autoscale: v.optional(
    v.pipe(
      v.object({
        targetUtilization: setting(N.targetUtilization),
        minInstances: setting(N.minInstances),
        maxInstances: setting(N.maxInstances),
        provisioningS: setting(N.provisioningS),
        cooldownS: setting(N.cooldownS),
        evaluationS: setting(N.evaluationS),
      }),
      v.check((a) => a.minInstances === undefined || a.maxInstances === undefined || a.minInstances <= a.maxInstances, `${N.minInstances.label} must not be above ${N.maxInstances.label.toLowerCase()}`),
    ),
  ),
  healthCheckS: setting(N.healthCheckS),
});

/** A failure parameter's schema from its spec (src/model/failures.ts): "times slower must be at least 1". */
export function failureParamSchema(spec: FailureParamSpec) {
  return bounded(spec);
}

/** The schema of one parameter of a failure kind, from its spec. */
export function failureParamOf(kind: FailureKind, key: FailureParamKey) {
  const spec = failureParam(kind, key);
  if (!spec) throw new Error(`${kind} has no parameter ${key}`);
  return failureParamSchema(spec);
}

const at = {
  atS: range(FAILURE_TIME.atS.min, FAILURE_TIME.atS.max, 'The start time (s)'),
  durationS: v.optional(range(FAILURE_TIME.durationS.min, FAILURE_TIME.durationS.max, 'The duration (s)')),
};
const TARGET_ENTRIES: Record<FailureTarget, v.ObjectEntries> = {
  component: { nodeId: v.string() },
  database: { nodeId: v.string() },
  group: { groupId: v.string() },
  network: { sideA: v.array(v.string()), sideB: v.array(v.string()) },
};

/** One kind's entry: its target's fields, the times, and its parameters (optional where the spec says what leaving one out means). */
function failureVariant(kind: FailureKind) {
  const spec = FAILURE_SPECS[kind];
  const params = Object.fromEntries(spec.params.map((p) => [p.key, p.whenAbsent === undefined ? failureParamSchema(p) : v.optional(failureParamSchema(p))]));
  const choices = Object.fromEntries((spec.choices ?? []).map((c) => [c.key, v.optional(v.picklist(c.values))]));
  return v.object({ kind: v.literal(kind), ...TARGET_ENTRIES[spec.target], ...at, ...params, ...choices });
}

// Built from FAILURE_SPECS, so the compiler cannot see the shape: FailureEvent (failures.ts) is it.
export const FailureEventSchema = v.variant('kind', FAILURE_KINDS.map(failureVariant) as never) as unknown as v.GenericSchema<FailureEvent>;

/** One kind's entry: its fields from the spec, optional where the spec says what leaving one out means, and the check the ranges cannot make. */
function workloadVariant(kind: WorkloadKind) {
  const spec = WORKLOAD_SPECS[kind] as WorkloadSpec<WorkloadKind>;
  const fields = Object.fromEntries(spec.shapeFields.map((f) => [f.key, f.whenAbsent === undefined ? bounded(f) : v.optional(bounded(f))]));
  return v.object({ kind: v.literal(kind), ...fields });
}

// Built from WORKLOAD_SPECS, so the compiler cannot see the shape: WorkloadShape (workloads.ts) is it.
// Checks across fields (a ramp ending before it starts) are validate.ts's, with the field's path.
export const WorkloadShapeSchema = v.variant('kind', WORKLOAD_KINDS.map(workloadVariant) as never) as unknown as v.GenericSchema<WorkloadShape>;

/** 1,000,000 s (11.6 days) of simulated time: weeks of daily cycles; longer runs take hours and fill memory. */
export const MAX_SIM_DURATION_S = 1_000_000;

export const SimulationSetupSchema = v.object({
  durationS: range(1, MAX_SIM_DURATION_S, 'The simulated time (s)'),
  seed: v.optional(v.pipe(finite, v.integer('The seed must be a whole number'))),
  workload: v.optional(v.record(v.string(), v.array(WorkloadShapeSchema))),
  failures: v.optional(v.array(FailureEventSchema)),
});

export const NodeSchema = v.object({
  id,
  kind: v.picklist(COMPONENT_KINDS, `must be one of: ${COMPONENT_KINDS.join(', ')}`),
  label: v.pipe(v.string(), v.maxLength(200, 'is longer than 200 characters')),
  params: v.record(v.string(), finite),
  position,
  groupId: v.optional(v.string()),
  resilience: v.optional(NodeResilienceSchema),
});

const cardSide = v.picklist(CARD_SIDES, `must be one of "${CARD_SIDES.join('", "')}"`);

export const EdgeSchema = v.object({
  id,
  source: id,
  target: id,
  mode: v.picklist(['sync', 'async'], 'must be "sync" or "async"'),
  callsPerRequest: v.pipe(finite, v.minValue(0, 'must be 0 or more'), v.maxValue(1000, 'must be at most 1000')),
  share: v.pipe(finite, v.minValue(0, 'must be between 0 and 1'), v.maxValue(1, 'must be between 0 and 1')),
  label: v.optional(v.string()),
  onCacheMiss: v.optional(v.boolean('must be true or false')),
  resilience: v.optional(EdgeResilienceSchema),
  path: v.optional(
    v.pipe(
      v.array(position),
      v.minLength(2, 'The drawn path must have at least 2 points (where it leaves one card and reaches the other)'),
      v.maxLength(MAX_PATH_POINTS, `The drawn path has more than ${MAX_PATH_POINTS} points`),
    ),
  ),
  sourceSide: v.optional(cardSide),
  targetSide: v.optional(cardSide),
});

export const GroupSchema = v.object({
  id,
  kind: v.picklist(['region', 'zone'], 'must be "region" or "zone"'),
  label: v.string(),
  parentId: v.optional(v.string()),
  position,
  size: v.object({ width: extent('The width'), height: extent('The height') }),
});

export const DesignSchema = v.object({
  id,
  name: v.pipe(v.string(), v.maxLength(200)),
  nodes: v.pipe(v.array(NodeSchema), v.maxLength(5000, 'has more than 5000 components')),
  edges: v.pipe(v.array(EdgeSchema), v.maxLength(20000, 'has more than 20000 connections')),
  groups: v.array(GroupSchema),
  simulation: v.optional(SimulationSetupSchema),
});

export const DESIGN_FORMAT = 'archlab-design';
export const CURRENT_VERSION = 2;

export const DesignFileSchema = v.object({
  format: v.literal(DESIGN_FORMAT),
  version: v.literal(CURRENT_VERSION),
  design: DesignSchema,
});

// The scenario file's shape, checked with valibot. This is the one source of truth: the
// TypeScript types below are inferred from it, and json-schema.ts turns the same objects into the
// JSON Schema editors use (public/schema/scenario.schema.json). Checks that need cross-references
// (does this node exist?) live in references.ts; checks that need the engine live in self-check.ts.
import * as v from 'valibot';
import type { ModePart, ScenarioMode } from './modes/mode-types';
import { getParamSpec, PARAM_KEYS, type ParamKey } from '../model/catalog';
import { FAILURE_SPECS, FAILURE_TIME, failureParam, paramOwner, type FailureParamKey } from '../model/failures';
import { EdgeSchema, failureParamOf, GroupSchema, NodeSchema } from '../model/schema';
import { COMPONENT_KINDS } from '../model/types';
import { HOURS_PER_MONTH } from '../engine/metrics/cost';
import { STEP_TIME, WORKLOAD_KINDS, WORKLOAD_SPECS, type WorkloadFieldSpec, type WorkloadKind, type WorkloadSpec, type WorkloadStep } from '../model/workloads';
import {
  COMPARE_METRICS,
  CRITIQUE_CATEGORIES,
  DESIGN_SIDES,
  DIFFICULTIES,
  FAILURE_KINDS,
  OBJECTIVES,
  SEVERITIES,
} from './vocabulary';

/** 2: failures use the design's names (slowdown, error-rate, group-outage, db-failover); version 1 files migrate. */
export const CURRENT_SCENARIO_VERSION = 2;

export const described = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));
const finite = v.pipe(v.number(), v.finite());
const atLeast = (min: number) => v.pipe(v.number(), v.finite(), v.minValue(min));
const fraction = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
export const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));
const ref = v.pipe(v.string(), v.minLength(1), v.maxLength(120));
export const list = <S extends v.GenericSchema>(item: S, description = '') =>
  v.optional(description ? described(v.array(item), description) : v.array(item), () => []);

// ---- the design, as in the design model but with readable defaults -------------------------

function paramValue(description: string) {
  return v.pipe(v.number(), v.finite(), v.description(description));
}

/** Label, unit and help of a parameter, from the first kind that has it. */
function paramDescription(key: ParamKey): string {
  for (const kind of COMPONENT_KINDS) {
    const spec = getParamSpec(kind, key);
    if (spec) return `${spec.label}${spec.unit && spec.unit !== 'fraction' ? ` (${spec.unit})` : ''}: ${spec.help}`;
  }
  return key;
}

const ParamsSchema = described(
  v.strictObject(
    Object.fromEntries(PARAM_KEYS.map((key) => [key, v.optional(paramValue(paramDescription(key)))])) as Record<
      ParamKey,
      v.OptionalSchema<ReturnType<typeof paramValue>, undefined>
    >,
  ),
  'Settings that differ from the catalog defaults; leave one out to take its default.',
);

const strictPosition = v.strictObject(NodeSchema.entries.position.entries);

/**
 * A design file's nested settings object, made strict at every level: a scenario file is written
 * by hand, so a misspelt key ("retries" for "retry") must be an error, not a setting quietly lost.
 */
function strictly<S extends v.GenericSchema>(schema: S): S {
  const shape = schema as unknown as { type: string; entries?: Record<string, v.GenericSchema>; wrapped?: v.GenericSchema; default?: unknown };
  if (shape.type === 'object' && shape.entries) {
    return v.strictObject(Object.fromEntries(Object.entries(shape.entries).map(([key, entry]) => [key, strictly(entry)]))) as unknown as S;
  }
  if (shape.type === 'optional' && shape.wrapped) return v.optional(strictly(shape.wrapped), shape.default as never) as unknown as S;
  return schema;
}

const NodeResilienceStrict = strictly(NodeSchema.entries.resilience.wrapped);
const EdgeResilienceStrict = strictly(EdgeSchema.entries.resilience.wrapped);

export const ScenarioNodeSchema = v.strictObject({
  id: described(NodeSchema.entries.id, 'Unique id; questions, critique keys and failures refer to it.'),
  kind: NodeSchema.entries.kind,
  label: NodeSchema.entries.label,
  params: v.optional(ParamsSchema),
  position: described(strictPosition, 'Top-left corner on the canvas, px. Nodes are 188 x 64 px; columns about 260 px apart, rows about 110.'),
  groupId: v.optional(described(v.string(), 'The zone or region the component sits in.')),
  resilience: v.optional(described(NodeResilienceStrict, 'Simulator settings of the component: admission limits, load shedding, rate limit, health checks, autoscaling.')),
});

export const ScenarioEdgeSchema = v.strictObject({
  id: EdgeSchema.entries.id,
  source: EdgeSchema.entries.source,
  target: EdgeSchema.entries.target,
  mode: v.optional(EdgeSchema.entries.mode, 'sync'),
  callsPerRequest: v.optional(EdgeSchema.entries.callsPerRequest, 1),
  share: v.optional(EdgeSchema.entries.share, 1),
  label: EdgeSchema.entries.label,
  onCacheMiss: v.optional(described(v.boolean('must be true or false'), 'Cache-aside: a call to a data store beside a call to a cache is made only on a cache miss unless this is false (writes, or a cache of other data).')),
  resilience: v.optional(described(EdgeResilienceStrict, 'Simulator settings of the connection: timeout, retries, circuit breaker, bulkhead.')),
});

export const ScenarioGroupSchema = v.strictObject({
  ...GroupSchema.entries,
  position: strictPosition,
  size: v.strictObject(GroupSchema.entries.size.entries),
});

export const ScenarioDesignSchema = v.strictObject({
  id: v.optional(ref),
  name: v.optional(text(200)),
  nodes: v.pipe(v.array(ScenarioNodeSchema), v.minLength(1), v.maxLength(500)),
  edges: list(ScenarioEdgeSchema),
  groups: list(ScenarioGroupSchema),
});

// ---- what the design must achieve, and the traffic and failures it meets -------------------

export const RequirementsSchema = v.strictObject({
  trafficRps: v.optional(described(atLeast(0), 'Total requests/s the design must carry; scales the clients when workload.rps is not given.')),
  p99LatencyMs: v.optional(described(atLeast(0.001), 'Most time, ms, 99% of requests of every client may take.')),
  availability: v.optional(described(fraction, 'Least share of requests that must find everything they need up, e.g. 0.999.')),
  errorRate: v.optional(described(fraction, 'Most share of requests that may be turned away or time out under load.')),
  monthlyCostUsd: v.optional(described(atLeast(0), 'Most the design may cost, USD per month.')),
  clients: v.optional(described(v.array(ref), 'Client ids the latency and availability targets apply to; all clients when left out.')),
});

const stepBase = {
  atS: described(v.pipe(finite, v.minValue(STEP_TIME.min), v.maxValue(STEP_TIME.max)), STEP_TIME.help),
  client: v.optional(described(ref, 'The client it applies to; all clients (in their usual proportions) when left out.')),
};

/** A step's field from its spec (src/model/workloads.ts): range, help with unit, and what leaving it out gives. */
function stepField(f: WorkloadFieldSpec) {
  const base = described(v.pipe(finite, v.minValue(f.min), v.maxValue(f.max)), `${f.help} (${f.unit})`);
  if (f.fileDefault !== undefined) return v.optional(base, f.fileDefault);
  return f.whenAbsent === undefined ? base : v.optional(base);
}

function stepVariant(kind: WorkloadKind) {
  const spec = WORKLOAD_SPECS[kind] as WorkloadSpec<WorkloadKind>;
  return v.strictObject({ ...stepBase, shape: described(v.literal(kind), spec.help), ...Object.fromEntries(spec.stepFields.map((f) => [f.key, stepField(f)])) });
}

// Built from WORKLOAD_SPECS, so the compiler cannot see the shape: WorkloadStep (workloads.ts) is it
// (what a file may leave out, e.g. a day's length, is filled in when it is read).
export const WorkloadStepSchema = v.variant('shape', WORKLOAD_KINDS.map(stepVariant) as never) as unknown as v.GenericSchema<unknown, WorkloadStep>;

export const WorkloadSchema = v.strictObject({
  rps: v.optional(described(v.record(ref, atLeast(0)), 'Constant requests/s by client id; the analytic grading uses these.')),
  overTime: list(WorkloadStepSchema, 'Traffic over time for the simulator: steps, ramps, spikes and daily cycles.'),
  busyHoursPerMonth: v.optional(
    described(v.pipe(finite, v.minValue(0.01), v.maxValue(HOURS_PER_MONTH)), `Hours a month this traffic runs, for the monthly cost: per-request charges follow it for these hours and quietRps for the rest (instances are paid all month). ${HOURS_PER_MONTH} (all month) when left out.`),
  ),
  quietRps: v.optional(described(atLeast(0), 'Requests/s of all clients together outside the busy hours, for the monthly cost; 0 when left out.')),
});

const paramHelp = (key: FailureParamKey) => {
  const kind = paramOwner(key);
  const spec = failureParam(kind, key)!;
  return `For ${kind}: ${spec.help}${spec.unit && spec.unit !== '(0-1)' ? ` (${spec.unit})` : ''}`;
};

// Whether the parameters fit the kind is checked with the references (references.ts), so a file
// with several mistakes hears of all of them at once.
export const FailureSchema = v.strictObject({
  atS: described(v.pipe(finite, v.minValue(FAILURE_TIME.atS.min), v.maxValue(FAILURE_TIME.atS.max)), FAILURE_TIME.atS.help),
  durationS: described(v.pipe(finite, v.minValue(FAILURE_TIME.durationS.min), v.maxValue(FAILURE_TIME.durationS.max)), FAILURE_TIME.durationS.help),
  kind: described(v.picklist(FAILURE_KINDS), FAILURE_KINDS.map((k) => `${k}: ${FAILURE_SPECS[k].help}`).join(' ')),
  target: described(ref, 'A component id; a zone or region id for group-outage; a connection, zone or region id for partition; a relational database for db-failover.'),
  instances: v.optional(described(failureParamOf('crash', 'instances'), paramHelp('instances'))),
  factor: v.optional(described(failureParamOf('slowdown', 'factor'), paramHelp('factor'))),
  rate: v.optional(described(failureParamOf('error-rate', 'rate'), paramHelp('rate'))),
  promoteAfterS: v.optional(described(failureParamOf('db-failover', 'promoteAfterS'), paramHelp('promoteAfterS'))),
});

// ---- mode content ---------------------------------------------------------------------------

const questionId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens, like q1'));

export const NamingAnswerSchema = v.strictObject({
  nodeId: ref,
  acceptedKinds: v.pipe(v.array(NodeSchema.entries.kind), v.minLength(1)),
});

export const IdentifyQuestionSchema = v.strictObject({
  id: v.optional(described(questionId, 'Defaults to q1, q2, ... in order.')),
  prompt: text(1000),
  answer: described(
    v.union([ref, v.pipe(v.array(ref), v.minLength(1)), NamingAnswerSchema], 'must be a component id, a list of component ids, or { nodeId, acceptedKinds }'),
    'Click questions: the component id, or every id the learner must select. Naming questions: { nodeId, acceptedKinds }.',
  ),
  explanation: text(2000),
});

const critiqueItem = {
  target: described(ref, 'The component or connection id the problem is on.'),
  acceptedTargets: v.optional(described(v.array(ref), 'Other ids a learner may pin the same problem on.')),
  category: v.picklist(CRITIQUE_CATEGORIES),
  acceptedCategories: v.optional(described(v.array(v.picklist(CRITIQUE_CATEGORIES)), 'Other categories a learner may file the same problem under (a race on a stock row is also a consistency risk).')),
};

export const CritiqueKeyItemSchema = v.strictObject({
  ...critiqueItem,
  severity: v.picklist(SEVERITIES),
  explanation: text(2000),
});

export const AlsoAcceptableItemSchema = v.strictObject({
  ...critiqueItem,
  explanation: described(text(2000), 'Shown to a learner who finds it: why it holds, and why it is not the point of this review.'),
});

const nodeSettings = {
  label: v.optional(NodeSchema.entries.label),
  position: v.optional(strictPosition),
  groupId: v.optional(v.string()),
};

export const PatchOpSchema = v.variant('op', [
  v.strictObject({ op: v.literal('set-param'), node: ref, param: v.picklist(PARAM_KEYS), value: finite }),
  v.strictObject({ op: v.literal('set-node'), node: ref, ...nodeSettings }),
  v.strictObject({ op: v.literal('add-node'), node: ScenarioNodeSchema }),
  v.strictObject({ op: v.literal('remove-node'), node: ref }),
  v.strictObject({ op: v.literal('add-edge'), edge: ScenarioEdgeSchema }),
  v.strictObject({
    op: v.literal('set-edge'),
    edge: ref,
    mode: v.optional(EdgeSchema.entries.mode),
    callsPerRequest: v.optional(EdgeSchema.entries.callsPerRequest),
    share: v.optional(EdgeSchema.entries.share),
  }),
  v.strictObject({ op: v.literal('remove-edge'), edge: ref }),
  v.strictObject({ op: v.literal('add-group'), group: ScenarioGroupSchema }),
  v.strictObject({ op: v.literal('set-group'), group: ref, position: v.optional(strictPosition), size: v.optional(v.strictObject(GroupSchema.entries.size.entries)) }),
]);

export const SolutionSchema = described(
  v.strictObject({
    design: v.optional(ScenarioDesignSchema),
    patch: v.optional(described(v.pipe(v.array(PatchOpSchema), v.minLength(1)), 'Changes to the starting design, applied in order.')),
  }),
  'The reference solution: a whole design, or a patch on the starting design (give one of the two).',
);

export const CompareQuestionSchema = v.strictObject({
  id: v.optional(questionId),
  prompt: text(1000),
  answer: v.picklist(DESIGN_SIDES),
  metric: v.optional(described(v.picklist(COMPARE_METRICS), 'The figure that decides the answer; `scenario check` confirms the answer against it.')),
  explanation: text(2000),
});

// ---- fix mode: the work that must still happen, and what the learner may not change ----------

export const PathInvariantSchema = v.strictObject({
  from: described(v.pipe(v.array(ref), v.minLength(1)), 'Component ids (usually clients) whose requests the work starts from.'),
  to: v.optional(described(v.array(ref), 'Component ids the work must reach; any one of them will do.')),
  toKinds: v.optional(described(v.array(v.picklist(COMPONENT_KINDS)), 'Kinds of component the work must reach; any component of these kinds will do (with `to`, either counts).')),
  share: v.optional(described(fraction, 'Least share of the requests from each `from` that must arrive; any share above 0 when left out.')),
  callsPerRequest: v.optional(described(atLeast(0), 'Least calls that must arrive per request from `from`, on average (e.g. 2 for two database queries).')),
  cacheAnswers: v.optional(
    described(v.boolean(), 'A cache or CDN on the way answers for what it fronts (reads), so its hits count as arriving. Leave false for writes and messages, which a cache cannot answer.'),
    false,
  ),
  together: v.optional(described(v.boolean(), 'With several `from`: they must all reach one and the same component (the writers and readers of the same data).'), false),
  message: described(text(300), 'What is lost when the path is broken, in the learner\'s words, e.g. "the text reminders are no longer sent".'),
});

export const EnvironmentRuleSchema = v.strictObject({
  components: v.optional(described(v.array(ref), 'Components of the starting design whose settings are the world\'s (a vendor, a managed service, the clients).')),
  kinds: v.optional(described(v.array(v.picklist(COMPONENT_KINDS)), 'Kinds whose settings are the world\'s, for every component of the kind, those the learner adds too.')),
  params: v.optional(described(v.array(v.picklist(PARAM_KEYS)), 'The settings concerned; all the kind\'s settings when left out.')),
  options: v.optional(described(v.array(ParamsSchema), 'Other products the story offers, each a set of settings taken together (e.g. a Multi-AZ database: availability and its price).')),
  because: v.optional(described(text(300), 'Why the learner may not change them, shown in the message.')),
});

/** The fields every scenario file has, whatever its mode. */
export const SCENARIO_COMMON_FIELDS = {
  version: v.literal(CURRENT_SCENARIO_VERSION),
  id: described(
    v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like url-shortener'), v.maxLength(80)),
    'Unique scenario id; the file is named after it.',
  ),
  title: text(120),
  summary: described(text(400), 'One or two sentences for the scenario list.'),
  difficulty: v.picklist(DIFFICULTIES),
  estimatedMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(240)),
  objectives: v.pipe(v.array(v.picklist(OBJECTIVES)), v.minLength(1)),
  topics: v.optional(
    described(
      v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like hot-keys'), v.maxLength(40))), v.maxLength(8)),
      'The classic problems the scenario is about (sharding, hot-keys, idempotency...), listed in docs/scenarios-catalog.md.',
    ),
  ),
  onRampStep: v.optional(
    described(
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99)),
      'A beginner scenario\'s place in the on-ramp the course map offers first-time learners (1 comes first); beginner scenarios without one follow, shortest first.',
    ),
  ),
  story: described(text(6000), 'The situation, in plain text: blank lines separate paragraphs, lines starting "- " are list items.'),
  hints: list(text(1000), 'Nudges shown one at a time when the learner asks.'),
  requirements: v.optional(RequirementsSchema, () => ({})),
  design: described(ScenarioDesignSchema, 'The starting design (fix), the proposal (critique), design A (compare), or the design to study (identify).'),
  workload: v.optional(WorkloadSchema, () => ({ overTime: [] })),
  failures: list(FailureSchema, 'Failures the simulator injects over time.'),
};

/** The fields every scenario file has, as read. */
export type ScenarioFileBase = v.InferOutput<v.StrictObjectSchema<typeof SCENARIO_COMMON_FIELDS, undefined>>;
/** A scenario file of any mode (each mode's schema is in modes/<mode>/schema.ts). */
export type ScenarioFile = ModePart<ScenarioMode, 'file'>;
export type ScenarioDesignFile = v.InferOutput<typeof ScenarioDesignSchema>;
export type ScenarioNodeFile = v.InferOutput<typeof ScenarioNodeSchema>;
export type ScenarioEdgeFile = v.InferOutput<typeof ScenarioEdgeSchema>;
export type Requirements = v.InferOutput<typeof RequirementsSchema>;
export type { WorkloadStep };
export type FailureEvent = v.InferOutput<typeof FailureSchema>;
export type CritiqueKeyItem = v.InferOutput<typeof CritiqueKeyItemSchema>;
export type AlsoAcceptableItem = v.InferOutput<typeof AlsoAcceptableItemSchema>;
export type PatchOp = v.InferOutput<typeof PatchOpSchema>;
export type PathInvariant = v.InferOutput<typeof PathInvariantSchema>;
export type EnvironmentRule = v.InferOutput<typeof EnvironmentRuleSchema>;
export type IdentifyQuestionFile = v.InferOutput<typeof IdentifyQuestionSchema>;
export type CompareQuestionFile = v.InferOutput<typeof CompareQuestionSchema>;

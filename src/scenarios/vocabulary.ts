// The fixed word lists of the scenario format: difficulties, learning objectives, critique
// categories (with the other words a learner may use for them), SLO names, workload shapes and
// failure kinds. The schema, the structural checks and the grader all read them from here.

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const OBJECTIVES = [
  'identify-components',
  'scalability-impact',
  'trade-off-build-vs-buy',
  'trade-off-monolith-vs-microservices',
  'trade-off-sync-vs-async',
  'trade-off-sql-vs-nosql',
  'consistency-availability',
  'api-design',
  'critique-proposal',
  'feasibility',
  'justify-with-data',
  'cost',
] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** What each objective is called on screen, in the catalog page and in class reports. */
export const OBJECTIVE_LABEL: Record<Objective, string> = {
  'identify-components': 'Identify components',
  'scalability-impact': 'Scalability impact',
  'trade-off-build-vs-buy': 'Build vs buy',
  'trade-off-monolith-vs-microservices': 'Monolith vs microservices',
  'trade-off-sync-vs-async': 'Sync vs async',
  'trade-off-sql-vs-nosql': 'SQL vs NoSQL',
  'consistency-availability': 'Consistency vs availability',
  'api-design': 'API design and integrations',
  'critique-proposal': 'Critique a proposal',
  feasibility: 'Feasibility and technical debt',
  'justify-with-data': 'Justify a decision with data',
  cost: 'Cost',
};

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a critique finding can be about; the structural checks use the same names. */
export const CRITIQUE_CATEGORIES = [
  'single-point-of-failure',
  'bottleneck',
  'synchronous-chain',
  'missing-cache',
  'hot-partition',
  'consistency-risk',
  'shared-database',
  'unbounded-queue',
  'retry-storm',
  'cost',
  'over-engineering',
  'security',
  'missing-idempotency',
  'missing-admission-control',
  'message-loss',
  'race-condition',
  'missing-observability',
] as const;
export type CritiqueCategory = (typeof CRITIQUE_CATEGORIES)[number];

/** Other words learners use for the same problem, all lower-case with hyphens. */
const CATEGORY_SYNONYMS: Record<CritiqueCategory, readonly string[]> = {
  'single-point-of-failure': ['spof', 'missing-redundancy', 'no-redundancy', 'no-failover', 'single-instance'],
  bottleneck: ['capacity', 'overload', 'saturation', 'throughput', 'scalability'],
  'synchronous-chain': ['sync-chain', 'call-chain', 'deep-call-chain', 'latency-chain', 'chatty-calls', 'blocking-call'],
  'missing-cache': ['no-cache', 'cache', 'uncached-reads'],
  'hot-partition': ['hot-key', 'hotspot', 'hot-spot', 'hot-shard', 'skew'],
  'consistency-risk': ['consistency', 'stale-read', 'stale-reads', 'stale-data', 'replication-lag', 'split-brain', 'inconsistency'],
  'shared-database': ['shared-db', 'database-coupling', 'distributed-monolith', 'shared-schema'],
  'unbounded-queue': ['backlog', 'unbounded-backlog', 'queue-growth', 'no-backpressure', 'missing-backpressure'],
  'retry-storm': ['retries', 'thundering-herd', 'retry-amplification', 'no-backoff', 'no-circuit-breaker'],
  cost: ['expensive', 'overspend', 'cost-risk', 'waste'],
  'over-engineering': ['overengineering', 'overkill', 'too-complex', 'complexity', 'premature-optimization'],
  security: ['auth', 'authentication', 'authorization', 'exposure', 'data-exposure', 'pii', 'pci', 'card-data'],
  'missing-idempotency': ['idempotency', 'no-idempotency', 'idempotency-key', 'no-idempotency-key', 'duplicates', 'duplicate-processing', 'duplicate-messages', 'double-charge', 'double-charging', 'double-processing', 'exactly-once'],
  'missing-admission-control': ['admission-control', 'no-admission-control', 'load-shedding', 'no-load-shedding', 'rate-limiting', 'no-rate-limit', 'no-rate-limiting', 'throttling', 'no-throttling', 'waiting-room', 'no-waiting-room', 'overload-protection'],
  'message-loss': ['durability', 'no-durability', 'data-loss', 'lost-messages', 'message-durability', 'lost-writes', 'fire-and-forget', 'dropped-messages'],
  'race-condition': ['race', 'races', 'overselling', 'oversell', 'oversold', 'lost-update', 'lost-updates', 'double-booking', 'double-spend', 'concurrent-updates'],
  'missing-observability': ['observability', 'no-observability', 'monitoring', 'no-monitoring', 'logging', 'no-logging', 'tracing', 'no-tracing', 'metrics', 'no-metrics', 'alerting', 'no-alerting'],
};

const CATEGORY_BY_WORD = new Map<string, CritiqueCategory>(
  CRITIQUE_CATEGORIES.flatMap((category) => [[category, category] as const, ...CATEGORY_SYNONYMS[category].map((word) => [word, category] as const)]),
);

/** "Single point of failure", "SPOF" and "single_point_of_failure" all become the canonical name; null if unknown. */
export function canonicalCategory(word: string): CritiqueCategory | null {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return CATEGORY_BY_WORD.get(key) ?? null;
}

/** "single-point-of-failure" -> "single point of failure", for sentences. */
export function categoryWords(category: CritiqueCategory): string {
  return category.replace(/-/g, ' ');
}

/**
 * What a fix-mode scenario can require of the learner's design. The first four take their
 * target from `requirements`; capacity means no component is saturated at the scenario's traffic.
 */
export const CHECK_NAMES = ['p99LatencyMs', 'availability', 'errorRate', 'monthlyCostUsd', 'capacity'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** One workload vocabulary for designs and scenarios: src/model/workloads.ts. */
export { WORKLOAD_KINDS, type WorkloadKind } from '../model/workloads';

/** One failure vocabulary for designs and scenarios: src/model/failures.ts. */
export { FAILURE_KINDS, type FailureKind } from '../model/failures';

/** The two designs of a compare scenario. */
export const DESIGN_SIDES = ['a', 'b'] as const;
export type DesignSide = (typeof DESIGN_SIDES)[number];

/** Figures a compare scenario sets side by side; a question may name one so the check can confirm its answer. */
export const COMPARE_METRICS = ['meanLatencyMs', 'p99LatencyMs', 'availability', 'headroomX', 'monthlyCostUsd', 'saturatedComponents'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number];

// Older scenario files are brought up to the current version one step at a time, before
// validation, in the same way as design files (src/model/migrations.ts).
//
// Version 0 was the draft format the first scenarios were sketched in: `name`, `level`,
// `minutes` and `goals` for title, difficulty, estimatedMinutes and objectives; targets in `slo`
// (p99Ms, availability, errorRate, costUsd) and the traffic in a top-level `rps`; nodes placed
// with `at: [x, y]`; and no summary (the story's first sentence served).
// Version 1 named failures slow, errors, zone-loss and failover; version 2 uses the names of
// src/model/failures.ts (slowdown, error-rate, group-outage, db-failover).

import { SCENARIO_V1_FAILURE_NAMES } from '../model/failures';

type Json = Record<string, unknown>;
type Migration = (file: Json) => Json;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Renames keys of an object, keeping their order; keys not in the table stay as they are. */
function renameKeys(object: Json, names: Record<string, string>): Json {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [names[key] ?? key, value]));
}

function firstSentence(story: unknown): string | undefined {
  if (typeof story !== 'string') return undefined;
  const match = /^\s*(.+?[.!?])(\s|$)/s.exec(story);
  return (match?.[1] ?? story.trim()).replace(/\s+/g, ' ').slice(0, 400) || undefined;
}

function migrateDraftDesign(design: unknown): unknown {
  if (!isObject(design) || !Array.isArray(design.nodes)) return design;
  const nodes = design.nodes.map((node: unknown) => {
    if (!isObject(node) || !Array.isArray(node.at)) return node;
    const { at, ...rest } = node;
    return { ...rest, position: { x: at[0], y: at[1] } };
  });
  return { ...design, nodes };
}

/** Version 1 named failures in words of its own; version 2 uses the design's names (src/model/failures.ts). */
function migrateFailureNames(failures: unknown): unknown {
  if (!Array.isArray(failures)) return failures;
  return failures.map((f: unknown) => (isObject(f) && typeof f.kind === 'string' && Object.hasOwn(SCENARIO_V1_FAILURE_NAMES, f.kind) ? { ...f, kind: SCENARIO_V1_FAILURE_NAMES[f.kind] } : f));
}

/** migrations[n] turns a version-n file into a version-(n+1) file. */
const migrations: Record<number, Migration> = {
  0: (file) => {
    const { slo, rps, ...rest } = file;
    const out = renameKeys(rest, { name: 'title', level: 'difficulty', minutes: 'estimatedMinutes', goals: 'objectives' });
    out.version = 1;
    if (out.summary === undefined) {
      const summary = firstSentence(out.story);
      if (summary !== undefined) out.summary = summary;
    }
    if (slo !== undefined || rps !== undefined) {
      const targets = isObject(slo) ? renameKeys(slo, { p99Ms: 'p99LatencyMs', costUsd: 'monthlyCostUsd' }) : {};
      out.requirements = { ...(rps === undefined ? {} : { trafficRps: rps }), ...targets };
    }
    for (const key of ['design', 'designB'] as const) if (key in out) out[key] = migrateDraftDesign(out[key]);
    return out;
  },
  1: (file) => ({ ...file, version: 2, ...('failures' in file ? { failures: migrateFailureNames(file.failures) } : {}) }),
};

export type ScenarioMigrationResult = { file: Json; migratedFrom?: number } | { error: string };

export function migrateScenario(file: Json, currentVersion: number): ScenarioMigrationResult {
  const version = file.version;
  if (version === undefined) {
    return { error: `The file has no "version" number; add "version: ${currentVersion}" at the top.` };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { error: `The file has "version" ${JSON.stringify(version) ?? String(version)}, which is not a version number (those are whole numbers from 0, such as ${currentVersion}).` };
  }
  if (version > currentVersion) {
    return { error: `The file is scenario version ${version}, newer than this ArchLab understands (version ${currentVersion}). Update ArchLab to open it.` };
  }
  let out = file;
  for (let n = version; n < currentVersion; n++) {
    const step = migrations[n];
    if (!step) return { error: `Scenario files of version ${n} can no longer be opened (no migration exists).` };
    out = step(out);
  }
  return version < currentVersion ? { file: out, migratedFrom: version } : { file: out };
}

// A saved design that no longer passes the checks (damaged, edited by hand, written by a buggy or
// newer version) is kept as it was; this makes a repaired copy of it to open beside it. Each fault
// the checks name is mended in the smallest way: a number out of range is brought to the nearest
// allowed value, a setting that cannot be read is removed (its default applies), an unknown kind
// becomes a service, a clashing id gets a fresh one, and only a part that cannot stand at all (a
// connection to a missing component, an entry that is not a part) is left out. Every change is
// said in a sentence, so the learner knows what to check.
import * as v from 'valibot';
import { getParamSpec } from './catalog';
import { EDGE_SETTINGS, NODE_SETTINGS, type SettingSpec } from './resilience';
import { designProblems, problemAt, type DesignPath } from './validate';
import { issueWords } from './issue-words';
import { migrate } from './migrations';
import { CURRENT_VERSION, DesignSchema } from './schema';
import type { Design } from './types';

export interface RepairedDesign {
  design: Design;
  /** What was changed, one sentence each, in the order it was done. */
  changes: string[];
}

type Json = Record<string | number, unknown>;
type Collection = 'nodes' | 'edges' | 'groups';
const COLLECTIONS: readonly Collection[] = ['nodes', 'edges', 'groups'];

/** Resilience settings a group cannot do without (the schema's nonOptional ones), by group.key. */
const REQUIRED_SETTINGS = new Set(['retry.maxRetries', 'rateLimit.rps']);

/** The spec of a setting inside a resilience group (model/resilience.ts); a rate limit's settings are named rateLimitRps and rateLimitBurst there. */
function resilienceSettingSpec(collection: 'nodes' | 'edges', group: string, key: string): SettingSpec | undefined {
  const table: Record<string, SettingSpec> = collection === 'edges' ? EDGE_SETTINGS : NODE_SETTINGS;
  const name = group === 'rateLimit' ? `rateLimit${key.charAt(0).toUpperCase()}${key.slice(1)}` : key;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Rounds of check-and-mend: each mends every fault the checks report; a fault mended can reveal one beneath (a kind made a service, then its settings). */
const MAX_ROUNDS = 12;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const nameOk = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0 && x.length <= 200;

/** Placeholder values for required fields that could not be read: enough to open, said as a change. */
const FIELD_DEFAULTS: Record<Collection, Record<string, () => unknown>> = {
  nodes: { kind: () => 'service', params: () => ({}), position: () => ({ x: 0, y: 0 }) },
  edges: { mode: () => 'sync', callsPerRequest: () => 1, share: () => 1 },
  groups: { kind: () => 'zone', position: () => ({ x: 0, y: 0 }), size: () => ({ width: 400, height: 300 }), label: () => '' },
};
/** Fields a part can do without: removed when they cannot be read. */
const OPTIONAL_FIELDS: Record<Collection, readonly string[]> = {
  nodes: ['groupId', 'resilience'],
  edges: ['label', 'onCacheMiss', 'resilience', 'path'],
  groups: ['parentId'],
};
const POSITION_FIELDS = new Set(['position', 'size']);

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let at = root;
  for (const key of path) at = isObject(at) || Array.isArray(at) ? (at as Json)[key] : undefined;
  return at;
}

function setAt(root: Json, path: readonly (string | number)[], value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  if (isObject(parent) || Array.isArray(parent)) (parent as Json)[path[path.length - 1]!] = value;
}

function deleteAt(root: Json, path: readonly (string | number)[]): void {
  const parent = valueAt(root, path.slice(0, -1));
  if (isObject(parent)) delete parent[path[path.length - 1]!];
}

/** An id no part of the design has: "api-2", "api-3"… */
function freshId(design: Json, base: string): string {
  const taken = new Set(COLLECTIONS.flatMap((c) => (Array.isArray(design[c]) ? (design[c] as unknown[]) : []).map((p) => (isObject(p) ? p.id : undefined))));
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const shown = (x: unknown): string => (typeof x === 'string' ? `"${x.length > 40 ? `${x.slice(0, 40)}…` : x}"` : JSON.stringify(x)?.slice(0, 40) ?? String(x));

/** One round's mending, gathered first and then done, so list indexes stay right while the faults are read. */
class Mender {
  readonly changes: string[] = [];
  private readonly drops = new Map<string, Set<number>>();

  constructor(private readonly design: Json) {}

  private say(path: DesignPath, why: string, done: string) {
    this.changes.push(`${problemAt(path, why, this.design)} ${done}`);
  }

  /** Leaves out the whole entry at `list`[index] (a part, a failure, a workload shape); `where` is the value at fault in it. */
  drop(list: DesignPath, index: number, why: string, where: DesignPath, what = 'It was left out.') {
    const key = JSON.stringify(list);
    if (this.drops.get(key)?.has(index)) return;
    this.say(where, why, what);
    this.drops.set(key, (this.drops.get(key) ?? new Set()).add(index));
  }

  set(path: DesignPath, value: unknown, why: string, done: string) {
    this.say(path, why, done);
    setAt(this.design, path, value);
  }

  remove(path: DesignPath, why: string, done = 'It was removed; its default applies.') {
    this.say(path, why, done);
    deleteAt(this.design, path);
  }

  /** Does the drops: from the end, so the indexes gathered stay right. */
  finish() {
    for (const [key, indexes] of this.drops) {
      const list = valueAt(this.design, JSON.parse(key) as DesignPath);
      if (Array.isArray(list)) [...indexes].sort((a, b) => b - a).forEach((i) => list.splice(i, 1));
    }
  }

  /** Mends the fault at `path` (inside the design) that `why` describes; `bound` is the nearest allowed number when a number is out of range. */
  mend(path: DesignPath, why: string, bound?: number, whole = false) {
    const value = valueAt(this.design, path);
    if (typeof value === 'number' && Number.isFinite(value) && (bound !== undefined || whole)) {
      const fixed = bound ?? Math.round(value);
      return this.set(path, fixed, why, `It was set to ${fixed}.`);
    }
    const [top, index, field, ...rest] = path;
    if (typeof top !== 'string') return; // the design itself is always an object here
    if (top === 'simulation') return this.mendSimulation(path, why);
    if (!COLLECTIONS.includes(top as Collection)) return this.mendTop(top, why);
    const collection = top as Collection;
    if (typeof index !== 'number' || field === undefined) {
      if (typeof index === 'number') return this.drop([collection], index, why, path);
      return this.set([collection], [], why, 'It was emptied.');
    }
    if (POSITION_FIELDS.has(String(field)) && rest.length === 1 && !(typeof value === 'number' && Number.isFinite(value))) {
      return this.set(path, String(field) === 'size' ? 300 : 0, why, `It was set to ${String(field) === 'size' ? 300 : 0}.`);
    }
    if (collection === 'nodes' && field === 'params' && rest.length >= 1) return this.remove(path.slice(0, 4), why);
    if (field === 'label' && collection === 'nodes') {
      const id = valueAt(this.design, [collection, index, 'id']);
      return this.set(path, typeof id === 'string' ? id.slice(0, 200) : 'Component', why, 'It was set to the component’s id.');
    }
    if (field === 'resilience' && rest.length >= 2) return this.mendResilienceSetting(path, why);
    if (OPTIONAL_FIELDS[collection].includes(String(field))) {
      // Resilience: only the one setting or setting group at fault goes (resilience.timeoutMs, resilience.retry when not an object), the others stay.
      const at = field === 'resilience' && rest.length > 0 ? path.slice(0, 4) : path.slice(0, 3);
      return this.remove(at, why, 'It was removed.');
    }
    const placeholder = rest.length === 0 ? FIELD_DEFAULTS[collection][String(field)] : undefined;
    if (placeholder) return this.set(path, placeholder(), why, `It was set to ${shown(placeholder())}.`);
    return this.drop([collection], index, why, path);
  }

  /**
   * One setting inside a resilience group (resilience.retry.maxRetries) that cannot be read: only it
   * is mended, the rest of the group stays. Left out, a setting takes its default; one the group
   * cannot do without (a retry's count) is set to its default, and only a group whose required
   * setting has no default (a rate limit's rate) goes whole.
   */
  private mendResilienceSetting(path: DesignPath, why: string) {
    const [collection, , , group, key] = path;
    const spec = resilienceSettingSpec(collection === 'edges' ? 'edges' : 'nodes', String(group), String(key));
    const groupPath = path.slice(0, 4);
    if (!spec) return this.remove(path, why, 'It was removed.');
    const value = valueAt(this.design, path);
    const unit = spec.unit ? ` ${spec.unit}` : '';
    if (value !== undefined && !REQUIRED_SETTINGS.has(`${String(group)}.${String(key)}`)) {
      return this.remove(path, why, spec.default === null ? `It was removed, so ${spec.label.toLowerCase()} is off; the rest of the setting is kept.` : `It was removed, so its default applies (${spec.default}${unit}); the rest of the setting is kept.`);
    }
    if (spec.default !== null) return this.set(path, spec.default, why, `It was set to its default, ${spec.default}${unit}; the rest of the setting is kept.`);
    this.say(path, why, `The whole ${String(group)} setting was removed: it cannot work without ${spec.label.toLowerCase()}, which has no default.`);
    deleteAt(this.design, groupPath);
  }

  private mendTop(field: string, why: string) {
    if (field === 'name') return this.set(['name'], 'Recovered design', why, 'It was named “Recovered design”.');
    this.remove([field], why, 'It was removed.');
  }

  private mendSimulation(path: DesignPath, why: string) {
    const [, part, key, index] = path;
    if (part === 'failures' && typeof key === 'number') return this.drop(['simulation', 'failures'], key, why, path, 'That failure was left out of the simulation setup.');
    if (part === 'workload' && typeof key === 'string' && typeof index === 'number') return this.drop(['simulation', 'workload', key], index, why, path, 'That part of the workload was left out.');
    if (part === 'workload' && typeof key === 'string') return this.remove(['simulation', 'workload', key], why, 'That client’s workload was left out.');
    return this.remove(['simulation'], why, 'The saved simulation setup was left out.');
  }
}

/** The nearest allowed number a valibot range issue names, when the value is a number on the wrong side of it. */
function boundOf(issue: v.BaseIssue<unknown>): number | undefined {
  if ((issue.type === 'min_value' || issue.type === 'max_value') && typeof issue.requirement === 'number' && typeof issue.input === 'number') return issue.requirement;
  return undefined;
}

/** Mends what the checks across parts find (ids, references, limits), each by its path. */
function mendProblems(design: Design, mender: Mender) {
  for (const { path, message } of designProblems(design)) {
    const [top, index, field, key] = path;
    const why = message;
    if (field === 'id' && typeof index === 'number' && (top === 'nodes' || top === 'edges' || top === 'groups')) {
      const old = String(design[top][index]!.id);
      const id = freshId(design as unknown as Json, old);
      mender.set(path, id, why, `It was given the id "${id}".`);
    } else if (top === 'nodes' && field === 'params' && typeof index === 'number' && typeof key === 'string') {
      const node = design.nodes[index]!;
      const spec = getParamSpec(node.kind, key);
      const value = node.params[key];
      if (spec && typeof value === 'number' && Number.isFinite(value)) {
        const fixed = Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(value) : value));
        mender.set(path, fixed, why, `It was set to ${fixed}.`);
      } else mender.remove(path, why);
    } else if (top === 'nodes' && field === 'resilience') {
      const autoscale = design.nodes[index as number]!.resilience!.autoscale!;
      mender.set(path, autoscale.minInstances, why, `It was set to ${autoscale.minInstances}.`);
    } else if (top === 'edges' && field === 'resilience') {
      const retry = design.edges[index as number]!.resilience!.retry!;
      mender.set(path, retry.baseBackoffMs, why, `It was set to ${retry.baseBackoffMs} ms.`);
    } else if (top === 'edges' && (field === 'source' || field === 'target') && typeof index === 'number') mender.drop(['edges'], index, why, path);
    else mender.mend(path, why);
  }
}

/** The design inside a stored record or file, brought to the current version where it can be. */
function designPart(raw: unknown, changes: string[]): Json {
  if (!isObject(raw)) {
    changes.push('This entry saved in this browser holds no design at all, so the copy is empty.');
    return {};
  }
  let file = raw;
  const migrated = typeof raw.version === 'number' ? migrate(raw, CURRENT_VERSION, 'stored') : null;
  if (migrated && 'file' in migrated) file = migrated.file;
  else if (migrated) changes.push(`${migrated.error.replace(/ Update ArchLab to open it\.$/, '')} What this version can read was kept.`);
  const design = isObject(file.design) ? file.design : isObject(raw.design) ? raw.design : null;
  if (!design) {
    changes.push('This entry saved in this browser holds no design at all, so the copy is empty.');
    return {};
  }
  try {
    return JSON.parse(JSON.stringify(design)) as Json; // a copy: the stored record stays exactly as it was
  } catch {
    changes.push('The design could not be copied as it was (it holds values that cannot be saved), so the copy is empty.');
    return {};
  }
}

/**
 * A copy of the design in `raw` (a stored record or a design file) that passes every check, with
 * what was changed to get there; null when no amount of mending gets it there (the record then
 * stays exportable as it is). The copy gets `id` and keeps the design's name.
 */
export function repairDesign(raw: unknown, id: string): RepairedDesign | null {
  const changes: string[] = [];
  const design = designPart(raw, changes);
  design.id = id;
  if (!nameOk(design.name)) {
    design.name = typeof design.name === 'string' && design.name.trim() ? design.name.slice(0, 200) : 'Recovered design';
    changes.push(`The design’s name could not be read; it is now “${String(design.name)}”.`);
  }
  for (const c of COLLECTIONS) {
    const what = c === 'nodes' ? 'components' : c === 'edges' ? 'connections' : 'zones and regions';
    if (design[c] === undefined) changes.push(`The design’s ${what} were missing, so there are none.`);
    else if (!Array.isArray(design[c])) changes.push(`The design’s ${what} could not be read (not a list), so there are none.`);
    if (!Array.isArray(design[c])) design[c] = [];
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const mender = new Mender(design);
    const parsed = v.safeParse(DesignSchema, design);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const path = (issue.path ?? []).map((p) => p.key as string | number);
        const why = issue.message.startsWith('Invalid') ? issueWords(issue, DesignSchema) : issue.message;
        mender.mend(path, why, boundOf(issue), issue.type === 'integer');
      }
    } else {
      mendProblems(parsed.output, mender);
      if (mender.changes.length === 0) return { design: parsed.output, changes };
    }
    mender.finish();
    changes.push(...mender.changes);
  }
  return null;
}

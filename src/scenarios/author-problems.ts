// Problems for the authoring form: the loader's and the self-check's messages, placed with words
// ("Question 2, answer: ...", "The starting design, component "db", ...") instead of a YAML
// path, since the author never sees the file.
import { MODE_SPECS, type ScenarioMode } from './modes';
import type { LocatedIssue } from './parse';
import type { PathKey } from './yaml-source';

/** Lists whose items have ids the author chose, and what one item is called. */
const ID_LISTS: Record<string, string> = { nodes: 'component', edges: 'connection', groups: 'zone or region' };
/** Lists whose items are named by their place. */
const NUMBERED_LISTS: Record<string, string> = {
  questions: 'question',
  key: 'key item',
  hints: 'hint',
  failures: 'failure',
  overTime: 'workload step',
  patch: 'patch step',
  objectives: 'objective',
  checks: 'check',
  startingDesignFails: 'failing check',
  acceptedKinds: 'accepted kind',
  acceptedTargets: 'accepted target',
  clients: 'client',
};
const FIELD_WORDS: Record<string, string> = {
  estimatedMinutes: 'estimated minutes',
  startingDesignFails: 'checks the starting design fails',
  solution: 'the reference solution',
  designB: 'design B',
  trafficRps: 'traffic (requests/s)',
  p99LatencyMs: 'p99 latency (ms)',
  errorRate: 'error rate',
  monthlyCostUsd: 'monthly cost (USD)',
  acceptedKinds: 'accepted kinds',
  acceptedTargets: 'accepted targets',
  callsPerRequest: 'calls per request',
  groupId: 'zone or region',
  parentId: 'region',
  params: 'settings',
  nodeId: 'component',
  rps: 'requests/s',
};

/** What a scenario's `design` is to its mode ("the starting design"); "the design" when the mode is unknown. */
function designWords(mode: unknown): string {
  return typeof mode === 'string' && Object.hasOwn(MODE_SPECS, mode) ? MODE_SPECS[mode as ScenarioMode].designWords : 'the design';
}

/** "design.nodes[3].kind" -> ["design", "nodes", 3, "kind"]. */
function pathKeys(path: string): PathKey[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] === undefined ? m[2]! : Number(m[1])));
}

/** The word for key in a table; undefined for keys the table lacks (including "constructor" and the like). */
function word(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function child(value: unknown, key: PathKey): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<PathKey, unknown>)[key] : undefined;
}

/** Where a problem is, in words; empty for the whole scenario. `data` is the scenario as given, for the ids of components. */
export function placeInWords(path: string, data: unknown): string {
  const keys = pathKeys(path);
  const parts: string[] = [];
  let value = data;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const next = keys[k + 1];
    value = child(value, key);
    // The self-check places problems of a whole reference solution at "solution"; its components are under solution.design.
    if (key === 'solution' && next !== 'design') value = child(value, 'design') ?? value;
    if (typeof key === 'number') {
      parts.push(`item ${key + 1}`);
      continue;
    }
    const idItem = word(ID_LISTS, key);
    const numberedItem = word(NUMBERED_LISTS, key);
    if (typeof next === 'number' && (idItem !== undefined || numberedItem !== undefined)) {
      value = child(value, next);
      const id = child(value, 'id');
      parts.push(idItem !== undefined ? `${idItem} ${typeof id === 'string' && id !== '' ? `"${id}"` : next + 1}` : `${numberedItem} ${next + 1}`);
      k++;
      continue;
    }
    // The reference solution's whole design is just "the reference solution".
    if (key === 'design' && keys[k - 1] === 'solution') continue;
    parts.push(key === 'design' && k === 0 ? designWords(child(data, 'mode')) : (word(FIELD_WORDS, key) ?? key));
  }
  return parts.join(', ');
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** One problem as a sentence for the form: where, then what is wrong. */
export function problemInWords(issue: Pick<LocatedIssue, 'path' | 'message'>, data: unknown): string {
  const where = placeInWords(issue.path, data);
  // "the reference solution fails p99 latency" already says where.
  if (where === '' || issue.message.toLowerCase().startsWith(where.toLowerCase())) return capitalized(issue.message);
  return `${capitalized(where)}: ${issue.message}`;
}

export function problemsInWords(issues: readonly Pick<LocatedIssue, 'path' | 'message'>[], data: unknown): string[] {
  return [...new Set(issues.map((issue) => problemInWords(issue, data)))];
}

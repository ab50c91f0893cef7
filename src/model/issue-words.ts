// Schema problems in the learner's words, for design and scenario files alike: valibot's
// "Invalid type: Expected number but received "abc"" becomes 'must be a number (got "abc")',
// and a field name that is not known where it stands gets a suggestion from the names that are.
import type * as v from 'valibot';

type PathKey = string | number;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of names to values',
  strict_object: 'a mapping of names to values',
  variant: 'a mapping of names to values',
  record: 'a mapping of names to values',
};

interface SchemaNode {
  entries?: Record<string, unknown>;
  item?: unknown;
  options?: unknown[];
  wrapped?: unknown;
  pipe?: unknown[];
  value?: unknown;
}

/** The schemas a value at `key` under these schemas may have to pass (several where options differ). */
function childSchemas(schemas: readonly unknown[], key: PathKey): unknown[] {
  const out: unknown[] = [];
  const visit = (schema: unknown, seen: Set<unknown>) => {
    if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
    seen.add(schema);
    const node = schema as SchemaNode;
    if (typeof key === 'string' && node.entries && key in node.entries) out.push(node.entries[key]);
    if (typeof key === 'number' && node.item) out.push(node.item);
    if (typeof key === 'string' && node.value && !node.entries) out.push(node.value);
    for (const inner of [node.wrapped, ...(node.options ?? []), ...(node.pipe ?? [])]) visit(inner, seen);
  };
  for (const schema of schemas) visit(schema, new Set());
  return out;
}

/** The field names a mapping at `path` may hold under `schema` (all its options' names together). */
export function fieldNamesAt(schema: unknown, path: readonly PathKey[]): string[] {
  let level = [schema];
  for (const key of path) level = childSchemas(level, key);
  const names = new Set<string>();
  const visit = (s: unknown, seen: Set<unknown>) => {
    if (typeof s !== 'object' || s === null || seen.has(s)) return;
    seen.add(s);
    const node = s as SchemaNode;
    for (const name of Object.keys(node.entries ?? {})) names.add(name);
    for (const inner of [node.wrapped, ...(node.options ?? []), ...(node.pipe ?? [])]) visit(inner, seen);
  };
  for (const s of level) visit(s, new Set());
  return [...names];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** ' (did you mean "maxRetries"?)' for a near miss among `names`; empty when none is near, or the word is itself one of them. */
export function nearestField(word: string, names: readonly string[]): string {
  if (names.includes(word)) return '';
  let best: string | null = null;
  // Edits allowed grow with the word: a 1-2 letter word only matches a name that differs in case.
  let bestDistance = Math.min(3, Math.floor(word.length / 3) + 1);
  for (const name of names) {
    // Lengths that differ by the edits allowed or more cannot match: a megabyte-long word costs nothing.
    if (Math.abs(word.length - name.length) >= bestDistance) continue;
    const d = editDistance(word, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function choices(expected: string | null): string {
  return (expected ?? '').replace(/["()]/g, '').split(' | ').join(', ');
}

/** valibot's names of expected types, as `union` issues list them. */
const EXPECTED_WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', Array: 'a list', Object: 'a mapping of names to values' };

/** What is wrong, to follow the field's name: "is missing", "must be a number (got "abc")". */
export function issueWords(issue: v.BaseIssue<unknown>, schema: unknown): string {
  const path = (issue.path ?? []).map((item) => item.key as PathKey);
  const got = `(got ${issue.received})`;
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      if (issue.expected === 'never') return `is not a field here${nearestField(String(path[path.length - 1]), fieldNamesAt(schema, path.slice(0, -1)))}`;
      if (issue.input === undefined) return 'is missing';
      return `must be ${TYPE_WORDS[issue.type]} ${got}`;
    case 'variant':
      if (typeof issue.input !== 'object' || issue.input === null) return `must be one of: ${choices(issue.expected)} ${got}`;
      return `must be ${TYPE_WORDS.variant} ${got}`;
    case 'picklist':
      return `must be one of: ${choices(issue.expected)} ${got}`;
    case 'literal':
      return issue.input === undefined ? `is missing (it must be ${issue.expected})` : `must be ${issue.expected} ${got}`;
    case 'string':
      if (typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)) {
        return 'must be text, but YAML read a "name: value" pair in it (a colon followed by a space starts one); put the text in quotes or use a | block';
      }
      return issue.input === undefined ? 'is missing' : `must be ${TYPE_WORDS.string} ${got}`;
    case 'number':
    case 'boolean':
    case 'array':
    case 'record':
      return issue.input === undefined ? 'is missing' : `must be ${TYPE_WORDS[issue.type]} ${got}`;
    case 'min_value':
      return `must be at least ${String(issue.requirement)} ${got}`;
    case 'max_value':
      return `must be at most ${String(issue.requirement)} ${got}`;
    case 'integer':
      return `must be a whole number ${got}`;
    case 'finite':
      return 'must be a finite number';
    case 'min_length': {
      const n = Number(issue.requirement);
      if (Array.isArray(issue.input)) return `needs at least ${n} item${n === 1 ? '' : 's'}`;
      return n === 1 ? 'must not be empty' : `must be at least ${n} characters long`;
    }
    case 'max_length': {
      const n = Number(issue.requirement);
      return Array.isArray(issue.input) ? `has more than ${n} items` : `is longer than ${n} characters`;
    }
    case 'union':
      return `must be ${(issue.expected ?? '').replace(/[()]/g, '').split(' | ').map((t) => EXPECTED_WORDS[t] ?? t).join(' or ')} ${got}`;
    default:
      // valibot's own wording ("Invalid ...") stays out of what the learner reads.
      return issue.message.startsWith('Invalid') ? `is not allowed here ${got}` : issue.message;
  }
}

const QUOTE_MOST = 120; // characters: a quoted name or value longer than this is cut (component labels stop at 200)
const QUOTE_KEPT = 60; // characters kept of a cut quote: enough to recognise what it was
const MESSAGE_MOST = 500; // characters: a few lines of a dialog; a longer message loses its middle
const MESSAGE_HEAD = 200; // characters kept before the cut: where the problem is
const MESSAGE_TAIL = 250; // characters kept after the cut: what is wrong

/** The first `n` UTF-16 units of `text`, not ending half-way through a character. */
function startOf(text: string, n: number): string {
  const cut = text.slice(0, n);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/**
 * A message about the learner's input, short enough to show whatever the input held: a long
 * quote keeps its start and says its length ('"xxxx…" (1,000,000 characters)'), and a message
 * still too long keeps its start and end (where, and what is wrong) around an ellipsis.
 */
export function boundedMessage(message: string): string {
  if (message.length <= QUOTE_MOST) return message;
  const quotesCut = message.replace(
    new RegExp(`"([^"]{${QUOTE_MOST + 1},})"`, 'g'),
    (_, inner: string) => `"${startOf(inner, QUOTE_KEPT)}…" (${inner.length.toLocaleString('en-US')} characters)`,
  );
  if (quotesCut.length <= MESSAGE_MOST) return quotesCut;
  return `${startOf(quotesCut, MESSAGE_HEAD)} … ${quotesCut.slice(-MESSAGE_TAIL)}`;
}

// Loading a scenario: YAML text -> plain data -> migrated to the current version -> checked
// against the schema -> completed (defaults, patch) -> cross-references checked -> each design
// checked once more by the design model. Every problem says where (path and line) and what is
// wrong, in plain words; a scenario with any problem does not load.
import * as v from 'valibot';
import { parseDesignObject } from '../model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../model/schema';
import { migrateScenario } from './migrations';
import { buildScenario, scenarioDesigns, type ScenarioIssue } from './normalize';
import { checkReferences } from './references';
import { CURRENT_SCENARIO_VERSION, ScenarioFileSchema, type ScenarioFile } from './schema';
import type { Scenario } from './types';
import { readYaml, type PathKey, type SourcePosition } from './yaml-source';

/** A problem placed in the file: line and column are null when the scenario did not come from text. */
export interface LocatedIssue {
  /** "design.nodes[3].kind"; empty for the whole file. */
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

export type Locate = (path: readonly PathKey[]) => SourcePosition | null;

export type ParseScenarioResult = { ok: true; scenario: Scenario; migratedFrom?: number; locate: Locate } | { ok: false; issues: LocatedIssue[] };

const MAX_ISSUES = 30;

export function pathText(path: readonly PathKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/** "design.nodes[3].kind must be one of ...": the path, then what is wrong. */
export function issueText(issue: LocatedIssue): string {
  // "kind must be one of ..." reads on from the path; a whole sentence stands after a colon.
  const sentence = /^[A-Z"]/.test(issue.message);
  return issue.path ? `${issue.path}${sentence ? ':' : ''} ${issue.message}` : issue.message;
}

/** "scenarios/chat.yaml:12: design.nodes[3].kind must be one of ..." */
export function formatIssue(issue: LocatedIssue, file?: string): string {
  const where = [file, issue.line === null ? undefined : String(issue.line)].filter((x) => x !== undefined).join(':');
  return where ? `${where}: ${issueText(issue)}` : issueText(issue);
}

// ---- valibot issues in plain words -----------------------------------------------------------

/** Every field name the schema knows, for "did you mean" suggestions. */
const FIELD_NAMES: readonly string[] = (() => {
  const names = new Set<string>();
  const visit = (schema: unknown, seen: Set<unknown>) => {
    if (typeof schema !== 'object' || schema === null || seen.has(schema)) return;
    seen.add(schema);
    const node = schema as { entries?: Record<string, unknown>; item?: unknown; options?: unknown[]; wrapped?: unknown; pipe?: unknown[]; value?: unknown };
    for (const [key, entry] of Object.entries(node.entries ?? {})) {
      names.add(key);
      visit(entry, seen);
    }
    for (const child of [node.item, node.wrapped, node.value, ...(node.options ?? []), ...(node.pipe ?? [])]) visit(child, seen);
  };
  visit(ScenarioFileSchema, new Set());
  return [...names];
})();

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

function suggestion(word: string): string {
  let best: string | null = null;
  let bestDistance = Math.min(3, Math.floor(word.length / 3) + 1);
  for (const name of FIELD_NAMES) {
    const d = editDistance(word, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

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

function choices(expected: string | null): string {
  return (expected ?? '').replace(/["()]/g, '').split(' | ').join(', ');
}

function plainMessage(issue: v.BaseIssue<unknown>, path: PathKey[]): string {
  const got = `(got ${issue.received})`;
  const last = path[path.length - 1];
  switch (issue.type) {
    case 'strict_object':
    case 'object':
      if (issue.expected === 'never') return `is not a field here${suggestion(String(last))}`;
      if (issue.input === undefined && issue.expected?.startsWith('"')) return 'is missing';
      return `must be ${TYPE_WORDS[issue.type]} ${got}`;
    case 'variant':
      if (typeof issue.input !== 'object' || issue.input === null) return `must be one of: ${choices(issue.expected)} ${got}`;
      return `must be ${TYPE_WORDS.variant} ${got}`;
    case 'picklist':
      return `must be one of: ${choices(issue.expected)} ${got}`;
    case 'literal':
      return `must be ${issue.expected} ${got}`;
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
    default:
      return issue.message;
  }
}

function schemaIssues(issues: readonly v.BaseIssue<unknown>[]): ScenarioIssue[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as PathKey);
    return { path, message: plainMessage(issue, path) };
  });
}

// ---- the pipeline ----------------------------------------------------------------------------

const noLines: Locate = () => null;

/** Gives each issue its path as text and its line, sorted by line. */
export function locateAll(issues: readonly ScenarioIssue[], locate: Locate): LocatedIssue[] {
  return issues
    .slice(0, MAX_ISSUES)
    .map((issue) => {
      const position = locate(issue.path);
      return { path: pathText(issue.path), line: position?.line ?? null, column: position?.column ?? null, message: issue.message };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/** The design model's own file check, so a scenario's designs always open as design files too. */
function designModelIssues(scenario: Scenario): ScenarioIssue[] {
  return scenarioDesigns(scenario).flatMap(({ design, path }) => {
    const parsed = parseDesignObject({ format: DESIGN_FORMAT, version: CURRENT_VERSION, design });
    return parsed.ok ? [] : parsed.errors.map((message) => ({ path, message: `is not a valid design: ${message}` }));
  });
}

function parseData(raw: unknown, locate: Locate): ParseScenarioResult {
  const fail = (issues: ScenarioIssue[]): ParseScenarioResult => ({ ok: false, issues: locateAll(issues, locate) });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail([{ path: [], message: 'The file does not contain a scenario (expected "name: value" lines such as "version: 1").' }]);
  }
  const migrated = migrateScenario(raw as Record<string, unknown>, CURRENT_SCENARIO_VERSION);
  if ('error' in migrated) return fail([{ path: ['version'], message: migrated.error }]);
  const parsed = v.safeParse(ScenarioFileSchema, migrated.file);
  if (!parsed.success) return fail(schemaIssues(parsed.issues));
  const file: ScenarioFile = parsed.output;
  const built = buildScenario(file);
  if (!built.ok) return fail(built.issues);
  const references = checkReferences({ scenario: built.scenario, fileRps: file.workload.rps, solutionIsPatch: file.mode === 'fix' && file.solution.patch !== undefined });
  if (references.length > 0) return fail(references);
  const model = designModelIssues(built.scenario);
  if (model.length > 0) return fail(model);
  const result: ParseScenarioResult = { ok: true, scenario: built.scenario, locate };
  return migrated.migratedFrom === undefined ? result : { ...result, migratedFrom: migrated.migratedFrom };
}

/** Loads a scenario from YAML text; problems come with line numbers. */
export function parseScenarioYaml(text: string): ParseScenarioResult {
  const read = readYaml(text);
  if (!read.ok) return { ok: false, issues: read.problems.map((p) => ({ path: '', line: p.line, column: p.column, message: p.message })) };
  return parseData(read.source.value, read.source.locate);
}

/** Loads a scenario from data already parsed (JSON, or an object built in code); problems have no lines. */
export function parseScenarioObject(raw: unknown): ParseScenarioResult {
  return parseData(raw, noLines);
}

// Loading a scenario: YAML text -> plain data -> migrated to the current version -> checked
// against the schema -> completed (defaults, patch) -> cross-references checked -> each design
// checked once more by the design model. Every problem says where (path and line) and what is
// wrong, in plain words; a scenario with any problem does not load.
import * as v from 'valibot';
import { parseDesignObject } from '../model/file';
import { boundedMessage, issueWords } from '../model/issue-words';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../model/schema';
import { migrateScenario } from './migrations';
import { buildScenario, scenarioDesigns, type ScenarioIssue } from './normalize';
import { checkReferences } from './references';
import { ScenarioFileSchema } from './modes';
import { CURRENT_SCENARIO_VERSION, type ScenarioFile } from './schema';
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

function schemaIssues(issues: readonly v.BaseIssue<unknown>[]): ScenarioIssue[] {
  return issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as PathKey);
    return { path, message: issueWords(issue, ScenarioFileSchema) };
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
      return { path: boundedMessage(pathText(issue.path)), line: position?.line ?? null, column: position?.column ?? null, message: boundedMessage(issue.message) };
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
  const references = checkReferences({ scenario: built.scenario, fileRps: file.workload.rps, file });
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

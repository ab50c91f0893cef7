// `scenario check` as a library: load each scenario, run its self-check, and check the set as a
// whole (ids unique, each file named after its scenario). Takes texts, not paths, so it runs the
// same in the CLI, in tests and in the browser's authoring panel.
import { issueText, locateAll, parseScenarioYaml, type LocatedIssue } from './parse';
import { selfCheckScenario, selfCheckSimulated, type SimulatedSelfCheckOptions } from './self-check';
import type { Scenario } from './types';

export interface ScenarioSource {
  /** The file's path or name, as it should appear in messages. */
  file: string;
  text: string;
}

export interface CheckFailure {
  file: string;
  message: string;
}

export interface CheckReport {
  scenarios: number;
  /** Scenarios with no failure. */
  passed: number;
  failures: CheckFailure[];
}

export type CheckedScenario = { scenario: Scenario; issues: LocatedIssue[] } | { scenario: null; issues: LocatedIssue[] };

export interface CheckOptions {
  /** Also simulate fix scenarios through their timelines (seconds to minutes each). */
  simulate?: SimulatedSelfCheckOptions;
}

/** Loads one scenario and runs its self-check; an empty issue list means it passes. */
export function checkScenarioText(text: string, options: CheckOptions = {}): CheckedScenario {
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok) return { scenario: null, issues: parsed.issues };
  const issues = selfCheckScenario(parsed.scenario);
  // The simulation only for a scenario that passes the quick checks: a broken one would waste minutes.
  if (options.simulate && issues.length === 0) issues.push(...selfCheckSimulated(parsed.scenario, options.simulate));
  return { scenario: parsed.scenario, issues: locateAll(issues, parsed.locate) };
}

/** "line 12: design.nodes[3] ..."; the message alone when it has no line. */
export function issueLine(issue: LocatedIssue): string {
  return issue.line === null ? issueText(issue) : `line ${issue.line}: ${issueText(issue)}`;
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.ya?ml$/i, '');
}

export function checkScenarioSources(sources: readonly ScenarioSource[], options: CheckOptions = {}): CheckReport {
  const failures: CheckFailure[] = [];
  const failed = new Set<string>();
  const fileById = new Map<string, string>();
  for (const { file, text } of sources) {
    const fail = (message: string) => {
      failures.push({ file, message });
      failed.add(file);
    };
    const checked = checkScenarioText(text, options);
    for (const issue of checked.issues) fail(issueLine(issue));
    if (!checked.scenario) continue;
    const { id } = checked.scenario;
    if (baseName(file) !== id) fail(`the file should be named after the scenario id: ${id}.yaml`);
    const earlier = fileById.get(id);
    if (earlier !== undefined) fail(`scenario id "${id}" is already used by ${earlier}`);
    else fileById.set(id, file);
  }
  return { scenarios: sources.length, passed: sources.filter((s) => !failed.has(s.file)).length, failures };
}

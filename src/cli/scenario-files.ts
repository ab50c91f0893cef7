// Reading scenario and submission files for `scenario check` and `scenario grade`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, parseScenarioYaml, type Scenario, type ScenarioSource } from '../scenarios';
import { CliError, oneLine, readTextFile } from './cli-error';

const SCENARIO_FILE = /\.ya?ml$/i;

/** A scenario file, or every .yaml/.yml file directly inside a folder, sorted by name. */
export function readScenarioSources(path: string): ScenarioSource[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new CliError(`cannot read "${path}": no such file or folder`);
  }
  if (!isFolder) return [{ file: path, text: readTextFile(path) }];
  const files = readdirSync(path)
    .filter((name) => SCENARIO_FILE.test(name))
    .sort();
  if (files.length === 0) throw new CliError(`"${path}" has no scenario files (.yaml or .yml)`);
  return files.map((name) => {
    const file = join(path, name);
    return { file, text: readTextFile(file) };
  });
}

export function loadScenario(path: string): Scenario {
  const parsed = parseScenarioYaml(readTextFile(path));
  if (!parsed.ok) throw new CliError(`"${path}" is not a valid scenario: ${oneLine(parsed.issues.map((i) => formatIssue(i, path)))}`);
  return parsed.scenario;
}

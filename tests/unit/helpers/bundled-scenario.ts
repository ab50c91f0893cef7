// Loads a bundled scenario (scenarios/<id>.yaml) for tests, failing loudly if it does not parse.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, parseScenarioYaml, type FixScenario, type Scenario, type ScenarioMode } from '../../../src/scenarios';

export function bundledScenario(id: string): Scenario {
  const r = parseScenarioYaml(readFileSync(join(import.meta.dirname, '../../../scenarios', `${id}.yaml`), 'utf8'));
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r.scenario;
}

export function bundledFixScenario(id: string): FixScenario {
  const s = bundledScenario(id);
  if (s.mode !== 'fix') throw new Error(`${id} is not a fix scenario`);
  return s;
}

/** A scenario from YAML text, failing loudly if it does not parse. */
export function scenarioFromYaml(text: string): Scenario {
  const r = parseScenarioYaml(text);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r.scenario;
}

/** Every bundled scenario, in file-name order. */
export function bundledScenarios(): Scenario[] {
  const folder = join(import.meta.dirname, '../../../scenarios');
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => scenarioFromYaml(readFileSync(join(folder, f), 'utf8')));
}

/** Every bundled scenario of one mode, in file-name order, typed as that mode's scenario. */
export function bundledByMode<M extends ScenarioMode>(mode: M): Extract<Scenario, { mode: M }>[] {
  return bundledScenarios().filter((s): s is Extract<Scenario, { mode: M }> => s.mode === mode);
}

/** A bundled scenario file's text, for tests that edit it before loading. */
export function bundledScenarioText(id: string): string {
  return readFileSync(join(import.meta.dirname, '../../../scenarios', `${id}.yaml`), 'utf8');
}

// Loads a bundled scenario (scenarios/<id>.yaml) for tests, failing loudly if it does not parse.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIssue, parseScenarioYaml, type FixScenario, type Scenario } from '../../../src/scenarios';

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

// The scenarios bundled with the app (scenarios/*.yaml), loaded on first use so the YAML parser
// and the scenario texts stay out of the first page load. Progress is kept in IndexedDB.
import { createStore, get, keys, set, setMany, type UseStore } from 'idb-keyval';
import type { Scenario } from '../scenarios';
import type { ScenarioProgress } from './scenarioStore';
import { scenarioHash } from '../scenarios/scenario-hash';
import { readProgressRecord, type ReadProgress } from './progress-record';

const files = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

export interface LibraryEntry {
  file: string;
  scenario: Scenario;
}

let loaded: Promise<{ entries: LibraryEntry[]; problems: string[] }> | null = null;

export function loadLibrary(): Promise<{ entries: LibraryEntry[]; problems: string[] }> {
  loaded ??= (async () => {
    const { parseScenarioYaml, issueText } = await import('../scenarios');
    const entries: LibraryEntry[] = [];
    const problems: string[] = [];
    for (const [path, load] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
      const file = path.split('/').pop()!;
      const parsed = parseScenarioYaml(await load());
      if (parsed.ok) entries.push({ file, scenario: parsed.scenario });
      else problems.push(`${file}: ${parsed.issues.map(issueText).join('; ')}`);
    }
    return { entries, problems };
  })();
  return loaded;
}

/**
 * Where a scenario's progress and working copy are kept. A bundled scenario, or one from a link or
 * file whose id no bundled scenario has, is keyed by its id. One that reuses a bundled scenario's
 * id with other content gets its id and content hash ("url-shortener~0123abcd…"), so it has its
 * own progress and design and never takes over the bundled one's.
 */
export async function scenarioKey(scenario: Scenario): Promise<string> {
  const { entries } = await loadLibrary();
  const bundled = entries.find((e) => e.scenario.id === scenario.id);
  if (!bundled || bundled.scenario === scenario) return scenario.id;
  const hash = scenarioHash(scenario);
  return scenarioHash(bundled.scenario) === hash ? scenario.id : `${scenario.id}~${hash}`;
}

let store: UseStore | null = null;
const db = () => (store ??= createStore('archlab-progress', 'progress'));

/** Progress by the scenario's key (see scenarioKey). */
export async function loadProgress(key: string): Promise<ScenarioProgress | null> {
  return (await loadProgressChecked(key)).progress;
}

/** The progress with what could not be read left out, and a sentence saying so when something was. */
export async function loadProgressChecked(key: string): Promise<ReadProgress> {
  return readProgressRecord(await get<unknown>(key, db()), key);
}

/** Saved under progress.scenarioId, which holds the scenario's key. */
export async function saveProgress(progress: ScenarioProgress): Promise<void> {
  await set(progress.scenarioId, progress, db());
}

/** Saves many records at once (an imported progress file), each under its scenarioId. */
export async function saveProgressRecords(records: readonly ScenarioProgress[]): Promise<void> {
  await setMany(records.map((p) => [p.scenarioId, p]), db());
}

/** Whether any scenario has saved progress in this browser (a learner who has it is not new). */
export async function hasAnyProgress(): Promise<boolean> {
  return (await keys(db())).length > 0;
}

export async function allProgress(ids: string[]): Promise<Record<string, ScenarioProgress>> {
  const out: Record<string, ScenarioProgress> = {};
  for (const id of ids) {
    const p = await loadProgress(id);
    if (p) out[id] = p;
  }
  return out;
}

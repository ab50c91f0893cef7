// The scenarios bundled with the app (scenarios/*.yaml), loaded on first use so the YAML parser
// and the scenario texts stay out of the first page load. Progress is kept in IndexedDB.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { Scenario } from '../scenarios';
import type { ScenarioProgress } from './scenarioStore';

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

let store: UseStore | null = null;
const db = () => (store ??= createStore('archlab-progress', 'progress'));

export async function loadProgress(scenarioId: string): Promise<ScenarioProgress | null> {
  return (await get<ScenarioProgress>(scenarioId, db())) ?? null;
}

export async function saveProgress(progress: ScenarioProgress): Promise<void> {
  await set(progress.scenarioId, progress, db());
}

export async function allProgress(ids: string[]): Promise<Record<string, ScenarioProgress>> {
  const out: Record<string, ScenarioProgress> = {};
  for (const id of ids) {
    const p = await loadProgress(id);
    if (p) out[id] = p;
  }
  return out;
}

// The learner's course progress as a file, to carry it to another browser: written from the saved
// progress records, read back with every bad input refused in the learner's words, and merged into
// the progress already here so that nothing the learner did in this browser is lost or changed.
//
// Merge rule (a scenario in both places): what this browser has is kept, and the file only fills
// in what is missing here. A question answered here keeps its tries; predictions checked here,
// findings pinned here and a score earned here stay; the file adds the questions, predictions,
// findings and score this browser has none of, and "solved" if it was solved there. Mastery comes
// from first tries, and which of two first tries came first cannot be told from the records, so a
// file never replaces a first try made here: importing can fill gaps but never rewrite a result.
import { kindOfData, describeFound } from '../model/file-kind';
import { readProgressRecord } from './progress-record';
import { mergeModeProgress } from '../scenarios';
import type { ScenarioProgress } from './scenarioStore';

export const PROGRESS_FORMAT = 'archlab-progress';
/** The progress file version this ArchLab writes and the newest it reads. */
export const PROGRESS_FILE_VERSION = 1;
/** Characters: the progress of every bundled scenario, worked through, is well under 1 MB; 5 MB leaves room and still reads at once. */
export const MAX_PROGRESS_FILE_CHARS = 5_000_000;
/** Names listed in a message before "and N more". */
const NAMES_SHOWN = 5;

/** Without the simulated check: it is a cache of a run on this browser's copy of the design, run again when wanted. */
function portable(p: ScenarioProgress): ScenarioProgress {
  const { simulatedCheck: _cache, ...rest } = p;
  return rest;
}

/** The file's text: the progress of the given scenarios, keyed by scenario id. */
export function progressFileText(records: Readonly<Record<string, ScenarioProgress>>, exportedAt: Date): string {
  const scenarios = Object.fromEntries(Object.keys(records).sort().map((k) => [k, portable(records[k]!)]));
  return `${JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_FILE_VERSION, exportedAt: exportedAt.toISOString(), scenarios }, null, 2)}\n`;
}

export type ReadProgressFile =
  | { ok: true; records: Record<string, ScenarioProgress>; notes: string[] }
  /** problems: why nothing was taken, in the learner's words. */
  | { ok: false; problems: string[] };

const namesOf = (ids: string[]) => (ids.length <= NAMES_SHOWN ? ids.join(', ') : `${ids.slice(0, NAMES_SHOWN).join(', ')} and ${ids.length - NAMES_SHOWN} more`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a progress file. known: the ids of the scenarios this ArchLab has; progress for any other
 * is left out and named. Parts of a record that cannot be read are left out (progress-record.ts).
 */
export function readProgressFile(text: string, known: ReadonlySet<string>): ReadProgressFile {
  if (text.length > MAX_PROGRESS_FILE_CHARS) return { ok: false, problems: [`The file is ${(text.length / 1e6).toFixed(1)} million characters; a progress file is far smaller (at most ${MAX_PROGRESS_FILE_CHARS / 1e6} million).`] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`It is not a progress file: its text is not valid JSON (${e instanceof Error ? e.message : String(e)}).`] };
  }
  const found = kindOfData(data);
  if (found) return { ok: false, problems: [`It holds ${describeFound(found)}, not progress. Open a ${found.kind} with ${found.kind === 'design' ? 'Import' : 'More ▸ Open a scenario file'}.`] };
  if (!isObj(data) || data.format !== PROGRESS_FORMAT) return { ok: false, problems: [`It is not an ArchLab progress file (those start with "format": "${PROGRESS_FORMAT}"). Save one from the course map with “Save progress to a file”.`] };
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, problems: ['Its version is missing or not a whole number, so it cannot be read safely.'] };
  if (version > PROGRESS_FILE_VERSION) {
    return { ok: false, problems: [`It was saved by a newer ArchLab (progress file version ${version}; this one reads up to version ${PROGRESS_FILE_VERSION}). Load it in the newer ArchLab, or update this one.`] };
  }
  if (!isObj(data.scenarios)) return { ok: false, problems: ['It holds no scenario progress (its "scenarios" part is missing).'] };
  const records: Record<string, ScenarioProgress> = {};
  const unknown: string[] = [];
  const unreadable: string[] = [];
  const partial: string[] = [];
  for (const [id, raw] of Object.entries(data.scenarios)) {
    if (!known.has(id)) {
      unknown.push(id.length > 60 ? `${id.slice(0, 60)}…` : id);
      continue;
    }
    const read = readProgressRecord(raw, id);
    if (!read.progress) unreadable.push(id);
    else {
      records[id] = portable(read.progress);
      if (read.problem) partial.push(id);
    }
  }
  const notes = [
    ...(unknown.length ? [`${plural(unknown.length, 'scenario')} in the file ${unknown.length === 1 ? 'is' : 'are'} not in this ArchLab (${namesOf(unknown)}), so ${unknown.length === 1 ? 'its' : 'their'} progress was left out.`] : []),
    ...(unreadable.length ? [`The progress of ${plural(unreadable.length, 'scenario')} could not be read (${namesOf(unreadable)}) and was left out.`] : []),
    ...(partial.length ? [`Part of the progress of ${plural(partial.length, 'scenario')} could not be read (${namesOf(partial)}); the rest was taken.`] : []),
  ];
  if (Object.keys(records).length === 0) return { ok: false, problems: ['It holds no progress for any scenario in this ArchLab.', ...notes] };
  return { ok: true, records, notes };
}

/** One scenario in both places: this browser's record with the file's filling its gaps (each mode merges its own fields); conflict when a first result differs. */
export function mergeRecord(here: ScenarioProgress, file: ScenarioProgress): { merged: ScenarioProgress; conflict: boolean } {
  const modes = mergeModeProgress(here, file);
  const merged: ScenarioProgress = {
    scenarioId: here.scenarioId,
    ...modes.fields,
    score: here.score ?? file.score,
    completed: here.completed || file.completed,
    updatedAt: Math.max(here.updatedAt, file.updatedAt),
  };
  return { merged, conflict: modes.clash || (here.score !== null && file.score !== null && here.score !== file.score) };
}

export interface ProgressMerge {
  /** The records to save: only those new or changed. */
  changed: Record<string, ScenarioProgress>;
  added: string[];
  filledIn: string[];
  /** Scenarios where a first result here differs from the file's; this browser's was kept. */
  keptHere: string[];
}

const comparable = (p: ScenarioProgress) => JSON.stringify({ ...p, updatedAt: 0 });

/** The file's records merged into this browser's (see the merge rule at the top). */
export function mergeProgress(here: Readonly<Record<string, ScenarioProgress>>, file: Readonly<Record<string, ScenarioProgress>>): ProgressMerge {
  const out: ProgressMerge = { changed: {}, added: [], filledIn: [], keptHere: [] };
  for (const [id, incoming] of Object.entries(file)) {
    const mine = here[id];
    if (!mine) {
      out.changed[id] = incoming;
      out.added.push(id);
      continue;
    }
    const { merged, conflict } = mergeRecord(mine, incoming);
    if (conflict) out.keptHere.push(id);
    if (comparable(merged) !== comparable(mine)) {
      out.changed[id] = merged;
      out.filledIn.push(id);
    }
  }
  return out;
}

/** What a merge did, in sentences; titles: a scenario's title by id. */
export function mergeSummary(m: ProgressMerge, titles: (id: string) => string): string[] {
  const named = (ids: string[]) => namesOf(ids.map(titles));
  const lines = [
    m.added.length ? `Added your progress on ${plural(m.added.length, 'scenario')} you had not opened in this browser (${named(m.added)}).` : null,
    m.filledIn.length ? `Filled in what this browser was missing for ${plural(m.filledIn.length, 'scenario')} (${named(m.filledIn)}).` : null,
    m.keptHere.length
      ? `${plural(m.keptHere.length, 'scenario')} (${named(m.keptHere)}) ${m.keptHere.length === 1 ? 'has' : 'have'} a different result in the file; this browser's was kept (a file fills gaps, it never replaces a first try made here).`
      : null,
    !m.added.length && !m.filledIn.length ? 'Nothing new: this browser already had all of the progress in the file.' : null,
  ];
  return lines.filter((l): l is string => l !== null);
}

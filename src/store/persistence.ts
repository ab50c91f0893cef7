// Designs live in IndexedDB (idb-keyval): one entry per design plus an index for the list.
// Every write is of a whole, validated design, so a reload restores exactly what was there.
// A record that no longer passes validation (edited by hand, written by a newer or buggy
// version, damaged) is never dropped or written over: it is listed as needing repair, with the
// reasons, and can be exported as it is.
import { createStore, get, set, del, keys, type UseStore } from 'idb-keyval';
import type { Design } from '../model/types';
import { parseDesignObject } from '../model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../model/schema';

export interface DesignSummary {
  id: string;
  name: string;
  updatedAt: number;
  nodeCount: number;
  /** Why the stored record cannot be opened as it is; absent when it opens. */
  needsRepair?: string[];
}

/** A stored record: the design it holds, or the record as it was with what stops it opening. */
export type StoredDesign = { ok: true; design: Design } | { ok: false; id: string; name: string; problems: string[]; raw: unknown };

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore('archlab', 'designs');
  return store;
}

const INDEX_KEY = 'index';
const CURRENT_KEY = 'current';
const DESIGN_PREFIX = 'design:';
const designKey = (id: string) => `${DESIGN_PREFIX}${id}`;

/** Problems found in each record read this session (an empty list: it opens), so listing stays cheap. */
const checked = new Map<string, string[]>();

function isSummary(x: unknown): x is DesignSummary {
  const s = x as DesignSummary | null;
  return typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.name === 'string' && Number.isFinite(s.updatedAt) && Number.isFinite(s.nodeCount);
}

/** The index's well-formed entries; a damaged index reads as empty and is rebuilt from the records. */
async function readIndex(): Promise<DesignSummary[]> {
  const index = await get<unknown>(INDEX_KEY, db());
  return Array.isArray(index) ? index.filter(isSummary).map(({ id, name, updatedAt, nodeCount }) => ({ id, name, updatedAt, nodeCount })) : [];
}

/** What can be said of a record that does not open: its name and size as far as they can be read. */
function describeRaw(id: string, raw: unknown): { name: string; nodeCount: number } {
  const design = (raw as { design?: { name?: unknown; nodes?: unknown } } | null)?.design;
  const name = typeof design?.name === 'string' && design.name.trim() ? design.name : id;
  return { name, nodeCount: Array.isArray(design?.nodes) ? design.nodes.length : 0 };
}

function readRecord(id: string, raw: unknown): StoredDesign {
  let parsed: ReturnType<typeof parseDesignObject>;
  try {
    parsed = parseDesignObject(raw);
  } catch (e) {
    parsed = { ok: false, errors: [`The record could not be read (${e instanceof Error ? e.message : String(e)}).`] };
  }
  if (parsed.ok && parsed.design.id !== id) parsed = { ok: false, errors: [`The record is stored as "${id}" but holds the design "${parsed.design.id}".`] };
  checked.set(id, parsed.ok ? [] : parsed.errors);
  return parsed.ok ? { ok: true, design: parsed.design } : { ok: false, id, ...describeRaw(id, raw), problems: parsed.errors, raw };
}

/** Every stored design, newest first; records the index lost are listed too, and those that do not open say why. */
export async function listDesigns(): Promise<DesignSummary[]> {
  const [index, allKeys] = await Promise.all([readIndex(), keys(db())]);
  const recordIds = allKeys.filter((k): k is string => typeof k === 'string' && k.startsWith(DESIGN_PREFIX)).map((k) => k.slice(DESIGN_PREFIX.length));
  const byId = new Map(index.filter((d) => recordIds.includes(d.id)).map((d) => [d.id, d]));
  for (const id of recordIds) {
    if (checked.has(id) && byId.has(id)) continue;
    const record = readRecord(id, await get<unknown>(designKey(id), db()));
    if (!byId.has(id)) {
      const about = record.ok ? { name: record.design.name, nodeCount: record.design.nodes.length } : describeRaw(id, record.raw);
      byId.set(id, { id, ...about, updatedAt: 0 });
    }
  }
  return [...byId.values()]
    .map((d) => (checked.get(d.id)?.length ? { ...d, needsRepair: checked.get(d.id)! } : d))
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function saveDesign(design: Design): Promise<void> {
  await set(designKey(design.id), { format: DESIGN_FORMAT, version: CURRENT_VERSION, design }, db());
  checked.set(design.id, []);
  const index = await readIndex();
  const summary: DesignSummary = { id: design.id, name: design.name, updatedAt: Date.now(), nodeCount: design.nodes.length };
  const next = index.filter((d) => d.id !== design.id);
  next.push(summary);
  await set(INDEX_KEY, next, db());
  await set(CURRENT_KEY, design.id, db());
}

/** A stored record, migrated and validated, or kept as it was with its problems; null when there is none. */
export async function readStoredDesign(id: string): Promise<StoredDesign | null> {
  const raw = await get<unknown>(designKey(id), db());
  return raw === undefined ? null : readRecord(id, raw);
}

/** A stored design that opens; null when missing or in need of repair (see readStoredDesign). */
export async function loadDesign(id: string): Promise<Design | null> {
  const record = await readStoredDesign(id);
  return record?.ok ? record.design : null;
}

/** Ids of every stored record, whether it opens or not: a new design must not take one. */
export async function takenDesignIds(): Promise<Set<string>> {
  return new Set((await listDesigns()).map((d) => d.id));
}

export async function deleteDesign(id: string): Promise<void> {
  await del(designKey(id), db());
  checked.delete(id);
  const index = await readIndex();
  await set(INDEX_KEY, index.filter((d) => d.id !== id), db());
}

export async function currentDesignId(): Promise<string | undefined> {
  return get<string>(CURRENT_KEY, db());
}

export async function setCurrentDesignId(id: string): Promise<void> {
  await set(CURRENT_KEY, id, db());
}

// An IndexedDB write started while the page unloads may never finish, so a change still pending
// then is also stashed in localStorage, which writes synchronously, and recovered at the next start.
const UNSAVED_KEY = 'archlab.unsaved-design';

export function stashUnsaved(design: Design): void {
  try {
    localStorage.setItem(UNSAVED_KEY, JSON.stringify({ format: DESIGN_FORMAT, version: CURRENT_VERSION, design }));
  } catch {
    // Storage full or blocked: the IndexedDB write may still land.
  }
}

export function clearUnsaved(): void {
  try {
    localStorage.removeItem(UNSAVED_KEY);
  } catch {
    // Nothing to clear when storage is blocked.
  }
}

/** Writes a design stashed at the last unload (if any, and readable) to IndexedDB, then drops the stash. */
export async function recoverUnsaved(): Promise<void> {
  let raw: string | null;
  try {
    raw = localStorage.getItem(UNSAVED_KEY);
  } catch {
    return;
  }
  if (raw === null) return;
  let parsed: ReturnType<typeof parseDesignObject> | null;
  try {
    parsed = parseDesignObject(JSON.parse(raw));
  } catch {
    parsed = null; // not JSON: nothing to recover
  }
  if (parsed?.ok) await saveDesign(parsed.design);
  clearUnsaved();
}

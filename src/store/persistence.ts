// Designs live in IndexedDB (idb-keyval): one entry per design plus an index for the list.
// Every write is of a whole, validated design, so a reload restores exactly what was there.
// A record that no longer passes validation (edited by hand, written by a newer or buggy
// version, damaged) is never dropped or written over: it is listed as needing repair, with the
// reasons, and can be exported as it is.
//
// Several tabs may have one design open. Each record carries a revision, raised by every write;
// a tab writes only over the revision it last read or wrote (checked and written in one
// IndexedDB transaction), so an edit made on a stale copy is refused, never written over the
// other tab's, and the tab asks its learner what to keep. A BroadcastChannel tells the other
// tabs of each write at once, so a tab with nothing unsaved can simply show the newer version.
import { createStore, get, set, del, keys, update, type UseStore } from 'idb-keyval';
import type { Design } from '../model/types';
import { parseDesignObject } from '../model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../model/schema';
import { newId, unusedName } from './ids';

export interface DesignSummary {
  id: string;
  name: string;
  updatedAt: number;
  nodeCount: number;
  /** Why the stored record cannot be opened as it is; absent when it opens. */
  needsRepair?: string[];
}

/** A stored record: the design it holds (and its revision), or the record as it was with what stops it opening. */
export type StoredDesign = { ok: true; design: Design; revision: number } | { ok: false; id: string; name: string; problems: string[]; raw: unknown };

/** A write landed as this revision, or was refused because another tab had written a newer one. */
export type SaveOutcome = { ok: true; revision: number } | { ok: false; storedRevision: number };

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

/** The revision a record was written as; records from before revisions count as 0. */
function revisionOf(raw: unknown): number {
  const revision = (raw as { revision?: unknown } | null)?.revision;
  return typeof raw === 'object' && typeof revision === 'number' && Number.isSafeInteger(revision) && revision > 0 ? revision : 0;
}

function readRecord(id: string, raw: unknown): StoredDesign {
  let parsed: ReturnType<typeof parseDesignObject>;
  try {
    parsed = parseDesignObject(raw, 'stored');
  } catch (e) {
    parsed = { ok: false, errors: [`This design saved in this browser could not be read (${e instanceof Error ? e.message : String(e)}).`] };
  }
  if (parsed.ok && parsed.design.id !== id) parsed = { ok: false, errors: [`This design saved in this browser is stored as "${id}" but holds the design "${parsed.design.id}".`] };
  checked.set(id, parsed.ok ? [] : parsed.errors);
  return parsed.ok ? { ok: true, design: parsed.design, revision: revisionOf(raw) } : { ok: false, id, ...describeRaw(id, raw), problems: parsed.errors, raw };
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

/** Refused inside the write's transaction, so nothing is written. */
class StaleRevision extends Error {
  constructor(readonly storedRevision: number) {
    super(`A newer revision (${storedRevision}) is stored.`);
  }
}

/**
 * Writes a design as the next revision. With `basedOn` (the revision this copy was read or last
 * written as), the write is refused when the stored record is newer: another tab wrote it since.
 * Without it the write goes over whatever is stored (a design just given a fresh id).
 */
export async function saveDesign(design: Design, basedOn?: number): Promise<SaveOutcome> {
  let revision = 0;
  try {
    await update<unknown>(
      designKey(design.id),
      (stored) => {
        const storedRevision = revisionOf(stored);
        if (basedOn !== undefined && storedRevision > basedOn) throw new StaleRevision(storedRevision);
        revision = storedRevision + 1;
        return { format: DESIGN_FORMAT, version: CURRENT_VERSION, revision, design };
      },
      db(),
    );
  } catch (e) {
    if (e instanceof StaleRevision) return { ok: false, storedRevision: e.storedRevision };
    throw e;
  }
  checked.set(design.id, []);
  const summary: DesignSummary = { id: design.id, name: design.name, updatedAt: Date.now(), nodeCount: design.nodes.length };
  await update<unknown>(INDEX_KEY, (index) => [...(Array.isArray(index) ? index.filter((d) => isSummary(d) && d.id !== design.id) : []), summary], db());
  await set(CURRENT_KEY, design.id, db());
  announce({ id: design.id, revision });
  return { ok: true, revision };
}

// Telling the other tabs: one channel per page, created on first use (absent in old browsers,
// where the revision check still refuses stale writes).
export interface DesignSaved {
  id: string;
  revision: number;
}
const CHANNEL_NAME = 'archlab-designs';
let channel: BroadcastChannel | null | undefined;
function designChannel(): BroadcastChannel | null {
  channel ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  return channel;
}

function announce(saved: DesignSaved) {
  designChannel()?.postMessage(saved);
}

/** Calls back when another tab has written a design (this tab's own writes are not heard); returns the unsubscribe. */
export function onSavedElsewhere(listener: (saved: DesignSaved) => void): () => void {
  const ch = designChannel();
  if (!ch) return () => undefined;
  const onMessage = (e: MessageEvent) => {
    const data = e.data as Partial<DesignSaved> | null;
    if (typeof data?.id === 'string' && typeof data.revision === 'number') {
      checked.delete(data.id); // re-read when listed: it may have changed
      listener({ id: data.id, revision: data.revision });
    }
  };
  ch.addEventListener('message', onMessage);
  return () => ch.removeEventListener('message', onMessage);
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

/** Saves a design under a fresh id and a name no other design has ("name (2)"…); returns what was saved, as which revision. */
export async function saveAsCopy(design: Design, name = design.name): Promise<{ design: Design; revision: number }> {
  const listed = await listDesigns();
  const copy = { ...design, id: newId('design', new Set(listed.map((d) => d.id))), name: unusedName(name, listed.map((d) => d.name)) };
  const saved = await saveDesign(copy);
  return { design: copy, revision: saved.ok ? saved.revision : 0 };
}

export async function deleteDesign(id: string): Promise<void> {
  await del(designKey(id), db());
  checked.delete(id);
  await update<unknown>(INDEX_KEY, (index) => (Array.isArray(index) ? index.filter((d) => !isSummary(d) || d.id !== id) : []), db());
  announce({ id, revision: 0 });
}

// Which design a reload opens is the tab's own: kept in sessionStorage, which is per tab and
// survives a reload, so tab B opening another design does not make tab A's reload open it. A new
// tab has none of its own and takes the design last opened or saved in any tab (the IndexedDB value).
const TAB_CURRENT_KEY = 'archlab.open-design';

/** Notes the design on this tab's canvas, for this tab's next reload. */
export function rememberOpenInTab(id: string): void {
  try {
    sessionStorage.setItem(TAB_CURRENT_KEY, id);
  } catch {
    // No session storage (blocked, or outside a browser): the shared value below still answers.
  }
}

function openInTab(): string | null {
  try {
    return sessionStorage.getItem(TAB_CURRENT_KEY);
  } catch {
    return null;
  }
}

/** The design this tab had open (at its last reload), else the one last opened or saved in any tab. */
export async function currentDesignId(): Promise<string | undefined> {
  return openInTab() ?? (await get<string>(CURRENT_KEY, db()));
}

export async function setCurrentDesignId(id: string): Promise<void> {
  await set(CURRENT_KEY, id, db());
}

// An IndexedDB write started while the page unloads may never finish, so a change still pending
// then is also stashed in localStorage, which writes synchronously, and recovered at the next start.
const UNSAVED_KEY = 'archlab.unsaved-design';

export function stashUnsaved(design: Design, basedOn: number): void {
  try {
    localStorage.setItem(UNSAVED_KEY, JSON.stringify({ format: DESIGN_FORMAT, version: CURRENT_VERSION, revision: basedOn, design }));
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

/**
 * Writes a design stashed at the last unload (if any, and readable) to IndexedDB, then drops the
 * stash. When another tab has written that design since, the stash is kept beside it as a copy;
 * when the stored design already is the stash (its write landed after all), nothing is written.
 */
export async function recoverUnsaved(): Promise<void> {
  let raw: string | null;
  try {
    raw = localStorage.getItem(UNSAVED_KEY);
  } catch {
    return;
  }
  if (raw === null) return;
  let stash: unknown = null;
  let parsed: ReturnType<typeof parseDesignObject> | null = null;
  try {
    stash = JSON.parse(raw);
    parsed = parseDesignObject(stash, 'stored');
  } catch {
    // not JSON, or not a design: nothing to recover
  }
  // The write the stash stood in for may have landed after all: then there is nothing to recover.
  const stored = parsed?.ok ? await readStoredDesign(parsed.design.id) : null;
  const landed = parsed?.ok && stored?.ok && JSON.stringify(stored.design) === JSON.stringify(parsed.design);
  if (parsed?.ok && !landed) {
    const saved = await saveDesign(parsed.design, revisionOf(stash));
    if (!saved.ok) await saveAsCopy(parsed.design, `${parsed.design.name} (recovered)`);
  }
  clearUnsaved();
}

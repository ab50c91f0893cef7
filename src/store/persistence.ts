// Designs live in IndexedDB (idb-keyval): one entry per design plus an index for the list.
// Every write is of a whole, validated design, so a reload restores exactly what was there.
import { createStore, get, set, del, type UseStore } from 'idb-keyval';
import type { Design } from '../model/types';
import { parseDesignObject } from '../model/file';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../model/schema';

export interface DesignSummary {
  id: string;
  name: string;
  updatedAt: number;
  nodeCount: number;
}

let store: UseStore | null = null;
function db(): UseStore {
  store ??= createStore('archlab', 'designs');
  return store;
}

const INDEX_KEY = 'index';
const CURRENT_KEY = 'current';
const designKey = (id: string) => `design:${id}`;

export async function listDesigns(): Promise<DesignSummary[]> {
  const index = (await get<DesignSummary[]>(INDEX_KEY, db())) ?? [];
  return [...index].sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function saveDesign(design: Design): Promise<void> {
  await set(designKey(design.id), { format: DESIGN_FORMAT, version: CURRENT_VERSION, design }, db());
  const index = (await get<DesignSummary[]>(INDEX_KEY, db())) ?? [];
  const summary: DesignSummary = { id: design.id, name: design.name, updatedAt: Date.now(), nodeCount: design.nodes.length };
  const next = index.filter((d) => d.id !== design.id);
  next.push(summary);
  await set(INDEX_KEY, next, db());
  await set(CURRENT_KEY, design.id, db());
}

/** A stored design, migrated and validated; null when missing or unreadable. */
export async function loadDesign(id: string): Promise<Design | null> {
  const raw = await get<unknown>(designKey(id), db());
  if (raw === undefined) return null;
  const parsed = parseDesignObject(raw);
  return parsed.ok ? parsed.design : null;
}

export async function deleteDesign(id: string): Promise<void> {
  await del(designKey(id), db());
  const index = (await get<DesignSummary[]>(INDEX_KEY, db())) ?? [];
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

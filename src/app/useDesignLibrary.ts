// Opening, saving and listing designs: boot (share link, last design, or the example),
// autosave after every change, and the operations of the designs list. Nothing stored is
// dropped or written over: a record that does not open is kept and listed as needing repair,
// and a write that fails says what was not saved.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDesignStore } from '../store/designStore';
import { exampleDesign } from '../model/example';
import { serializeDesign } from '../model/file';
import type { Design } from '../model/types';
import * as db from '../store/persistence';
import { decodeShareFragment } from './share';
import { newId } from '../store/ids';
import type { BootNotice, DesignLibrary, SaveState } from '../store/designLibrary';
import { downloadText, slug } from '../panels/files';

const AUTOSAVE_DELAY_MS = 250; // ms: at most four writes a second during a burst of edits (a drag, a slider)
const PROBLEMS_SHOWN = 5; // reasons listed in a notice; the designs list shows them all

/** A design brought in from outside (a file, a link) never overwrites one the learner has, even one that needs repair. */
async function withFreshId(design: Design): Promise<Design> {
  const taken = await db.takenDesignIds();
  return taken.has(design.id) ? { ...design, id: newId('design', taken) } : design;
}

/** What to show when the wanted design is not there: the newest one that opens, else a new copy of the example. */
async function fallbackDesign(): Promise<Design> {
  for (const summary of await db.listDesigns()) {
    if (summary.needsRepair) continue;
    const design = await db.loadDesign(summary.id);
    if (design) return design;
  }
  return withFreshId(exampleDesign());
}

function repairNotice(record: Extract<db.StoredDesign, { ok: false }>, opening: string): BootNotice {
  const more = record.problems.length - PROBLEMS_SHOWN;
  return {
    title: `“${record.name}” needs repair`,
    lines: [
      `The saved design “${record.name}” no longer passes ArchLab's checks, so ${opening}:`,
      ...record.problems.slice(0, PROBLEMS_SHOWN),
      ...(more > 0 ? [`…and ${more} more (all listed under Designs).`] : []),
      'It is kept exactly as it was saved. Under Designs it is marked “needs repair”: export it as a file from there.',
    ],
  };
}

/** "the browser's storage for this site is full" and the like, for the banner. */
function storageFailure(e: unknown): string {
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  if (name === 'InvalidStateError' || name === 'SecurityError') return 'this browser does not let ArchLab store data here (a private window or blocked storage)';
  return `the browser refused to store it (${e instanceof Error ? e.message : String(e)})`;
}

/** The stored record as it was, as pretty JSON; values JSON cannot hold are written as text. */
function rawJson(raw: unknown): string {
  return JSON.stringify(raw, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2) ?? 'null';
}

export function useDesignLibrary(): DesignLibrary {
  const [saveState, setSaveState] = useState<SaveState>('loading');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [designs, setDesigns] = useState<db.DesignSummary[]>([]);
  const [bootNotice, setBootNotice] = useState<BootNotice | null>(null);
  const booted = useRef(false);
  const writeNow = useRef<() => Promise<void>>(async () => undefined);

  const refresh = useCallback(async () => setDesigns(await db.listDesigns()), []);

  const show = useCallback(
    async (design: Design) => {
      useDesignStore.getState().loadDesign(design);
      await db.saveDesign(useDesignStore.getState().design);
      await refresh();
      setSaveState('saved');
    },
    [refresh],
  );

  useEffect(() => {
    if (booted.current) return;
    booted.current = true;
    (async () => {
      try {
        const shared = decodeShareFragment(window.location.hash);
        if (shared) history.replaceState(null, '', window.location.pathname + window.location.search);
        if (shared?.ok) {
          await db.recoverUnsaved();
          await show(await withFreshId(shared.design));
          return;
        }
        if (shared && !shared.ok) setBootNotice({ title: 'This link could not be opened', lines: [...shared.errors, 'Your saved designs are untouched.'] });
        await db.recoverUnsaved();
        const id = await db.currentDesignId();
        const stored = id ? await db.readStoredDesign(id) : null;
        if (stored?.ok) {
          useDesignStore.getState().loadDesign(stored.design);
          await refresh();
          setSaveState('saved');
          return;
        }
        if (stored) setBootNotice(repairNotice(stored, 'another design was opened instead'));
        await show(await fallbackDesign());
      } catch (e) {
        // IndexedDB can be unavailable (private windows, blocked storage): work on, but say so.
        useDesignStore.getState().loadDesign(exampleDesign());
        setSaveState('error');
        setSaveError(`Your designs cannot be saved: ${storageFailure(e)}.`);
      }
    })();
  }, [refresh, show]);

  // A share link pasted into this tab changes only the fragment: open it without a reload.
  useEffect(() => {
    const onHash = async () => {
      const shared = decodeShareFragment(window.location.hash);
      if (!shared) return;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      if (shared.ok) await show(await withFreshId(shared.design));
      else setBootNotice({ title: 'This link could not be opened', lines: [...shared.errors, 'Your saved designs are untouched.'] });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [show]);

  // Autosave: the first change is written at once, a burst of further changes once it settles,
  // and anything pending when the page is hidden or closed is written then, and stashed
  // synchronously too (db.stashUnsaved) in case the page goes before IndexedDB has written it.
  // Closing the page while a change is unwritten, or after a write failed, asks first.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastWrite = 0;
    let pending = false;
    let failed = false;
    let stashed: Design | null = null;
    const write = async () => {
      clearTimeout(timer);
      timer = undefined;
      pending = false;
      lastWrite = Date.now();
      const design = useDesignStore.getState().design;
      try {
        await db.saveDesign(design);
        failed = false;
        setSaveError(null);
        if (stashed === design) {
          stashed = null;
          db.clearUnsaved();
        }
        if (!pending) setSaveState('saved');
        await refresh();
      } catch (e) {
        failed = true;
        setSaveState('error');
        setSaveError(`Your latest changes to “${design.name}” are not saved: ${storageFailure(e)}. Export the design as a file to keep them.`);
      }
    };
    writeNow.current = write;
    const unsubscribe = useDesignStore.subscribe((state, prev) => {
      if (state.design === prev.design) return;
      setSaveState((s) => (s === 'loading' ? s : 'saving'));
      pending = true;
      if (Date.now() - lastWrite > AUTOSAVE_DELAY_MS) void write();
      else if (timer === undefined) timer = setTimeout(() => void write(), AUTOSAVE_DELAY_MS);
    });
    const flush = () => {
      if (!pending) return;
      stashed = useDesignStore.getState().design;
      db.stashUnsaved(stashed);
      void write();
    };
    const askBeforeLeaving = (e: BeforeUnloadEvent) => {
      if (!pending && !failed) return;
      e.preventDefault();
      e.returnValue = ''; // older browsers show the prompt only when this is set
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', askBeforeLeaving);
    document.addEventListener('visibilitychange', flush);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', askBeforeLeaving);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [refresh]);

  const retrySave = useCallback(() => writeNow.current(), []);

  const open = useCallback(async (id: string) => {
    const record = await db.readStoredDesign(id);
    if (record?.ok) {
      useDesignStore.getState().loadDesign(record.design);
      await db.setCurrentDesignId(id);
    } else if (record) {
      setBootNotice(repairNotice(record, 'it cannot be opened as it is'));
    }
  }, []);

  const openNew = useCallback(async (design: Design) => show(await withFreshId(design)), [show]);

  const openOrCreate = useCallback(
    async (design: Design) => {
      const stored = await db.readStoredDesign(design.id);
      await show(stored?.ok ? stored.design : stored ? await withFreshId(design) : design);
    },
    [show],
  );

  const createEmpty = useCallback(async () => {
    const taken = await db.takenDesignIds();
    await show({ id: newId('design', taken), name: `Untitled design ${taken.size + 1}`, nodes: [], edges: [], groups: [] });
  }, [show]);

  const duplicate = useCallback(
    async (id: string) => {
      const d = await db.loadDesign(id);
      if (!d) return;
      const taken = await db.takenDesignIds();
      await show({ ...d, id: newId('design', taken), name: `${d.name} (copy)` });
    },
    [show],
  );

  const rename = useCallback(
    async (id: string, name: string) => {
      if (useDesignStore.getState().design.id === id) {
        useDesignStore.getState().renameDesign(name);
        return;
      }
      const d = await db.loadDesign(id);
      if (!d || !name.trim()) return;
      const current = await db.currentDesignId();
      await db.saveDesign({ ...d, name: name.trim() });
      if (current) await db.setCurrentDesignId(current);
      await refresh();
    },
    [refresh],
  );

  const remove = useCallback(
    async (id: string) => {
      await db.deleteDesign(id);
      if (useDesignStore.getState().design.id === id) await show(await fallbackDesign());
      else await refresh();
    },
    [refresh, show],
  );

  const exportStored = useCallback(async (id: string) => {
    const record = await db.readStoredDesign(id);
    if (!record) return;
    if (record.ok) downloadText(`${slug(record.design.name)}.archlab.json`, serializeDesign(record.design));
    else downloadText(`${slug(record.name)}-needs-repair.json`, rawJson(record.raw));
  }, []);

  const clearBootNotice = useCallback(() => setBootNotice(null), []);

  return useMemo(
    () => ({ saveState, saveError, retrySave, designs, bootNotice, clearBootNotice, exportStored, refresh, open, openNew, openOrCreate, createEmpty, duplicate, rename, remove }),
    [saveState, saveError, retrySave, designs, bootNotice, clearBootNotice, exportStored, refresh, open, openNew, openOrCreate, createEmpty, duplicate, rename, remove],
  );
}

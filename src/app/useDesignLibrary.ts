// Opening, saving and listing designs: boot (share link, last design, or the example),
// autosave after every change, and the operations of the designs list. Nothing stored is
// dropped or written over: a record that does not open is kept and listed as needing repair,
// and a write that fails says what was not saved.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDesignStore } from '../store/designStore';
import { exampleDesign } from '../model/example';
import { serializeDesign } from '../model/file';
import { repairDesign } from '../model/repair';
import type { Design } from '../model/types';
import * as db from '../store/persistence';
import { decodeShareFragment, type SharedDesign } from './share';
import { newId, unusedName } from '../store/ids';
import { attemptConcealment } from './concealment';
import { attemptDesignName, type BootNotice, type DesignConflict, type DesignLibrary, type SaveState } from '../store/designLibrary';
import { downloadText, slug } from '../panels/files';

const AUTOSAVE_DELAY_MS = 250; // ms: at most four writes a second during a burst of edits (a drag, a slider)
const PROBLEMS_SHOWN = 5; // reasons listed in a notice; the designs list shows them all
const CHANGES_SHOWN = 40; // a repaired copy's changes listed in its notice: a damaged part or two fits whole, a design damaged throughout shows its pattern

/** A design brought in from outside (a file, a link) never overwrites one the learner has, even one that needs repair. */
async function withFreshId(design: Design): Promise<Design> {
  const taken = await db.takenDesignIds();
  return taken.has(design.id) ? { ...design, id: newId('design', taken) } : design;
}

/** What to show when the wanted design is not there: the newest stored one that opens, else a new copy of the example. */
async function fallbackDesign(): Promise<{ design: Design; revision: number | null }> {
  for (const summary of await db.listDesigns()) {
    if (summary.needsRepair) continue;
    const record = await db.readStoredDesign(summary.id);
    if (record?.ok) return record;
  }
  return { design: await withFreshId(exampleDesign()), revision: null };
}

/** Why a design link did not open; a link to a scenario offers to open it as one (App's scenario links take it from the address). */
function linkNotice(refused: Extract<SharedDesign, { ok: false }>): BootNotice {
  if ('scenarioHash' in refused) {
    const { scenarioHash } = refused;
    return { title: 'This is a scenario link', lines: [...refused.errors, 'Your saved designs are untouched.'], action: { label: 'Open the scenario', perform: () => void (window.location.hash = scenarioHash) } };
  }
  return { title: 'This link could not be opened', lines: [...refused.errors, 'Your saved designs are untouched.'] };
}

function repairNotice(record: Extract<db.StoredDesign, { ok: false }>, opening: string, openRepaired: (id: string) => Promise<void>): BootNotice {
  const more = record.problems.length - PROBLEMS_SHOWN;
  return {
    title: `“${record.name}” needs repair`,
    lines: [
      `The saved design “${record.name}” no longer passes ArchLab's checks, so ${opening}:`,
      ...record.problems.slice(0, PROBLEMS_SHOWN),
      ...(more > 0 ? [`…and ${more} more (all listed under Designs).`] : []),
      'It is kept exactly as it was saved. Under Designs it is marked “needs repair”: export it as a file from there, or open a repaired copy beside it.',
    ],
    action: { label: 'Open a repaired copy', perform: () => void openRepaired(record.id) },
  };
}

/** What a repaired copy changed, for the notice shown when it opens. */
function repairedNotice(from: string, changes: readonly string[]): BootNotice {
  const more = changes.length - CHANGES_SHOWN;
  return {
    title: `A repaired copy of “${from}” is open`,
    lines: [
      `The saved design “${from}” is kept exactly as it was, still marked “needs repair” under Designs.`,
      ...(changes.length ? ['To make this copy pass the checks:', ...changes.slice(0, CHANGES_SHOWN)] : ['Nothing in it needed changing.']),
      ...(more > 0 ? [`…and ${more} more changes like these.`] : []),
      'Check the parts named above before you rely on the copy’s figures.',
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

/** The design on the canvas as this tab last read or wrote it: the revision its next write builds on. */
interface HeldCopy {
  id: string;
  revision: number;
  /** The store's design object as stored: anything else on the canvas is an unsaved change. */
  design: Design;
  /** Opened from a file or a link and not stored yet: it joins My designs at its first change, or on Save. */
  unsaved?: boolean;
}

export function useDesignLibrary(): DesignLibrary {
  const [saveState, setSaveState] = useState<SaveState>('loading');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [designs, setDesigns] = useState<db.DesignSummary[]>([]);
  const [bootNotice, setBootNotice] = useState<BootNotice | null>(null);
  const [conflict, setConflict] = useState<DesignConflict | null>(null);
  const booted = useRef(false);
  const held = useRef<HeldCopy | null>(null);
  const conflicted = useRef(false);
  const adopting = useRef(false);
  const writeNow = useRef<() => Promise<void>>(async () => undefined);
  /** Writes what is unsaved (or keeps a conflicting copy) before another design replaces it on the canvas. */
  const settle = useRef<() => Promise<void>>(async () => undefined);

  const refresh = useCallback(async () => setDesigns(await db.listDesigns()), []);

  /** Puts a design on the canvas as the stored copy at this revision (or, `unsaved`, as one not stored yet); loading it is not an edit to save. */
  const adopt = useCallback((design: Design, revision: number, unsaved = false) => {
    adopting.current = true;
    try {
      useDesignStore.getState().loadDesign(design);
    } finally {
      adopting.current = false;
    }
    held.current = { id: design.id, revision, design: useDesignStore.getState().design, ...(unsaved ? { unsaved } : {}) };
    if (!unsaved) db.rememberOpenInTab(design.id); // a reload reopens it only once it is stored
    conflicted.current = false;
    setConflict(null);
  }, []);

  /** Opens a design that is stored: no write, so no other tab's newer copy is written over. */
  const openStored = useCallback(
    async (record: { design: Design; revision: number }) => {
      await settle.current();
      adopt(record.design, record.revision);
      await db.setCurrentDesignId(record.design.id);
      await refresh();
      setSaveState('saved');
    },
    [adopt, refresh],
  );

  /** Opens a design that is not stored yet (a fresh id): saved first, so its first edit builds on that revision. */
  const show = useCallback(
    async (design: Design) => {
      await settle.current();
      let saved: db.SaveOutcome;
      try {
        saved = await db.saveDesign(design);
      } finally {
        adopt(design, 0); // on screen even when it could not be saved; the caller says why
      }
      if (saved.ok) held.current = { ...held.current!, revision: saved.revision };
      await refresh();
      setSaveState('saved');
    },
    [adopt, refresh],
  );

  /** Opens a design brought in from a file or a link without storing it: My designs holds what the learner made, so it joins them at its first change, or on Save. */
  const showUnsaved = useCallback(
    async (design: Design) => {
      await settle.current();
      adopt(design, 0, true);
      setSaveState('unsaved');
    },
    [adopt],
  );

  const showFallback = useCallback(async () => {
    const fallback = await fallbackDesign();
    await (fallback.revision === null ? show(fallback.design) : openStored({ design: fallback.design, revision: fallback.revision }));
  }, [openStored, show]);

  /** Opens a repaired copy of a stored design that needs repair, beside it (the record stays as it was), and says what changed. */
  const openRepaired = useCallback(
    async (id: string) => {
      const record = await db.readStoredDesign(id);
      if (!record || record.ok) return;
      const listed = await db.listDesigns();
      const repaired = repairDesign(record.raw, newId('design', new Set(listed.map((d) => d.id))));
      if (!repaired) {
        setBootNotice({ title: `“${record.name}” could not be repaired`, lines: ['No copy of it passes the checks, however much is left out. It is kept exactly as it was saved: export it as a file under Designs.'] });
        return;
      }
      await show({ ...repaired.design, name: unusedName(`${record.name} (repaired)`, listed.map((d) => d.name)) });
      setBootNotice(repairedNotice(record.name, repaired.changes));
    },
    [show],
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
          await showUnsaved(await withFreshId(shared.design));
          return;
        }
        if (shared && !shared.ok) setBootNotice(linkNotice(shared));
        await db.recoverUnsaved();
        const id = await db.currentDesignId();
        const stored = id ? await db.readStoredDesign(id) : null;
        if (stored?.ok) return await openStored(stored);
        if (stored) setBootNotice(repairNotice(stored, 'another design was opened instead', openRepaired));
        await showFallback();
      } catch (e) {
        // IndexedDB can be unavailable (private windows, blocked storage): work on, but say so.
        adopt(exampleDesign(), 0);
        setSaveState('error');
        setSaveError(`Your designs cannot be saved: ${storageFailure(e)}.`);
      }
    })();
  }, [adopt, openRepaired, openStored, showFallback, showUnsaved]);

  // A share link pasted into this tab changes only the fragment: open it without a reload.
  useEffect(() => {
    const onHash = async () => {
      const shared = decodeShareFragment(window.location.hash);
      if (!shared) return;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      if (shared.ok) await showUnsaved(await withFreshId(shared.design));
      else setBootNotice(linkNotice(shared));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [showUnsaved]);

  // Autosave: the first change is written at once, a burst of further changes once it settles,
  // and anything pending when the page is hidden or closed is written then, and stashed
  // synchronously too (db.stashUnsaved) in case the page goes before IndexedDB has written it.
  // Writes go one after another, each over the revision the last one wrote. A write refused
  // because another tab saved this design since stops autosave until the learner chooses what to
  // keep (see resolveConflict). Closing the page while a change is unwritten, after a write failed
  // or during a conflict, asks first.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastWrite = 0;
    let pending = false;
    let failed = false;
    let stashed: Design | null = null;
    let writing: Promise<void> = Promise.resolve();
    const writeOnce = async () => {
      const design = useDesignStore.getState().design;
      const copy = held.current;
      // A copy not stored yet is written when asked (Save), even unchanged.
      if (conflicted.current || !copy || copy.id !== design.id || (copy.design === design && !copy.unsaved)) return;
      try {
        const saved = await db.saveDesign(design, copy.revision);
        if (held.current !== copy) return; // another design was opened meanwhile
        if (!saved.ok) {
          conflicted.current = true;
          setConflict({ name: design.name });
          setSaveState('error');
          return;
        }
        held.current = { id: design.id, revision: saved.revision, design };
        if (copy.unsaved) db.rememberOpenInTab(design.id);
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
    const write = () => {
      clearTimeout(timer);
      timer = undefined;
      pending = false;
      lastWrite = Date.now();
      writing = writing.then(writeOnce);
      return writing;
    };
    writeNow.current = write;
    settle.current = async () => {
      if (pending) await write();
      else await writing;
      // A copy in conflict is kept beside the other tab's before anything replaces it on the canvas.
      if (conflicted.current) await db.saveAsCopy(useDesignStore.getState().design, `${useDesignStore.getState().design.name} (copy)`);
    };
    const unsubscribe = useDesignStore.subscribe((state, prev) => {
      if (state.design === prev.design || adopting.current) return;
      setSaveState((s) => (s === 'loading' || conflicted.current ? s : 'saving'));
      pending = true;
      if (Date.now() - lastWrite > AUTOSAVE_DELAY_MS) void write();
      else if (timer === undefined) timer = setTimeout(() => void write(), AUTOSAVE_DELAY_MS);
    });
    // Another tab wrote a design: relist, and if it is the one open here, show its version when
    // nothing here is unsaved, else write now so the conflict is found at once.
    const unlisten = db.onSavedElsewhere(async ({ id, revision }) => {
      void refresh();
      const copy = held.current;
      if (!copy || copy.id !== id || revision <= copy.revision) return;
      if (pending || conflicted.current || useDesignStore.getState().design !== copy.design) {
        void write();
        return;
      }
      const record = await db.readStoredDesign(id);
      if (record?.ok && held.current === copy && useDesignStore.getState().design === copy.design) adopt(record.design, record.revision);
    });
    const flush = () => {
      const design = useDesignStore.getState().design;
      // Unwritten: a change waiting, or one whose write has not landed yet (the page may go before it does).
      const inFlight = held.current !== null && held.current.id === design.id && held.current.design !== design;
      if (!pending && !inFlight) return;
      stashed = design;
      db.stashUnsaved(stashed, held.current?.revision ?? 0);
      db.rememberOpenInTab(stashed.id); // the stash is stored at the next start, and reopened
      if (pending) void write();
    };
    const askBeforeLeaving = (e: BeforeUnloadEvent) => {
      if (!pending && !failed && !conflicted.current) return;
      e.preventDefault();
      e.returnValue = ''; // older browsers show the prompt only when this is set
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', askBeforeLeaving);
    document.addEventListener('visibilitychange', flush);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      unlisten();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', askBeforeLeaving);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [adopt, refresh]);

  // Trying a failed write again and saving a design not stored yet are the same write.
  const retrySave = useCallback(() => writeNow.current(), []);

  /** After a conflict: show the other tab's version (dropping this tab's changes), or keep this tab's as a copy. */
  const resolveConflict = useCallback(
    async (keep: 'theirs' | 'copy') => {
      const mine = useDesignStore.getState().design;
      if (keep === 'theirs') {
        const record = await db.readStoredDesign(mine.id);
        if (record?.ok) {
          adopt(record.design, record.revision);
          await refresh();
          setSaveState('saved');
          return;
        }
        // Deleted or unreadable there: nothing to show, so this tab's copy is kept instead.
      }
      const copy = await db.saveAsCopy(mine, `${mine.name} (copy)`);
      adopt(copy.design, copy.revision);
      await refresh();
      setSaveState('saved');
    },
    [adopt, refresh],
  );

  const open = useCallback(
    async (id: string) => {
      const record = await db.readStoredDesign(id);
      // Its own scenario masks what is to be named; opened on its own, nothing would be.
      const concealed = record?.ok ? await attemptConcealment(record.design, 'Opening it outside its scenario') : null;
      if (concealed) return concealed;
      if (record?.ok) await openStored(record);
      else if (record) setBootNotice(repairNotice(record, 'it cannot be opened as it is', openRepaired));
      return null;
    },
    [openRepaired, openStored],
  );

  const openNew = useCallback(async (design: Design) => showUnsaved(await withFreshId(design)), [showUnsaved]);

  const openOrCreate = useCallback(
    async (design: Design, upToDate: (stored: Design) => Design = (d) => d) => {
      const stored = await db.readStoredDesign(design.id);
      const mended = stored?.ok ? upToDate(stored.design) : null;
      if (stored?.ok) await (mended === stored.design ? openStored(stored) : show(mended!));
      else await show(stored ? await withFreshId(design) : design);
    },
    [openStored, show],
  );

  const createEmpty = useCallback(async () => {
    const listed = await db.listDesigns();
    const taken = new Set(listed.map((d) => d.id));
    await show({ id: newId('design', taken), name: unusedName('Untitled design', listed.map((d) => d.name)), nodes: [], edges: [], groups: [] });
  }, [show]);

  const duplicate = useCallback(
    async (id: string) => {
      const d = await db.loadDesign(id);
      if (!d) return;
      const listed = await db.listDesigns();
      await show({ ...d, id: newId('design', new Set(listed.map((s) => s.id))), name: unusedName(`${d.name} (copy)`, listed.map((s) => s.name)) });
    },
    [show],
  );

  const keepAsDesign = useCallback(
    async (id: string) => {
      const d = await db.loadDesign(id);
      if (!d) return null;
      const concealed = await attemptConcealment(d, 'Keeping it as a design of your own');
      if (concealed) return concealed;
      await db.saveAsCopy(d, attemptDesignName(d.name));
      const current = held.current?.id;
      if (current) await db.setCurrentDesignId(current); // the copy is kept, the attempt stays open
      await refresh();
      return null;
    },
    [refresh],
  );

  const rename = useCallback(
    async (id: string, name: string) => {
      if (useDesignStore.getState().design.id === id) {
        useDesignStore.getState().renameDesign(name);
        return;
      }
      const record = await db.readStoredDesign(id);
      if (!record?.ok || !name.trim()) return;
      const current = held.current?.id;
      await db.saveDesign({ ...record.design, name: name.trim() }, record.revision);
      if (current) await db.setCurrentDesignId(current);
      await refresh();
    },
    [refresh],
  );

  const remove = useCallback(
    async (id: string) => {
      await db.deleteDesign(id);
      if (useDesignStore.getState().design.id === id) {
        held.current = null; // nothing of it is left to write
        await showFallback();
      } else await refresh();
    },
    [refresh, showFallback],
  );

  const exportStored = useCallback(async (id: string) => {
    const record = await db.readStoredDesign(id);
    if (!record) return null;
    const concealed = record.ok ? await attemptConcealment(record.design, 'Exporting it') : null;
    if (concealed) return concealed;
    if (record.ok) downloadText(`${slug(record.design.name)}.archlab.json`, serializeDesign(record.design));
    else downloadText(`${slug(record.name)}-needs-repair.json`, rawJson(record.raw));
    return null;
  }, []);

  const clearBootNotice = useCallback(() => setBootNotice(null), []);

  return useMemo(
    () => ({ saveState, saveError, retrySave, saveNow: retrySave, conflict, resolveConflict, designs, bootNotice, clearBootNotice, exportStored, openRepaired, refresh, open, openNew, openOrCreate, createEmpty, duplicate, keepAsDesign, rename, remove }),
    [saveState, saveError, retrySave, conflict, resolveConflict, designs, bootNotice, clearBootNotice, exportStored, openRepaired, refresh, open, openNew, openOrCreate, createEmpty, duplicate, keepAsDesign, rename, remove],
  );
}

// Opening, saving and listing designs: boot (share link, last design, or the example),
// autosave after every change, and the operations of the designs list.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDesignStore } from '../store/designStore';
import { exampleDesign } from '../model/example';
import type { Design } from '../model/types';
import * as db from '../store/persistence';
import { decodeShareFragment } from './share';
import { newId } from '../store/ids';
import type { DesignLibrary, SaveState } from '../store/designLibrary';


const AUTOSAVE_DELAY_MS = 250; // ms: at most four writes a second during a burst of edits (a drag, a slider)


/** A design brought in from outside (a file, a link) never overwrites one the learner has. */
async function withFreshId(design: Design): Promise<Design> {
  const existing = new Set((await db.listDesigns()).map((d) => d.id));
  return existing.has(design.id) ? { ...design, id: newId('design', existing) } : design;
}

export function useDesignLibrary(): DesignLibrary {
  const [saveState, setSaveState] = useState<SaveState>('loading');
  const [designs, setDesigns] = useState<db.DesignSummary[]>([]);
  const [bootErrors, setBootErrors] = useState<string[] | null>(null);
  const booted = useRef(false);

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
        if (shared && !shared.ok) setBootErrors(shared.errors);
        await db.recoverUnsaved();
        const id = await db.currentDesignId();
        const stored = id ? await db.loadDesign(id) : null;
        if (stored) {
          useDesignStore.getState().loadDesign(stored);
          await refresh();
          setSaveState('saved');
        } else {
          const list = await db.listDesigns();
          const fallback = list[0] ? await db.loadDesign(list[0].id) : null;
          await show(fallback ?? exampleDesign());
        }
      } catch (e) {
        // IndexedDB can be unavailable (private windows, blocked storage): work on, but say so.
        useDesignStore.getState().loadDesign(exampleDesign());
        setSaveState('error');
        setBootErrors([`Your designs cannot be saved in this browser (${e instanceof Error ? e.message : String(e)}). Export a file to keep your work.`]);
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
      else setBootErrors(shared.errors);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [show]);

  // Autosave: the first change is written at once, a burst of further changes once it settles,
  // and anything pending when the page is hidden or closed is written then, and stashed
  // synchronously too (db.stashUnsaved) in case the page goes before IndexedDB has written it.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastWrite = 0;
    let pending = false;
    let stashed: Design | null = null;
    const write = async () => {
      clearTimeout(timer);
      timer = undefined;
      pending = false;
      lastWrite = Date.now();
      const design = useDesignStore.getState().design;
      try {
        await db.saveDesign(design);
        if (stashed === design) {
          stashed = null;
          db.clearUnsaved();
        }
        if (!pending) setSaveState('saved');
        await refresh();
      } catch {
        setSaveState('error');
      }
    };
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
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [refresh]);

  const open = useCallback(
    async (id: string) => {
      const d = await db.loadDesign(id);
      if (d) {
        useDesignStore.getState().loadDesign(d);
        await db.setCurrentDesignId(id);
      }
    },
    [],
  );

  const openNew = useCallback(async (design: Design) => show(await withFreshId(design)), [show]);

  const openOrCreate = useCallback(async (design: Design) => show((await db.loadDesign(design.id)) ?? design), [show]);

  const createEmpty = useCallback(async () => {
    const list = await db.listDesigns();
    const taken = new Set(list.map((d) => d.id));
    await show({ id: newId('design', taken), name: `Untitled design ${list.length + 1}`, nodes: [], edges: [], groups: [] });
  }, [show]);

  const duplicate = useCallback(
    async (id: string) => {
      const d = await db.loadDesign(id);
      if (!d) return;
      const taken = new Set((await db.listDesigns()).map((x) => x.id));
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
      const list = await db.listDesigns();
      if (useDesignStore.getState().design.id === id) {
        const next = list[0] ? await db.loadDesign(list[0].id) : null;
        await show(next ?? exampleDesign());
      } else {
        await refresh();
      }
    },
    [refresh, show],
  );

  const clearBootErrors = useCallback(() => setBootErrors(null), []);

  return useMemo(
    () => ({ saveState, designs, bootErrors, clearBootErrors, refresh, open, openNew, openOrCreate, createEmpty, duplicate, rename, remove }),
    [saveState, designs, bootErrors, clearBootErrors, refresh, open, openNew, openOrCreate, createEmpty, duplicate, rename, remove],
  );
}

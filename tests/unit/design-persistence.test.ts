// Stored designs and several tabs: a write built on a stale revision is refused (never written
// over the newer one), the other tabs hear of each write, and a copy kept aside gets a name of its own.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as db from '../../src/store/persistence';
import { unusedName } from '../../src/store/ids';
import { exampleDesign } from '../../src/model/example';
import type { Design } from '../../src/model/types';
import { CURRENT_VERSION, DESIGN_FORMAT } from '../../src/model/schema';

let serial = 0;
/** The example under an id no other test uses (the database lives for the whole file). */
function freshDesign(name = 'Shop'): Design {
  serial += 1;
  return { ...exampleDesign(), id: `design-test-${serial}`, name };
}

function saved(outcome: db.SaveOutcome): number {
  if (!outcome.ok) throw new Error(`refused: revision ${outcome.storedRevision} is stored`);
  return outcome.revision;
}

describe('revisions', () => {
  it('each write raises the revision, and a write built on the latest one lands', async () => {
    const d = freshDesign();
    expect(saved(await db.saveDesign(d))).toBe(1);
    expect(saved(await db.saveDesign({ ...d, name: 'Shop 2' }, 1))).toBe(2);
    const stored = await db.readStoredDesign(d.id);
    expect(stored).toMatchObject({ ok: true, revision: 2, design: { name: 'Shop 2' } });
  });

  it('two tabs opened at revision 1: the second writer is refused and the first one’s change stays', async () => {
    const d = freshDesign();
    const opened = saved(await db.saveDesign(d));
    // Tab A renames, tab B adds a component, both from revision 1.
    expect(saved(await db.saveDesign({ ...d, name: 'Renamed in A' }, opened))).toBe(2);
    const inB: Design = { ...d, nodes: [...d.nodes, { ...d.nodes[0]!, id: 'extra', label: 'Added in B' }] };
    expect(await db.saveDesign(inB, opened)).toEqual({ ok: false, storedRevision: 2 });
    const stored = await db.readStoredDesign(d.id);
    expect(stored?.ok && stored.design.name).toBe('Renamed in A');
    expect(stored?.ok && stored.design.nodes.some((n) => n.id === 'extra')).toBe(false);
    // B keeps its change as a copy: both edits are stored, under different names.
    const copy = await db.saveAsCopy(inB, `${inB.name} (copy)`);
    const list = await db.listDesigns();
    expect(list.find((s) => s.id === copy.design.id)).toMatchObject({ name: 'Shop (copy)', nodeCount: d.nodes.length + 1 });
    expect(list.find((s) => s.id === d.id)?.name).toBe('Renamed in A');
  });

  it('of two writes racing from the same revision exactly one lands', async () => {
    const d = freshDesign();
    const base = saved(await db.saveDesign(d));
    const outcomes = await Promise.all([db.saveDesign({ ...d, name: 'one' }, base), db.saveDesign({ ...d, name: 'two' }, base)]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const winner = outcomes.findIndex((o) => o.ok);
    const stored = await db.readStoredDesign(d.id);
    expect(stored?.ok && stored.design.name).toBe(winner === 0 ? 'one' : 'two');
  });

  it('a record from before revisions counts as revision 0 and opens', async () => {
    const d = freshDesign();
    saved(await db.saveDesign(d));
    const { set, createStore } = await import('idb-keyval');
    await set(`design:${d.id}`, { format: DESIGN_FORMAT, version: CURRENT_VERSION, design: d }, createStore('archlab', 'designs'));
    const stored = await db.readStoredDesign(d.id);
    expect(stored?.ok).toBe(true);
    expect(stored?.ok && stored.revision).toBe(0);
  });
});

describe('a stored record that does not open', () => {
  it('is called a design saved in this browser, never "the file", whatever is wrong with it', async () => {
    const { set, createStore } = await import('idb-keyval');
    const store = createStore('archlab', 'designs');
    const d = freshDesign();
    const cases: [unknown, RegExp][] = [
      ['garbage', /^This design saved in this browser does not contain an ArchLab design/],
      [{ format: 'something-else', version: CURRENT_VERSION, design: d }, /^This design saved in this browser is not an ArchLab design \(its "format" field/],
      [{ format: DESIGN_FORMAT, design: d }, /^This design saved in this browser has no "version" number/],
      [{ format: DESIGN_FORMAT, version: 99, design: d }, /^This design saved in this browser is version 99, newer than this ArchLab understands/],
      [{ format: DESIGN_FORMAT, version: CURRENT_VERSION, design: { ...d, id: 'someone-else' } }, /^This design saved in this browser is stored as "design-test-\d+" but holds the design "someone-else"/],
    ];
    for (const [raw, said] of cases) {
      await set(`design:${d.id}`, raw, store);
      const stored = await db.readStoredDesign(d.id);
      if (stored?.ok !== false) throw new Error(`${JSON.stringify(raw)} must not open`);
      expect(stored.problems[0]).toMatch(said);
      expect(stored.problems.join(' ')).not.toMatch(/\bfile\b/i);
    }
  });
});

describe('other tabs hear of each write', () => {
  const listeners: (() => void)[] = [];
  afterEach(() => listeners.splice(0).forEach((stop) => stop()));

  it('a write is announced on the shared channel with its id and revision', async () => {
    const d = freshDesign();
    const otherTab = new BroadcastChannel('archlab-designs');
    const heard = new Promise<unknown>((resolve) => (otherTab.onmessage = (e) => resolve(e.data)));
    saved(await db.saveDesign(d));
    expect(await heard).toEqual({ id: d.id, revision: 1 });
    otherTab.close();
  });

  it('a message from another tab reaches the listener; junk on the channel does not', async () => {
    const got: db.DesignSaved[] = [];
    const done = new Promise<void>((resolve) =>
      listeners.push(
        db.onSavedElsewhere((s) => {
          got.push(s);
          if (s.id === 'last') resolve();
        }),
      ),
    );
    const otherTab = new BroadcastChannel('archlab-designs');
    otherTab.postMessage('junk');
    otherTab.postMessage({ id: 42, revision: 'x' });
    otherTab.postMessage({ id: 'design-x', revision: 7 });
    otherTab.postMessage({ id: 'last', revision: 1 });
    await done;
    expect(got).toEqual([
      { id: 'design-x', revision: 7 },
      { id: 'last', revision: 1 },
    ]);
    otherTab.close();
  });
});

describe('recovering a change stashed at unload', () => {
  const storage = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  };

  it('is written when no other tab saved the design since', async () => {
    const d = freshDesign();
    const base = saved(await db.saveDesign(d));
    db.stashUnsaved({ ...d, name: 'Stashed' }, base);
    await db.recoverUnsaved();
    const stored = await db.readStoredDesign(d.id);
    expect(stored).toMatchObject({ ok: true, revision: 2, design: { name: 'Stashed' } });
    expect(storage.size).toBe(0);
  });

  it('is kept beside a newer version another tab saved, not over it', async () => {
    const d = freshDesign('Notes');
    const base = saved(await db.saveDesign(d));
    saved(await db.saveDesign({ ...d, name: 'Newer elsewhere' }, base));
    db.stashUnsaved({ ...d, name: 'Notes' }, base);
    await db.recoverUnsaved();
    const list = await db.listDesigns();
    expect(list.find((s) => s.id === d.id)?.name).toBe('Newer elsewhere');
    expect(list.filter((s) => s.name === 'Notes (recovered)')).toHaveLength(1);
  });

  it('is dropped when the write it stood in for landed after all: no "(recovered)" twin', async () => {
    const d = freshDesign('Landed');
    const base = saved(await db.saveDesign(d));
    // The page stashed the edit while its write was in flight, and the write then landed.
    db.stashUnsaved({ ...d, name: 'Landed edit' }, base);
    saved(await db.saveDesign({ ...d, name: 'Landed edit' }, base));
    await db.recoverUnsaved();
    const list = await db.listDesigns();
    expect(list.filter((s) => s.name.startsWith('Landed'))).toEqual([expect.objectContaining({ id: d.id, name: 'Landed edit' })]);
    expect(storage.size).toBe(0);
  });
});

describe('the design a reload opens', () => {
  const session = new Map<string, string>();
  const tabStorage = { getItem: (k: string) => session.get(k) ?? null, setItem: (k: string, v: string) => void session.set(k, v) };

  it('is the tab’s own when it has one, else the one last saved in any tab', async () => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = tabStorage;
    try {
      const mine = freshDesign('Mine');
      const theirs = freshDesign('Theirs');
      saved(await db.saveDesign(mine));
      db.rememberOpenInTab(mine.id);
      saved(await db.saveDesign(theirs)); // another tab saves its design after
      expect(await db.currentDesignId()).toBe(mine.id);
      session.clear(); // a new tab
      expect(await db.currentDesignId()).toBe(theirs.id);
    } finally {
      delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
    }
  });
});

describe('names of copies', () => {
  it('are the wanted name when free, else the first free numbered one, ignoring case and outer spaces', () => {
    expect(unusedName('Shop', ['Other'])).toBe('Shop');
    expect(unusedName(' Shop ', ['shop'])).toBe('Shop (2)');
    expect(unusedName('Shop', ['Shop', 'Shop (2)', 'SHOP (3)'])).toBe('Shop (4)');
  });

  it('saving the same design as a copy twice gives two different names and ids', async () => {
    const d = freshDesign('Twice');
    const a = await db.saveAsCopy(d);
    const b = await db.saveAsCopy(d);
    expect(a.design.id).not.toBe(b.design.id);
    expect([a.design.name, b.design.name]).toEqual(['Twice', 'Twice (2)']);
  });
});

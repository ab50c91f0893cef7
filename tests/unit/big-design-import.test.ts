// Import's reading of a file (run in a worker by the app) and the canvas's choice between live cards
// and the overview picture for a view of a big design.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDesignFile } from '../../src/model/read-design-file';
import { exampleDesign } from '../../src/model/example';
import { serializeDesign } from '../../src/model/file';
import { generateDesign } from '../../src/model/generate';
import { NODE_SIZE } from '../../src/model/card';
import { cardsIn, LIVE_ELEMENT_BUDGET, overBudget, overviewPaths, tooManyInView, viewRect, widened } from '../../src/canvas/overview';
import type { Design } from '../../src/model/types';

describe('reading a file for Import', () => {
  it('a design file opens as the design it holds; an older version says which', async () => {
    const design = exampleDesign();
    const read = await readDesignFile('shop.archlab.json', serializeDesign(design));
    expect(read).toEqual({ kind: 'design', design });
    const old = JSON.parse(serializeDesign(design)) as { version: number };
    old.version = 1;
    const migrated = await readDesignFile('shop.json', JSON.stringify(old));
    expect(migrated.kind === 'design' && migrated.migratedFrom).toBe(1);
  });

  it('a drawing from another tool becomes a design, and a broken one names its format and its problems', async () => {
    const drawn = await readDesignFile('shop.mmd', readFileSync(join(import.meta.dirname, '../fixtures/import/shop.mmd'), 'utf8'));
    expect(drawn.kind).toBe('drawing');
    if (drawn.kind !== 'drawing') return;
    expect(drawn.format).toBe('Mermaid flowchart');
    expect(drawn.design.nodes.length).toBeGreaterThan(2);
    const broken = await readDesignFile('broken.mmd', 'flowchart LR\n  b[Oops --> c\n');
    expect(broken.kind).toBe('drawing-refused');
    expect(broken.kind === 'drawing-refused' && broken.errors.join(' ')).toMatch(/line 2/i);
  });

  it('a scenario is recognised as one; anything else is refused with reasons', async () => {
    const scenario = await readDesignFile('story.json', JSON.stringify({ mode: 'fix', title: 'Slow checkout', design: {} }));
    expect(scenario).toEqual({ kind: 'scenario', found: { kind: 'scenario', name: 'Slow checkout' } });
    const junk = await readDesignFile('notes.json', '{"hello": ');
    expect(junk.kind).toBe('refused');
    expect(junk.kind === 'refused' && junk.errors[0]).toMatch(/not valid JSON/);
  });
});

const big = generateDesign({ nodes: 5000, edges: 8000, seed: 42 });

describe('live cards or the overview picture', () => {
  it('a design within the budget never needs the overview, whatever the view', () => {
    const small = generateDesign({ nodes: 500, edges: 800, seed: 42 }); // the canvas benchmark's design: 1,300 elements
    expect(overBudget(small)).toBe(false);
    expect(tooManyInView(small, { x: -1e6, y: -1e6, width: 2e6, height: 2e6 })).toBe(false);
  });

  it('a big design fitted on screen is over the budget; a working view of it is not', () => {
    expect(overBudget(big)).toBe(true);
    expect(tooManyInView(big, { x: -1e6, y: -1e6, width: 2e6, height: 2e6 })).toBe(true);
    // 100% on an 850 x 520 px canvas at the design's top left: a few dozen cards.
    const working = viewRect([0, 0, 1], 850, 520);
    expect(tooManyInView(big, working)).toBe(false);
    expect(cardsIn(big, working).size).toBeLessThan(40);
  });

  it('counts connections with an end in view, up to and past the budget', () => {
    // A star: one card in view, its connections to cards far away count.
    const hub = { id: 'hub', kind: 'service', label: 'hub', params: {}, position: { x: 0, y: 0 } } as Design['nodes'][number];
    const far = Array.from({ length: LIVE_ELEMENT_BUDGET }, (_, i) => ({ ...hub, id: `f${i}`, label: `f${i}`, position: { x: 1e5 + i * 300, y: 0 } }));
    const edges = far.map((f, i) => ({ id: `e${i}`, source: 'hub', target: f.id, mode: 'sync' as const, share: 1, callsPerRequest: 1 })) as Design['edges'];
    const star = { nodes: [hub, ...far], edges };
    const view = { x: -10, y: -10, width: 400, height: 200 };
    expect(cardsIn(star, view)).toEqual(new Set(['hub']));
    expect(tooManyInView(star, view)).toBe(true); // 1 card + 1,500 connections
    expect(tooManyInView({ nodes: star.nodes, edges: edges.slice(0, LIVE_ELEMENT_BUDGET - 1) }, view)).toBe(false);
  });

  it('the view follows React Flow\'s transform, and the widened view holds it with half its size to spare', () => {
    expect(viewRect([-200, -100, 0.5], 800, 400)).toEqual({ x: 400, y: 200, width: 1600, height: 800 });
    expect(widened({ x: 400, y: 200, width: 1600, height: 800 })).toEqual({ x: -400, y: -200, width: 3200, height: 1600 });
  });

  it('the picture has one path per colour holding every card, and one line per connection', () => {
    const paths = overviewPaths(big, (kind) => (kind === 'client' ? 'indigo' : 'grey'));
    expect(paths.cards.map((c) => c.color).sort()).toEqual(['grey', 'indigo']);
    const boxes = paths.cards.reduce((sum, c) => sum + (c.d.match(/M/g) ?? []).length, 0);
    expect(boxes).toBe(big.nodes.length);
    const first = big.nodes[0]!;
    expect(paths.cards.find((c) => c.color === 'indigo')!.d).toContain(`M${first.position.x} ${first.position.y}h${NODE_SIZE.width}v${NODE_SIZE.height}`);
    const lines = (paths.sync.match(/M/g) ?? []).length + (paths.async.match(/M/g) ?? []).length;
    expect(lines).toBe(big.edges.length);
    // A connection whose end is missing is left out rather than drawn to nowhere.
    const broken = overviewPaths({ nodes: big.nodes.slice(1), edges: big.edges }, () => 'grey');
    const kept = big.edges.filter((e) => e.source !== first.id && e.target !== first.id).length;
    expect((broken.sync.match(/M/g) ?? []).length + (broken.async.match(/M/g) ?? []).length).toBe(kept);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designToMermaid, mermaidToDesign } from '../../src/model/mermaid';
import { guessKind } from '../../src/model/kind-guess';
import { exampleDesign } from '../../src/model/example';
import { checkDesign } from '../../src/model/validate';
import { solveDesign } from '../../src/engine/analytic/design';
import type { Design } from '../../src/model/types';

/** The graph as labels: what a reader sees, independent of ids and positions. */
function graphOf(d: Design) {
  const label = new Map(d.nodes.map((n) => [n.id, n.label]));
  const groupLabel = new Map(d.groups.map((g) => [g.id, g.label]));
  return {
    nodes: d.nodes.map((n) => `${n.label}:${n.kind}:${n.groupId ? groupLabel.get(n.groupId) : '-'}`).sort(),
    edges: d.edges.map((e) => `${label.get(e.source)}>${label.get(e.target)}:${e.mode}:${e.share}:${e.callsPerRequest}`).sort(),
    groups: d.groups.map((g) => `${g.label}:${g.kind}:${g.parentId ? groupLabel.get(g.parentId) : '-'}`).sort(),
  };
}

describe('Mermaid flowcharts', () => {
  it('an exported design imports back as the same graph (kinds, zones, modes, shares, calls per request)', () => {
    const original = exampleDesign();
    const text = designToMermaid(original);
    expect(text).toMatch(/^flowchart LR\n/);
    expect(text).toContain('api["Photo API"]:::service');
    expect(text).toContain('api -.->|"10%"| queue');
    const back = mermaidToDesign(text);
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(graphOf(back.design)).toEqual(graphOf(original));
    expect(back.notes).toEqual([]);
    expect(checkDesign(back.design)).toEqual([]);
  });

  it('a hand-drawn flowchart becomes a solvable design, kinds guessed from the labels and unknown shapes listed', () => {
    const result = mermaidToDesign(readFileSync('tests/fixtures/import/shop.mmd', 'utf8'), 'Shop');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const kinds = Object.fromEntries(result.design.nodes.map((n) => [n.label, n.kind]));
    expect(kinds).toEqual({
      'Web users': 'client',
      'Load balancer': 'load-balancer',
      'Orders API': 'service',
      Thumbnailer: 'service',
      'Orders DB - Postgres': 'relational-db',
      'Email queue': 'queue',
      Redis: 'cache',
    });
    expect(result.notes.join(' ')).toContain('“Thumbnailer”');
    expect(graphOf(result.design).edges).toContain('Orders API>Redis:sync:0.3:1');
    expect(graphOf(result.design).edges).toContain('Orders API>Email queue:async:1:1');
    expect(graphOf(result.design).nodes).toContain('Orders API:service:Zone a');
    expect(checkDesign(result.design)).toEqual([]);
    const solved = solveDesign(result.design);
    expect(solved.ok).toBe(true);
    // Left to right by calls: the client is left of the balancer, which is left of the API.
    const x = (label: string) => result.design.nodes.find((n) => n.label === label)!.position.x;
    expect(x('Web users')).toBeLessThan(x('Load balancer'));
    expect(x('Load balancer')).toBeLessThan(x('Orders API'));
  });

  it('a malformed flowchart is refused with the line of each problem', () => {
    const bad = mermaidToDesign('flowchart LR\n  a[Users] --> b\n  b[Oops --> c\n  c ~~ d\n');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors[0]).toMatch(/^line 3: .*not closed/);
    expect(bad.errors[1]).toMatch(/^line 4: .*arrow/);
    expect(mermaidToDesign('sequenceDiagram\n  A->>B: hi\n')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^line 1: .*flowchart/)] });
    expect(mermaidToDesign('flowchart LR\n subgraph z\n a --> b\n')).toMatchObject({ ok: false, errors: [expect.stringMatching(/never closed/)] });
    expect(mermaidToDesign('')).toMatchObject({ ok: false });
  });

  it('guesses kinds through the catalog’s names and keywords', () => {
    expect(guessKind('Postgres primary')).toBe('relational-db');
    expect(guessKind('Kafka')).toBe('stream');
    expect(guessKind('S3 bucket')).toBe('object-storage');
    expect(guessKind('Stripe')).toBe('third-party-api');
    expect(guessKind('NoSQL database')).toBe('nosql');
    expect(guessKind('Frobnicator')).toBeNull();
  });
});

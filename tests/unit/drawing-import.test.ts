import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { drawioToDesign } from '../../src/model/drawio';
import { excalidrawToDesign } from '../../src/model/excalidraw';
import { checkDesign } from '../../src/model/validate';
import { solveDesign } from '../../src/engine/analytic';
import type { Design } from '../../src/model/types';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const byLabel = (d: Design, label: string) => d.nodes.find((n) => n.label === label)!;
const edge = (d: Design, from: string, to: string) => d.edges.find((e) => e.source === byLabel(d, from).id && e.target === byLabel(d, to).id);

/** A draw.io page stored compressed: base64 of raw deflate of the URI-encoded XML. */
function compressedPage(modelXml: string): string {
  const packed = deflateSync(strToU8(encodeURIComponent(modelXml)));
  return `<mxfile host="test"><diagram id="p" name="Page-1">${Buffer.from(packed).toString('base64')}</diagram></mxfile>`;
}

function noOverlaps(d: Design): boolean {
  return d.nodes.every((a, i) => d.nodes.every((b, j) => j <= i || Math.abs(a.position.x - b.position.x) >= 188 || Math.abs(a.position.y - b.position.y) >= 64));
}

describe('draw.io import', () => {
  it('reads shapes, containers, labels in HTML, wrapped shapes and connectors into a design that solves', () => {
    const result = drawioToDesign(fixture('three-tier.drawio'), 'three-tier');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.design;
    expect(d.nodes.map((n) => n.label).sort()).toEqual(['Checkout API', 'Email queue', 'Load balancer', 'Orders DB (Postgres)', 'Web users']);
    expect(byLabel(d, 'Load balancer').kind).toBe('load-balancer');
    expect(byLabel(d, 'Orders DB (Postgres)').kind).toBe('relational-db');
    expect(byLabel(d, 'Email queue').kind).toBe('queue');
    expect(byLabel(d, 'Web users').kind).toBe('client');
    // The region holds the zone, and the zone its four components.
    const zone = d.groups.find((g) => g.label === 'Zone a')!;
    expect(zone.kind).toBe('zone');
    expect(d.groups.find((g) => g.id === zone.parentId)?.label).toBe('us-east-1');
    expect(d.nodes.filter((n) => n.groupId === zone.id)).toHaveLength(4);
    expect(edge(d, 'Checkout API', 'Orders DB (Postgres)')?.callsPerRequest).toBe(2);
    expect(edge(d, 'Checkout API', 'Email queue')).toMatchObject({ mode: 'async', label: 'order placed' });
    expect(edge(d, 'Web users', 'Load balancer')?.mode).toBe('sync');
    expect(result.notes.join(' ')).toMatch(/1 shape without a label/);
    expect(result.notes.join(' ')).toMatch(/1 arrow not attached/);
    expect(checkDesign(d)).toEqual([]);
    expect(noOverlaps(d)).toBe(true);
    expect(solveDesign(d).ok).toBe(true);
  });

  it('reads a compressed page the same as a plain one', () => {
    const text = fixture('three-tier.drawio');
    const model = text.slice(text.indexOf('<mxGraphModel'), text.indexOf('</mxGraphModel>') + '</mxGraphModel>'.length);
    const plain = drawioToDesign(text);
    const packed = drawioToDesign(compressedPage(model));
    expect(packed.ok && plain.ok).toBe(true);
    if (packed.ok && plain.ok) expect(packed.design).toEqual(plain.design);
  });

  it('refuses a compressed page that would unpack into gigabytes, quickly and with a reason', () => {
    // 25 MB of one character compresses to about 25 KB; the limit is 20 million characters.
    const bomb = compressedPage('<mxGraphModel><root>' + 'a'.repeat(25_000_000) + '</root></mxGraphModel>');
    expect(bomb.length).toBeLessThan(200_000);
    const result = drawioToDesign(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/compressed and could not be unpacked/);
  });

  it('says what is wrong with files that are not draw.io diagrams', () => {
    for (const [text, message] of [
      ['', /not a draw.io file/],
      ['{"type":"excalidraw"}', /not a draw.io file/],
      ['<mxfile></mxfile>', /no pages/],
      ['<mxfile><diagram name="x"></diagram></mxfile>', /first page is empty/],
      ['<mxfile><diagram>%%%not base64%%%</diagram></mxfile>', /could not be unpacked/],
      ['<mxGraphModel><root><mxCell id="0"/></root></mxGraphModel>', /no labelled shapes/],
    ] as const) {
      const result = drawioToDesign(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.errors.join(' ')).toMatch(message);
    }
  });

  it('never throws on arbitrary or mangled input', () => {
    const base = fixture('three-tier.drawio');
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat(base.length), fc.nat(200), (junk, at, cut) => {
        for (const text of [junk, `<mxfile>${junk}`, base.slice(0, at) + junk + base.slice(at + cut)]) {
          const result = drawioToDesign(text);
          if (result.ok) expect(checkDesign(result.design)).toEqual([]);
          else expect(result.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Excalidraw import', () => {
  it('reads shapes with their text, frames, and bound arrows (dashed ones async) into a design that solves', () => {
    const result = excalidrawToDesign(fixture('three-tier.excalidraw'), 'feed');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.design;
    expect(d.nodes.map((n) => n.label).sort()).toEqual(['Feed service', 'Mobile app', 'MongoDB', 'Redis']);
    expect(byLabel(d, 'Redis').kind).toBe('cache');
    expect(byLabel(d, 'MongoDB').kind).toBe('nosql');
    expect(byLabel(d, 'Mobile app').kind).toBe('client');
    const zone = d.groups.find((g) => g.label === 'Zone a')!;
    expect(d.nodes.filter((n) => n.groupId === zone.id).map((n) => n.label).sort()).toEqual(['Feed service', 'MongoDB', 'Redis']);
    expect(edge(d, 'Feed service', 'Redis')?.share).toBeCloseTo(0.9);
    expect(edge(d, 'Feed service', 'MongoDB')?.mode).toBe('async');
    expect(d.nodes.some((n) => n.label === 'Deleted box')).toBe(false);
    expect(result.notes.join(' ')).toMatch(/1 text not inside a shape/);
    expect(result.notes.join(' ')).toMatch(/1 arrow not attached/);
    expect(checkDesign(d)).toEqual([]);
    expect(noOverlaps(d)).toBe(true);
    expect(solveDesign(d).ok).toBe(true);
  });

  it('says what is wrong with files that are not Excalidraw drawings', () => {
    for (const [text, message] of [
      ['not json', /not valid JSON/],
      ['{"type":"excalidraw"}', /not an Excalidraw file/],
      ['[1,2,3]', /not an Excalidraw file/],
      ['{"type":"excalidraw","elements":[{"type":"rectangle","id":"a"}]}', /no labelled shapes/],
    ] as const) {
      const result = excalidrawToDesign(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.errors.join(' ')).toMatch(message);
    }
  });

  it('never throws on arbitrary elements', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 20 }), (elements) => {
        const result = excalidrawToDesign(JSON.stringify({ type: 'excalidraw', elements }));
        if (result.ok) expect(checkDesign(result.design)).toEqual([]);
        else expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

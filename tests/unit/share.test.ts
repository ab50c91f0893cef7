import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeShareFragment, encodeShareFragment, MAX_LINK_CHARS } from '../../src/app/share';
import { exampleDesign } from '../../src/model/example';

describe('share links', () => {
  it('encode and decode give back the same design', () => {
    const d = exampleDesign();
    const r = decodeShareFragment(encodeShareFragment(d));
    expect(r?.ok).toBe(true);
    if (r?.ok) expect(r.design).toEqual(d);
  });

  it('a fragment without a design is not a share link', () => {
    expect(decodeShareFragment('')).toBeNull();
    expect(decodeShareFragment('#section-2')).toBeNull();
  });

  it('a damaged link says so', () => {
    const r = decodeShareFragment('#design=%%%not-lz');
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.errors[0]).toMatch(/damaged|does not hold a valid design/);
  });

  it('a cut-off link is refused, not half-loaded', () => {
    const frag = encodeShareFragment(exampleDesign());
    const r = decodeShareFragment(frag.slice(0, Math.floor(frag.length / 2)));
    expect(r?.ok).toBe(false);
  });

  it('a link holding something that is not a design is refused with the reason', () => {
    const r = decodeShareFragment(`#design=${compressToEncodedURIComponent(JSON.stringify({ version: 2, format: 'archlab-design', design: { id: 'x' } }))}`);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.errors.length).toBeGreaterThan(1);
  });

  it('an oversized link is refused before decoding', () => {
    const r = decodeShareFragment(`#design=${'A'.repeat(MAX_LINK_CHARS + 1)}`);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.errors[0]).toMatch(/too long/);
  });
});

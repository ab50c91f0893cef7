import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressUriSafeBounded } from '../../src/model/lz-bounded';
import { MAX_DECOMPRESSED_CHARS } from '../../src/model/link-codec';
import { decodeShareFragment } from '../../src/app/share';
import { inflatingPayload, repeatedCharPayload } from './helpers/lz-bomb';

describe('bounded share-link decoding', () => {
  it('gives back exactly what lz-string compressed, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', 'b', '{', '"', ':') , maxLength: 2000 })), (text) => {
        const decoded = decompressUriSafeBounded(compressToEncodedURIComponent(text), MAX_DECOMPRESSED_CHARS);
        expect(decoded).toEqual({ ok: true, text });
      }),
    );
  });

  it('stops as soon as the output passes the limit, having read only the start of the link', () => {
    const bomb = inflatingPayload(190_000);
    expect(bomb.length).toBeGreaterThanOrEqual(190_000);
    const decoded = decompressUriSafeBounded(bomb, MAX_DECOMPRESSED_CHARS);
    expect(decoded.ok).toBe(false);
    if (decoded.ok || decoded.reason !== 'too-large') throw new Error(`expected too-large, got ${JSON.stringify(decoded)}`);
    // The output passes ten million characters after about 4,500 runs of 13-bit codes: some 10k link characters.
    expect(decoded.consumed).toBeLessThan(20_000);
  });

  it('accepts output right up to the limit and refuses one character more', () => {
    expect(decompressUriSafeBounded(repeatedCharPayload(5000), 5000)).toEqual({ ok: true, text: 'a'.repeat(5000) });
    expect(decompressUriSafeBounded(repeatedCharPayload(5001), 5000)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('calls damaged what is cut off, outside the alphabet, or names an entry not yet made', () => {
    const good = compressToEncodedURIComponent('{"hello":"world","hello2":"world"}');
    for (const bad of ['', good.slice(0, good.length - 3), `${good.slice(0, 5)}!${good.slice(6)}`, 'é' + good, '$$$$$$$$']) {
      expect(decompressUriSafeBounded(bad, MAX_DECOMPRESSED_CHARS), JSON.stringify(bad)).toEqual({ ok: false, reason: 'damaged' });
    }
  });

  it('a design link that inflates past the limit is refused with the limit in the message', () => {
    const r = decodeShareFragment(`#design=${inflatingPayload(190_000)}`);
    expect(r).toEqual({ ok: false, errors: [expect.stringContaining('more than 10,000,000 characters')] });
  });
});

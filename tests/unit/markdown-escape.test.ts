// Scenario and learner text in the Markdown report can never make markup of its own: no line
// break of any kind survives (a lone CR used to, and with it headings, lists and code fences).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/scenarios/modes/critique/report';

const BREAKS = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f'];
const STARTS = ['# heading', '```js', '~~~', '- item', '+ item', '1. item', '3) item', '> quote', '=====', '<script>x</script>', '| a | b |', '![x](y)'];

describe('markdown escaping', () => {
  it('turns every kind of line break into a space', () => {
    for (const br of BREAKS) expect(markdownText(`one${br}# two`), JSON.stringify(br)).toBe('one \\# two');
  });

  it('escapes what would start a block when the text comes first on a line', () => {
    expect(STARTS.map(markdownText)).toEqual([
      '\\# heading',
      '\\`\\`\\`js',
      '\\~\\~\\~',
      '\\- item',
      '\\+ item',
      '1\\. item',
      '3\\) item',
      '\\> quote',
      '\\=====',
      '\\<script\\>x\\</script\\>',
      '\\| a \\| b \\|',
      '!\\[x\\](y)',
    ]);
  });

  it('for any text: one line, and no unescaped markup character', () => {
    const pieces = fc.constantFrom(...BREAKS, ...STARTS, ' ', 'word', '*', '_', '`', '\\', '  ', '\t');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), (parts) => {
        const out = markdownText(parts.join(''));
        expect(out).not.toMatch(/[\n\r\u2028\u2029\u0085\v\f]/);
        // Every markup character is preceded by an odd run of backslashes (it is escaped).
        for (const m of out.matchAll(/(\\*)([`*_[\]<>|#~])/g)) expect(m[1]!.length % 2, out).toBe(1);
        expect(out).not.toMatch(/^([-+=]|\d+[.)])/);
      }),
    );
  });
});

// A bounded reader for lz-string's URI-safe encoding (what share links carry). lz-string's own
// decompressor builds the whole output before anyone can look at its size, so a short crafted
// link (each code one character longer than the last) inflates to gigabytes and freezes the tab.
// This one counts characters as it produces them and stops the moment the output passes the
// limit, so the work done is at most about the limit, whatever the link.
//
// The format, as lz-string writes it: the text is a stream of 6-bit symbols (the alphabet below),
// read from the most significant bit down; numbers are assembled from those bits least significant
// first. Codes 0 and 1 bring a new 8- or 16-bit character into the dictionary, 2 ends the stream,
// and any other code names a dictionary entry. Each code read adds one entry (the previous piece
// plus the first character of this one), and the code width grows by a bit whenever the
// dictionary outgrows it.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const SYMBOL_BITS = 6;
const SYMBOL_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SYMBOL_VALUE[ALPHABET.charCodeAt(i)] = i;

const CODE_CHAR8 = 0;
const CODE_CHAR16 = 1;
const CODE_END = 2;
const FIRST_ENTRY = 3;

export type BoundedText =
  | { ok: true; text: string }
  /** consumed: how many characters of the input were read before the decoder stopped. */
  | { ok: false; reason: 'too-large'; consumed: number }
  | { ok: false; reason: 'damaged' };

class BitReader {
  private index = 0;
  private symbol = 0;
  private mask = 0;
  /** Set once the input ran out or held a character outside the alphabet. */
  failed = false;

  constructor(private readonly input: string) {}

  get consumed(): number {
    return this.index;
  }

  read(count: number): number {
    let value = 0;
    let weight = 1;
    for (let i = 0; i < count; i++) {
      if (this.mask === 0) {
        if (this.index >= this.input.length) {
          this.failed = true;
          return 0;
        }
        const code = this.input.charCodeAt(this.index++);
        // Some programs turn "+" into a space when they pass a link on.
        const symbol = code === 32 ? SYMBOL_VALUE[43]! : code < 128 ? SYMBOL_VALUE[code]! : -1;
        if (symbol < 0) {
          this.failed = true;
          return 0;
        }
        this.symbol = symbol;
        this.mask = 1 << (SYMBOL_BITS - 1);
      }
      if (this.symbol & this.mask) value += weight;
      this.mask >>= 1;
      weight *= 2;
    }
    return value;
  }
}

/** The text in an lz-string URI-safe payload, refused as soon as it passes maxChars characters. */
export function decompressUriSafeBounded(input: string, maxChars: number): BoundedText {
  if (input.length === 0) return { ok: false, reason: 'damaged' };
  const bits = new BitReader(input);
  const dictionary: string[] = [];
  let width = 2;
  let enlargeIn = 4; // entries left before the code width grows (lz-string starts the dictionary at 4)
  const readLiteral = (code: number): string | null => {
    if (code === CODE_CHAR8) return String.fromCharCode(bits.read(8));
    if (code === CODE_CHAR16) return String.fromCharCode(bits.read(16));
    return null;
  };
  const grow = () => {
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** width;
      width++;
    }
  };

  const first = bits.read(width);
  if (first === CODE_END && !bits.failed) return { ok: true, text: '' };
  const firstChar = readLiteral(first);
  if (firstChar === null || bits.failed) return { ok: false, reason: 'damaged' };
  dictionary[FIRST_ENTRY] = firstChar;
  width = 3;
  let previous = firstChar;
  const parts: string[] = [firstChar];
  let length = firstChar.length;

  for (;;) {
    let code = bits.read(width);
    if (bits.failed) return { ok: false, reason: 'damaged' };
    if (code === CODE_END) return { ok: true, text: parts.join('') };
    const literal = readLiteral(code);
    if (literal !== null) {
      if (bits.failed) return { ok: false, reason: 'damaged' };
      code = dictionary.length;
      dictionary.push(literal);
      grow();
    }
    let entry = dictionary[code];
    if (entry === undefined) {
      // The one code not yet in the dictionary that may appear: the entry this step is about to add.
      if (code !== dictionary.length) return { ok: false, reason: 'damaged' };
      entry = previous + previous.charAt(0);
    }
    length += entry.length;
    if (length > maxChars) return { ok: false, reason: 'too-large', consumed: bits.consumed };
    parts.push(entry);
    dictionary.push(previous + entry.charAt(0));
    grow();
    previous = entry;
  }
}

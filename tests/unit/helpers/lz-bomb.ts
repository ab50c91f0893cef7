// Share-link payloads built bit by bit, for tests of the bounded decoder (src/model/lz-bounded.ts).

/**
 * What compressToEncodedURIComponent('a'.repeat(n)) returns, written directly: the library's own
 * compressor takes minutes on ten million characters. LZ-string's stream for one repeated
 * character is the literal "a", then the codes of ever longer runs (code k + 2 for k characters),
 * the last run, and the end-of-stream code, each in the growing bit width the library uses.
 */
export function repeatedCharPayload(n: number, maxPayloadChars = Infinity): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  const out: string[] = [];
  let word = 0;
  let position = 0;
  const write = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      word = (word << 1) | (value & 1);
      value >>= 1;
      if (position === 5) {
        out.push(alphabet[word]!);
        word = 0;
        position = 0;
      } else position++;
    }
  };
  let numBits = 2;
  let enlargeIn = 2;
  const grow = () => {
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };
  for (let remaining = n, run = 1; remaining > 0 && out.length < maxPayloadChars - 4; run++) {
    const length = Math.min(run, remaining);
    if (run === 1) {
      write(0, numBits);
      write('a'.charCodeAt(0), 8);
      grow();
    } else write(length === 1 ? 3 : length + 2, numBits);
    grow();
    remaining -= length;
  }
  write(2, numBits);
  write(0, 6 - position);
  return out.join('');
}

/** A share-link payload of about `chars` characters that inflates to over a billion characters. */
export function inflatingPayload(chars: number): string {
  return repeatedCharPayload(Number.MAX_SAFE_INTEGER, chars);
}

// Share links carry data in the URL fragment, compressed with lz-string: designs (#design=) and
// scenarios (#scenario=) alike. The fragment never reaches a server. This reads and writes the
// fragment; each kind of link says in its own words what went wrong.
// lz-string is CommonJS: Node's ES modules (the CLI) only give it a default export.
import LZString from 'lz-string';

/** 200k characters: about the most a browser address bar handles reliably (Chromium allows 2 MB, others less). */
export const MAX_LINK_CHARS = 200_000;
/** 10 MB once decompressed: a guard against a small link that inflates into something huge. */
export const MAX_DECOMPRESSED_CHARS = 10_000_000;

export function encodeFragment(param: string, data: unknown): string {
  return `#${param}=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;
}

export type FragmentText = { ok: true; text: string } | { ok: false; reason: 'too-long'; length: number } | { ok: false; reason: 'damaged' | 'too-large' };

/** The decompressed text after "#param=", or why there is none; null when the fragment is not this kind of link. */
export function readFragment(hash: string, param: string): FragmentText | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${param}=`;
  if (!body.startsWith(prefix)) return null;
  let payload = body.slice(prefix.length);
  // Some mail and chat programs escape "+" and "$", which lz-string uses; its alphabet has no "%", so undoing that is safe.
  if (payload.includes('%')) {
    try {
      payload = decodeURIComponent(payload);
    } catch {
      // Left as it is: decoding below reports the link as damaged.
    }
  }
  if (payload.length > MAX_LINK_CHARS) return { ok: false, reason: 'too-long', length: payload.length };
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, reason: 'damaged' };
  if (text.length > MAX_DECOMPRESSED_CHARS) return { ok: false, reason: 'too-large' };
  return { ok: true, text };
}

// Share links carry data in the URL fragment, compressed with lz-string: designs (#design=) and
// scenarios (#scenario=) alike. The fragment never reaches a server. This reads and writes the
// fragment and says, for each kind of link, what went wrong.
// lz-string is CommonJS: Node's ES modules (the CLI) only give it a default export.
import LZString from 'lz-string';
import { decompressUriSafeBounded } from './lz-bounded';

/** 200k characters: about the most a browser address bar handles reliably (Chromium allows 2 MB, others less). */
export const MAX_LINK_CHARS = 200_000;
/** 10 million characters (about 10 MB) once decompressed: a guard against a small link that inflates into something huge. */
export const MAX_DECOMPRESSED_CHARS = 10_000_000;

/** The fragment's parameter for each kind of link: "#design=...", "#scenario=...". */
export const LINK_PARAMS = { design: 'design', scenario: 'scenario' } as const;

/** The same link given to the other door: "#scenario=X" for "#design=X", so a link handed to the wrong one can be opened by the right one. */
export function relink(hash: string, to: keyof typeof LINK_PARAMS): string {
  return hash.replace(/^#?[a-z]+=/, `#${LINK_PARAMS[to]}=`);
}

export function encodeFragment(param: string, data: unknown): string {
  return `#${param}=${LZString.compressToEncodedURIComponent(JSON.stringify(data))}`;
}

export type FragmentText = { ok: true; text: string } | { ok: false; reason: 'too-long'; length: number } | { ok: false; reason: 'damaged' | 'too-large' };

/** Why a link of this kind (a "design", a "scenario") was refused, in the reader's words; `instead` says what to ask for. */
export function fragmentProblem(read: Exclude<FragmentText, { ok: true }>, noun: string, instead: string): string {
  if (read.reason === 'too-long') {
    return `This ${noun} link is too long (${read.length.toLocaleString('en')} characters; the limit is ${MAX_LINK_CHARS.toLocaleString('en')}). ${instead}`;
  }
  if (read.reason === 'too-large') {
    return `This ${noun} link unpacks to more than ${MAX_DECOMPRESSED_CHARS.toLocaleString('en')} characters (about 10 MB), the most ArchLab opens from a link; it was refused unread. ${instead}`;
  }
  return `This ${noun} link is damaged: it could not be decoded. It may have been cut off when it was copied.`;
}

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
  // Decoded with a limit as it goes: lz-string's own decoder would inflate the whole payload first.
  const decoded = decompressUriSafeBounded(payload, MAX_DECOMPRESSED_CHARS);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  if (!decoded.text) return { ok: false, reason: 'damaged' };
  return { ok: true, text: decoded.text };
}

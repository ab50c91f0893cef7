// Share links carry the whole design in the URL fragment, compressed with lz-string.
// The fragment never reaches a server; a bad or oversized link is refused with a message.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { parseDesignFile, serializeDesign, type ParseResult } from '../model/file';
import type { Design } from '../model/types';

export const SHARE_PARAM = 'design';
/** 200k characters: about the most a browser address bar handles reliably (Chromium allows 2 MB, others less). */
export const MAX_LINK_CHARS = 200_000;
/** 10 MB once decompressed: a guard against a small link that inflates into something huge. */
const MAX_DECOMPRESSED_CHARS = 10_000_000;

export function encodeShareFragment(design: Design): string {
  return `#${SHARE_PARAM}=${compressToEncodedURIComponent(JSON.stringify(JSON.parse(serializeDesign(design))))}`;
}

export function shareLink(design: Design, base: string): string {
  return `${base.split('#')[0]}${encodeShareFragment(design)}`;
}

/** null when the fragment holds no shared design at all. */
export function decodeShareFragment(hash: string): ParseResult | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SHARE_PARAM}=`;
  if (!body.startsWith(prefix)) return null;
  const payload = body.slice(prefix.length);
  if (payload.length > MAX_LINK_CHARS) {
    return { ok: false, errors: [`This share link is too long (${payload.length.toLocaleString('en')} characters; the limit is ${MAX_LINK_CHARS.toLocaleString('en')}). Ask for the design as a file instead.`] };
  }
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, errors: ['This share link is damaged: it could not be decoded. It may have been cut off when it was copied.'] };
  if (text.length > MAX_DECOMPRESSED_CHARS) return { ok: false, errors: ['This share link holds a design too large to open (over 10 MB).'] };
  const parsed = parseDesignFile(text);
  if (!parsed.ok) return { ok: false, errors: ['This share link does not hold a valid design.', ...parsed.errors] };
  return parsed;
}

// Share links for designs: the whole design in the URL fragment (see model/link-codec.ts).
// A bad or oversized link is refused with a message; nothing the learner has is touched.
import { parseDesignFile, serializeDesign, type ParseResult } from '../model/file';
import { encodeFragment, fragmentProblem, MAX_LINK_CHARS, readFragment } from '../model/link-codec';
import type { Design } from '../model/types';

export const SHARE_PARAM = 'design';
export { MAX_LINK_CHARS };

export function encodeShareFragment(design: Design): string {
  return encodeFragment(SHARE_PARAM, JSON.parse(serializeDesign(design)));
}

export function shareLink(design: Design, base: string): string {
  return `${base.split('#')[0]}${encodeShareFragment(design)}`;
}

/** null when the fragment holds no shared design at all. */
export function decodeShareFragment(hash: string): ParseResult | null {
  const read = readFragment(hash, SHARE_PARAM);
  if (!read) return null;
  if (!read.ok) return { ok: false, errors: [fragmentProblem(read, 'share', 'Ask for the design as a file instead.')] };
  const parsed = parseDesignFile(read.text);
  if (!parsed.ok) return { ok: false, errors: ['This share link does not hold a valid design.', ...parsed.errors] };
  return parsed;
}

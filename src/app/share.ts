// Share links for designs: the whole design in the URL fragment (see model/link-codec.ts).
// A bad or oversized link is refused with a message; nothing the learner has is touched.
import { parseDesignFile, serializeDesign, type ParseResult } from '../model/file';
import { encodeFragment, fragmentProblem, LINK_PARAMS, MAX_LINK_CHARS, readFragment, relink } from '../model/link-codec';
import type { Design } from '../model/types';
import { describeFound, kindOfData } from '../model/file-kind';

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export const SHARE_PARAM = LINK_PARAMS.design;
export { MAX_LINK_CHARS };

export function encodeShareFragment(design: Design): string {
  return encodeFragment(SHARE_PARAM, JSON.parse(serializeDesign(design)));
}

export function shareLink(design: Design, base: string): string {
  return `${base.split('#')[0]}${encodeShareFragment(design)}`;
}

/** A refused link that holds a scenario carries `scenarioHash`: the fragment that opens it as a scenario. */
export type SharedDesign = ParseResult | { ok: false; errors: string[]; scenarioHash: string };

/** null when the fragment holds no shared design at all. */
export function decodeShareFragment(hash: string): SharedDesign | null {
  const read = readFragment(hash, SHARE_PARAM);
  if (!read) return null;
  if (!read.ok) return { ok: false, errors: [fragmentProblem(read, 'share', 'Ask for the design as a file instead.')] };
  const parsed = parseDesignFile(read.text);
  const found = parsed.ok ? null : kindOfData(parseOrNull(read.text));
  if (found?.kind === 'scenario') {
    return {
      ok: false,
      errors: [`This is a link to a scenario, not to a design: it holds ${describeFound(found)}. Open it as a scenario to work through it.`],
      scenarioHash: relink(hash, 'scenario'),
    };
  }
  if (!parsed.ok) return { ok: false, errors: ['This share link does not hold a valid design.', ...parsed.errors] };
  return parsed;
}

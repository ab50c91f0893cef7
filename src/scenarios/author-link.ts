// Share links for scenarios: the whole scenario in the URL fragment, compressed with lz-string,
// like design share links (src/app/share.ts). The fragment never reaches a server; a link that is
// damaged, too long or not a scenario is refused with a message, and nothing in it is ever
// treated as HTML.
// lz-string is CommonJS: Node's ES modules (the CLI imports this module through the index) only give it a default export.
import LZString from 'lz-string';
import { compactScenarioFile, scenarioToFile } from './author-file';
import { problemsInWords } from './author-problems';
import { parseScenarioObject } from './parse';
import type { ScenarioFile } from './schema';
import type { Scenario } from './types';

export const SCENARIO_LINK_PARAM = 'scenario';
/** 200k characters: about the most a browser address bar handles reliably (Chromium allows 2 MB, others less). */
export const MAX_SCENARIO_LINK_CHARS = 200_000;
/** 10 MB once decompressed: a guard against a small link that inflates into something huge. */
const MAX_DECOMPRESSED_CHARS = 10_000_000;

export type DecodedScenarioLink = { ok: true; scenario: Scenario; file: ScenarioFile } | { ok: false; problems: string[] };

/** "#scenario=..." for the end of the app's address. */
export function encodeScenarioLink(file: ScenarioFile): string {
  return `#${SCENARIO_LINK_PARAM}=${LZString.compressToEncodedURIComponent(JSON.stringify(compactScenarioFile(file)))}`;
}

const refused = (...problems: string[]): DecodedScenarioLink => ({ ok: false, problems });

/** null when the fragment holds no scenario at all (it may hold a design, or nothing). */
export function decodeScenarioLink(hash: string): DecodedScenarioLink | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${SCENARIO_LINK_PARAM}=`;
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
  if (payload.length > MAX_SCENARIO_LINK_CHARS) {
    return refused(
      `This scenario link is too long (${payload.length.toLocaleString('en')} characters; the limit is ${MAX_SCENARIO_LINK_CHARS.toLocaleString('en')}). Ask for the scenario as a YAML file instead.`,
    );
  }
  const damaged = 'This scenario link is damaged: it could not be decoded. It may have been cut off when it was copied.';
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return refused(damaged);
  if (text.length > MAX_DECOMPRESSED_CHARS) return refused('This scenario link holds a scenario too large to open (over 10 MB).');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refused(damaged);
  }
  const parsed = parseScenarioObject(data);
  if (!parsed.ok) return refused('This link does not hold a scenario ArchLab can open:', ...problemsInWords(parsed.issues, data));
  return { ok: true, scenario: parsed.scenario, file: scenarioToFile(parsed.scenario) };
}

// Share links for scenarios: the whole scenario in the URL fragment, compressed with lz-string,
// like design share links (src/app/share.ts). The fragment never reaches a server; a link that is
// damaged, too long or not a scenario is refused with a message, and nothing in it is ever
// treated as HTML.
import { encodeFragment, fragmentProblem, MAX_LINK_CHARS, readFragment } from '../model/link-codec';
import { jsonTooDeep, nestingMessage } from '../model/nesting';
import { compactScenarioFile, scenarioToFile } from './author-file';
import { problemsInWords } from './author-problems';
import { parseScenarioObject } from './parse';
import type { ScenarioFile } from './schema';
import type { Scenario } from './types';

export const SCENARIO_LINK_PARAM = 'scenario';
export const MAX_SCENARIO_LINK_CHARS = MAX_LINK_CHARS;

export type DecodedScenarioLink = { ok: true; scenario: Scenario; file: ScenarioFile } | { ok: false; problems: string[] };

/** "#scenario=..." for the end of the app's address. */
export function encodeScenarioLink(file: ScenarioFile): string {
  return encodeFragment(SCENARIO_LINK_PARAM, compactScenarioFile(file));
}

const refused = (...problems: string[]): DecodedScenarioLink => ({ ok: false, problems });
const DAMAGED = fragmentProblem({ ok: false, reason: 'damaged' }, 'scenario', '');

/** null when the fragment holds no scenario at all (it may hold a design, or nothing). */
export function decodeScenarioLink(hash: string): DecodedScenarioLink | null {
  const read = readFragment(hash, SCENARIO_LINK_PARAM);
  if (!read) return null;
  if (!read.ok) return refused(fragmentProblem(read, 'scenario', 'Ask for the scenario as a YAML file instead.'));
  const deep = jsonTooDeep(read.text);
  if (deep) return refused(nestingMessage(deep, 'link'));
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    return refused(DAMAGED);
  }
  const parsed = parseScenarioObject(data);
  if (!parsed.ok) return refused('This link does not hold a scenario ArchLab can open:', ...problemsInWords(parsed.issues, data));
  return { ok: true, scenario: parsed.scenario, file: scenarioToFile(parsed.scenario) };
}

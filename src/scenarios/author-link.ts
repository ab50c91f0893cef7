// Share links for scenarios: the whole scenario in the URL fragment, compressed with lz-string,
// like design share links (src/app/share.ts). The fragment never reaches a server; a link that is
// damaged, too long or not a scenario is refused with a message, and nothing in it is ever
// treated as HTML.
import { encodeFragment, fragmentProblem, LINK_PARAMS, MAX_LINK_CHARS, readFragment, relink } from '../model/link-codec';
import { jsonTooDeep, nestingMessage } from '../model/nesting';
import { describeFound, kindOfData } from '../model/file-kind';
import { compactScenarioFile, scenarioToFile } from './author-file';
import { problemsInWords } from './author-problems';
import { parseScenarioObject } from './parse';
import type { ScenarioFile } from './schema';
import type { Scenario } from './types';

export const SCENARIO_LINK_PARAM = LINK_PARAMS.scenario;
export const MAX_SCENARIO_LINK_CHARS = MAX_LINK_CHARS;

/** A refused link given a design has `designHash`: the fragment that opens it as a design. */
export type DecodedScenarioLink = { ok: true; scenario: Scenario; file: ScenarioFile } | { ok: false; problems: string[]; designHash?: string };

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
  const found = parsed.ok ? null : kindOfData(data);
  if (found?.kind === 'design') {
    return {
      ok: false,
      problems: [`This is a link to a design, not to a scenario: it holds ${describeFound(found)}. Open it as a design to get your own copy of it.`],
      designHash: relink(hash, 'design'),
    };
  }
  if (!parsed.ok) return refused('This link does not hold a scenario ArchLab can open:', ...problemsInWords(parsed.issues, data));
  return { ok: true, scenario: parsed.scenario, file: scenarioToFile(parsed.scenario) };
}

// A scenario file written as YAML the way the bundled ones are: the editor modeline on top,
// block style for the structure, small maps (positions, sizes, settings) and each connection,
// failure and workload step on one line, the story as a | block. Loading the text gives the same
// scenario as the file it was written from.
import { Document, isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { compactScenarioFile } from './author-file';
import type { ScenarioFile } from './schema';

export const SCHEMA_MODELINE = '# yaml-language-server: $schema=../public/schema/scenario.schema.json';

/** Maps written on one line wherever they occur. */
const FLOW_MAPS = new Set(['position', 'size', 'params', 'rps', 'labels', 'answer', 'resilience']);
/** Lists whose items are each written on one line. */
const ONE_LINE_ITEMS = new Set(['edges', 'failures', 'overTime', 'patch']);
/** Lists of long text, one item a line even though each item is a single value. */
const TEXT_LISTS = new Set(['hints']);
/** Text written as a | block, line breaks kept. */
const LITERAL_TEXT = new Set(['story', 'takeaway']);
/** Text folded over several lines when long (>- block). */
const FOLDED_TEXT = new Set(['explanation']);
/** Top-level sections set off by a blank line. */
const SPACED_SECTIONS = new Set(['story', 'hints', 'requirements', 'workload', 'failures', 'checks', 'design', 'solution', 'designB', 'questions', 'key', 'takeaway']);

/** chars; lines are folded at about this width, like the bundled files. */
const LINE_WIDTH = 100;
const FOLD_FROM_CHARS = 80;

/** Control characters other than tab and newline cannot stand in a block scalar, and blank text would read back empty. */
function blockSafe(text: string): boolean {
  if (text.trim() === '') return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f) || code === 0xfeff) return false;
  }
  return true;
}

function keyOf(pair: unknown): string | null {
  return isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : null;
}

/** Patch steps that add a component or zone are written over two lines: the step, then the new thing on one line. */
function isAddStep(node: unknown): boolean {
  return isMap(node) && node.items.some((p) => keyOf(p) === 'op' && isScalar(p.value) && (p.value.value === 'add-node' || p.value.value === 'add-group'));
}

function style(node: unknown, key: string | null): void {
  if (isScalar(node)) {
    if (typeof node.value !== 'string') return;
    // Escapes keep such text exact; left to itself the writer can pick a block that reads back different.
    if (!blockSafe(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    else if (key !== null && LITERAL_TEXT.has(key)) node.type = Scalar.BLOCK_LITERAL;
    else if (key !== null && FOLDED_TEXT.has(key) && node.value.length > FOLD_FROM_CHARS) node.type = Scalar.BLOCK_FOLDED;
  } else if (isMap(node)) {
    if (key !== null && FLOW_MAPS.has(key)) node.flow = true;
    for (const pair of node.items) style(pair.value, keyOf(pair));
  } else if (isSeq(node)) {
    const allScalars = node.items.every((item) => isScalar(item));
    if (allScalars && !(key !== null && TEXT_LISTS.has(key))) node.flow = true;
    for (const item of node.items) {
      if (key !== null && ONE_LINE_ITEMS.has(key) && isMap(item)) {
        if (!isAddStep(item)) item.flow = true;
        else for (const pair of item.items) if (isMap(pair.value)) pair.value.flow = true;
      }
      style(item, null);
    }
  }
}

/** Readable YAML that loads back to the same scenario. */
export function scenarioToYaml(file: ScenarioFile): string {
  // Repeated objects are written out each time rather than as YAML anchors and aliases.
  const doc = new Document(compactScenarioFile(file), { aliasDuplicateObjects: false });
  const root = doc.contents as Node | null;
  if (isMap(root)) {
    for (const pair of root.items) {
      const key = keyOf(pair);
      if (key !== null && SPACED_SECTIONS.has(key) && isScalar(pair.key)) pair.key.spaceBefore = true;
      style(pair.value, key);
    }
  }
  return `${SCHEMA_MODELINE}\n${doc.toString({ lineWidth: LINE_WIDTH })}`;
}

// Reads YAML text and keeps the parsed document, so that any problem found later, at a path such
// as design.nodes[3].kind, can be shown at its line in the file.
import { nestingMessage, yamlTooDeep } from '../model/nesting';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export type PathKey = string | number;

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface YamlSource {
  /** The document as plain data (objects, arrays, strings, numbers, booleans, null). */
  value: unknown;
  /** Where the value at path is written; the nearest enclosing part that exists when the path goes further than the file. */
  locate(path: readonly PathKey[]): SourcePosition | null;
}

export interface YamlSyntaxProblem extends SourcePosition {
  message: string;
}

export type ReadYamlResult = { ok: true; source: YamlSource } | { ok: false; problems: YamlSyntaxProblem[] };

/** 2 MB of text: a hundred times the largest scenario, small enough not to hang a tab. */
const MAX_YAML_CHARS = 2_000_000;

type Range = readonly [number, number, number] | null | undefined;

function rangeOf(node: unknown): Range {
  return (node as { range?: Range } | null)?.range;
}

function locator(doc: Document, lines: LineCounter) {
  const at = (range: Range): SourcePosition | null => {
    if (!range) return null;
    const { line, col } = lines.linePos(range[0]);
    return { line, column: col };
  };
  return (path: readonly PathKey[]): SourcePosition | null => {
    let node: unknown = doc.contents;
    let best = at(rangeOf(node)) ?? { line: 1, column: 1 };
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        // Point at "key:" rather than at a nested block that starts on the next line.
        best = at(rangeOf(pair.key)) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item === undefined) break;
        best = at(rangeOf(item)) ?? best;
        node = item;
      } else {
        break;
      }
    }
    return best;
  };
}

/** The message without the "at line 3, column 5:" and code excerpt the yaml library appends, plus a likely cause. */
function shortMessage(message: string): string {
  const short = message.split(/ at line \d+, column \d+/)[0]!.trim();
  if (/Nested mappings are not allowed in compact mappings/.test(short)) {
    return `${short} (a colon followed by a space inside unquoted text starts a new "name: value"; put the text in quotes or use a | block)`;
  }
  return short;
}

export function readYaml(text: string): ReadYamlResult {
  if (text.length > MAX_YAML_CHARS) return { ok: false, problems: [{ line: 1, column: 1, message: 'The file is larger than 2 MB, too large to be a scenario.' }] };
  const deep = yamlTooDeep(text);
  if (deep) return { ok: false, problems: [{ line: deep.line, column: 1, message: nestingMessage(deep, 'file') }] };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        return { line: pos.line, column: pos.col, message: `YAML syntax: ${shortMessage(e.message)}` };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [{ line: 1, column: 1, message: `YAML: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return { ok: true, source: { value, locate: locator(doc, lines) } };
}

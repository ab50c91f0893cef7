// How deep a text nests lists and maps, measured in one pass before any parser sees it. Parsers
// recurse once per level: a file of a million "[" makes the YAML parser overflow its stack over
// and over (seconds, hundreds of MB) and keeps JSON.parse busy for seconds, for a file that cannot
// be a design or a scenario anyway (they nest about 8 levels).

/** 100 levels: ten times the deepest real design or scenario; the YAML parser overflows near 900. */
export const MAX_NESTING_DEPTH = 100;

export interface TooDeep {
  /** 1-based line where the limit is passed. */
  line: number;
  depth: number;
}

export function nestingMessage(found: TooDeep, what: string): string {
  return `The ${what} nests lists or maps more than ${MAX_NESTING_DEPTH} levels deep (by line ${found.line}), deeper than ArchLab reads; it was not opened.`;
}

/** JSON: brackets outside strings. */
export function jsonTooDeep(text: string, limit = MAX_NESTING_DEPTH): TooDeep | null {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return { line, depth };
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return null;
}

/**
 * YAML: flow brackets ([ {) counted as they open and close, and block levels from indentation
 * (each deeper indent, and each "- " that starts a list item inside a line, is one level). Brackets
 * in quoted or block text count too, so this errs towards calling a file deep; it takes a hundred
 * unclosed brackets in prose to be wrong.
 */
export function yamlTooDeep(text: string, limit = MAX_NESTING_DEPTH): TooDeep | null {
  let flow = 0;
  const blockColumns: number[] = [];
  let line = 1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let end = text.indexOf('\n', lineStart);
    if (end < 0) end = text.length;
    let column = lineStart;
    while (column < end && text.charCodeAt(column) === 32) column++;
    const blank = column === end || text.charCodeAt(column) === 35 || text.charCodeAt(column) === 13; // empty, comment
    if (!blank && flow === 0) {
      for (;;) {
        while (blockColumns.length > 0 && blockColumns[blockColumns.length - 1]! >= column - lineStart) blockColumns.pop();
        blockColumns.push(column - lineStart);
        if (blockColumns.length > limit) return { line, depth: blockColumns.length };
        // "- - x" nests a list in a list on one line.
        const next = text.charCodeAt(column + 1);
        if (text.charCodeAt(column) !== 45 || !(next === 32 || column + 1 === end)) break;
        column += 2;
        while (column < end && text.charCodeAt(column) === 32) column++;
        if (column >= end) break;
      }
    }
    for (let i = column; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 || c === 123) {
        if (++flow + blockColumns.length > limit) return { line, depth: flow + blockColumns.length };
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    line++;
    lineStart = end + 1;
  }
  return null;
}

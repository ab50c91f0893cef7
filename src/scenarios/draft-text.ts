// The authoring form's text made as a scenario file wants it: one-line fields, paragraphs as
// YAML's `|` keeps them, and lists without repeats. Shared by each mode's draft (modes/<mode>/draft.ts).

/** Text of one line: line breaks and runs of spaces become one space. */
export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text of several lines: Windows line breaks and trailing spaces gone, one newline at the end (as YAML's | keeps it). */
export function paragraphs(text: string): string {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/^\n+/, '')
    .trimEnd();
  return tidy === '' ? '' : `${tidy}\n`;
}

export const unique = <T>(items: readonly T[]) => [...new Set(items)];

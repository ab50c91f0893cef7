// An error the person at the terminal caused (bad file, bad flag): printed as one line, no stack.
import { readFileSync } from 'node:fs';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

export function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot read "${path}": no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read "${path}": it is a folder, not a file`);
    throw new CliError(`cannot read "${path}": ${code ?? (e instanceof Error ? e.message : String(e))}`);
  }
}

export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`"${path}" is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Several problems as one line: the first, then how many more. */
export function oneLine(problems: readonly string[]): string {
  const [first = 'unknown problem', ...rest] = problems;
  return rest.length === 0 ? first : `${first} (and ${rest.length} more problem${rest.length === 1 ? '' : 's'})`;
}

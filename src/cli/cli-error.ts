// Errors the person at the terminal caused (bad file, bad flag): printed as one line, no stack.
import { readFileSync } from 'node:fs';
import { CommanderError, type Command } from 'commander';

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

/**
 * Parses the command line; returns null to go on, or the exit code when commander has already
 * finished (0 after --help) or found a bad flag (one line on stderr, exit 2).
 */
export function parseCommandLine(program: Command, argv: string[]): number | null {
  program.exitOverride().configureOutput({ outputError: () => undefined });
  try {
    program.parse(argv);
    return null;
  } catch (e) {
    if (e instanceof CommanderError && e.exitCode === 0) return 0;
    return reportFailure(e instanceof CommanderError ? new CliError(e.message.replace(/^error: /, ''), 2) : e);
  }
}

/** One line on stderr for any failure; returns the exit code. */
export function reportFailure(e: unknown): number {
  if (e instanceof CliError) {
    process.stderr.write(`${e.message}\n`);
    return e.exitCode;
  }
  process.stderr.write(`unexpected failure: ${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

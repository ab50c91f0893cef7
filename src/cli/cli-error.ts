// Errors the person at the terminal caused (bad file, bad flag): printed as one line, no stack.
import { closeSync, openSync, readSync } from 'node:fs';
import { MAX_FILE_CHARS } from '../model/file';
import { CommanderError, type Command } from 'commander';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
  }
}

/** 20 MB: the largest design file ArchLab opens (model/file.ts); scenarios stop at 2 MB. */
export const MAX_INPUT_BYTES = MAX_FILE_CHARS;
const CHUNK_BYTES = 1 << 20; // 1 MiB reads

/**
 * The file's text, read a chunk at a time and given up once it passes maxBytes, so a huge file or
 * an endless stream (/dev/zero, a pipe) ends with a message instead of filling memory.
 */
export function readTextFile(path: string, maxBytes = MAX_INPUT_BYTES): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) {
        throw new CliError(`cannot read "${path}": it is larger than ${(maxBytes / 1e6).toLocaleString('en')} MB, the most ArchLab reads`);
      }
    }
    return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`cannot read "${path}": no such file`);
    if (code === 'EISDIR') throw new CliError(`cannot read "${path}": it is a folder, not a file`);
    throw new CliError(`cannot read "${path}": ${code ?? (e instanceof Error ? e.message : String(e))}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
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

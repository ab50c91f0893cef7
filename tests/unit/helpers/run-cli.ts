// Runs one of the CLIs (src/cli/<name>.ts) as the person at the terminal would, and keeps what it
// printed and its exit code whether it succeeded or not. The CLI runs in its own `node` process,
// from the bundle helpers/cli-bundle.ts compiled for this test run.
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import type { CLI_NAMES } from './cli-bundle';

const run = promisify(execFile);
export const ROOT = join(__dirname, '../../..');
/** Bytes of output kept from one CLI run: a simulation's JSON with series can run to megabytes. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

export type CliName = (typeof CLI_NAMES)[number];

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The node arguments that start `name`, as `npx tsx src/cli/<name>.ts` would. */
function cliArgs(name: CliName, args: readonly string[]): string[] {
  return [join(inject('cliBundleDir'), `${name}.mjs`), ...args];
}

export async function runCli(name: CliName, args: readonly string[]): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, cliArgs(name, args), { cwd: ROOT, maxBuffer: MAX_OUTPUT_BYTES });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failure = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

/** runCli, waiting for the process (for tests that run their CLI calls one after the other). */
export function runCliSync(name: CliName, args: readonly string[]): CliOutcome {
  const r = spawnSync(process.execPath, cliArgs(name, args), { cwd: ROOT, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** What the CLI printed on stdout; a non-zero exit fails the test with what it printed on stderr. */
export async function runCliOk(name: CliName, args: readonly string[]): Promise<string> {
  const outcome = await runCli(name, args);
  if (outcome.code !== 0) throw new Error(`${name} ${args.join(' ')} exited ${outcome.code}: ${outcome.stderr}`);
  return outcome.stdout;
}

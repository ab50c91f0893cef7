// Runs one of the CLIs (src/cli/<name>.ts) as the person at the terminal would, and keeps what it
// printed and its exit code whether it succeeded or not.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(__dirname, '../../..');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(script: string, args: string[]): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', `src/cli/${script}.ts`, ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failure = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

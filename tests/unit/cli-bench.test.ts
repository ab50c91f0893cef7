import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('bench --json', () => {
  it('prints one JSON object with the analytic solve timing (no assertion on the time itself)', async () => {
    const { stdout } = await run('npx', ['tsx', 'src/cli/bench.ts', '--json', '--only', 'analyticSolveMs1000'], { cwd: join(__dirname, '../..') });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['analyticSolveMs1000']);
    expect(result.analyticSolveMs1000).toBeTypeOf('number');
    expect(result.analyticSolveMs1000 as number).toBeGreaterThan(0);
  });
});

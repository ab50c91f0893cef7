import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('bench --json', () => {
  it('prints one JSON object with the analytic solve timings, warm and cold (no assertion on the times themselves)', async () => {
    const { stdout } = await run('npx', ['tsx', 'src/cli/bench.ts', '--json', '--only', 'analyticSolveMs1000'], { cwd: join(__dirname, '../..') });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['analyticSolveMs1000', 'analyticColdSolveMs1000']);
    for (const key of ['analyticSolveMs1000', 'analyticColdSolveMs1000']) {
      expect(result[key], key).toBeTypeOf('number');
      expect(result[key] as number, key).toBeGreaterThan(0);
    }
  });
});

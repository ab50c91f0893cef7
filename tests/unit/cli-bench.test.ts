import { describe, expect, it } from 'vitest';
import { runCliOk } from './helpers/run-cli';

describe('bench --json', () => {
  // --quick: one timed solve instead of 35 (the 1000-component solve takes seconds); the output is the same shape.
  it('prints one JSON object with the analytic solve timings, warm and cold, wall clock and CPU (no assertion on the times themselves)', async () => {
    const stdout = await runCliOk('bench', ['--json', '--quick', '--only', 'analyticSolveMs1000,analyticSolveMs30']);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    const keys = ['analyticSolveMs1000', 'analyticColdSolveMs1000', 'analyticSolveCpuMs1000', 'analyticSolveMs30', 'analyticColdSolveMs30', 'analyticSolveCpuMs30'];
    expect(Object.keys(result)).toEqual(keys);
    for (const key of keys) {
      expect(result[key], key).toBeTypeOf('number');
      expect(result[key] as number, key).toBeGreaterThan(0);
    }
  });
});

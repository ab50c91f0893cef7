import { describe, expect, it } from 'vitest';
import { runCliOk } from './helpers/run-cli';

describe('bench --json', () => {
  // --quick: one timed solve instead of 35 (the 1000-component solve takes seconds); the output is the same shape.
  it('prints one JSON object with the analytic solve timings, warm and cold (no assertion on the times themselves)', async () => {
    const stdout = await runCliOk('bench', ['--json', '--quick', '--only', 'analyticSolveMs1000']);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['analyticSolveMs1000', 'analyticColdSolveMs1000']);
    for (const key of ['analyticSolveMs1000', 'analyticColdSolveMs1000']) {
      expect(result[key], key).toBeTypeOf('number');
      expect(result[key] as number, key).toBeGreaterThan(0);
    }
  });
});

// Writes tests/fixtures/sim-guard-baseline.json: the design simulator's figures for the guard's
// cases (tests/unit/helpers/sim-guard.ts) from the engine as it is now, over seeds
// 1..BASELINE_REPLICATIONS. Run it before changing the engine, commit the file, then change the
// engine: tests/unit/sim-guard.test.ts fails when a figure moves beyond the noise.
//   npx tsx scripts/sim-guard-baseline.ts
// Regenerate only for a change meant to move figures (a fix in what the engine models), and
// say so in the commit; never to make the guard pass after a speed-up.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { BASELINE_REPLICATIONS, GUARD_CASES, caseFigures, caseKey } from '../tests/unit/helpers/sim-guard';

const out = join(import.meta.dirname, '../tests/fixtures/sim-guard-baseline.json');
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
const cases: Record<string, unknown> = {};
for (const c of GUARD_CASES) {
  cases[caseKey(c)] = caseFigures(c, BASELINE_REPLICATIONS, 1);
  process.stderr.write(`${caseKey(c)} done\n`);
}
writeFileSync(out, `${JSON.stringify({ engineCommit: commit, replications: BASELINE_REPLICATIONS, cases }, null, 1)}\n`);
process.stderr.write(`wrote ${out}\n`);

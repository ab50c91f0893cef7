// The design simulator's figures stay where they were before a change to the engine (a speed-up
// must not move them): every guard case, over fixed seeds, against the baseline that
// scripts/sim-guard-baseline.ts wrote from the engine before the change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUARD_CASES, TEST_BASE_SEED, TEST_REPLICATIONS, caseFigures, caseKey, guardDesign, shiftedFigures, type FigureSummary } from './helpers/sim-guard';
import type { Design } from '../../src/model/types';

interface Baseline {
  replications: number;
  cases: Record<string, Record<string, FigureSummary>>;
}

const baseline = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/sim-guard-baseline.json'), 'utf8')) as Baseline;

const RUN_TIMEOUT_MS = 300_000; // CPU-bound runs on a busy shared machine; the length comes from the work

describe('design simulator figures against the baseline', () => {
  it('has a baseline for every case, with figures in each', () => {
    for (const c of GUARD_CASES) expect(Object.keys(baseline.cases[caseKey(c)] ?? {}).length, caseKey(c)).toBeGreaterThan(20);
  });

  for (const c of GUARD_CASES) {
    it(`${caseKey(c)}: ${c.covers}`, () => {
      const shifts = shiftedFigures(baseline.cases[caseKey(c)]!, caseFigures(c, TEST_REPLICATIONS, TEST_BASE_SEED));
      expect(shifts).toEqual([]);
    }, RUN_TIMEOUT_MS);
  }

  it('notices a small change in what is modelled: the CDN answering 1 point fewer requests from its copy (segments store sent a fifth more)', () => {
    const c = GUARD_CASES.find((k) => k.scenario === 'video-streaming-cdn')!;
    const { design } = guardDesign(c);
    const cdn = design.nodes.find((n) => n.kind === 'cdn');
    expect(cdn?.params.hitRatio).toBeGreaterThan(0.01);
    const worseCdn = (d: Design): Design => ({ ...d, nodes: d.nodes.map((n) => (n.id === cdn!.id ? { ...n, params: { ...n.params, hitRatio: n.params.hitRatio! - 0.01 } } : n)) });
    const shifts = shiftedFigures(baseline.cases[caseKey(c)]!, caseFigures(c, TEST_REPLICATIONS, TEST_BASE_SEED, worseCdn));
    const misses = design.edges.find((e) => e.source === cdn!.id)!.target;
    expect(shifts.map((s) => s.figure)).toContain(`${misses} throughput rps`);
  }, RUN_TIMEOUT_MS);
});

// The simulator says how far its p99 can be trusted: a 95% interval from the order statistics,
// and a warning when the run is too short for a stable figure.
import { describe, expect, it } from 'vitest';
import { simulateDesign } from '../../src/engine/simulation';
import { solveDesign } from '../../src/engine/analytic';
import type { Design } from '../../src/model/types';

const design: Design = {
  id: 'p99',
  name: 'p99',
  groups: [],
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', params: { rps: 50 }, position: { x: 0, y: 0 } },
    { id: 'api', kind: 'service', label: 'API', params: { serviceMs: 10, serviceScv: 1, instances: 1, concurrency: 1, availability: 1, queueCapacity: 0 }, position: { x: 260, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'api', mode: 'sync', share: 1, callsPerRequest: 1 }],
};

describe('p99 with its interval', () => {
  const short = simulateDesign(design, { durationS: 12, warmupS: 2, seed: 3 });
  const long = simulateDesign(design, { durationS: 1210, warmupS: 10, seed: 3 });

  it('brackets the p99, and narrows as the run grows', () => {
    for (const r of [short, long]) {
      const s = r.components[0]!.summary;
      expect(s.p99LowMs!).toBeLessThanOrEqual(s.p99ResponseMs!);
      expect(s.p99HighMs!).toBeGreaterThanOrEqual(s.p99ResponseMs!);
    }
    const width = (r: typeof short) => r.components[0]!.summary.p99HighMs! - r.components[0]!.summary.p99LowMs!;
    expect(width(long)).toBeLessThan(width(short) / 3);
  });

  it('a long run is stable and its interval holds the exact M/M/1 p99; a short one says it is not', () => {
    const exact = solveDesign(design);
    if (!exact.ok) throw new Error('design does not solve');
    const p99 = exact.components.api!.p99ResponseMs!; // M/M/1 at 50%: exact sojourn quantile
    const s = long.components[0]!.summary;
    expect(s.p99Stable).toBe(true);
    expect(p99).toBeGreaterThanOrEqual(s.p99LowMs! * 0.99);
    expect(p99).toBeLessThanOrEqual(s.p99HighMs! * 1.01);
    expect(long.warnings.some((w) => w.includes('not yet stable'))).toBe(false);
    expect(short.overall.p99Stable).toBe(false);
    expect(short.warnings.some((w) => w.includes('not yet stable'))).toBe(true);
  });
});

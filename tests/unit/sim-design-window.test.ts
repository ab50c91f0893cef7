// Sent and succeeded are counted over the same window (issue 11 item 7): a request sent during
// the warm-up does not count as succeeded when it finishes after it.
import { describe, expect, it } from 'vitest';
import { simulateDesign } from '../../src/engine/simulation';
import type { Design } from '../../src/model/types';

// A slow service: each request takes 2 s exactly (deterministic), so those sent in the last 2 s of
// the warm-up finish inside the measured window, and those sent in its last 2 s do not finish.
const design: Design = {
  id: 'window',
  name: 'window',
  groups: [],
  nodes: [
    { id: 'c', kind: 'client', label: 'Client', params: { rps: 40 }, position: { x: 0, y: 0 } },
    { id: 's', kind: 'service', label: 'Slow', params: { instances: 1, concurrency: 100, serviceMs: 2000, serviceScv: 0 }, position: { x: 1, y: 0 } },
  ],
  edges: [{ id: 'e', source: 'c', target: 's', mode: 'sync', share: 1, callsPerRequest: 1 }],
};

describe('design simulation window', () => {
  it('never reports more requests finished than sent in the measured window', () => {
    for (const seed of [1, 2, 3]) {
      const { overall } = simulateDesign(design, { durationS: 12, warmupS: 6, seed });
      expect(overall.succeeded + overall.failed, `seed ${seed}`).toBeLessThanOrEqual(overall.sent);
      // Sent in the 6 s measured, finished: those sent in its first 4 s, about 40 x 4 = 160 (Poisson,
      // sd about 13). Counting warm-up sends that finish inside the window would give about 240.
      expect(overall.succeeded, `seed ${seed}`).toBeGreaterThan(120);
      expect(overall.succeeded, `seed ${seed}`).toBeLessThan(200);
    }
  });
});

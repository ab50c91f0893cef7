// The canvas cards' overlay from an analysis: the p99 carries the engine's "approximate" mark
// (≈ on the card) where the percentile is estimated, and not where it is exact.
import { describe, expect, it } from 'vitest';
import { analysisOverlay } from '../../src/canvas/overlay';
import type { Design } from '../../src/model/types';
import { analyse } from '../../src/workers/analysis';

const design = (api: Record<string, number>): Design => ({
  id: 'd',
  name: 'd',
  groups: [],
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', params: { rps: 200 }, position: { x: 0, y: 0 } },
    { id: 'api', kind: 'service', label: 'API', params: { serviceMs: 10, instances: 1, queueCapacity: 0, ...api }, position: { x: 280, y: 0 } },
  ],
  edges: [{ id: 'e', source: 'users', target: 'api', mode: 'sync', share: 1, callsPerRequest: 1 }],
});

function overlayOf(d: Design) {
  const analysis = analyse({ design: d });
  if (!analysis.ok) throw new Error(analysis.errors.map((e) => e.message).join('; '));
  return { overlay: analysisOverlay(analysis, false), component: analysis.solution.components['api']! };
}

describe('canvas overlay', () => {
  it('marks the card p99 approximate exactly where the engine does: M/G/4 with bursty work yes, M/M/4 no', () => {
    const bursty = overlayOf(design({ concurrency: 4, serviceScv: 4 }));
    expect(bursty.component.percentilesApproximate).toBe(true);
    expect(bursty.overlay['api']).toMatchObject({ p99Ms: bursty.component.p99ResponseMs, p99Approximate: true });
    const steady = overlayOf(design({ concurrency: 4, serviceScv: 1 }));
    expect(steady.component.percentilesApproximate).toBe(false);
    expect(steady.overlay['api']).toMatchObject({ p99Ms: steady.component.p99ResponseMs, p99Approximate: false });
  });
});

// The search for where each saturated component tips over stays bounded however large the load:
// at 1e300 req/s it used to halve towards 0 a thousand times, recursively, and overflow the stack.
import { describe, expect, it } from 'vitest';
import { solveDesign } from '../../src/engine/analytic/design';
import { exampleDesign } from '../../src/model/example';

describe('saturation points at absurd loads', () => {
  it('are found without overflowing, and are tiny shares of the load', () => {
    for (const rps of [1e6, 1e100, 1e300, Number.MAX_VALUE]) {
      const result = solveDesign(exampleDesign(), { clientRps: { users: rps } });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const saturated = Object.values(result.components).filter((c) => c.saturated);
      expect(saturated.length).toBeGreaterThan(0);
      for (const c of saturated) {
        // Where it tips over is a rate the design can reach, far below the load applied.
        expect(c.saturatesAtRps, c.nodeId).not.toBeNull();
        expect(c.saturatesAtRps!).toBeLessThan(rps);
      }
    }
  });

  it('at a load that saturates mildly, the point is found to 0.1%', () => {
    const at = (rps: number) => {
      const r = solveDesign(exampleDesign(), { clientRps: { users: rps } });
      if (!r.ok) throw new Error('did not solve');
      return r.components.store!;
    };
    const point = at(1e5).saturatesAtRps!;
    expect(at(point * 0.99).saturated).toBe(false);
    expect(at(point * 1.01).saturated).toBe(true);
  });
});

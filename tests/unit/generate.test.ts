import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../src/model/generate';
import { checkDesign } from '../../src/model/validate';

describe('generated designs', () => {
  it('are valid, the size asked for, and the same for the same seed', () => {
    const d = generateDesign({ nodes: 500, edges: 800, seed: 7 });
    expect(d.nodes).toHaveLength(500);
    expect(d.edges).toHaveLength(800);
    expect(checkDesign(d)).toEqual([]);
    expect(generateDesign({ nodes: 500, edges: 800, seed: 7 })).toEqual(d);
    expect(generateDesign({ nodes: 500, edges: 800, seed: 8 })).not.toEqual(d);
  });
});

// What a design holds, in words: singular for one, regions and zones counted apart (the inspector
// said "2 zones and regions" for one region and one zone, and the import CLI "1 zones and regions").
import { describe, expect, it } from 'vitest';
import { designContents, formatCount } from '../../src/model/format';

describe('design contents in words', () => {
  it('says one in the singular and counts regions and zones apart', () => {
    expect([0, 1, 2].map((n) => formatCount(n, 'zone'))).toEqual(['0 zones', '1 zone', '2 zones']);
    const design = { nodes: [1, 2, 3], edges: [1], groups: [{ kind: 'region' }, { kind: 'zone' }, { kind: 'zone' }] };
    expect(designContents(design)).toBe('3 components, 1 connection, 1 region, 2 zones');
    expect(designContents({ nodes: [], edges: [], groups: [] }, ' · ')).toBe('0 components · 0 connections');
  });
});

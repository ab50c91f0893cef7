import { describe, expect, it } from 'vitest';
import { connectionProblem } from '../../src/model/connection-rules';
import { freeSpot } from '../../src/canvas/placement';
import { NODE_SIZE } from '../../src/store/designStore';
import type { Design, DesignEdge, DesignNode } from '../../src/model/types';

const node = (id: string, kind: DesignNode['kind'] = 'service', x = 0, y = 0): DesignNode => ({ id, kind, label: id.toUpperCase(), params: {}, position: { x, y } });
const edge = (source: string, target: string, mode: DesignEdge['mode'] = 'sync'): DesignEdge => ({ id: `${source}-${target}`, source, target, mode, callsPerRequest: 1, share: 1 });
const design = (nodes: DesignNode[], edges: DesignEdge[]): Design => ({ id: 'd', name: 'd', nodes, edges, groups: [] });

describe('connection rules', () => {
  const chain = design([node('u', 'client'), node('a'), node('b'), node('c')], [edge('u', 'a'), edge('a', 'b'), edge('b', 'c')]);

  it('allows an ordinary call and names nothing', () => {
    expect(connectionProblem(chain, 'a', 'c', 'sync')).toBeNull();
    expect(connectionProblem(chain, 'u', 'c', 'sync')).toBeNull();
  });

  it('refuses a sync call that closes a loop of sync calls and names the loop in order', () => {
    const why = connectionProblem(chain, 'c', 'a', 'sync');
    expect(why).toContain('“C” → “A” → “B” → “C”');
    expect(why).toMatch(/async/);
    // The same connection as an async message does not make a request wait on itself.
    expect(connectionProblem(chain, 'c', 'a', 'async')).toBeNull();
  });

  it('an async link on the way back does not count as a sync loop', () => {
    const d = design([node('a'), node('b'), node('c')], [edge('a', 'b'), edge('b', 'c', 'async')]);
    expect(connectionProblem(d, 'c', 'a', 'sync')).toBeNull();
  });

  it('refuses a call to itself and a call into a client, in the learner’s words', () => {
    expect(connectionProblem(chain, 'a', 'a', 'sync')).toMatch(/cannot call itself/);
    expect(connectionProblem(chain, 'a', 'u', 'async')).toMatch(/“U” is a client/);
    expect(connectionProblem(chain, 'a', 'gone', 'sync')).toMatch(/no longer in the design/);
  });
});

describe('free spot for a new component', () => {
  const overlapping = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < NODE_SIZE.width && Math.abs(a.y - b.y) < NODE_SIZE.height;

  it('is the wanted spot when nothing is there', () => {
    expect(freeSpot([node('a', 'service', 1000, 1000)], { x: 0, y: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('ten adds at the same wanted spot land on ten cards that do not overlap, near the spot', () => {
    const nodes: DesignNode[] = [];
    for (let i = 0; i < 10; i++) nodes.push(node(`n${i}`, 'service', ...Object.values(freeSpot(nodes, { x: 50, y: 50 })) as [number, number]));
    for (const a of nodes) for (const b of nodes) if (a !== b) expect(overlapping(a.position, b.position)).toBe(false);
    for (const n of nodes) expect(Math.hypot(n.position.x - 50, n.position.y - 50)).toBeLessThan(3 * (NODE_SIZE.width + 32));
  });
});

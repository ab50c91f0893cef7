// Structural checks on small hand-built designs: each check found where it should be and not
// where it should not.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../src/model/catalog';
import type { ComponentKind, Design, DesignEdge, DesignNode } from '../../src/model/types';
import { findStructuralIssues, type StructuralFinding } from '../../src/scenarios';

let x = 0;
function node(id: string, kind: ComponentKind, params: Record<string, number> = {}): DesignNode {
  x += 260;
  return { id, kind, label: id.toUpperCase(), params: { ...defaultParams(kind), ...params }, position: { x, y: 0 } };
}

function edge(source: string, target: string, options: Partial<DesignEdge> = {}): DesignEdge {
  return { id: `${source}-${target}`, source, target, mode: 'sync', callsPerRequest: 1, share: 1, ...options };
}

function design(nodes: DesignNode[], edges: DesignEdge[]): Design {
  return { id: 'd', name: 'test', nodes, edges, groups: [] };
}

const of = (findings: StructuralFinding[], category: StructuralFinding['category']) => findings.filter((f) => f.category === category);
const targets = (findings: StructuralFinding[], category: StructuralFinding['category']) => of(findings, category).map((f) => f.target);

describe('single points of failure', () => {
  it('reports single-copy components every request needs, not managed ones', () => {
    const d = design(
      [node('users', 'client'), node('lb', 'load-balancer'), node('api', 'service', { instances: 1 }), node('db', 'relational-db')],
      [edge('users', 'lb'), edge('lb', 'api'), edge('api', 'db')],
    );
    const found = findStructuralIssues(d);
    expect(targets(found, 'single-point-of-failure')).toEqual(['api', 'db']);
    expect(of(found, 'single-point-of-failure')[0]!.message).toMatch(/every request from "USERS" fails/);
  });

  it('does not report redundant components, replicas, or copies few requests need', () => {
    const d = design(
      [node('users', 'client'), node('api', 'service', { instances: 2 }), node('db', 'relational-db', { replicas: 1 }), node('rare', 'service', { instances: 1 })],
      [edge('users', 'api'), edge('api', 'db'), edge('api', 'rare', { share: 0.01 })],
    );
    expect(targets(findStructuralIssues(d), 'single-point-of-failure')).toEqual([]);
  });

  it('gives the share of requests lost when it is not all of them', () => {
    const d = design([node('users', 'client'), node('api', 'service'), node('db', 'relational-db')], [edge('users', 'api'), edge('api', 'db', { share: 0.3 })]);
    const [finding] = of(findStructuralIssues(d), 'single-point-of-failure');
    expect(finding?.target).toBe('db');
    expect(finding?.message).toMatch(/about 30% of requests/);
  });
});

describe('synchronous chains', () => {
  const chain = (hops: number, mode: 'sync' | 'async' = 'sync') => {
    const nodes = [node('c', 'client'), ...Array.from({ length: hops }, (_, i) => node(`s${i}`, 'service'))];
    const edges = nodes.slice(1).map((n, i) => edge(nodes[i]!.id, n.id, { mode: i === 2 ? mode : 'sync' }));
    return design(nodes, edges);
  };

  it('reports a chain longer than four sync hops, on its deepest component', () => {
    const found = of(findStructuralIssues(chain(5)), 'synchronous-chain');
    expect(found.map((f) => f.target)).toEqual(['s4']);
    expect(found[0]!.related).toEqual(['s0', 's1', 's2', 's3']);
    expect(found[0]!.message).toMatch(/5 synchronous calls in a row/);
  });

  it('does not report four hops, or a chain broken by an async hand-off', () => {
    expect(of(findStructuralIssues(chain(4)), 'synchronous-chain')).toEqual([]);
    expect(of(findStructuralIssues(chain(6, 'async')), 'synchronous-chain')).toEqual([]);
  });

  it('takes the threshold as an option', () => {
    expect(targets(findStructuralIssues(chain(4), { maxSyncHops: 3 }), 'synchronous-chain')).toEqual(['s3']);
  });

  it('reports an outside API on a client request path, but not one behind a queue', () => {
    const direct = design([node('c', 'client'), node('api', 'service'), node('pay', 'third-party-api')], [edge('c', 'api'), edge('api', 'pay')]);
    const found = of(findStructuralIssues(direct), 'synchronous-chain');
    expect(found.map((f) => f.target)).toEqual(['pay']);
    expect(found[0]!.message).toMatch(/about 100 requests\/s/);
    const queued = design(
      [node('c', 'client'), node('api', 'service'), node('q', 'queue'), node('w', 'worker'), node('pay', 'third-party-api')],
      [edge('c', 'api'), edge('api', 'q', { mode: 'async' }), edge('q', 'w', { mode: 'async' }), edge('w', 'pay')],
    );
    expect(of(findStructuralIssues(queued), 'synchronous-chain')).toEqual([]);
  });
});

describe('missing caches', () => {
  it('reports a read-heavy database read with no cache', () => {
    const d = design([node('c', 'client'), node('api', 'service'), node('db', 'relational-db', { readShare: 0.9 })], [edge('c', 'api'), edge('api', 'db')]);
    expect(targets(findStructuralIssues(d), 'missing-cache')).toEqual(['db']);
  });

  it('does not report a database behind a cache, beside one (cache-aside), or mostly written', () => {
    const behind = design([node('c', 'client'), node('api', 'service'), node('cache', 'cache'), node('db', 'relational-db')], [edge('c', 'api'), edge('api', 'cache'), edge('cache', 'db')]);
    const aside = design(
      [node('c', 'client'), node('api', 'service'), node('cache', 'cache'), node('db', 'relational-db')],
      [edge('c', 'api'), edge('api', 'cache', { share: 0.9 }), edge('api', 'db', { share: 0.1 })],
    );
    const writes = design([node('c', 'client'), node('api', 'service'), node('db', 'relational-db', { readShare: 0.3 })], [edge('c', 'api'), edge('api', 'db')]);
    for (const d of [behind, aside, writes]) expect(targets(findStructuralIssues(d), 'missing-cache')).toEqual([]);
  });

  it('reports a database called many times per request whatever its read share, also from queue workers', () => {
    const many = design([node('c', 'client'), node('api', 'service'), node('db', 'nosql')], [edge('c', 'api'), edge('api', 'db', { callsPerRequest: 5 })]);
    expect(of(findStructuralIssues(many), 'missing-cache')[0]?.message).toMatch(/about 5.0 calls/);
    const worker = design(
      [node('c', 'client'), node('q', 'queue'), node('w', 'worker'), node('db', 'nosql')],
      [edge('c', 'q', { mode: 'async' }), edge('q', 'w', { mode: 'async' }), edge('w', 'db', { callsPerRequest: 20 })],
    );
    expect(of(findStructuralIssues(worker), 'missing-cache')[0]?.message).toMatch(/each job "W" takes makes about 20.0 calls/);
  });
});

describe('shared databases', () => {
  it('reports a database two services call', () => {
    const d = design(
      [node('c', 'client'), node('a', 'service'), node('b', 'service'), node('db', 'relational-db', { readShare: 0.5 })],
      [edge('c', 'a'), edge('a', 'b'), edge('a', 'db'), edge('b', 'db')],
    );
    const found = of(findStructuralIssues(d), 'shared-database');
    expect(found.map((f) => f.target)).toEqual(['db']);
    expect(found[0]!.related.sort()).toEqual(['a', 'b']);
  });

  it('does not report one service and its worker', () => {
    const d = design(
      [node('c', 'client'), node('a', 'service'), node('q', 'queue'), node('w', 'worker'), node('db', 'relational-db', { readShare: 0.5 })],
      [edge('c', 'a'), edge('a', 'db'), edge('a', 'q', { mode: 'async' }), edge('q', 'w', { mode: 'async' }), edge('w', 'db')],
    );
    expect(of(findStructuralIssues(d), 'shared-database')).toEqual([]);
  });
});

describe('unbounded queues and unused components', () => {
  const queued = (capacity: number, consumer = true) =>
    design(
      [node('c', 'client'), node('q', 'queue', { queueCapacity: capacity }), node('w', 'worker')],
      [edge('c', 'q', { mode: 'async' }), ...(consumer ? [edge('q', 'w', { mode: 'async' })] : [])],
    );

  it('reports a queue with no limit, or with nothing reading it', () => {
    expect(targets(findStructuralIssues(queued(0)), 'unbounded-queue')).toEqual(['q']);
    expect(of(findStructuralIssues(queued(1000, false)), 'unbounded-queue')[0]?.message).toMatch(/Nothing reads from/);
  });

  it('does not report a bounded queue with a consumer', () => {
    expect(of(findStructuralIssues(queued(1000)), 'unbounded-queue')).toEqual([]);
  });

  it('reports a component no traffic reaches, with what it costs', () => {
    const found = of(findStructuralIssues(queued(1000, false)), 'cost');
    expect(found.map((f) => f.target)).toEqual(['w']);
    expect(found[0]!.message).toMatch(/costs \$119 a month/);
    expect(of(findStructuralIssues(queued(1000)), 'cost')).toEqual([]);
  });
});

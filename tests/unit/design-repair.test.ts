// A repaired copy of a saved design that no longer passes the checks: it passes them, keeps all
// it can, and says what it changed. The stored record is never touched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../src/model/example';
import { parseDesignObject, serializeDesign } from '../../src/model/file';
import { repairDesign } from '../../src/model/repair';
import { checkDesign } from '../../src/model/validate';
import { mutatedJson } from './helpers/mutated-json';
import type { Design } from '../../src/model/types';

type Rec = { format: string; version: number; revision: number; design: Record<string, unknown> & { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[]; groups: Record<string, unknown>[] } };

const example = exampleDesign();
const record = (): Rec => ({ ...(JSON.parse(serializeDesign(example)) as Omit<Rec, 'revision'>), revision: 4 });
const nodeIndex = (id: string) => example.nodes.findIndex((n) => n.id === id);

function repaired(raw: unknown): { design: Design; changes: string[] } {
  const r = repairDesign(raw, 'design-copy');
  if (!r) throw new Error('could not be repaired');
  expect(checkDesign(r.design)).toEqual([]);
  expect(parseDesignObject({ format: 'archlab-design', version: 2, design: r.design }).ok).toBe(true);
  return r;
}

describe('a repaired copy', () => {
  it('of a design that passes changes nothing but its id', () => {
    const r = repaired(record());
    expect(r.changes).toEqual([]);
    expect(r.design).toEqual({ ...example, id: 'design-copy' });
  });

  it('brings an out-of-range setting to the nearest allowed value and says so, keeping every other part', () => {
    const rec = record();
    const api = nodeIndex('api');
    (rec.design.nodes[api]!.params as Record<string, unknown>).instances = 0;
    const before = JSON.stringify(rec);
    const r = repaired(rec);
    expect(JSON.stringify(rec)).toBe(before); // the record is read, never changed
    expect(r.changes).toEqual([`Component "Photo API" (nodes[${api}]), params.instances: Instances must be a whole number from 1 to 1000 (got 0). It was set to 1.`]);
    expect(r.design.nodes[api]!.params.instances).toBe(1);
    expect(r.design.nodes.length).toBe(example.nodes.length);
    expect(r.design.edges.length).toBe(example.edges.length);
    expect(r.design.name).toBe(example.name);
  });

  it('mends each kind of fault in the smallest way, naming the part and what was done', () => {
    const rec = record();
    const api = nodeIndex('api');
    const [n0, n1] = [rec.design.nodes[0]!, rec.design.nodes[api]!];
    n0.kind = 'quantum-computer';
    n0.position = { x: 1e308, y: 'high' };
    (n1.params as Record<string, unknown>).instancez = 3;
    n1.groupId = 'nowhere';
    rec.design.nodes.push({ ...rec.design.nodes[2]!, label: 'Twin' }); // same id as nodes[2]
    rec.design.edges[0]!.share = 7;
    rec.design.edges[1]!.mode = 'telepathy';
    rec.design.edges.push({ id: 'e-ghost', source: 'api', target: 'ghost', mode: 'sync', callsPerRequest: 1, share: 1 });
    rec.design.edges.push('not a connection' as unknown as Record<string, unknown>);
    rec.design.groups[1]!.parentId = rec.design.groups[1]!.id;
    const r = repaired(rec);
    const text = r.changes.join('\n');
    expect(text).toMatch(/kind must be one of: .*It was set to "service"\./);
    expect(text).toContain('The x position (px) must be at most 1000000. It was set to 1000000.');
    expect(text).toMatch(/position\.y must be a number \(got "high"\)\. It was set to 0\./);
    expect(text).toContain('params.instancez: Service has no setting called "instancez". It was removed; its default applies.');
    expect(text).toContain('groupId: there is no zone or region "nowhere". It was removed.');
    expect(text).toMatch(/Component "Twin" \(nodes\[9\]\), id: another component already has the id "([a-z-]+)"\. It was given the id "\1-2"\./);
    expect(text).toContain('share must be between 0 and 1. It was set to 1.');
    expect(text).toContain('mode must be "sync" or "async". It was set to "sync".');
    expect(text).toMatch(/Connection "e-ghost" \(edges\[9\]\), target: there is no component "ghost"\. It was left out\./);
    expect(text).toMatch(/parentId: a zone or region cannot sit inside itself\. It was removed\./);
    expect(r.design.nodes).toHaveLength(example.nodes.length + 1); // the twin is kept, under an id of its own
    expect(r.design.nodes[0]).toMatchObject({ kind: 'service', position: { x: 1_000_000, y: 0 } });
    expect(r.design.edges.map((e) => e.id)).toEqual(example.edges.map((e) => e.id)); // the ghost and the string left out, the rest kept
    expect(r.design.nodes[api]!.groupId).toBeUndefined();
  });

  it('mends one unreadable setting inside a resilience group and keeps the rest of the group, saying so', () => {
    const rec = record();
    const api = nodeIndex('api');
    const edge = rec.design.edges.findIndex((e) => e.source === 'api' && e.mode === 'sync');
    rec.design.edges[edge]!.resilience = {
      timeoutMs: 800,
      retry: { maxRetries: 'three', baseBackoffMs: 50, maxBackoffMs: 'soon', budgetRatio: 0.2 },
      circuitBreaker: { failureRatio: 0.4, minCalls: null, windowS: 30 },
    };
    rec.design.nodes[api]!.resilience = {
      maxInFlight: 200,
      rateLimit: { rps: 'lots', burst: 50 },
      autoscale: { minInstances: 2, maxInstances: 8, cooldownS: 'a while', provisioningS: 90 },
    };
    const r = repaired(rec);
    // Each group stays, less only the setting that could not be read.
    expect(r.design.edges[edge]!.resilience).toEqual({
      timeoutMs: 800,
      retry: { maxRetries: 0, baseBackoffMs: 50, budgetRatio: 0.2 },
      circuitBreaker: { failureRatio: 0.4, windowS: 30 },
    });
    // A rate limit cannot work without its rate, which has no default: that group alone goes.
    expect(r.design.nodes[api]!.resilience).toEqual({ maxInFlight: 200, autoscale: { minInstances: 2, maxInstances: 8, provisioningS: 90 } });
    const said = (what: string) => r.changes.find((c) => c.includes(what));
    expect(said('retry.maxRetries')).toMatch(/Retries must be .*It was set to its default, 0 retries; the rest of the setting is kept\.$/);
    expect(said('retry.maxBackoffMs')).toMatch(/It was removed, so its default applies \(1000 ms\); the rest of the setting is kept\.$/);
    expect(said('circuitBreaker.minCalls')).toMatch(/It was removed, so its default applies \(20 calls\); the rest of the setting is kept\.$/);
    expect(said('autoscale.cooldownS')).toMatch(/It was removed, so its default applies \(60 s\); the rest of the setting is kept\.$/);
    expect(said('rateLimit.rps')).toMatch(/The whole rateLimit setting was removed: it cannot work without rate limit, which has no default\.$/);
    expect(r.changes).toHaveLength(5);
    // A setting that is off by default says it is now off.
    const off = record();
    off.design.edges[edge]!.resilience = { retry: { maxRetries: 2, budgetRatio: 'some' } };
    const r2 = repaired(off);
    expect(r2.design.edges[edge]!.resilience).toEqual({ retry: { maxRetries: 2 } });
    expect(r2.changes).toEqual([expect.stringMatching(/retry\.budgetRatio must be a number \(got "some"\)\. It was removed, so retry budget is off; the rest of the setting is kept\.$/)]);
  });

  it('keeps what it can of records that are not designs, and names a copy with no readable name', () => {
    for (const raw of [null, 'garbage from an old bug', 42, [], { design: 'x' }]) {
      const r = repaired(raw);
      expect(r.design).toEqual({ id: 'design-copy', name: 'Recovered design', nodes: [], edges: [], groups: [] });
      expect(r.changes.join(' ')).toMatch(/holds no design at all|name could not be read/);
    }
    const rec = record();
    rec.design.nodes = 'lots' as unknown as Rec['design']['nodes'];
    const r = repaired(rec);
    expect(r.changes).toContain('The design’s components could not be read (not a list), so there are none.');
    // Connections to the components that are gone go too, each said.
    expect(r.design.edges).toEqual([]);
    expect(r.changes.filter((c) => c.includes('there is no component'))).toHaveLength(example.edges.length);
  });

  it('reads a record written by a newer ArchLab as far as it can, and says so', () => {
    const rec = record();
    rec.version = 99;
    const r = repaired(rec);
    expect(r.changes[0]).toBe('This design saved in this browser is version 99, newer than this ArchLab understands (version 2). What this version can read was kept.');
    expect(r.design.nodes).toHaveLength(example.nodes.length);
  });

  it('for any one value of a record replaced or removed: a copy that passes the checks, differing from the design only where a change says', () => {
    fc.assert(
      fc.property(mutatedJson(record()), (rec) => {
        const r = repaired(rec);
        // Nothing changed silently: a record that opens is copied as it is; one that does not either
        // had its fault where none of the learner's work is (the format tag, the old id) or says what changed.
        const parsed = parseDesignObject(rec);
        if (parsed.ok) {
          expect(r.changes).toEqual([]);
          expect(r.design).toEqual({ ...parsed.design, id: 'design-copy' });
        } else if (r.changes.length === 0) expect(r.design).toEqual({ ...example, id: 'design-copy' });
      }),
      { numRuns: 300 },
    );
  });
});

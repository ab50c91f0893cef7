import { describe, expect, it } from 'vitest';
import { parseDesignFile, serializeDesign } from '../../src/model/file';
import { exampleDesign } from '../../src/model/example';
import { migrate } from '../../src/model/migrations';
import { checkDesign } from '../../src/model/validate';

describe('design file', () => {
  it('round-trips the example design exactly', () => {
    const d = exampleDesign();
    const parsed = parseDesignFile(serializeDesign(d));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.design).toEqual(d);
  });

  it('the example design is valid and uses every edge mode', () => {
    const d = exampleDesign();
    expect(checkDesign(d)).toEqual([]);
    expect(new Set(d.edges.map((e) => e.mode))).toEqual(new Set(['sync', 'async']));
  });

  it('says the file is not JSON', () => {
    const r = parseDesignFile('{ nope');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/not valid JSON/);
  });

  it('names the component and field that is wrong', () => {
    const d = exampleDesign();
    const file = JSON.parse(serializeDesign(d));
    file.design.nodes[3].kind = 'mainframe';
    const r = parseDesignFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toContain('"Photo API"');
      expect(r.errors[0]).toContain('nodes[3]');
      expect(r.errors[0]).toContain('kind');
    }
  });

  it('rejects an out-of-range parameter with the component name', () => {
    const file = JSON.parse(serializeDesign(exampleDesign()));
    file.design.nodes[3].params.instances = -2;
    const r = parseDesignFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(/Photo API.*nstances/);
  });

  it('rejects connections to missing components and share outside 0..1', () => {
    const file = JSON.parse(serializeDesign(exampleDesign()));
    file.design.edges[0].target = 'ghost';
    let r = parseDesignFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('Connection "e1" (edges[0]), target: there is no component "ghost".');
    file.design.edges[0].target = 'lb';
    file.design.edges[0].share = 1.5;
    r = parseDesignFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/share must be between 0 and 1/);
  });

  it('refuses a file from a newer version with a clear message', () => {
    const file = JSON.parse(serializeDesign(exampleDesign()));
    file.version = 99;
    const r = parseDesignFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/newer than this ArchLab/);
  });

  it('migrates a version 1 prototype file', () => {
    const v1 = {
      version: 1,
      name: 'Old file',
      components: [
        { id: 'web', type: 'service', name: 'Web', x: 10, y: 20, params: { instances: 2 }, zone: 'z1' },
        { id: 'db', type: 'relational-db', name: 'DB', x: 200, y: 20 },
      ],
      links: [{ from: 'web', to: 'db', async: false, calls: 2, probability: 0.5 }],
      zones: [{ id: 'z1', name: 'Zone 1', x: 0, y: 0, width: 500, height: 300 }],
    };
    const r = parseDesignFile(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.design.nodes[0]).toMatchObject({ id: 'web', kind: 'service', label: 'Web', position: { x: 10, y: 20 }, groupId: 'z1' });
    expect(r.design.edges[0]).toMatchObject({ source: 'web', target: 'db', mode: 'sync', callsPerRequest: 2, share: 0.5 });
    expect(r.design.groups[0]).toMatchObject({ id: 'z1', kind: 'zone', label: 'Zone 1' });
  });

  it('a file with no version is not taken for a design', () => {
    expect(migrate({ hello: 1 }, 2)).toEqual({ error: expect.stringMatching(/no "version"/) });
  });

  it('reports duplicate ids', () => {
    const d = exampleDesign();
    d.nodes.push({ ...d.nodes[0]! });
    expect(checkDesign(d)).toEqual(['Component "Mobile users" (nodes[9]), id: another component already has the id "users".']);
  });
});

// Design validation: each bad input below was accepted before (issue 12) and broke something
// downstream (React duplicate keys, SVG errors at 1e308, a simulation naming a missing part).
import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../src/model/example';
import { parseDesignObject, serializeDesign } from '../../src/model/file';
import { checkDesign, designProblems } from '../../src/model/validate';
import type { Design } from '../../src/model/types';

const example = (): Design => structuredClone(exampleDesign());
const fileErrors = (design: unknown): string[] => {
  const parsed = parseDesignObject({ format: 'archlab-design', version: 2, design });
  return parsed.ok ? [] : parsed.errors;
};

describe('design validation', () => {
  it('the example passes, with and without a simulation setup naming its parts', () => {
    expect(designProblems(example())).toEqual([]);
    const d = example();
    d.simulation = { durationS: 60, workload: { users: [{ kind: 'ramp', startS: 0, endS: 30, toRps: 600 }] }, failures: [{ kind: 'group-outage', groupId: 'zone-a', atS: 10 }, { kind: 'partition', sideA: ['users'], sideB: ['zone-a'], atS: 20 }] };
    expect(designProblems(d)).toEqual([]);
  });

  it('ids are unique across components, connections, zones and regions', () => {
    const d = example();
    d.groups.push({ ...d.groups[1]!, label: 'Zone b' }); // same id as zone-a
    d.groups.push({ ...d.groups[1]!, id: 'api', label: 'Zone c' }); // a component's id
    d.edges[0]!.id = 'db';
    expect(designProblems(d)).toEqual([
      { path: ['groups', 2, 'id'], message: 'another zone or region already has the id "zone-a"' },
      { path: ['groups', 3, 'id'], message: 'a component already has the id "api"; zones and regions need ids of their own' },
      { path: ['edges', 0, 'id'], message: 'a component, zone or region already has the id "db"; connections need ids of their own' },
    ]);
  });

  it('a zone or region cannot sit in itself, a missing region, or a zone; a region sits in nothing', () => {
    const d = example();
    d.groups[1]!.parentId = 'zone-a';
    expect(checkDesign(d)).toEqual(['Zone or region "Zone a" (groups[1]), parentId: a zone or region cannot sit inside itself.']);
    d.groups[1]!.parentId = 'nowhere';
    expect(designProblems(d)).toEqual([{ path: ['groups', 1, 'parentId'], message: 'there is no region "nowhere"' }]);
    // Two regions inside each other: a loop the kind rule rules out.
    d.groups[1] = { ...d.groups[1]!, kind: 'region', parentId: 'region-us-east' };
    d.groups[0]!.parentId = 'zone-a';
    expect(designProblems(d).map((p) => p.message)).toEqual(['only a zone can sit inside a region', 'only a zone can sit inside a region']);
  });

  it('positions and sizes stay within a million px, with the field named', () => {
    const file = JSON.parse(serializeDesign(example()));
    file.design.nodes[3].position.x = 1e308;
    file.design.groups[0].size.height = 2e6;
    expect(fileErrors(file.design)).toEqual([
      'Component "Photo API" (nodes[3]), position.x: The x position (px) must be at most 1000000.',
      'Zone or region "Region us-east" (groups[0]), size.height: The height (px) must be at most 1000000.',
    ]);
  });

  it('the simulation setup names clients, components, zones and regions that exist', () => {
    const d = example();
    d.simulation = {
      durationS: 60,
      workload: { ghost: [{ kind: 'constant', rps: 5 }], api: [{ kind: 'constant' }] },
      failures: [
        { kind: 'crash', nodeId: 'nope', atS: 1 },
        { kind: 'group-outage', groupId: 'zone-z', atS: 1 },
        { kind: 'partition', sideA: ['users', 'moon'], sideB: ['zone-a'], atS: 1 },
      ],
    };
    expect(designProblems(d)).toEqual([
      { path: ['simulation', 'workload', 'ghost'], message: 'there is no client "ghost" in the design' },
      { path: ['simulation', 'workload', 'api'], message: 'there is no client "api" in the design' },
      { path: ['simulation', 'failures', 0, 'nodeId'], message: 'there is no component "nope"' },
      { path: ['simulation', 'failures', 1, 'groupId'], message: 'there is no zone or region "zone-z"' },
      { path: ['simulation', 'failures', 2, 'sideA', 1], message: 'there is no component, zone or region "moon"' },
    ]);
    expect(checkDesign(d)[0]).toBe('Field "simulation.workload.ghost": there is no client "ghost" in the design.');
  });

  it('lower limits are not above upper ones', () => {
    const d = example();
    d.nodes[3]!.resilience = { autoscale: { minInstances: 8, maxInstances: 4 } };
    d.edges[2]!.resilience = { retry: { maxRetries: 2, baseBackoffMs: 500, maxBackoffMs: 100 } };
    d.simulation = { durationS: 60, workload: { users: [{ kind: 'ramp', startS: 40, endS: 20, toRps: 5 }] } };
    expect(designProblems(d)).toEqual([
      { path: ['nodes', 3, 'resilience', 'autoscale', 'maxInstances'], message: 'the most instances (4) is below the fewest (8)' },
      { path: ['edges', 2, 'resilience', 'retry', 'maxBackoffMs'], message: 'the largest backoff (100 ms) is below the first (500 ms)' },
      { path: ['simulation', 'workload', 'users', 0, 'endS'], message: 'the ramp ends (20 s) before it starts (40 s)' },
    ]);
    // Equal limits are fine.
    d.nodes[3]!.resilience = { autoscale: { minInstances: 4, maxInstances: 4 } };
    d.edges[2]!.resilience = { retry: { maxRetries: 2, baseBackoffMs: 100, maxBackoffMs: 100 } };
    d.simulation.workload!.users = [{ kind: 'ramp', startS: 20, endS: 20, toRps: 5 }];
    expect(designProblems(d)).toEqual([]);
  });

  it('one message per problem, each with its path', () => {
    const d = example();
    d.nodes[3]!.params.instances = 0;
    d.nodes[4]!.groupId = 'zone-q';
    expect(checkDesign(d)).toEqual([
      'Component "Photo API" (nodes[3]), params.instances: Instances must be a whole number from 1 to 1000 (got 0).',
      'Component "Feed cache" (nodes[4]), groupId: there is no zone or region "zone-q".',
    ]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { redo, undo, uniqueLabel, useDesignStore } from '../../src/store/designStore';
import { exampleDesign } from '../../src/model/example';
import { defaultParams } from '../../src/model/catalog';
import { checkDesign } from '../../src/model/validate';

const st = () => useDesignStore.getState();

describe('design store', () => {
  beforeEach(() => st().loadDesign({ id: 't', name: 'Test', nodes: [], edges: [], groups: [] }));

  it('adds a component with its kind defaults, and undo removes it', () => {
    const id = st().addComponent('cache', { x: 10, y: 10 });
    const node = st().design.nodes.find((n) => n.id === id)!;
    expect(node.params).toEqual(defaultParams('cache'));
    expect(node.label).toBe('Cache');
    undo();
    expect(st().design.nodes).toHaveLength(0);
    redo();
    expect(st().design.nodes.map((n) => n.id)).toEqual([id]);
  });

  it('parameter edits are undoable one step at a time', () => {
    const id = st().addComponent('service', { x: 0, y: 0 });
    st().setParam(id, 'instances', 4);
    st().setParam(id, 'instances', 6);
    undo();
    expect(st().design.nodes[0]!.params.instances).toBe(4);
    undo();
    expect(st().design.nodes[0]!.params.instances).toBe(defaultParams('service').instances);
    redo();
    expect(st().design.nodes[0]!.params.instances).toBe(4);
  });

  it('selection changes are not undo steps', () => {
    const id = st().addComponent('service', { x: 0, y: 0 });
    const past = useDesignStore.temporal.getState().pastStates.length;
    st().select([id], []);
    st().select([], []);
    expect(useDesignStore.temporal.getState().pastStates.length).toBe(past);
  });

  it('a drag is previewed without history and committed as one step', () => {
    const id = st().addComponent('service', { x: 0, y: 0 });
    const past = useDesignStore.temporal.getState().pastStates.length;
    for (let i = 1; i <= 10; i++) st().previewDrag({ [id]: { x: i * 10, y: 0 } });
    expect(st().design.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    st().commitDrag();
    expect(st().design.nodes[0]!.position).toEqual({ x: 100, y: 0 });
    expect(useDesignStore.temporal.getState().pastStates.length).toBe(past + 1);
    undo();
    expect(st().design.nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('connect refuses self-loops and duplicates', () => {
    const a = st().addComponent('service', { x: 0, y: 0 });
    const b = st().addComponent('cache', { x: 300, y: 0 });
    expect(st().connect(a, a)).toBeNull();
    const e = st().connect(a, b, 'async');
    expect(st().connect(a, b)).toBe(e);
    expect(st().design.edges).toHaveLength(1);
    expect(st().design.edges[0]!.mode).toBe('async');
  });

  it('connect refuses a sync call that would close a loop of sync calls, and takes it as async', () => {
    const a = st().addComponent('service', { x: 0, y: 0 });
    const b = st().addComponent('cache', { x: 300, y: 0 });
    st().connect(a, b);
    expect(st().connect(b, a, 'sync')).toBeNull();
    expect(st().design.edges).toHaveLength(1);
    expect(st().connect(b, a, 'async')).not.toBeNull();
    expect(st().design.edges).toHaveLength(2);
  });

  it('pasted and duplicated components get names no other component has', () => {
    const ids = [0, 1, 2].map((i) => st().addComponent('service', { x: i * 300, y: 0 }));
    expect(st().design.nodes.map((n) => n.label)).toEqual(['Service', 'Service 2', 'Service 3']);
    st().select([ids[2]!], []);
    st().copySelection();
    st().paste();
    st().paste();
    st().select([ids[0]!, ids[1]!], []);
    st().duplicateSelection();
    const labels = st().design.nodes.map((n) => n.label);
    expect(labels.slice(3)).toEqual(['Service 4', 'Service 5', 'Service 6', 'Service 7']);
    expect(new Set(labels).size).toBe(labels.length);
    // A name without a number, or one another kind uses, follows the same rule.
    expect(uniqueLabel('Photo API', new Set(['Photo API']))).toBe('Photo API 2');
    expect(uniqueLabel('Cache 2', new Set(['Cache', 'Cache 10', 'Cache 2', 'Cache x']))).toBe('Cache 11');
    expect(uniqueLabel('Worker 3', new Set(['Service']))).toBe('Worker 3');
  });

  it('deleting a component removes its connections', () => {
    const a = st().addComponent('service', { x: 0, y: 0 });
    const b = st().addComponent('cache', { x: 300, y: 0 });
    st().connect(a, b);
    st().select([b], []);
    st().deleteSelection();
    expect(st().design.edges).toHaveLength(0);
    undo();
    expect(st().design.edges).toHaveLength(1);
  });

  it('deleting components and zones drops the simulation settings that named them, so the design still loads', () => {
    st().loadDesign({
      ...exampleDesign(),
      simulation: {
        durationS: 60,
        workload: { users: [{ kind: 'constant', rps: 10 }] },
        failures: [
          { kind: 'crash', nodeId: 'api', atS: 5 },
          { kind: 'slowdown', nodeId: 'db', atS: 5, factor: 3 },
          { kind: 'group-outage', groupId: 'zone-a', atS: 9 },
          { kind: 'partition', sideA: ['api', 'cache'], sideB: ['db'], atS: 1 },
          { kind: 'partition', sideA: ['api'], sideB: ['db'], atS: 2 },
        ],
      },
    });
    st().select(['api', 'users', 'zone-a'], []);
    st().deleteSelection();
    const setup = st().design.simulation!;
    expect(setup.workload).toEqual({});
    expect(setup.failures).toEqual([
      { kind: 'slowdown', nodeId: 'db', atS: 5, factor: 3 },
      { kind: 'partition', sideA: ['cache'], sideB: ['db'], atS: 1 },
    ]);
    expect(checkDesign(st().design)).toEqual([]);
  });

  it('copy and paste create new ids and keep internal connections', () => {
    st().loadDesign(exampleDesign());
    st().select(['api', 'cache'], []);
    st().copySelection();
    st().paste();
    const d = st().design;
    expect(d.nodes).toHaveLength(exampleDesign().nodes.length + 2);
    const pasted = d.nodes.slice(-2);
    expect(pasted.map((n) => n.id)).not.toContain('api');
    const pastedIds = new Set(pasted.map((n) => n.id));
    expect(d.edges.some((e) => pastedIds.has(e.source) && pastedIds.has(e.target))).toBe(true);
  });

  it('group into a zone and ungroup', () => {
    const a = st().addComponent('service', { x: 0, y: 0 });
    const b = st().addComponent('cache', { x: 300, y: 0 });
    st().select([a, b], []);
    const z = st().groupSelection('zone')!;
    expect(st().design.nodes.every((n) => n.groupId === z)).toBe(true);
    const g = st().design.groups[0]!;
    expect(g.position.x).toBeLessThan(0);
    expect(g.position.x + g.size.width).toBeGreaterThan(300 + 188);
    st().select([z], []);
    st().ungroupSelection();
    expect(st().design.groups).toHaveLength(0);
    expect(st().design.nodes.every((n) => n.groupId === undefined)).toBe(true);
  });

  it('moving a component out of its zone takes it out', () => {
    const a = st().addComponent('service', { x: 0, y: 0 });
    st().select([a], []);
    const z = st().groupSelection('zone')!;
    st().moveNodes({ [a]: { x: 2000, y: 2000 } });
    expect(st().design.nodes[0]!.groupId).toBeUndefined();
    st().moveNodes({ [a]: { x: 0, y: 0 } });
    expect(st().design.nodes[0]!.groupId).toBe(z);
  });
});

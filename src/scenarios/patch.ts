// Applies a fix scenario's patch (a list of small edits) to its starting design, so a reference
// solution can say "add a cache, give the API three instances" instead of repeating the design.
import { defaultParams } from '../model/catalog';
import type { Design, DesignEdge, DesignNode } from '../model/types';
import type { PatchOp, ScenarioDesignFile, ScenarioEdgeFile, ScenarioNodeFile } from './schema';

/** A node from the file, with every parameter the file leaves out set to its catalog default. */
export function completeNode(node: ScenarioNodeFile): DesignNode {
  const { params, groupId, ...rest } = node;
  const given = Object.fromEntries(Object.entries(params ?? {}).filter(([, value]) => value !== undefined)) as Record<string, number>;
  return { ...rest, params: { ...defaultParams(node.kind), ...given }, ...(groupId === undefined ? {} : { groupId }) };
}

export function completeEdge(edge: ScenarioEdgeFile): DesignEdge {
  const { label, ...rest } = edge;
  return label === undefined ? rest : { ...rest, label };
}

export interface PatchProblem {
  /** Index of the operation in the patch. */
  index: number;
  message: string;
}

function findIndexById<T extends { id: string }>(items: T[], id: string): number {
  return items.findIndex((item) => item.id === id);
}

/** Applies one operation in place; returns a problem in plain words, or null. */
function applyOp(design: Design, op: PatchOp): string | null {
  switch (op.op) {
    case 'set-param':
    case 'set-node': {
      const node = design.nodes.find((n) => n.id === op.node);
      if (!node) return `there is no component "${op.node}" to change`;
      if (op.op === 'set-param') node.params[op.param] = op.value;
      else {
        if (op.label !== undefined) node.label = op.label;
        if (op.position !== undefined) node.position = { ...op.position };
        if (op.groupId !== undefined) node.groupId = op.groupId;
      }
      return null;
    }
    case 'add-node':
      if (findIndexById(design.nodes, op.node.id) >= 0) return `a component "${op.node.id}" already exists`;
      design.nodes.push(completeNode(op.node));
      return null;
    case 'remove-node': {
      const at = findIndexById(design.nodes, op.node);
      if (at < 0) return `there is no component "${op.node}" to remove`;
      design.nodes.splice(at, 1);
      design.edges = design.edges.filter((e) => e.source !== op.node && e.target !== op.node);
      return null;
    }
    case 'add-edge':
      if (findIndexById(design.edges, op.edge.id) >= 0) return `a connection "${op.edge.id}" already exists`;
      design.edges.push(completeEdge(op.edge));
      return null;
    case 'set-edge': {
      const edge = design.edges.find((e) => e.id === op.edge);
      if (!edge) return `there is no connection "${op.edge}" to change`;
      if (op.mode !== undefined) edge.mode = op.mode;
      if (op.callsPerRequest !== undefined) edge.callsPerRequest = op.callsPerRequest;
      if (op.share !== undefined) edge.share = op.share;
      return null;
    }
    case 'remove-edge': {
      const at = findIndexById(design.edges, op.edge);
      if (at < 0) return `there is no connection "${op.edge}" to remove`;
      design.edges.splice(at, 1);
      return null;
    }
    case 'add-group':
      if (findIndexById(design.groups, op.group.id) >= 0) return `a zone or region "${op.group.id}" already exists`;
      design.groups.push(structuredClone(op.group));
      return null;
    case 'set-group': {
      const group = design.groups.find((g) => g.id === op.group);
      if (!group) return `there is no zone or region "${op.group}" to change`;
      if (op.position !== undefined) group.position = { ...op.position };
      if (op.size !== undefined) group.size = { ...op.size };
      return null;
    }
  }
}

/** A new design: the operations applied in order to a copy; the original is left alone. */
export function applyPatch(design: Design, ops: readonly PatchOp[]): { design: Design; problems: PatchProblem[] } {
  const copy = structuredClone(design);
  const problems: PatchProblem[] = [];
  ops.forEach((op, index) => {
    const problem = applyOp(copy, op);
    if (problem) problems.push({ index, message: problem });
  });
  return { design: copy, problems };
}

/** A design as written in a scenario file, completed: catalog defaults filled in, connection defaults set. */
export function completeDesign(file: ScenarioDesignFile, id: string, name: string): Design {
  return {
    id: file.id ?? id,
    name: file.name ?? name,
    nodes: file.nodes.map(completeNode),
    edges: file.edges.map(completeEdge),
    groups: structuredClone(file.groups),
  };
}

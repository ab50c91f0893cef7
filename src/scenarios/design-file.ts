// A design back in the scenario file's shape, and from there to the shortest data that loads the
// same: the part of writing a scenario file that every mode shares (author-file.ts writes the
// common fields, each mode's spec its own fields with these).
import { getParamSpec, PARAM_KEYS } from '../model/catalog';
import type { ComponentKind, Design, DesignEdge, DesignGroup, DesignNode } from '../model/types';
import type { PatchOp, ScenarioDesignFile, ScenarioEdgeFile, ScenarioNodeFile } from './schema';

/** Plain data in the file's shape with every default left out: what YAML export and share links carry. */
export type ScenarioData = Record<string, unknown>;

type ScenarioGroupFile = ScenarioDesignFile['groups'][number];

const PARAM_KEY_SET = new Set<string>(PARAM_KEYS);

export interface DesignFileOptions {
  /** Left out of the file when the design's id or name equals them (they are what loading fills in). */
  defaultId?: string;
  defaultName?: string;
  /** Round positions and sizes to whole pixels (a design from the canvas has fractions from dragging). */
  round?: boolean;
}

/** The values the file needs: settings the kind has whose value differs from the catalog default. */
export function paramsFile(kind: ComponentKind, params: Readonly<Record<string, number | undefined>>): ScenarioNodeFile['params'] {
  const kept = Object.entries(params).filter(([key, value]) => {
    // Settings the kind does not have are ignored by the engine; the file format has no room for them.
    const spec = PARAM_KEY_SET.has(key) ? getParamSpec(kind, key) : undefined;
    return value !== undefined && spec !== undefined && value !== spec.default;
  });
  return kept.length > 0 ? (Object.fromEntries(kept) as ScenarioNodeFile['params']) : undefined;
}

/** Math.round gives -0 for -0.2, which reads oddly and is not equal to 0 in tests. */
const rounded = (n: number) => Math.round(n) + 0;

function point(p: { x: number; y: number }, round: boolean) {
  return round ? { x: rounded(p.x), y: rounded(p.y) } : { x: p.x, y: p.y };
}

function nodeFile(node: DesignNode, round: boolean): ScenarioNodeFile {
  const params = paramsFile(node.kind, node.params);
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    ...(node.groupId === undefined ? {} : { groupId: node.groupId }),
    position: point(node.position, round),
    ...(params === undefined ? {} : { params }),
    ...(node.resilience === undefined ? {} : { resilience: structuredClone(node.resilience) }),
  };
}

function edgeFile(edge: DesignEdge): ScenarioEdgeFile {
  const { id, source, target, mode, callsPerRequest, share, label, onCacheMiss, resilience } = edge;
  return {
    id,
    source,
    target,
    mode,
    callsPerRequest,
    share,
    ...(label === undefined ? {} : { label }),
    ...(onCacheMiss === undefined ? {} : { onCacheMiss }),
    ...(resilience === undefined ? {} : { resilience: structuredClone(resilience) }),
  };
}

function groupFile(group: DesignGroup, round: boolean): ScenarioGroupFile {
  const { id, kind, label, parentId, position, size } = group;
  const whole = (n: number) => (round ? Math.max(1, rounded(n)) : n);
  return {
    id,
    kind,
    label,
    ...(parentId === undefined ? {} : { parentId }),
    position: point(position, round),
    size: { width: whole(size.width), height: whole(size.height) },
  };
}

/** A design as the file writes it; the saved simulation setup is left out (a scenario has its own workload and failures). */
export function designToFile(design: Design, options: DesignFileOptions = {}): ScenarioDesignFile {
  const round = options.round ?? false;
  return {
    ...(design.id === options.defaultId || design.id === '' ? {} : { id: design.id }),
    ...(design.name === options.defaultName || design.name.trim() === '' ? {} : { name: design.name }),
    groups: design.groups.map((g) => groupFile(g, round)),
    nodes: design.nodes.map((n) => nodeFile(n, round)),
    edges: design.edges.map(edgeFile),
  };
}

// ---- the shortest data that loads the same ---------------------------------------------------

/** A copy without the keys whose value is undefined (JSON and YAML would write them as nothing or null). */
export function defined<T extends object>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export const nonEmpty = (list: readonly unknown[] | undefined) => list !== undefined && list.length > 0;

function compactNode(node: ScenarioNodeFile): ScenarioData {
  const { params, resilience, ...rest } = node;
  const kept = paramsFile(node.kind, params ?? {});
  return { ...defined(rest), ...(kept === undefined ? {} : { params: kept }), ...(resilience === undefined ? {} : { resilience }) };
}

function compactEdge(edge: ScenarioEdgeFile): ScenarioData {
  const { id, source, target, mode, callsPerRequest, share, label, onCacheMiss, resilience } = edge;
  return defined({
    id,
    source,
    target,
    mode: mode === 'sync' ? undefined : mode,
    callsPerRequest: callsPerRequest === 1 ? undefined : callsPerRequest,
    share: share === 1 ? undefined : share,
    label,
    onCacheMiss,
    resilience,
  });
}

export function compactDesign(design: ScenarioDesignFile): ScenarioData {
  return defined({
    id: design.id,
    name: design.name,
    groups: nonEmpty(design.groups) ? design.groups.map((g) => defined(g)) : undefined,
    nodes: design.nodes.map(compactNode),
    edges: nonEmpty(design.edges) ? design.edges.map(compactEdge) : undefined,
  });
}

export function compactOp(op: PatchOp): ScenarioData {
  if (op.op === 'add-node') return { op: op.op, node: compactNode(op.node) };
  if (op.op === 'add-edge') return { op: op.op, edge: compactEdge(op.edge) };
  if (op.op === 'add-group') return { op: op.op, group: defined(op.group) };
  return defined(op);
}

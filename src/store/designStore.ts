// The one place the design changes. Actions are named for what the learner does.
// Undo/redo (zundo) tracks the design only: selection, drag previews and the clipboard are not history.
import { NODE_SIZE } from '../model/card';
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
import { temporal } from 'zundo';
import type { CardSide, ComponentKind, Design, DesignEdge, DesignGroup, DesignNode, EdgeMode, GroupKind, Position } from '../model/types';
import { defaultParams, getKindSpec } from '../model/catalog';
import { sharesAfterConnect } from '../model/routing';
import { routesOneTarget } from '../model/traits';
import { newId } from './ids';
import { connectionProblem } from '../model/connection-rules';
import { withoutParts } from '../model/setup-references';
import { laidOut, type LayoutResult } from '../model/layout-graph';
import { facingSides } from '../model/connection-geometry';
import type { EdgeResilience, NodeResilience, SimulationSetup } from '../model/simulation-setup';

export interface Clipboard {
  nodes: DesignNode[];
  edges: DesignEdge[];
}

export interface DesignState {
  design: Design;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  /** Positions of nodes being dragged, shown live but committed to the design on drop (one undo step). */
  dragPositions: Record<string, Position> | null;
  clipboard: Clipboard | null;
  /** Node whose label is being edited inline. */
  renamingId: string | null;

  loadDesign: (design: Design) => void;
  addComponent: (kind: ComponentKind, position: Position) => string;
  /** The new (or existing) connection's id; null when connectionProblem refuses it. */
  /** sides: the dots the connection was drawn between; left out (a keyboard connect), the sides of the two cards that face each other. */
  connect: (source: string, target: string, mode?: EdgeMode, sides?: { sourceSide: CardSide; targetSide: CardSide }) => string | null;
  setParam: (nodeId: string, key: string, value: number) => void;
  resetParam: (nodeId: string, key: string) => void;
  updateEdge: (edgeId: string, patch: Partial<Pick<DesignEdge, 'mode' | 'callsPerRequest' | 'share' | 'label' | 'onCacheMiss'>>) => void;
  renameNode: (nodeId: string, label: string) => void;
  renameDesign: (name: string) => void;
  renameGroup: (groupId: string, label: string) => void;
  previewDrag: (positions: Record<string, Position>) => void;
  commitDrag: () => void;
  moveNodes: (positions: Record<string, Position>) => void;
  /** Cards, groups and connection paths where auto-layout put them: one undo step. */
  applyLayout: (layout: LayoutResult) => void;
  select: (nodeIds: string[], edgeIds: string[]) => void;
  selectAll: () => void;
  deleteSelection: () => void;
  copySelection: () => void;
  paste: (offset?: Position) => void;
  duplicateSelection: () => void;
  groupSelection: (kind: GroupKind) => string | null;
  ungroupSelection: () => void;
  startRename: (nodeId: string | null) => void;
  setSimulation: (setup: SimulationSetup | undefined) => void;
  setNodeResilience: (nodeId: string, resilience: NodeResilience | undefined) => void;
  setEdgeResilience: (edgeId: string, resilience: EdgeResilience | undefined) => void;
}

const GROUP_PADDING = 40; // px around grouped components, room for the zone's title

function cloneDesign(d: Design): Design {
  return JSON.parse(JSON.stringify(d)) as Design;
}

function emptyDesign(): Design {
  return { id: 'untitled', name: 'Untitled design', nodes: [], edges: [], groups: [] };
}

/** Node and group ids share one namespace so a selection id is never ambiguous. */
function takenIds(d: Design): Set<string> {
  return new Set([...d.nodes.map((n) => n.id), ...d.groups.map((g) => g.id), ...d.edges.map((e) => e.id)]);
}

function kindPrefix(kind: ComponentKind): string {
  return kind.replace(/[^a-z]/g, '').slice(0, 6);
}

/**
 * A component name no other component has: the name itself when free, else its stem numbered one past
 * the highest number in use ("Service 3" pasted beside Service, Service 2 and Service 3 is "Service 4").
 */
export function uniqueLabel(label: string, taken: ReadonlySet<string>): string {
  if (!taken.has(label)) return label;
  const stem = label.replace(/\s+\d+$/, '');
  let highest = 1;
  for (const t of taken) {
    if (t === stem) continue;
    const m = t.startsWith(`${stem} `) ? /^\d+$/.exec(t.slice(stem.length + 1)) : null;
    if (m) highest = Math.max(highest, Number(m[0]));
  }
  return `${stem} ${highest + 1}`;
}

export { NODE_SIZE };

/** Which group (innermost: a zone before a region) contains a point. */
export function groupAt(groups: DesignGroup[], p: Position): DesignGroup | undefined {
  const inside = groups.filter((g) => p.x >= g.position.x && p.y >= g.position.y && p.x <= g.position.x + g.size.width && p.y <= g.position.y + g.size.height);
  return inside.find((g) => g.kind === 'zone') ?? inside[0];
}

function centre(n: DesignNode): Position {
  return { x: n.position.x + NODE_SIZE.width / 2, y: n.position.y + NODE_SIZE.height / 2 };
}

export const useDesignStore = create<DesignState>()(
  temporal(
    immer((set, get) => ({
      design: emptyDesign(),
      selectedNodeIds: [],
      selectedEdgeIds: [],
      dragPositions: null,
      clipboard: null,
      renamingId: null,

      loadDesign: (design) => {
        set((s) => {
          s.design = cloneDesign(design);
          s.selectedNodeIds = [];
          s.selectedEdgeIds = [];
          s.dragPositions = null;
          s.renamingId = null;
        });
        useDesignStore.temporal.getState().clear();
      },

      addComponent: (kind, position) => {
        const id = newId(kindPrefix(kind), takenIds(get().design));
        set((s) => {
          const node: DesignNode = {
            id,
            kind,
            label: uniqueLabel(getKindSpec(kind).label, new Set(s.design.nodes.map((n) => n.label))),
            params: defaultParams(kind),
            position: { x: Math.round(position.x), y: Math.round(position.y) },
          };
          const group = groupAt(s.design.groups, centre(node));
          if (group) node.groupId = group.id;
          s.design.nodes.push(node);
          s.selectedNodeIds = [id];
          s.selectedEdgeIds = [];
        });
        return id;
      },

      connect: (source, target, mode = 'sync', sides) => {
        const d = get().design;
        const existing = d.edges.find((e) => e.source === source && e.target === target);
        if (existing) return existing.id;
        // The canvas asks connectionProblem first to say why; this keeps every other caller honest.
        if (connectionProblem(d, source, target, mode)) return null;
        const id = newId('e', takenIds(d));
        const router = d.nodes.find((n) => n.id === source)!;
        const callee = d.nodes.find((n) => n.id === target)!;
        const attach = sides ?? facingSides(router.position, callee.position);
        // Out of a router a new target joins the split evenly (see model/routing).
        const shares = routesOneTarget(router) ? sharesAfterConnect(d.edges.filter((e) => e.source === source), id) : {};
        set((s) => {
          for (const e of s.design.edges) if (shares[e.id] !== undefined) e.share = shares[e.id]!;
          s.design.edges.push({ id, source, target, mode, callsPerRequest: 1, share: shares[id] ?? 1, sourceSide: attach.sourceSide, targetSide: attach.targetSide });
          s.selectedEdgeIds = [id];
          s.selectedNodeIds = [];
        });
        return id;
      },

      setParam: (nodeId, key, value) =>
        set((s) => {
          const node = s.design.nodes.find((n) => n.id === nodeId);
          if (node && node.params[key] !== value) node.params[key] = value;
        }),

      resetParam: (nodeId, key) =>
        set((s) => {
          const node = s.design.nodes.find((n) => n.id === nodeId);
          const def = node ? defaultParams(node.kind)[key] : undefined;
          if (node && def !== undefined) node.params[key] = def;
        }),

      updateEdge: (edgeId, patch) =>
        set((s) => {
          const edge = s.design.edges.find((e) => e.id === edgeId);
          if (!edge) return;
          Object.assign(edge, patch);
          // onCacheMiss undefined means the default (cache-aside): drop the key rather than store undefined.
          if ('onCacheMiss' in patch && patch.onCacheMiss === undefined) delete edge.onCacheMiss;
        }),

      renameNode: (nodeId, label) =>
        set((s) => {
          const node = s.design.nodes.find((n) => n.id === nodeId);
          const clean = label.trim().slice(0, 200);
          if (node && clean && node.label !== clean) node.label = clean;
          s.renamingId = null;
        }),

      renameDesign: (name) =>
        set((s) => {
          const clean = name.trim().slice(0, 200);
          if (clean) s.design.name = clean;
        }),

      renameGroup: (groupId, label) =>
        set((s) => {
          const g = s.design.groups.find((x) => x.id === groupId);
          const clean = label.trim().slice(0, 200);
          if (g && clean) g.label = clean;
        }),

      previewDrag: (positions) =>
        set((s) => {
          s.dragPositions = { ...(s.dragPositions ?? {}), ...positions };
        }),

      commitDrag: () => {
        const drag = get().dragPositions;
        if (!drag) return;
        get().moveNodes(drag);
        set((s) => {
          s.dragPositions = null;
        });
      },

      moveNodes: (positions) =>
        set((s) => {
          // A connection of a moved card no longer runs where auto-layout routed it: it is drawn as a curve again.
          for (const e of s.design.edges) if (e.path && (positions[e.source] || positions[e.target])) delete e.path;
          for (const g of s.design.groups) {
            const p = positions[g.id];
            if (p) g.position = { x: Math.round(p.x), y: Math.round(p.y) };
          }
          for (const n of s.design.nodes) {
            const p = positions[n.id];
            if (!p) continue;
            n.position = { x: Math.round(p.x), y: Math.round(p.y) };
            // Dropping a component inside a zone puts it in that zone; dropping it outside takes it out.
            const group = groupAt(s.design.groups, centre(n));
            if (group) n.groupId = group.id;
            else delete n.groupId;
          }
        }),

      // Layout keeps every component in its zone: only positions, zone sizes and connection paths change.
      applyLayout: (layout) => set({ design: laidOut(get().design, layout) }),

      select: (nodeIds, edgeIds) =>
        set((s) => {
          s.selectedNodeIds = nodeIds;
          s.selectedEdgeIds = edgeIds;
        }),

      selectAll: () =>
        set((s) => {
          s.selectedNodeIds = s.design.nodes.map((n) => n.id);
          s.selectedEdgeIds = s.design.edges.map((e) => e.id);
        }),

      deleteSelection: () =>
        set((s) => {
          const nodes = new Set(s.selectedNodeIds);
          const edges = new Set(s.selectedEdgeIds);
          if (nodes.size === 0 && edges.size === 0) return;
          // Deleting a zone keeps its components: they just leave the zone.
          const groups = new Set(s.design.groups.filter((g) => nodes.has(g.id)).map((g) => g.id));
          s.design.nodes = s.design.nodes.filter((n) => !nodes.has(n.id));
          for (const n of s.design.nodes) if (n.groupId && groups.has(n.groupId)) delete n.groupId;
          s.design.groups = s.design.groups.filter((g) => !groups.has(g.id));
          for (const g of s.design.groups) if (g.parentId && groups.has(g.parentId)) delete g.parentId;
          s.design.edges = s.design.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
          // The simulation setup must not name what is gone (the design would no longer load).
          if (s.design.simulation) s.design.simulation = withoutParts(s.design.simulation, nodes);
          s.selectedNodeIds = [];
          s.selectedEdgeIds = [];
        }),

      copySelection: () => {
        const { design, selectedNodeIds } = get();
        const ids = new Set(selectedNodeIds);
        const nodes = design.nodes.filter((n) => ids.has(n.id));
        if (nodes.length === 0) return;
        const edges = design.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
        set((s) => {
          s.clipboard = JSON.parse(JSON.stringify({ nodes, edges })) as Clipboard;
        });
      },

      paste: (offset = { x: 40, y: 40 }) => {
        const clip = get().clipboard;
        if (!clip) return;
        set((s) => {
          const taken = takenIds(s.design);
          const labels = new Set(s.design.nodes.map((n) => n.label));
          const map = new Map<string, string>();
          const newNodes: string[] = [];
          for (const n of clip.nodes) {
            const id = newId(kindPrefix(n.kind), taken);
            taken.add(id);
            map.set(n.id, id);
            newNodes.push(id);
            const label = uniqueLabel(n.label, labels);
            labels.add(label);
            const copy: DesignNode = { ...n, id, label, params: { ...n.params }, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
            if (copy.groupId && !s.design.groups.some((g) => g.id === copy.groupId)) delete copy.groupId;
            s.design.nodes.push(copy);
          }
          const newEdges: string[] = [];
          for (const e of clip.edges) {
            const id = newId('e', taken);
            taken.add(id);
            newEdges.push(id);
            // The copies sit elsewhere, so the original's path around the cards does not fit them.
            const { path: _path, ...edge } = e;
            s.design.edges.push({ ...edge, id, source: map.get(e.source)!, target: map.get(e.target)! });
          }
          s.selectedNodeIds = newNodes;
          s.selectedEdgeIds = newEdges;
          // Shift the clipboard so pasting again does not stack copies on top of each other.
          s.clipboard = { nodes: clip.nodes.map((n) => ({ ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } })), edges: clip.edges };
        });
      },

      duplicateSelection: () => {
        const saved = get().clipboard;
        get().copySelection();
        get().paste();
        set((s) => {
          s.clipboard = saved;
        });
      },

      groupSelection: (kind) => {
        const { design, selectedNodeIds } = get();
        const ids = new Set(selectedNodeIds);
        const nodes = design.nodes.filter((n) => ids.has(n.id));
        const childGroups = design.groups.filter((g) => ids.has(g.id) && g.kind === 'zone');
        if (nodes.length === 0 && childGroups.length === 0) return null;
        const rects = [
          ...nodes.map((n) => ({ x: n.position.x, y: n.position.y, w: NODE_SIZE.width, h: NODE_SIZE.height })),
          ...childGroups.map((g) => ({ x: g.position.x, y: g.position.y, w: g.size.width, h: g.size.height })),
        ];
        const minX = Math.min(...rects.map((r) => r.x)) - GROUP_PADDING;
        const minY = Math.min(...rects.map((r) => r.y)) - GROUP_PADDING;
        const maxX = Math.max(...rects.map((r) => r.x + r.w)) + GROUP_PADDING;
        const maxY = Math.max(...rects.map((r) => r.y + r.h)) + GROUP_PADDING / 2;
        const id = newId(kind, takenIds(design));
        set((s) => {
          const count = s.design.groups.filter((g) => g.kind === kind).length + 1;
          s.design.groups.push({
            id,
            kind,
            label: kind === 'zone' ? `Zone ${String.fromCharCode(96 + Math.min(count, 26))}` : `Region ${count}`,
            position: { x: Math.round(minX), y: Math.round(minY) },
            size: { width: Math.round(maxX - minX), height: Math.round(maxY - minY) },
          });
          for (const n of s.design.nodes) if (ids.has(n.id)) n.groupId = id;
          if (kind === 'region') for (const g of s.design.groups) if (ids.has(g.id) && g.kind === 'zone') g.parentId = id;
          s.selectedNodeIds = [id];
          s.selectedEdgeIds = [];
        });
        return id;
      },

      ungroupSelection: () =>
        set((s) => {
          const ids = new Set(s.selectedNodeIds);
          const groups = s.design.groups.filter((g) => ids.has(g.id));
          if (groups.length === 0) return;
          const removed = new Set(groups.map((g) => g.id));
          const members: string[] = [];
          for (const n of s.design.nodes) {
            if (n.groupId && removed.has(n.groupId)) {
              const parent = groups.find((g) => g.id === n.groupId)?.parentId;
              if (parent && !removed.has(parent)) n.groupId = parent;
              else delete n.groupId;
              members.push(n.id);
            }
          }
          for (const g of s.design.groups) if (g.parentId && removed.has(g.parentId)) delete g.parentId;
          s.design.groups = s.design.groups.filter((g) => !removed.has(g.id));
          if (s.design.simulation) s.design.simulation = withoutParts(s.design.simulation, removed);
          s.selectedNodeIds = members;
        }),

      startRename: (nodeId) =>
        set((s) => {
          s.renamingId = nodeId;
        }),

      setSimulation: (setup) =>
        set((s) => {
          if (setup) s.design.simulation = setup;
          else delete s.design.simulation;
        }),

      setNodeResilience: (nodeId, resilience) =>
        set((s) => {
          const node = s.design.nodes.find((n) => n.id === nodeId);
          if (!node) return;
          if (resilience && Object.keys(resilience).length) node.resilience = resilience;
          else delete node.resilience;
        }),

      setEdgeResilience: (edgeId, resilience) =>
        set((s) => {
          const edge = s.design.edges.find((e) => e.id === edgeId);
          if (!edge) return;
          if (resilience && Object.keys(resilience).length) edge.resilience = resilience;
          else delete edge.resilience;
        }),
    })),
    {
      partialize: (state) => ({ design: state.design }),
      equality: (a, b) => a.design === b.design,
      limit: 200,
    },
  ),
);

export const undo = () => useDesignStore.temporal.getState().undo();
export const redo = () => useDesignStore.temporal.getState().redo();

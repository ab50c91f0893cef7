// The diagram: React Flow, controlled by the design store. Node components stay small;
// every change goes through a store action so undo and autosave see it.
import { useCallback, useMemo, useRef } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { ComponentNode } from './ComponentNode';
import { GroupNode } from './GroupNode';
import { NODE_SIZE, useDesignStore } from '../store/designStore';
import type { Design, DesignEdge, DesignNode, EdgeMode, Position } from '../model/types';
import type { ComponentFlowNode, FlowEdge, FlowNode, GroupFlowNode, NodeOverlay } from './flowTypes';
import { COMPONENT_KINDS, type ComponentKind } from '../model/types';
import { CATEGORY_COLOR } from './icons';
import { getKindSpec, paramValue } from '../model/catalog';

export const DRAG_MIME = 'application/x-archlab-kind';

/** Room kept free when fitting the diagram: the right side is where the mini map sits (150 px wide). */
export const FIT_PADDING = { top: '48px', bottom: '40px', left: '72px', right: '190px' } as const;

const nodeTypes = { component: ComponentNode, zone: GroupNode };

/**
 * Every node object we hand React Flow carries its size as `measured`. Without it React Flow treats
 * a new node object (one per pointer move for the node being dragged) as never measured: it drops
 * the node's handle positions, unmounts its connections for a frame, then measures the node in the
 * DOM again and mounts them back (forced layouts, SVG text measuring) on every move.
 */
const MEASURED = { width: NODE_SIZE.width, height: NODE_SIZE.height };

/**
 * While a few components are dragged, they and their connections are drawn on compositor layers of
 * their own (class `moving`, see styles.css), so each frame repaints only those instead of every
 * connection crossing the area they sweep. Dashed connections are costly to raster: without this a
 * drag at working zoom ran at 20-30 frames/s on a 500-component design. Above these counts the
 * layers would cost more memory than the repaint they save.
 */
const MAX_LAYERED_NODES = 24;
const MAX_LAYERED_EDGES = 64;

const ZOOMED_OUT_BELOW = 0.4; // zoom factor: node labels are ~5 px tall there
const SYNC_COLOR = '#334155';
const ASYNC_COLOR = '#7c3aed';

function edgeLabel(e: DesignEdge): string | undefined {
  const parts: string[] = [];
  if (e.mode === 'async') parts.push('async');
  if (e.share < 1) parts.push(`${Math.round(e.share * 100)}%`);
  if (e.callsPerRequest !== 1) parts.push(`×${e.callsPerRequest}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** Members that travel with a group when it is dragged: its components and, for a region, its zones and theirs. */
function groupMembers(design: Design, groupId: string): { nodes: DesignNode[]; zones: string[] } {
  const zones = design.groups.filter((g) => g.parentId === groupId).map((g) => g.id);
  const inside = new Set([groupId, ...zones]);
  return { nodes: design.nodes.filter((n) => n.groupId !== undefined && inside.has(n.groupId)), zones };
}

// Props handed to React Flow are module constants or stable callbacks: React Flow copies each changed
// prop into its store (one store update, and ~1,300 selector runs on a big design, per changed prop)
// and hands handlers down to every node, so a new function or object each render would cost that on
// every drag frame.
const FIT_VIEW_OPTIONS = { padding: FIT_PADDING };
const PRO_OPTIONS = { hideAttribution: false };
const MULTI_SELECTION_KEYS = ['Meta', 'Control'];
const MINIMAP_STYLE = { width: 150, height: 96 };
const miniMapNodeColor = (n: FlowNode) => (n.type === 'zone' ? 'transparent' : CATEGORY_COLOR[getKindSpec((n as ComponentFlowNode).data.kind).category]);
const miniMapNodeStroke = (n: FlowNode) => (n.type === 'zone' ? '#94a3b8' : 'transparent');
const commitDrag = () => useDesignStore.getState().commitDrag();
const onNodeDoubleClick = (_: React.MouseEvent, n: FlowNode) => {
  if (n.type === 'component') useDesignStore.getState().startRename(n.id);
};

export interface CanvasProps {
  connectMode: EdgeMode;
  overlay: Record<string, NodeOverlay> | null;
  edgeWidths: Record<string, number> | null;
}

export function Canvas({ connectMode, overlay, edgeWidths }: CanvasProps) {
  const design = useDesignStore((s) => s.design);
  const selectedNodeIds = useDesignStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useDesignStore((s) => s.selectedEdgeIds);
  const dragPositions = useDesignStore((s) => s.dragPositions);
  const { screenToFlowPosition } = useReactFlow();
  // Below this zoom, text is too small to read: draw plain cards and hide edge labels (much cheaper to paint).
  const zoomedOut = useFlowStore((s) => s.transform[2] < ZOOMED_OUT_BELOW);
  const nodeCache = useRef(new WeakMap<DesignNode, { key: string; node: ComponentFlowNode }>());
  const edgeCache = useRef(new WeakMap<DesignEdge, { key: string; edge: FlowEdge }>());

  // What a drag moves: fixed for the whole drag, so this changes only when a drag starts or ends.
  const movingKey = dragPositions ? Object.keys(dragPositions).join('\n') : '';
  const moving = useMemo(() => (movingKey ? new Set(movingKey.split('\n')) : null), [movingKey]);
  // Edges touching what is dragged, when few enough to give each its own compositor layer (see styles.css).
  const movingEdges = useMemo(() => {
    if (!moving || moving.size > MAX_LAYERED_NODES) return null;
    const ids = new Set(design.edges.filter((e) => moving.has(e.source) || moving.has(e.target)).map((e) => e.id));
    return ids.size <= MAX_LAYERED_EDGES ? ids : null;
  }, [moving, design.edges]);
  const layered = movingEdges !== null;

  const nodes = useMemo<FlowNode[]>(() => {
    const selected = new Set(selectedNodeIds);
    const groups: GroupFlowNode[] = design.groups
      .slice()
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'region' ? -1 : 1))
      .map((g) => ({
        id: g.id,
        type: 'zone',
        position: dragPositions?.[g.id] ?? g.position,
        width: g.size.width,
        height: g.size.height,
        measured: { width: g.size.width, height: g.size.height },
        zIndex: g.kind === 'region' ? -2 : -1,
        selected: selected.has(g.id),
        data: { kind: g.kind, label: g.label },
        ariaLabel: `${g.kind === 'zone' ? 'Zone' : 'Region'} ${g.label}`,
      }));
    const comps = design.nodes.map((n) => {
      const position = dragPositions?.[n.id] ?? n.position;
      const o = overlay?.[n.id];
      const isSelected = selected.has(n.id);
      const isLayered = layered && moving!.has(n.id);
      const key = `${position.x},${position.y},${isSelected},${isLayered},${o ? `${o.utilization},${o.saturated},${o.p99Ms},${o.stale},${o.down}` : ''}`;
      const cached = nodeCache.current.get(n);
      if (cached && cached.key === key) return cached.node;
      const node: ComponentFlowNode = {
        id: n.id,
        type: 'component',
        position,
        selected: isSelected,
        ...(isLayered ? { className: 'moving' } : {}),
        width: NODE_SIZE.width,
        height: NODE_SIZE.height,
        measured: MEASURED,
        data: { kind: n.kind, label: n.label, instances: paramValue(n, 'instances'), ...(o ? { overlay: o } : {}) },
        ariaLabel: `${getKindSpec(n.kind).label}: ${n.label}`,
      };
      nodeCache.current.set(n, { key, node });
      return node;
    });
    return [...groups, ...comps];
  }, [design.nodes, design.groups, selectedNodeIds, dragPositions, overlay, layered, moving]);

  const edges = useMemo<FlowEdge[]>(() => {
    const selected = new Set(selectedEdgeIds);
    const animate = design.edges.length <= 150; // marching dashes cost a repaint per frame per edge
    return design.edges.map((e) => {
      const isSelected = selected.has(e.id);
      const isMoving = movingEdges?.has(e.id) ?? false;
      const width = edgeWidths?.[e.id] ?? 1.75;
      // Unchanged connections keep their object, so React Flow re-renders only the ones that changed.
      const key = `${isSelected},${isMoving},${width},${zoomedOut},${animate}`;
      const cached = edgeCache.current.get(e);
      if (cached && cached.key === key) return cached.edge;
      const color = e.mode === 'async' ? ASYNC_COLOR : SYNC_COLOR;
      const label = zoomedOut ? undefined : edgeLabel(e);
      const edge: FlowEdge = {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'default',
        selected: isSelected,
        animated: e.mode === 'async' && animate,
        className: `edge-${e.mode}${isMoving ? ' moving' : ''}`,
        style: { stroke: color, strokeWidth: width, ...(e.mode === 'async' ? { strokeDasharray: '6 4' } : {}) },
        markerEnd: { type: e.mode === 'async' ? MarkerType.Arrow : MarkerType.ArrowClosed, color, width: 16, height: 16, markerUnits: 'userSpaceOnUse', strokeWidth: 1.5 },
        ...(label ? { label, labelBgPadding: [4, 2] as [number, number], labelBgBorderRadius: 4, labelBgStyle: { fill: '#ffffff', fillOpacity: 0.95 }, labelStyle: { fill: color, fontWeight: 600, fontSize: 11 } } : {}),
        data: { mode: e.mode },
        ariaLabel: `${e.mode === 'async' ? 'Async message' : 'Sync call'} from ${e.source} to ${e.target}`,
      };
      edgeCache.current.set(e, { key, edge });
      return edge;
    });
  }, [design.edges, selectedEdgeIds, edgeWidths, zoomedOut, movingEdges]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const state = useDesignStore.getState();
    const d = state.design;
    let selection: Set<string> | null = null;
    const dragging: Record<string, Position> = {};
    const moved: Record<string, Position> = {};
    for (const c of changes) {
      if (c.type === 'select') {
        selection ??= new Set(state.selectedNodeIds);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      } else if (c.type === 'position' && c.position) {
        (c.dragging ? dragging : moved)[c.id] = c.position;
      }
    }
    if (selection) state.select([...selection], state.selectedEdgeIds);
    const withMembers = (positions: Record<string, Position>) => {
      const out = { ...positions };
      for (const g of d.groups) {
        const p = positions[g.id];
        if (!p) continue;
        const dx = p.x - g.position.x;
        const dy = p.y - g.position.y;
        const { nodes: members, zones } = groupMembers(d, g.id);
        for (const m of members) if (!positions[m.id]) out[m.id] = { x: m.position.x + dx, y: m.position.y + dy };
        for (const z of zones) {
          const zone = d.groups.find((x) => x.id === z)!;
          if (!positions[z]) out[z] = { x: zone.position.x + dx, y: zone.position.y + dy };
        }
      }
      return out;
    };
    if (Object.keys(dragging).length) state.previewDrag(withMembers(dragging));
    // Keyboard nudges (arrow keys) arrive as finished moves: one undo step each.
    if (Object.keys(moved).length && !state.dragPositions) state.moveNodes(withMembers(moved));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const state = useDesignStore.getState();
    let selection: Set<string> | null = null;
    for (const c of changes) {
      if (c.type === 'select') {
        selection ??= new Set(state.selectedEdgeIds);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
    }
    if (selection) state.select(state.selectedNodeIds, [...selection]);
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target) useDesignStore.getState().connect(c.source, c.target, connectMode);
    },
    [connectMode],
  );

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const kind = event.dataTransfer.getData(DRAG_MIME) as ComponentKind;
      if (!COMPONENT_KINDS.includes(kind)) return;
      event.preventDefault();
      const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      useDesignStore.getState().addComponent(kind, { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 });
    },
    [screenToFlowPosition],
  );

  const onDragOver = useCallback((event: React.DragEvent) => {
    if (event.dataTransfer.types.includes(DRAG_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const big = design.nodes.length > 200;
  return (
    <ReactFlow<FlowNode, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onNodeDragStop={commitDrag}
      onSelectionDragStop={commitDrag}
      onNodeDoubleClick={onNodeDoubleClick}
      onDrop={onDrop}
      onDragOver={onDragOver}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECTION_KEYS}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.05}
      maxZoom={2.5}
      onlyRenderVisibleElements={big}
      proOptions={PRO_OPTIONS}
      aria-label="Architecture canvas"
      className={zoomedOut ? 'zoomed-out' : undefined}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
      <MiniMap style={MINIMAP_STYLE} pannable zoomable ariaLabel="Mini map" nodeColor={miniMapNodeColor} nodeStrokeColor={miniMapNodeStroke} />
      <Controls showInteractive={false} aria-label="Zoom controls" />
    </ReactFlow>
  );
}

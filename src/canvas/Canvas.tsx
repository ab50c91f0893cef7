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
        zIndex: g.kind === 'region' ? -2 : -1,
        selected: selected.has(g.id),
        data: { kind: g.kind, label: g.label },
        ariaLabel: `${g.kind === 'zone' ? 'Zone' : 'Region'} ${g.label}`,
      }));
    const comps = design.nodes.map((n) => {
      const position = dragPositions?.[n.id] ?? n.position;
      const o = overlay?.[n.id];
      const isSelected = selected.has(n.id);
      const key = `${position.x},${position.y},${isSelected},${o ? `${o.utilization},${o.saturated},${o.p99Ms},${o.stale},${o.down}` : ''}`;
      const cached = nodeCache.current.get(n);
      if (cached && cached.key === key) return cached.node;
      const node: ComponentFlowNode = {
        id: n.id,
        type: 'component',
        position,
        selected: isSelected,
        width: NODE_SIZE.width,
        height: NODE_SIZE.height,
        data: { kind: n.kind, label: n.label, instances: paramValue(n, 'instances'), ...(o ? { overlay: o } : {}) },
        ariaLabel: `${getKindSpec(n.kind).label}: ${n.label}`,
      };
      nodeCache.current.set(n, { key, node });
      return node;
    });
    return [...groups, ...comps];
  }, [design.nodes, design.groups, selectedNodeIds, dragPositions, overlay]);

  const edges = useMemo<FlowEdge[]>(() => {
    const selected = new Set(selectedEdgeIds);
    const animate = design.edges.length <= 150; // marching dashes cost a repaint per frame per edge
    return design.edges.map((e) => {
      const color = e.mode === 'async' ? ASYNC_COLOR : SYNC_COLOR;
      const width = edgeWidths?.[e.id] ?? 1.75;
      const label = zoomedOut ? undefined : edgeLabel(e);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'default',
        selected: selected.has(e.id),
        animated: e.mode === 'async' && animate,
        className: `edge-${e.mode}`,
        style: { stroke: color, strokeWidth: width, ...(e.mode === 'async' ? { strokeDasharray: '6 4' } : {}) },
        markerEnd: { type: e.mode === 'async' ? MarkerType.Arrow : MarkerType.ArrowClosed, color, width: 16, height: 16, markerUnits: 'userSpaceOnUse', strokeWidth: 1.5 },
        ...(label ? { label, labelBgPadding: [4, 2] as [number, number], labelBgBorderRadius: 4, labelBgStyle: { fill: '#ffffff', fillOpacity: 0.95 }, labelStyle: { fill: color, fontWeight: 600, fontSize: 11 } } : {}),
        data: { mode: e.mode },
        ariaLabel: `${e.mode === 'async' ? 'Async message' : 'Sync call'} from ${e.source} to ${e.target}`,
      };
    });
  }, [design.edges, selectedEdgeIds, edgeWidths, zoomedOut]);

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
      onNodeDragStop={() => useDesignStore.getState().commitDrag()}
      onSelectionDragStop={() => useDesignStore.getState().commitDrag()}
      onNodeDoubleClick={(_, n) => n.type === 'component' && useDesignStore.getState().startRename(n.id)}
      onDrop={onDrop}
      onDragOver={onDragOver}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={['Meta', 'Control']}
      fitView
      fitViewOptions={{ padding: FIT_PADDING }}
      minZoom={0.05}
      maxZoom={2.5}
      onlyRenderVisibleElements={big}
      proOptions={{ hideAttribution: false }}
      aria-label="Architecture canvas"
      className={zoomedOut ? 'zoomed-out' : undefined}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
      <MiniMap
        style={{ width: 150, height: 96 }}
        pannable
        zoomable
        ariaLabel="Mini map"
        nodeColor={(n) => (n.type === 'zone' ? 'transparent' : CATEGORY_COLOR[getKindSpec((n as ComponentFlowNode).data.kind).category])}
        nodeStrokeColor={(n) => (n.type === 'zone' ? '#94a3b8' : 'transparent')}
      />
      <Controls showInteractive={false} aria-label="Zoom controls" />
    </ReactFlow>
  );
}

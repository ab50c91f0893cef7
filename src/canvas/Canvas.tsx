// The diagram: React Flow, controlled by the design store. Node components stay small;
// every change goes through a store action so undo and autosave see it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  Panel,
  Position as Side,
  ReactFlow,
  useConnection,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { ComponentNode } from './ComponentNode';
import { GroupNode } from './GroupNode';
import { NODE_SIZE, useDesignStore } from '../store/designStore';
import { isMasked, MASKED_LABEL, useScenarioStore } from '../store/scenarioStore';
import { CARD_SIDES, type CardSide, type Design, type DesignEdge, type DesignNode, type EdgeMode, type Position } from '../model/types';
import type { ComponentFlowNode, FlowEdge, FlowNode, GroupFlowNode } from './flowTypes';
import { useCanvasOverlay } from './overlay';
import { COMPONENT_KINDS, type ComponentKind } from '../model/types';
import { CATEGORY_COLOR, UNKNOWN_COLOR } from './icons';
import { getKindSpec, paramValue } from '../model/catalog';
import { connectionProblem } from '../model/connection-rules';
import { routeEdges } from '../model/routing';
import { edgeLabel, SYNC_COLOR, ASYNC_COLOR } from './edge-label';
import { RoutedEdge } from './RoutedEdge';
import { CurveEdge } from './CurveEdge';
import { FIT_OPTIONS, useFitDiagram } from './fit-view';
import { cardRect, DEFAULT_SIDES, labelPoint, labelSize, pathFits, sideFacing, sidePoint, type Rect } from '../model/connection-geometry';
import { overBudget } from './overview';
import { Overview } from './Overview';
import { NO_EDGES, shownNodes, useNearCards, useOverview, type LiveElements } from './useOverview';
import { CARD_HANDLE_BOXES, cardNamePx } from '../model/card';

const SIDE_POSITION: Record<CardSide, Side> = { top: Side.Top, right: Side.Right, bottom: Side.Bottom, left: Side.Left };

export const DRAG_MIME = 'application/x-archlab-kind';


const nodeTypes = { component: ComponentNode, zone: GroupNode };
// Both draw their labels at a worked-out size: React Flow's own measure each label in the page.
const edgeTypes = { default: CurveEdge, routed: RoutedEdge };

/**
 * Every node object we hand React Flow carries its size as `measured`. Without it React Flow treats
 * a new node object (one per pointer move for the node being dragged) as never measured: it drops
 * the node's handle positions, unmounts its connections for a frame, then measures the node in the
 * DOM again and mounts them back (forced layouts, SVG text measuring) on every move.
 */
const MEASURED = { width: NODE_SIZE.width, height: NODE_SIZE.height };

/**
 * Where a card's two handles sit (model/card.ts). Given to React Flow, they spare it mounting every
 * card of a new design once just to measure its handles (it draws a node it has never measured even
 * when it is off screen): on a 5,000-component design that first mount blocked the page for seconds.
 */
const CARD_HANDLES: NonNullable<ComponentFlowNode['handles']> = CARD_SIDES.map((side) => ({ id: side, type: 'source', position: SIDE_POSITION[side], ...CARD_HANDLE_BOXES[side] }));
/** Zones and regions have no handles; saying so spares their measuring mount too. */
const NO_HANDLES: NonNullable<GroupFlowNode['handles']> = [];

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
const PRO_OPTIONS = { hideAttribution: false };
// Shift+click adds or removes, as in draw.io and Figma; Ctrl/Cmd+click does the same for those used to it.
const MULTI_SELECTION_KEYS = ['Shift', 'Meta', 'Control'];
// Left drag on empty canvas draws a selection box; the middle button (or Space + left drag) pans.
const PAN_BUTTONS = [1];
/**
 * Distance (flow px) from a handle within which a dropped connection snaps to it; 40 px is about
 * half a card's height, so a drop near a card's edge lands. A drop anywhere on a card's body
 * connects too (see onConnectEnd).
 */
const CONNECTION_RADIUS = 40;
const MINIMAP_STYLE = { width: 150, height: 96 };
const miniMapNodeColor = (n: FlowNode) => (n.type === 'zone' ? 'transparent' : n.data.masked === true ? UNKNOWN_COLOR : CATEGORY_COLOR[getKindSpec((n as ComponentFlowNode).data.kind).category]);
const miniMapNodeStroke = (n: FlowNode) => (n.type === 'zone' ? '#94a3b8' : 'transparent');
const commitDrag = () => useDesignStore.getState().commitDrag();
// A box selects the connections between the components it holds; React Flow also takes every
// connection leaving them (to components outside the box), which a Delete would then remove.
const keepInnerEdges = () => {
  const s = useDesignStore.getState();
  const nodes = new Set(s.selectedNodeIds);
  const inner = s.selectedEdgeIds.filter((id) => {
    const e = s.design.edges.find((x) => x.id === id);
    return e !== undefined && nodes.has(e.source) && nodes.has(e.target);
  });
  if (inner.length !== s.selectedEdgeIds.length) s.select(s.selectedNodeIds, inner);
};
const onNodeDoubleClick = (_: React.MouseEvent, n: FlowNode) => {
  if (n.type === 'component') useDesignStore.getState().startRename(n.id);
};

/** A dot's handle id as the side of the card it sits on. */
const asSide = (handleId: string | null | undefined, otherwise: CardSide): CardSide => (CARD_SIDES as readonly (string | null | undefined)[]).includes(handleId) ? (handleId as CardSide) : otherwise;

/** The component card under a screen point, if any (the card's body, a handle or its label). */
function componentAt(clientX: number, clientY: number): string | null {
  for (const el of document.elementsFromPoint(clientX, clientY)) {
    const card = el.closest('.react-flow__node-component');
    if (card) return card.getAttribute('data-id');
  }
  return null;
}

/** Fits the whole drawing, connections included (React Flow's own button fits the cards only). */
function FitButton() {
  const fit = useFitDiagram();
  return (
    <ControlButton className="react-flow__controls-fitview" onClick={() => fit(200)} title="Fit diagram to screen (F)" aria-label="Fit diagram to screen">
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" fill="none" stroke="currentColor" strokeWidth="2" />
      </svg>
    </ControlButton>
  );
}

function ZoomReset() {
  const { zoomTo } = useReactFlow();
  const percent = useFlowStore((s) => Math.round(s.transform[2] * 100));
  return (
    <ControlButton className="zoom-reset" onClick={() => void zoomTo(1, { duration: 200 })} title="Zoom to 100%" aria-label={`Zoom ${percent}%, reset to 100%`} data-testid="zoom-percent">
      {percent}%
    </ControlButton>
  );
}

export interface CanvasProps {
  connectMode: EdgeMode;
  /** The load overlay switch (a simulation replay shows either way). */
  overlayOn: boolean;
  /** true: the mouse wheel zooms (and Shift/Space+wheel scrolls); false: the wheel scrolls and Ctrl+wheel or a pinch zooms. */
  wheelZooms: boolean;
}

export function Canvas({ connectMode, overlayOn, wheelZooms }: CanvasProps) {
  const { overlay, edgeWidths } = useCanvasOverlay(overlayOn);
  const design = useDesignStore((s) => s.design);
  const selectedNodeIds = useDesignStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useDesignStore((s) => s.selectedEdgeIds);
  const dragPositions = useDesignStore((s) => s.dragPositions);
  const { screenToFlowPosition } = useReactFlow();
  const connecting = useConnection((c) => c.inProgress);
  // Why the last connection could not be made; shown until the next connection starts or it is closed.
  const [refusal, setRefusal] = useState<string | null>(null);
  // Below this zoom, text is too small to read: draw plain cards and hide edge labels (much cheaper to paint).
  const zoomedOut = useFlowStore((s) => s.transform[2] < ZOOMED_OUT_BELOW);
  // Between that and where a 13 px name reads, cards show their name alone, at least 10 px on screen (model/card.ts).
  const namePx = useFlowStore((s) => cardNamePx(s.transform[2]));
  const nameStyle = useMemo(() => (namePx === null ? undefined : { ['--card-name-px' as string]: `${namePx}px` }), [namePx]);
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
  // Components an identify scenario asks to name: their cards' and connections' names for screen
  // readers say no more than the card does (the name and kind would answer the question).
  const maskedKey = useScenarioStore((s) => design.nodes.filter((n) => isMasked(s.session, n.id)).map((n) => n.id).join('\n'));
  const masked = useMemo(() => new Set(maskedKey ? maskedKey.split('\n') : []), [maskedKey]);

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
        handles: NO_HANDLES,
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
      const isMaskedCard = masked.has(n.id);
      const key = `${position.x},${position.y},${isSelected},${isLayered},${isMaskedCard},${o ? `${o.utilization},${o.saturated},${o.p99Ms},${o.p99Approximate},${o.stale},${o.down}` : ''}`;
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
        handles: CARD_HANDLES,
        data: { kind: n.kind, label: n.label, instances: paramValue(n, 'instances'), ...(isMaskedCard ? { masked: true } : {}), ...(o ? { overlay: o } : {}) },
        ariaLabel: isMaskedCard ? MASKED_LABEL : `${getKindSpec(n.kind).label}: ${n.label}`,
      };
      nodeCache.current.set(n, { key, node });
      return node;
    });
    return [...groups, ...comps];
  }, [design.nodes, design.groups, selectedNodeIds, dragPositions, overlay, layered, moving, masked]);

  // A view with too much in it shows the overview picture instead of live cards (canvas/useOverview.ts);
  // the connections are then not drawn live, so they are not worked out either.
  const live = useRef<LiveElements>({ nodes: [], edges: [] });
  const overview = useOverview(design, live);
  const routes = useMemo(() => (overview ? null : routeEdges(design)), [design, overview]);
  // On a big design only connections ending near the view are live (canvas/useOverview), so only they are worked out.
  const near = useNearCards(design, overview);
  const edges = useMemo<FlowEdge[]>(() => {
    if (!routes) return [];
    const shown = near ? design.edges.filter((e) => near.has(e.source) || near.has(e.target)) : design.edges;
    const selected = new Set(selectedEdgeIds);
    const labels = new Map(design.nodes.map((n) => [n.id, masked.has(n.id) ? MASKED_LABEL : n.label]));
    const positions = new Map(design.nodes.map((n) => [n.id, n.position]));
    let cards: Rect[] | null = null; // made once, for the first label on a path
    const cardsOnce = () => (cards ??= design.nodes.map((n) => cardRect(n.position)));
    const animate = design.edges.length <= 150; // marching dashes cost a repaint per frame per edge
    return shown.map((e) => {
      const isSelected = selected.has(e.id);
      const isMoving = movingEdges?.has(e.id) ?? false;
      const width = edgeWidths?.[e.id] ?? 1.75;
      // Unchanged connections keep their object, so React Flow re-renders only the ones that changed.
      const from = labels.get(e.source) ?? e.source;
      const to = labels.get(e.target) ?? e.target;
      const label = zoomedOut ? undefined : edgeLabel(e, routes.get(e.id));
      // Along auto-layout's path while it fits both cards where they are (a card being dragged has left it).
      const source = positions.get(e.source);
      const target = positions.get(e.target);
      const path = e.path && source && target && !moving?.has(e.source) && !moving?.has(e.target) && pathFits(e.path, source, target) ? e.path : null;
      const sourceHandle = e.sourceSide ?? DEFAULT_SIDES.source;
      const targetHandle = e.targetSide ?? DEFAULT_SIDES.target;
      const key = `${isSelected},${isMoving},${width},${zoomedOut},${animate},${from},${to},${label},${path !== null},${sourceHandle},${targetHandle}`;
      const cached = edgeCache.current.get(e);
      if (cached && cached.key === key) return cached.edge;
      const color = e.mode === 'async' ? ASYNC_COLOR : SYNC_COLOR;
      const edge = {
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle,
        targetHandle,
        selected: isSelected,
        animated: e.mode === 'async' && animate,
        className: `edge-${e.mode}${isMoving ? ' moving' : ''}`,
        style: { stroke: color, strokeWidth: width, ...(e.mode === 'async' ? { strokeDasharray: '6 4' } : {}) },
        markerEnd: { type: e.mode === 'async' ? MarkerType.Arrow : MarkerType.ArrowClosed, color, width: 16, height: 16, markerUnits: 'userSpaceOnUse', strokeWidth: 1.5 },
        ...(label ? { label } : {}),
        ariaLabel: `${e.mode === 'async' ? 'Async message' : 'Sync call'} from ${from} to ${to}`,
        ...(path
          ? { type: 'routed' as const, data: { mode: e.mode, path, labelAt: label ? labelPoint({ kind: 'routed', points: path }, labelSize(label), cardsOnce()) : null } }
          : { type: 'default' as const, data: { mode: e.mode } }),
      } satisfies FlowEdge;
      edgeCache.current.set(e, { key, edge });
      return edge;
    });
  }, [design.edges, design.nodes, routes, near, selectedEdgeIds, edgeWidths, zoomedOut, movingEdges, moving, masked]);

  const flowNodes = useMemo(() => shownNodes(nodes, overview), [nodes, overview]);
  const flowEdges = overview ? NO_EDGES : edges;
  useEffect(() => {
    live.current = { nodes, edges };
  });

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

  const tryConnect = useCallback(
    (source: string, target: string, sides: { sourceSide: CardSide; targetSide: CardSide }) => {
      const state = useDesignStore.getState();
      const problem = connectionProblem(state.design, source, target, connectMode);
      if (problem) setRefusal(problem);
      else state.connect(source, target, connectMode, sides);
    },
    [connectMode],
  );
  // Every dot is a "source" handle (connectionMode loose): the dot a drag starts from is the caller's.
  const onConnect = useCallback(
    (c: Connection) => tryConnect(c.source, c.target, { sourceSide: asSide(c.sourceHandle, DEFAULT_SIDES.source), targetSide: asSide(c.targetHandle, DEFAULT_SIDES.target) }),
    [tryConnect],
  );
  const onConnectStart = useCallback(() => setRefusal(null), []);
  // React Flow connects only a drop on (or within CONNECTION_RADIUS of) a dot; a drop anywhere
  // else on a component's card connects to that component too, at the side facing the dot it left.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      const dropped = point ? componentAt(point.clientX, point.clientY) : null;
      const nodes = useDesignStore.getState().design.nodes;
      const source = nodes.find((n) => n.id === state.fromNode!.id);
      const target = nodes.find((n) => n.id === dropped);
      if (!source || !target) return;
      const sourceSide = asSide(state.fromHandle.id, DEFAULT_SIDES.source);
      tryConnect(source.id, target.id, { sourceSide, targetSide: sideFacing(target.position, sidePoint(source.position, sourceSide)) });
    },
    [tryConnect],
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
      nodes={flowNodes}
      edges={flowEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onConnectStart={onConnectStart}
      onConnectEnd={onConnectEnd}
      connectionRadius={CONNECTION_RADIUS}
      connectionMode={ConnectionMode.Loose}
      // Auto-pan while connecting near the canvas edge (where the mini map sits) carried the view
      // far away; the wheel scrolls the canvas mid-connection instead.
      autoPanOnConnect={false}
      onNodeDragStop={commitDrag}
      onSelectionDragStop={commitDrag}
      onSelectionEnd={keepInnerEdges}
      onNodeDoubleClick={onNodeDoubleClick}
      onDrop={onDrop}
      onDragOver={onDragOver}
      deleteKeyCode={null}
      selectionOnDrag
      panOnDrag={PAN_BUTTONS}
      // Shift is for adding to the selection; a selection key would turn a Shift+click on a card into a box.
      selectionKeyCode={null}
      multiSelectionKeyCode={MULTI_SELECTION_KEYS}
      panOnScroll={!wheelZooms}
      zoomOnScroll={wheelZooms}
      zoomOnPinch
      fitView
      fitViewOptions={FIT_OPTIONS}
      minZoom={0.05}
      maxZoom={2.5}
      onlyRenderVisibleElements={big}
      proOptions={PRO_OPTIONS}
      aria-label="Architecture canvas"
      style={nameStyle}
      className={[zoomedOut ? 'zoomed-out' : namePx !== null ? 'names-only' : '', connecting ? 'connecting' : ''].join(' ').trim() || undefined}
    >
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
      {overview ? <Overview design={design} /> : null}
      {/* The mini map draws every card as a live element of its own: on a design this big that costs what the overview saves. */}
      {overBudget(design) ? null : <MiniMap style={MINIMAP_STYLE} pannable zoomable ariaLabel="Mini map" nodeColor={miniMapNodeColor} nodeStrokeColor={miniMapNodeStroke} />}
      <Controls showInteractive={false} showFitView={false} orientation="horizontal" aria-label="Zoom controls">
        <FitButton />
        <ZoomReset />
      </Controls>
      {refusal ? (
        <Panel position="top-center" className="canvas-refusal" role="alert" data-testid="connect-refusal">
          <span>{refusal}</span>
          <button type="button" onClick={() => setRefusal(null)} aria-label="Close">×</button>
        </Panel>
      ) : null}
    </ReactFlow>
  );
}

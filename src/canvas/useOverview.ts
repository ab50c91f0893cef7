// Whether the canvas draws the design live or as the overview picture (canvas/overview.ts), and what
// React Flow is handed for each: every card and connection, or the cards hidden and no connections.
// Also fits each design opened to the screen.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useStore as useFlowStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import type { Design } from '../model/types';
import type { FlowEdge, FlowNode } from './flowTypes';
import { cardsIn, overBudget, tooManyInView, viewRect, widened } from './overview';
import { useFitDiagram } from './fit-view';

/** Cards hidden while the overview stands in for them, one copy per card object, so React Flow sees an unchanged card as unchanged. */
const hiddenCopies = new WeakMap<FlowNode, FlowNode>();
/** The cards as React Flow gets them: as they are, or hidden in the overview (zones and regions are few: they stay live). */
export function shownNodes(nodes: FlowNode[], overview: boolean): FlowNode[] {
  if (!overview) return nodes;
  return nodes.map((n) => {
    if (n.type !== 'component') return n;
    let copy = hiddenCopies.get(n);
    if (!copy) hiddenCopies.set(n, (copy = { ...n, hidden: true }));
    return copy;
  });
}
export const NO_EDGES: FlowEdge[] = [];

/** The canvas's latest live cards and connections (connections are left empty while not worked out). */
export interface LiveElements {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

type View = Pick<ReactFlowState, 'transform' | 'width' | 'height'>;
/** unfitted: a design just opened, not yet fitted to the screen; the view it would first be drawn in is the last design's. */
const overviewFor = (s: View, design: Design, unfitted: boolean) =>
  overBudget(design) && (unfitted || (s.width > 0 && s.height > 0 && tooManyInView(design, viewRect(s.transform, s.width, s.height))));

export function useOverview(design: Design, live: RefObject<LiveElements>): boolean {
  const fitDiagram = useFitDiagram();
  // Opening another design (a file, a link, the list) shows all of it; until that fit lands, a big one is drawn as the overview.
  const [fittedId, setFittedId] = useState<string | null>(null);
  useLayoutEffect(() => {
    fitDiagram(0, true);
    setFittedId(design.id);
    // On first show the canvas may not be measured yet: fit again once it is.
    const t = setTimeout(() => fitDiagram(0, true), 60);
    return () => clearTimeout(t);
  }, [design.id, fitDiagram]);
  const unfitted = fittedId !== design.id;
  const overview = useFlowStore(useCallback((s: ReactFlowState) => overviewFor(s, design, unfitted), [design, unfitted]));

  // A zoom or a fit that fills the view changes React Flow's transform before this hook hears of it;
  // React Flow would then mount every card now in view, only to drop them when the overview takes
  // over (on a 5,000-component design, a freeze of many seconds). So the switch is made in React
  // Flow's store the moment the transform changes, before anything is drawn; the render that
  // follows hands React Flow the same cards (and, leaving the overview, works out the connections).
  const flowStore = useStoreApi<FlowNode, FlowEdge>();
  const latest = useRef({ design, unfitted, overview });
  useEffect(() => {
    latest.current = { design, unfitted, overview };
  });
  useEffect(
    () =>
      flowStore.subscribe((s, before) => {
        if (s.transform === before.transform && s.width === before.width && s.height === before.height) return;
        const l = latest.current;
        const now = overviewFor(s, l.design, l.unfitted);
        if (now === l.overview) return;
        l.overview = now;
        s.setNodes(shownNodes(live.current.nodes, now));
        s.setEdges(now ? NO_EDGES : live.current.edges);
      }),
    [flowStore, live],
  );
  return overview;
}

/**
 * On a design over the budget, drawn live: the cards in the view widened by half its size on every
 * side (connections are handed to React Flow only when they end on one of them, else a pan would
 * draw every long connection crossing the view: 1,885 of them at 100% on the generated
 * 5,000-component design). null when every connection is drawn.
 */
export function useNearCards(design: Design, overview: boolean): Set<string> | null {
  const active = !overview && overBudget(design);
  // Changes when the view moves by a quarter of the widened area or zooms by a fifth: the widening covers the view in between.
  const cell = useFlowStore(
    useCallback(
      (s: ReactFlowState) => {
        if (!active || s.width === 0 || s.height === 0) return '';
        const v = viewRect(s.transform, s.width, s.height);
        return `${Math.floor((2 * v.x) / v.width)},${Math.floor((2 * v.y) / v.height)},${Math.round(4 * Math.log2(s.transform[2]))}`;
      },
      [active],
    ),
  );
  const flowStore = useStoreApi<FlowNode, FlowEdge>();
  return useMemo(() => {
    if (!cell) return null;
    const s = flowStore.getState();
    return cardsIn(design, widened(viewRect(s.transform, s.width, s.height)));
  }, [cell, design, flowStore]);
}

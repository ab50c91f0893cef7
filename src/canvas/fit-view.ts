// "Fit view" over everything drawn: React Flow's own fitView fits the cards only, and a path
// auto-layout ran around the outside of them (or a curve bulging out) was left off the screen.
import { useCallback } from 'react';
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import { useDesignStore } from '../store/designStore';
import { drawingBounds } from '../model/fit';
import { FIT_MAX_ZOOM, FIT_PADDING_PX } from '../model/card';

const px = (n: number) => `${n}px` as const;
/** Room kept free when fitting the diagram (model/card.ts says why). */
export const FIT_PADDING = { top: px(FIT_PADDING_PX.top), bottom: px(FIT_PADDING_PX.bottom), left: px(FIT_PADDING_PX.left), right: px(FIT_PADDING_PX.right) };
/**
 * React Flow's fitView on first show, before the design's own fit: the same room, never past 100%
 * (model/card.ts says why), counting the cards the overview stands in for (canvas/overview.ts).
 */
export const FIT_OPTIONS = { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM, includeHiddenNodes: true } as const;

/** Fits the design on screen, connections as drawn included; duration (ms) animates the move. */
export function useFitDiagram(): (duration?: number) => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (duration = 0) => {
      const bounds = drawingBounds(useDesignStore.getState().design);
      const { width, height, minZoom } = store.getState();
      if (!bounds || !width || !height) return;
      void flow.setViewport(getViewportForBounds(bounds, width, height, minZoom, FIT_MAX_ZOOM, FIT_PADDING), { duration });
    },
    [flow, store],
  );
}

// "Fit view" over everything drawn: React Flow's own fitView fits the cards only, and a path
// auto-layout ran around the outside of them (or a curve bulging out) was left off the screen.
import { useCallback } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useDesignStore } from '../store/designStore';
import { drawingBounds, fitViewport, openingViewport } from '../model/fit';
import { FIT_FRAMES, FIT_MAX_ZOOM } from '../model/card';

const px = (n: number) => `${n}px` as const;
const frame = FIT_FRAMES.besideMiniMap;
/**
 * React Flow's fitView on first show, before the design's own fit: clear of the mini map, never
 * past 100% (model/card.ts says why), counting the cards the overview stands in for (canvas/overview.ts).
 */
export const FIT_OPTIONS = {
  padding: { top: px(frame.top), bottom: px(frame.bottom), left: px(frame.left), right: px(frame.right) },
  maxZoom: FIT_MAX_ZOOM,
  includeHiddenNodes: true,
} as const;

/**
 * Fits the design on screen, connections as drawn included; duration (ms) animates the move.
 * opening: the design was just opened, so it is shown at no less than OPEN_MIN_ZOOM (model/fit.ts).
 */
export function useFitDiagram(): (duration?: number, opening?: boolean) => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(
    (duration = 0, opening = false) => {
      const bounds = drawingBounds(useDesignStore.getState().design);
      const { width, height, minZoom } = store.getState();
      if (!bounds || !width || !height) return;
      void flow.setViewport((opening ? openingViewport : fitViewport)(bounds, { width, height }, minZoom), { duration });
    },
    [flow, store],
  );
}

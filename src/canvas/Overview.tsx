// The design drawn as a flat picture while too much of it is in view to draw live (canvas/overview.ts):
// cards as coloured boxes, connections as lines. It sits in the diagram's own coordinates, so panning
// and zooming move it like the live cards, and it takes no pointer events (the pane under it still
// pans and draws a selection box).
import { memo, useMemo } from 'react';
import { Panel, ViewportPortal } from '@xyflow/react';
import type { Design } from '../model/types';
import { getKindSpec } from '../model/catalog';
import { CATEGORY_COLOR } from './icons';
import { ASYNC_COLOR, SYNC_COLOR } from './edge-label';
import { overviewPaths } from './overview';

const colorOf = (kind: Design['nodes'][number]['kind']) => CATEGORY_COLOR[getKindSpec(kind).category];

function OverviewView({ design }: { design: Pick<Design, 'nodes' | 'edges'> }) {
  const paths = useMemo(() => overviewPaths(design, colorOf), [design]);
  return (
    <>
      <ViewportPortal>
        <svg className="design-overview" data-testid="design-overview" aria-hidden="true">
          <path d={paths.sync} stroke={SYNC_COLOR} />
          <path d={paths.async} stroke={ASYNC_COLOR} strokeDasharray="6 4" />
          {paths.cards.map((c) => (
            <path key={c.color} d={c.d} fill={c.color} />
          ))}
        </svg>
      </ViewportPortal>
      <Panel position="top-center" className="overview-note" data-testid="overview-note">
        {design.nodes.length.toLocaleString('en')} components are drawn as a picture at this zoom. Zoom in to select, move or connect them.
      </Panel>
    </>
  );
}

export const Overview = memo(OverviewView);

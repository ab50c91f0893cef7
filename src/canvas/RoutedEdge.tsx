// A connection drawn along the path auto-layout found around the cards (the canvas uses it only
// while the path still fits both cards; otherwise the curve, canvas/CurveEdge, is drawn).
import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { labelPoint, linePath } from '../model/connection-geometry';
import type { RoutedFlowEdge } from './flowTypes';
import { ConnectionLabel } from './ConnectionLabel';

function RoutedEdgeView({ data, markerEnd, style, label, interactionWidth }: EdgeProps<RoutedFlowEdge>) {
  const line = { kind: 'routed', points: data!.path } as const;
  return (
    <>
      <BaseEdge path={linePath(line)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {typeof label === 'string' && label ? <ConnectionLabel text={label} at={data!.labelAt ?? labelPoint(line)} mode={data!.mode} /> : null}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeView);

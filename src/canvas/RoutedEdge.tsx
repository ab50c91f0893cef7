// A connection drawn along the path auto-layout found around the cards (the canvas uses it only
// while the path still fits both cards; otherwise React Flow's own curve is drawn).
import { memo } from 'react';
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { labelPoint, linePath } from '../model/connection-geometry';
import type { RoutedFlowEdge } from './flowTypes';

function RoutedEdgeView({ data, markerEnd, style, label, labelStyle, labelShowBg, labelBgStyle, labelBgPadding, labelBgBorderRadius, interactionWidth }: EdgeProps<RoutedFlowEdge>) {
  const line = { kind: 'routed', points: data!.path } as const;
  const at = data!.labelAt ?? labelPoint(line);
  return (
    <BaseEdge
      path={linePath(line)}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={at.x}
      labelY={at.y}
      labelStyle={labelStyle}
      labelShowBg={labelShowBg}
      labelBgStyle={labelBgStyle}
      labelBgPadding={labelBgPadding}
      labelBgBorderRadius={labelBgBorderRadius}
      interactionWidth={interactionWidth}
    />
  );
}

export const RoutedEdge = memo(RoutedEdgeView);

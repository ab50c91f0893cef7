// A connection drawn as React Flow's curve between the two cards' dots, its label at the curve's
// middle (canvas/ConnectionLabel: a worked-out size, no measuring in the page).
import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { CurvedFlowEdge } from './flowTypes';
import { ConnectionLabel } from './ConnectionLabel';

function CurveEdgeView({ data, sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, markerEnd, style, label, interactionWidth }: EdgeProps<CurvedFlowEdge>) {
  const [path, x, y] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <BaseEdge path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {typeof label === 'string' && label ? <ConnectionLabel text={label} at={{ x, y }} mode={data!.mode} /> : null}
    </>
  );
}

export const CurveEdge = memo(CurveEdgeView);

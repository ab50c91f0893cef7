import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { GroupFlowNode } from './flowTypes';

function GroupNodeView({ id, data, selected, width, height }: NodeProps<GroupFlowNode>) {
  return (
    <div
      className={`group-node group-${data.kind}${selected ? ' selected' : ''}`}
      style={{ width, height }}
      data-testid={`group-${id}`}
    >
      <div className="group-title">
        <span className="group-kind">{data.kind === 'zone' ? 'Availability zone' : 'Region'}</span> {data.label}
      </div>
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);

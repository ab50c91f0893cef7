import { memo, useEffect, useRef } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { CARD_SIDES, type CardSide } from '../model/types';
import { KindIcon, CATEGORY_COLOR, UNKNOWN_COLOR } from './icons';
import { getKindSpec } from '../model/catalog';
import { useDesignStore } from '../store/designStore';
import { MASKED_LABEL, pinCount, useScenarioStore } from '../store/scenarioStore';
import type { ComponentFlowNode } from './flowTypes';
import { APPROXIMATE_TITLE, utilizationColor, formatMs } from './format';

function RenameInput({ id, label }: { id: string; label: string }) {
  const renameNode = useDesignStore((s) => s.renameNode);
  const startRename = useDesignStore((s) => s.startRename);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  return (
    <input
      ref={ref}
      className="node-rename nodrag"
      aria-label="Component name"
      defaultValue={label}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') renameNode(id, e.currentTarget.value);
        if (e.key === 'Escape') startRename(null);
      }}
      onBlur={(e) => renameNode(id, e.currentTarget.value)}
    />
  );
}

const HANDLE_POSITION: Record<CardSide, Position> = { top: Position.Top, right: Position.Right, bottom: Position.Bottom, left: Position.Left };

/**
 * A dot on each side of the card: a connection can be drawn from any of them (the one it starts
 * from is the caller's) and attaches to the side it was drawn from and to, or, after auto-layout,
 * to the sides its path uses. The handle's id is the side's name.
 */
const sideHandles = CARD_SIDES.map((side) => <Handle key={side} id={side} type="source" position={HANDLE_POSITION[side]} className="handle" />);

function ComponentNodeView({ id, data, selected }: NodeProps<ComponentFlowNode>) {
  const spec = getKindSpec(data.kind);
  const renaming = useDesignStore((s) => s.renamingId === id);
  const masked = data.masked === true;
  const pins = useScenarioStore((s) => pinCount(s.session, id));
  const accent = masked ? UNKNOWN_COLOR : CATEGORY_COLOR[spec.category];
  const o = data.overlay;
  const ring = o ? (o.down ? '#0f172a' : o.saturated ? '#b91c1c' : utilizationColor(o.utilization)) : undefined;
  return (
    <div
      className={`component-node${selected ? ' selected' : ''}${o?.saturated ? ' saturated' : ''}${o?.stale ? ' stale' : ''}${masked ? ' masked' : ''}`}
      style={{ ['--accent' as string]: accent, ...(ring ? { ['--ring' as string]: ring } : {}) }}
      data-kind={masked ? undefined : data.kind}
      data-testid={`node-${id}`}
    >
      {sideHandles}
      {pins > 0 ? <span className="pin-badge" title={`${pins} finding${pins > 1 ? 's' : ''} pinned here`}>{pins}</span> : null}
      <div className="component-icon" style={{ color: accent }}>
        {masked ? <span aria-hidden="true">?</span> : <KindIcon kind={data.kind} size={22} />}
      </div>
      <div className="component-text">
        {renaming && !masked ? (
          <RenameInput id={id} label={data.label} />
        ) : (
          <div className="component-label" title={masked ? 'Unknown component' : data.label}>
            {masked ? MASKED_LABEL : data.label}
          </div>
        )}
        <div className="component-kind">
          {masked ? 'name it in the scenario panel' : spec.label}
          {data.instances > 1 && !masked ? <span className="instances"> ×{data.instances}</span> : null}
        </div>
      </div>
      {o ? (
        <div className="overlay-badges">
          <span className="badge util" style={{ background: ring }}>
            {o.down ? 'DOWN' : o.saturated ? 'SATURATED' : o.utilization === null ? '–' : `${Math.round(o.utilization * 100)}%`}
          </span>
          {!o.saturated && o.p99Ms !== null ? (
            o.p99Approximate === true ? (
              <span className="badge lat approx" title={APPROXIMATE_TITLE} data-testid="card-p99">
                p99 ≈{formatMs(o.p99Ms)}
              </span>
            ) : (
              <span className="badge lat" data-testid="card-p99">
                p99 {formatMs(o.p99Ms)}
              </span>
            )
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export const ComponentNode = memo(ComponentNodeView);

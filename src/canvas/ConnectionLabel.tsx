// A connection's label on the canvas: a white box and its words, at a size worked out from the
// words (model/connection-geometry labelBox) instead of measured in the page, as the exported
// picture draws it. Keeps React Flow's class names, so its styles and pointer rules still apply.
import type { EdgeMode, Position } from '../model/types';
import { labelBox } from '../model/connection-geometry';
import { ASYNC_COLOR, SYNC_COLOR } from './edge-label';

// A style, not the fill attribute: React Flow's stylesheet sets the text's fill, and a stylesheet outranks an attribute.
const SYNC_FILL = { fill: SYNC_COLOR };
const ASYNC_FILL = { fill: ASYNC_COLOR };

export function ConnectionLabel({ text, at, mode }: { text: string; at: Position; mode: EdgeMode }) {
  const box = labelBox(text, at);
  return (
    <g className="react-flow__edge-textwrapper">
      <rect className="react-flow__edge-textbg" x={box.x} y={box.y} width={box.width} height={box.height} rx={4} ry={4} />
      <text className="react-flow__edge-text connection-label" x={at.x} y={box.baselineY} textAnchor="middle" style={mode === 'async' ? ASYNC_FILL : SYNC_FILL}>
        {text}
      </text>
    </g>
  );
}

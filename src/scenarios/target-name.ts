// What a component or connection is called in sentences: its label, or its two ends.
import type { Design } from '../model/types';

/** "Orders DB", or "Checkout → Payments" for a connection, or the id itself when unknown. */
export function targetName(design: Design, id: string): string {
  const node = design.nodes.find((n) => n.id === id);
  if (node) return node.label || node.id;
  const edge = design.edges.find((e) => e.id === id);
  if (!edge) return id;
  const end = (nodeId: string) => design.nodes.find((n) => n.id === nodeId)?.label || nodeId;
  return edge.label ? `${edge.label} (${end(edge.source)} → ${end(edge.target)})` : `${end(edge.source)} → ${end(edge.target)}`;
}

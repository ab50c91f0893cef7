import type { Edge, Node } from '@xyflow/react';
import type { ComponentKind, DesignEdge, GroupKind, Position } from '../model/types';

export interface ComponentNodeData extends Record<string, unknown> {
  kind: ComponentKind;
  label: string;
  instances: number;
  /** Identify: still to be named, so the card shows neither its name nor its kind (nor its category's colour). */
  masked?: boolean;
  /** Filled in by the results overlay when it is on. */
  overlay?: NodeOverlay;
}

export interface NodeOverlay {
  utilization: number | null;
  saturated: boolean;
  p99Ms: number | null;
  /** The p99 is the analytic engine's estimate, not exact (shown with ≈); a replayed simulation's is measured. */
  p99Approximate?: boolean;
  stale: boolean;
  /** Simulation replay: every instance is down at this moment. */
  down?: boolean;
}

export interface GroupNodeData extends Record<string, unknown> {
  kind: GroupKind;
  label: string;
}

export type ComponentFlowNode = Node<ComponentNodeData, 'component'>;
export type GroupFlowNode = Node<GroupNodeData, 'zone'>;
export type FlowNode = ComponentFlowNode | GroupFlowNode;
export type CurvedFlowEdge = Edge<{ mode: DesignEdge['mode'] }, 'default'>;
/** Drawn along the path auto-layout found (canvas/RoutedEdge). */
export type RoutedFlowEdge = Edge<{ mode: DesignEdge['mode']; path: readonly Position[]; /** Where its label sits, clear of the cards where it can be. */ labelAt: Position | null }, 'routed'>;
export type FlowEdge = CurvedFlowEdge | RoutedFlowEdge;

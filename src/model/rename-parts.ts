// Giving a design's parts other ids. Every place that names a part follows: a connection's ends,
// a component's zone, a zone's region, and the simulation setup's workloads and failure targets.
import { withRenamedParts } from './setup-references';
import type { Design } from './types';

/** The design with each component, connection, zone and region id passed through `rename`; ids it keeps stay. */
export function withRenamedIds(design: Design, rename: (id: string) => string): Design {
  const out: Design = {
    ...design,
    nodes: design.nodes.map((n) => ({ ...n, id: rename(n.id), ...(n.groupId !== undefined ? { groupId: rename(n.groupId) } : {}) })),
    edges: design.edges.map((e) => ({ ...e, id: rename(e.id), source: rename(e.source), target: rename(e.target) })),
    groups: design.groups.map((g) => ({ ...g, id: rename(g.id), ...(g.parentId !== undefined ? { parentId: rename(g.parentId) } : {}) })),
  };
  if (design.simulation) out.simulation = withRenamedParts(design.simulation, rename);
  return out;
}

// The answers a learner who wants the points without the learning would try on a fix scenario,
// made from the scenario itself: only the clients left, every connection gone, calls set to carry
// nothing, the world's settings edited, a component turned into another kind, a component the
// work needs dropped, calls made async with nothing to hold the message, the zones and regions
// deleted or escaped. `scenario check` grades
// each one and fails the scenario if any passes.
import type { ComponentKind, Design, DesignNode } from '../../../model/types';
import { easierValue, fixedParams } from './environment';
import { holdsMessages, roleOf, WORK_ROLES } from './invariants';
import { sendsRequests } from '../../../model/traits';
import type { FixScenario } from '../../types';
import { withArticle } from '../../../model/format';

export interface Cheat {
  /** What was done, in a few words: "physics edited: SMS provider". */
  name: string;
  design: Design;
}

/** A kind of another role for each role, to swap a component into. */
const SWAP_TO: Record<string, ComponentKind> = {
  router: 'cache',
  'read cache': 'service',
  server: 'cache',
  database: 'cache',
  'message broker': 'service',
  'file store': 'cache',
  'search index': 'cache',
  'outside service': 'service',
};

const label = (n: DesignNode) => n.label || n.id;

function variant(design: Design, name: string, edit: (d: Design) => void): Cheat {
  const copy = structuredClone(design);
  edit(copy);
  return { name, design: copy };
}

function withoutNode(design: Design, id: string): void {
  design.nodes = design.nodes.filter((n) => n.id !== id);
  design.edges = design.edges.filter((e) => e.source !== id && e.target !== id);
}

export function generateFixCheats(scenario: FixScenario): Cheat[] {
  const start = scenario.design;
  const reference = scenario.solution;
  const cheats: Cheat[] = [
    variant(start, 'only the clients', (d) => {
      d.nodes = d.nodes.filter(sendsRequests);
      d.edges = [];
    }),
    variant(start, 'no connections', (d) => (d.edges = [])),
    variant(reference, 'no connections in the reference solution', (d) => (d.edges = [])),
    variant(start, 'every call set to 0 calls per request', (d) => d.edges.forEach((e) => (e.callsPerRequest = 0))),
    variant(start, 'every call past the clients set to 0 calls per request', (d) => {
      const clients = new Set(d.nodes.filter(sendsRequests).map((n) => n.id));
      d.edges.forEach((e) => (e.callsPerRequest = clients.has(e.source) ? e.callsPerRequest : 0));
    }),
    variant(start, 'every share set to 0', (d) => d.edges.forEach((e) => (e.share = 0))),
    variant(start, 'every call past the clients cut to 1% of its calls per request', (d) => {
      const clients = new Set(d.nodes.filter(sendsRequests).map((n) => n.id));
      d.edges.forEach((e) => (e.callsPerRequest = clients.has(e.source) ? e.callsPerRequest : e.callsPerRequest / 100));
    }),
    // A queue of one in front of every bottleneck: what cannot be served at once is turned away, not done.
    variant(start, 'every queue cut to one request', (d) => d.nodes.filter((n) => !sendsRequests(n)).forEach((n) => (n.params.queueCapacity = 1))),
  ];

  const edited = (design: Design, node: DesignNode, d: Design) => {
    const target = d.nodes.find((n) => n.id === node.id)!;
    let changed = false;
    for (const key of fixedParams(node, scenario.environment)) {
      const value = easierValue(node, key);
      if (value === null) continue;
      target.params[key] = value;
      changed = true;
    }
    return changed;
  };
  for (const design of [start, reference]) {
    const which = design === start ? '' : ' (reference solution)';
    for (const node of design.nodes) {
      if (!start.nodes.some((n) => n.id === node.id && n.kind === node.kind)) continue;
      const cheat = variant(design, `physics edited: ${label(node)}${which}`, () => undefined);
      if (edited(design, node, cheat.design)) cheats.push(cheat);
    }
  }

  for (const node of start.nodes) {
    const to = SWAP_TO[roleOf(node.kind)];
    if (!to) continue;
    for (const design of [start, reference]) {
      if (!design.nodes.some((n) => n.id === node.id)) continue;
      cheats.push(
        variant(design, `kind swapped: ${label(node)} made ${withArticle(to)}${design === reference ? ' (reference solution)' : ''}`, (d) => {
          const n = d.nodes.find((x) => x.id === node.id)!;
          n.kind = to;
          n.params = { instances: 2 };
        }),
      );
    }
    if (WORK_ROLES.has(roleOf(node.kind)) && reference.nodes.some((n) => n.id === node.id)) {
      cheats.push(variant(reference, `dropped: ${label(node)} (reference solution)`, (d) => withoutNode(d, node.id)));
    }
  }

  cheats.push(...placementCheats(reference, scenario.failures));

  // Calls out of a client, or into or out of a queue or stream, are not the shortcut (their messages are held).
  const held = (d: Design, id: string) => d.nodes.some((n) => n.id === id && (sendsRequests(n) || holdsMessages(n)));
  const syncCalls = (d: Design) => d.edges.filter((e) => e.mode === 'sync' && !held(d, e.source) && !held(d, e.target));
  if (syncCalls(reference).length > 0) {
    cheats.push(variant(reference, 'every call past the clients made async, with no queue (reference solution)', (d) => syncCalls(d).forEach((e) => (e.mode = 'async'))));
  }
  return cheats;
}

/**
 * Escaping the world's zone and region failures instead of surviving them: the zones and regions
 * deleted (all, or only the regions), a component taken out of every zone, or, where the story
 * loses a zone or region, everything moved into one new one of the learner's own that the
 * failure does not name.
 */
function placementCheats(reference: Design, failures: FixScenario['failures']): Cheat[] {
  if (reference.groups.length === 0) return [];
  const unplace = (d: Design, keep: (groupId: string) => boolean) => {
    for (const n of d.nodes) if (n.groupId !== undefined && !keep(n.groupId)) delete n.groupId;
    for (const g of d.groups) if (g.parentId !== undefined && !keep(g.parentId)) delete g.parentId;
  };
  const cheats = [
    variant(reference, 'zones and regions removed (reference solution)', (d) => {
      d.groups = [];
      unplace(d, () => false);
    }),
  ];
  const regions = new Set(reference.groups.filter((g) => g.kind === 'region').map((g) => g.id));
  if (regions.size > 0 && regions.size < reference.groups.length) {
    cheats.push(
      variant(reference, 'regions removed, zones kept (reference solution)', (d) => {
        d.groups = d.groups.filter((g) => !regions.has(g.id));
        unplace(d, (id) => !regions.has(id));
      }),
    );
  }
  for (const node of reference.nodes) {
    if (node.groupId === undefined) continue;
    cheats.push(variant(reference, `moved out of every zone: ${label(node)} (reference solution)`, (d) => delete d.nodes.find((n) => n.id === node.id)!.groupId));
  }
  // A story that loses a zone or region: everything in one new one, which the failure does not name, is a one-zone design.
  for (const failure of failures) {
    const lost = failure.kind === 'group-outage' ? reference.groups.find((g) => g.id === failure.target) : undefined;
    if (!lost) continue;
    cheats.push(
      variant(reference, `everything in one new ${lost.kind} that the loss of ${lost.label || lost.id} does not reach (reference solution)`, (d) => {
        const id = `${lost.id}-escaped`;
        const sameKind = new Set(d.groups.filter((g) => g.kind === lost.kind).map((g) => g.id));
        d.groups.push({ ...structuredClone(lost), id, label: `${lost.label} (new)` });
        for (const n of d.nodes) if (n.groupId !== undefined && sameKind.has(n.groupId)) n.groupId = id;
        for (const g of d.groups) if (g.parentId !== undefined && sameKind.has(g.parentId)) g.parentId = id;
      }),
    );
  }
  return cheats;
}

// The scenario's traffic as one constant rate per client, the figure the analytic engine takes.
// Learners' designs are solved at these rates whatever their own client settings say, so a
// design cannot pass by lowering its own traffic.
import { paramValue } from '../model/catalog';
import type { Design } from '../model/types';
import type { ScenarioWorkload } from './types';
import { sendsRequests } from '../model/traits';

export function clientNodes(design: Design) {
  return design.nodes.filter((n) => sendsRequests(n));
}

/**
 * Rates by client id: workload.rps where given, else the client's own rps setting; when the
 * file gives no rates but a trafficRps requirement, the clients' own rates scaled to add up to it.
 */
export function resolveClientRps(design: Design, rps: Readonly<Record<string, number>> | undefined, trafficRps: number | undefined): Record<string, number> {
  const clients = clientNodes(design);
  const own = new Map(clients.map((n) => [n.id, paramValue(n, 'rps')]));
  if (rps !== undefined || trafficRps === undefined) {
    return Object.fromEntries(clients.map((n) => [n.id, rps?.[n.id] ?? own.get(n.id)!]));
  }
  const sum = [...own.values()].reduce((a, b) => a + b, 0);
  return Object.fromEntries(clients.map((n) => [n.id, sum > 0 ? (own.get(n.id)! * trafficRps) / sum : trafficRps / clients.length]));
}

export function totalRps(clientRps: Readonly<Record<string, number>>): number {
  return Object.values(clientRps).reduce((a, b) => a + b, 0);
}

/** Clients the scenario sends traffic from that the design does not have (a learner deleted or renamed one). */
export function missingClients(design: Design, workload: ScenarioWorkload): string[] {
  const present = new Set(clientNodes(design).map((n) => n.id));
  return Object.keys(workload.clientRps).filter((id) => !present.has(id));
}

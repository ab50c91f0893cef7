// Trait lookups: what a component kind does, as its catalog entry declares it. Engines, checks
// and panels ask these instead of testing kinds by name.
import { CATALOG } from './catalog-kinds';
import { FAILURE_SPECS, type FailureKind } from './failures';
import type { ComponentKind, KindTraits } from './types';

export function traitsOf(kind: ComponentKind): KindTraits {
  return CATALOG[kind].traits;
}

/** A client: where requests start. */
export function sendsRequests(node: { kind: ComponentKind }): boolean {
  return CATALOG[node.kind].traits.sendsRequests === true;
}

/** Sends each request to one of its targets, so its connections' shares split the traffic. */
export function routesOneTarget(node: { kind: ComponentKind }): boolean {
  return CATALOG[node.kind].traits.routesOneTarget === true;
}

/** Answers a share of reads itself (a cache or CDN). */
export function cachesReads(node: { kind: ComponentKind }): boolean {
  return CATALOG[node.kind].traits.cachesReads !== undefined;
}

/** Keeps data of record (a database, object storage, a search index). */
export function isDataStore(node: { kind: ComponentKind }): boolean {
  return CATALOG[node.kind].traits.dataStore !== undefined;
}

/** A database that answers queries (relational or NoSQL), the usual thing a cache sits in front of. */
export function isDatabase(node: { kind: ComponentKind }): boolean {
  return CATALOG[node.kind].traits.dataStore === 'database';
}

/** Has a primary that can fail over to a read replica. */
export function hasPrimaryWithReplicas(node: { kind: ComponentKind }): boolean {
  return CATALOG[node.kind].traits.primaryWithReplicas !== undefined;
}

/**
 * Whether a failure of this kind can hit a component of that kind: clients are the traffic, not
 * the system, so nothing fails them; a failover needs a database with a primary and replicas.
 */
/** More instances split the data (shards): a request needs the one instance holding its key. */
export function splitsDataOverInstances(node: { kind: ComponentKind }): boolean {
  return traitsOf(node.kind).shards === true;
}

export function failureCanHit(kind: FailureKind, componentKind: ComponentKind): boolean {
  const target = FAILURE_SPECS[kind].target;
  const node = { kind: componentKind };
  if (target === 'database') return hasPrimaryWithReplicas(node);
  return target === 'component' && !sendsRequests(node);
}

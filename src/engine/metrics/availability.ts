// Steady-state availability from per-instance availability, assuming instances fail
// independently and any one instance that is up can serve (parallel redundancy). How a request
// composes them (shared components, zones, routers) is in analytic/request-availability.ts.
import type { GroupKind } from '../../model/types';

/**
 * Chance a zone or a region is up, as a whole. Zone 99.95%: Azure sells two or more VMs in one
 * availability set (one datacenter) at 99.95% and spread over availability zones at 99.99%, so
 * what one zone's copies share costs about 0.05%. Region 99.99%: AWS's and Azure's Region-level
 * SLA for instances spread over two or more zones (docs/catalog-defaults.md §3).
 */
export const GROUP_AVAILABILITY: Readonly<Record<GroupKind, number>> = { zone: 0.9995, region: 0.9999 };

/** A set of n interchangeable instances is up when at least one is: 1 - (1 - a)^n. */
export function parallelAvailability(instanceAvailability: number, instances: number): number {
  const a = Math.min(1, Math.max(0, instanceAvailability));
  if (instances <= 0) return 0;
  return 1 - Math.pow(1 - a, instances);
}

/**
 * A primary-replica database: writes need a primary (n = primaries), reads can use any copy
 * (n = primaries * (1 + replicas)); the two are weighted by the read share.
 */
export function readReplicaAvailability(instanceAvailability: number, primaries: number, replicas: number, readShare: number): number {
  const writes = parallelAvailability(instanceAvailability, primaries);
  const reads = parallelAvailability(instanceAvailability, primaries * (1 + replicas));
  return readShare * reads + (1 - readShare) * writes;
}

/**
 * Availability of one optional dependency: a request needs it with probability p, calling it
 * k times, each call failing independently when the dependency is down. Series composition
 * multiplies these factors.
 */
export function optionalDependencyFactor(probability: number, calls: number, dependencyAvailability: number): number {
  return 1 - probability + probability * Math.pow(dependencyAvailability, calls);
}

/**
 * A sharded store: each request needs the shard holding its key, so more shards are not spares.
 * A shard is up when its primary is (writes) or any of its copies is (reads).
 */
export function shardedAvailability(instanceAvailability: number, replicas: number, readShare: number): number {
  return readReplicaAvailability(instanceAvailability, 1, replicas, readShare);
}

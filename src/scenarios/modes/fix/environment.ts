// The settings of a fix scenario that belong to the world, not to the design: a vendor's speed,
// rate limit and price, a managed service's physics (S3's time per request and per-prefix rate),
// what a virtual machine costs and how often it fails, and how much traffic the clients send.
// A learner who edits one of these has changed the exercise, not solved it. Some are fixed for
// every fix scenario (ENVIRONMENT_PARAMS below); a scenario declares more, and the other products
// its story offers, in its `environment` list.
import { CATALOG, defaultParams, getParamSpec, paramValue, type ParamKey } from '../../../model/catalog';
import { sendsRequests, traitsOf } from '../../../model/traits';
import type { ComponentKind, Design, DesignNode } from '../../../model/types';
import type { EnvironmentRule } from '../../schema';
import { formatMs, formatPercent } from '../../format';

interface KindEnvironment {
  /** Fixed on every component of the kind, those the learner adds included: a new one may not be better than what the world offers. */
  world: readonly ParamKey[];
  /** Fixed only on the components the scenario starts with: what they do is the story's (a service's own work per request). */
  given: readonly ParamKey[];
}

const MANAGED: readonly ParamKey[] = ['serviceMs', 'serviceScv', 'concurrency', 'availability', 'pricePerMillion'];
const NODE_PHYSICS: readonly ParamKey[] = ['serviceMs', 'serviceScv', 'concurrency', 'availability', 'pricePerHour'];

/**
 * Per kind, which settings are the world's in every fix scenario. Left free on purpose: instances,
 * replicas and shards (buying more is the design), limits and queue sizes the designer sets
 * (concurrency of load balancers and gateways, limitRps, queueCapacity), and a new cache's hit
 * ratio (a scenario whose story bounds it declares it).
 */
export const ENVIRONMENT_PARAMS: Record<ComponentKind, KindEnvironment> = {
  client: { world: [], given: ['rps'] }, // the scenario's traffic
  dns: { world: MANAGED, given: [] },
  cdn: { world: MANAGED, given: ['hitRatio'] }, // how popular the content is decides the hit ratio
  'load-balancer': { world: ['serviceMs', 'serviceScv', 'availability', 'pricePerHour'], given: [] },
  'api-gateway': { world: ['serviceMs', 'serviceScv', 'availability', 'pricePerMillion'], given: [] },
  'rate-limiter': { world: ['serviceMs', 'serviceScv', 'availability'], given: [] },
  // A VM's availability and price are the cloud's; a new service is code like the old (no faster than any there was).
  service: { world: ['serviceMs', 'serviceScv', 'availability', 'pricePerHour'], given: [] },
  // A new worker does a new job (handing a message to a provider takes 5 ms, a thumbnail 100 ms), so only the old ones keep their time.
  worker: { world: ['availability', 'pricePerHour'], given: ['serviceMs', 'serviceScv'] },
  cache: { world: NODE_PHYSICS, given: ['hitRatio'] },
  'relational-db': { world: NODE_PHYSICS, given: ['readShare'] }, // the read share is the traffic's mix
  nosql: { world: MANAGED, given: [] },
  queue: { world: MANAGED, given: [] },
  stream: { world: NODE_PHYSICS, given: [] },
  'object-storage': { world: MANAGED, given: [] }, // S3's time per request and per-prefix rate; more prefixes is the design's
  search: { world: NODE_PHYSICS, given: [] },
  'third-party-api': { world: [...MANAGED, 'instances'], given: [] }, // instances x concurrency is the vendor's rate limit
};

/** Which way a setting makes the learner's task easier: +1 higher helps, -1 lower helps. */
const EASIER: Record<ParamKey, 1 | -1> = {
  rps: -1,
  serviceMs: -1,
  serviceScv: -1,
  instances: 1,
  concurrency: 1,
  availability: 1,
  pricePerHour: -1,
  pricePerMillion: -1,
  hitRatio: 1,
  queueCapacity: 1,
  replicas: 1,
  readShare: 1,
  limitRps: 1,
};

export interface EnvironmentFailure {
  nodeId: string;
  params: ParamKey[];
  message: string;
}

/** Two settings are the same up to rounding in a file (a value written back with 6 digits). */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const better = (key: ParamKey, value: number, than: number) => !same(value, than) && EASIER[key] * (value - than) > 0;

function figure(key: ParamKey, value: number): string {
  if (key === 'serviceMs') return value < 0.1 ? `${Number(value.toPrecision(2))} ms` : formatMs(value);
  if (key === 'availability' || key === 'hitRatio' || key === 'readShare') return formatPercent(value);
  if (key === 'pricePerHour') return `$${value}/h`;
  if (key === 'pricePerMillion') return `$${value} per million`;
  if (key === 'rps') return `${value.toLocaleString('en-US')} requests/s`;
  return value.toLocaleString('en-US');
}

const paramLabel = (kind: ComponentKind, key: ParamKey) => (getParamSpec(kind, key)?.label ?? key).toLowerCase();
const name = (node: DesignNode) => `"${node.label || node.id}"`;

function valuesOf(node: DesignNode, keys: readonly ParamKey[]): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, paramValue(node, k)]));
}

function rulesFor(rules: readonly EnvironmentRule[], node: DesignNode, existing: boolean): EnvironmentRule[] {
  return rules.filter((r) => (existing && r.components?.includes(node.id)) || r.kinds?.includes(node.kind));
}

const kindParams = (kind: ComponentKind) => CATALOG[kind].params.map((p) => p.key as ParamKey);

/** The settings a rule fixes on a node of this kind (the kind's own settings only). */
function ruleParams(rule: EnvironmentRule, kind: ComponentKind): ParamKey[] {
  const own = kindParams(kind);
  return rule.params ? rule.params.filter((k) => own.includes(k)) : own;
}

/** The other products the rules offer, as settings that replace the baseline's, each only for this kind's settings. */
function optionsFor(rules: readonly EnvironmentRule[], kind: ComponentKind): Record<string, number>[] {
  const own = new Set<string>(kindParams(kind));
  return rules.flatMap((r) => (r.options ?? []).map((o) => Object.fromEntries(Object.entries(o).filter(([k, v]) => own.has(k) && v !== undefined)) as Record<string, number>));
}

const because = (rules: readonly EnvironmentRule[]) => rules.find((r) => r.because)?.because;

/** A component the scenario starts with: its world settings must stay as they were, or be one of the products offered. */
function checkExisting(start: DesignNode, node: DesignNode, rules: EnvironmentRule[]): EnvironmentFailure | null {
  const kindEnv = ENVIRONMENT_PARAMS[node.kind];
  const keys = [...new Set([...kindEnv.world, ...kindEnv.given, ...rules.flatMap((r) => ruleParams(r, node.kind))])];
  const now = valuesOf(node, keys);
  const was = valuesOf(start, keys);
  const candidates = [was, ...optionsFor(rules, node.kind).map((o) => ({ ...was, ...o }))];
  if (candidates.some((c) => keys.every((k) => same(now[k]!, c[k]!)))) return null;
  const changed = keys.filter((k) => !same(now[k]!, was[k]!));
  const what = changed.map((k) => `${paramLabel(node.kind, k)} from ${figure(k, was[k]!)} to ${figure(k, now[k]!)}`).join(', ');
  const why = because(rules) ?? `${changed.length > 1 ? 'these are' : 'this is'} the world's, not the design's`;
  const offered = candidates.length > 1 ? ' (or to one of the options the story offers, as a whole)' : '';
  return { nodeId: node.id, params: changed, message: `${name(node)}: you changed ${what}, but ${why}. Put ${changed.length > 1 ? 'them' : 'it'} back${offered}.` };
}

/** A component the learner added: its world settings may be no better than the catalog's, a component of its kind the scenario starts with, or an option offered. */
function checkAdded(node: DesignNode, starting: readonly DesignNode[], rules: EnvironmentRule[]): EnvironmentFailure | null {
  const keys = [...new Set([...ENVIRONMENT_PARAMS[node.kind].world, ...rules.filter((r) => r.kinds).flatMap((r) => ruleParams(r, node.kind))])];
  if (keys.length === 0) return null;
  const now = valuesOf(node, keys);
  const catalog = defaultParams(node.kind);
  const baselines = [Object.fromEntries(keys.map((k) => [k, catalog[k] ?? 0])), ...starting.filter((s) => s.kind === node.kind).map((s) => valuesOf(s, keys))];
  const options = optionsFor(rules, node.kind);
  const candidates = baselines.flatMap((b) => [b, ...options.map((o) => ({ ...b, ...o }))]);
  if (candidates.some((c) => keys.every((k) => !better(k, now[k]!, c[k]!)))) return null;
  const base = baselines[0]!;
  const off = keys.filter((k) => candidates.every((c) => better(k, now[k]!, c[k]!)));
  const shown = off.length > 0 ? off : keys.filter((k) => better(k, now[k]!, base[k]!));
  const what = shown.map((k) => `${paramLabel(node.kind, k)} ${figure(k, now[k]!)} (the ${CATALOG[node.kind].label.toLowerCase()} this scenario offers: ${figure(k, base[k]!)})`).join(', ');
  const why = because(rules.filter((r) => r.kinds)) ?? 'a component you add gets the same world as the others';
  return { nodeId: node.id, params: shown, message: `${name(node)} is new, with ${what}: better than anything the scenario offers, and ${why}.` };
}

/** Every change to a setting that is the world's, one failure per component, naming it and the settings. */
export function environmentFailures(startDesign: Design, design: Design, rules: readonly EnvironmentRule[]): EnvironmentFailure[] {
  const startById = new Map(startDesign.nodes.map((n) => [n.id, n]));
  const failures: EnvironmentFailure[] = [];
  for (const node of design.nodes) {
    const start = startById.get(node.id);
    const existing = start !== undefined && start.kind === node.kind;
    const failure = existing ? checkExisting(start, node, rulesFor(rules, node, true)) : checkAdded(node, startDesign.nodes, rulesFor(rules, node, false));
    if (failure) failures.push(failure);
  }
  return failures;
}

/** The settings the environment fixes on a component of the starting design (for generating cheats). */
export function fixedParams(node: DesignNode, rules: readonly EnvironmentRule[]): ParamKey[] {
  const env = ENVIRONMENT_PARAMS[node.kind];
  return [...new Set([...env.world, ...env.given, ...rulesFor(rules, node, true).flatMap((r) => ruleParams(r, node.kind))])];
}

/** A value of the setting that would make the task easier, inside the parameter's range (for generating cheats). */
export function easierValue(node: DesignNode, key: ParamKey): number | null {
  const spec = getParamSpec(node.kind, key);
  if (!spec) return null;
  const now = paramValue(node, key);
  const raw = EASIER[key] > 0 ? (spec.max === 1 ? 1 - (1 - now) / 100 : now * 10) : now / 10;
  const value = Math.min(spec.max, Math.max(spec.min, spec.integer ? Math.round(raw) : raw));
  return same(value, now) ? null : value;
}

/**
 * Where things run is the world's too: a zone or region fails as a whole, so a design that drops
 * the starting design's zones and regions, or leaves a component outside all of them, would
 * escape failures the story's world has. Each zone and region the scenario starts with stays (the
 * learner may add more), and a component is placed in one unless it is a client, an outside
 * vendor's, served worldwide (DNS, CDN), or of a kind the starting design leaves unplaced (a
 * global managed service).
 */
export function placementFailures(startDesign: Design, design: Design): EnvironmentFailure[] {
  if (startDesign.groups.length === 0) return [];
  const failures: EnvironmentFailure[] = [];
  const groups = new Map(design.groups.map((g) => [g.id, g]));
  for (const g of startDesign.groups) {
    if (groups.get(g.id)?.kind === g.kind) continue;
    failures.push({ nodeId: g.id, params: [], message: `The ${g.kind} "${g.label || g.id}" is gone: the zones and regions are where things run, part of the scenario's world, and a ${g.kind} fails as a whole. Put it back and place your components in it or in another.` });
  }
  const unplacedKinds = new Set(startDesign.nodes.filter((n) => !sendsRequests(n) && n.groupId === undefined).map((n) => n.kind));
  for (const node of design.nodes) {
    if (sendsRequests(node) || traitsOf(node.kind).worldwideEdge || traitsOf(node.kind).externalVendor || unplacedKinds.has(node.kind) || (node.groupId !== undefined && groups.has(node.groupId))) continue;
    failures.push({ nodeId: node.id, params: [], message: `${name(node)} sits in no zone or region, so no zone's failure could reach it. Place it in a zone, or on a region when its copies are spread over the region's zones.` });
  }
  return failures;
}

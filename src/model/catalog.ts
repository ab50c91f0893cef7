// The component catalog: every kind a learner can place, its parameters with units, ranges,
// defaults and sources, and the lookups the store, engine and panels use.
import { CATALOG } from './catalog-kinds';
import { COMPONENT_KINDS, type ComponentKind, type ComponentKindSpec, type DesignNode, type ParamSpec } from './types';

export { CATALOG } from './catalog-kinds';
export { PARAM_KEYS, type ParamKey } from './catalog-params';

// Precomputed once so paramValue, called in the engine's inner loops, is two map lookups.
const PARAM_SPECS = new Map<ComponentKind, Map<string, ParamSpec>>(
  COMPONENT_KINDS.map((kind) => [kind, new Map(CATALOG[kind].params.map((p) => [p.key, p]))]),
);
const DEFAULTS = new Map<ComponentKind, Map<string, number>>(
  COMPONENT_KINDS.map((kind) => [kind, new Map(CATALOG[kind].params.map((p) => [p.key, p.default]))]),
);

export function getKindSpec(kind: ComponentKind): ComponentKindSpec {
  return CATALOG[kind];
}

export function getParamSpec(kind: ComponentKind, key: string): ParamSpec | undefined {
  return PARAM_SPECS.get(kind)?.get(key);
}

/** A fresh object of every parameter's default for this kind; safe to mutate. */
export function defaultParams(kind: ComponentKind): Record<string, number> {
  return Object.fromEntries(DEFAULTS.get(kind) ?? []);
}

/** The node's value for key if it is a finite number, else the kind's default, else 0. */
export function paramValue(node: DesignNode, key: string): number {
  const value = node.params[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return DEFAULTS.get(node.kind)?.get(key) ?? 0;
}

// Units that read naturally after a number in a sentence ("from 0.001 to 600000 ms").
function unitSuffix(spec: ParamSpec): string {
  return spec.integer || spec.unit === '' || spec.unit === 'fraction' ? '' : ` ${spec.unit}`;
}

/** A message in plain words when value is not allowed for this parameter, else null. */
export function validateParam(kind: ComponentKind, key: string, value: number): string | null {
  const kindSpec = CATALOG[kind] as ComponentKindSpec | undefined;
  if (!kindSpec) return `"${String(kind)}" is not a kind of component this app knows.`;
  const spec = getParamSpec(kind, key);
  if (!spec) return `${kindSpec.label} has no setting called "${key}".`;

  const range = `from ${spec.min} to ${spec.max}${unitSuffix(spec)}`;
  const expected = spec.integer ? `a whole number ${range}` : `a number ${range}`;
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return `${spec.label} must be ${expected} (got something that is not a number).`;
  }
  if (!Number.isFinite(value)) return `${spec.label} must be ${expected} (got an infinite value).`;
  if ((spec.integer && !Number.isInteger(value)) || value < spec.min || value > spec.max) {
    return `${spec.label} must be ${expected} (got ${value}).`;
  }
  return null;
}

function searchText(spec: ComponentKindSpec): string {
  return [spec.label, spec.kind, spec.category, ...spec.keywords].join(' ').toLowerCase();
}

const SEARCH_TEXT = new Map<ComponentKind, string>(COMPONENT_KINDS.map((kind) => [kind, searchText(CATALOG[kind])]));

// Higher is a better match: name first, then kind id, then keywords and category.
function matchScore(spec: ComponentKindSpec, words: string[]): number {
  const label = spec.label.toLowerCase();
  const phrase = words.join(' ');
  if (label === phrase || spec.kind === phrase) return 3;
  if (label.startsWith(phrase) || spec.kind.startsWith(phrase)) return 2;
  if (words.every((w) => label.includes(w) || spec.kind.includes(w))) return 1;
  return 0;
}

/**
 * Kinds whose label, kind id, category or keywords contain every word of the query
 * (case-insensitive), best matches first; an empty query returns every kind in palette order.
 */
export function searchCatalog(query: string): ComponentKindSpec[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const all = COMPONENT_KINDS.map((kind) => CATALOG[kind]);
  if (words.length === 0) return all;
  return all
    .filter((spec) => {
      const text = SEARCH_TEXT.get(spec.kind) ?? '';
      return words.every((w) => text.includes(w));
    })
    .map((spec, order) => ({ spec, order, score: matchScore(spec, words) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((m) => m.spec);
}

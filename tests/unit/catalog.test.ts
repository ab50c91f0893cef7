import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOR, KindIcon } from '../../src/canvas/icons';
import {
  CATALOG,
  PARAM_KEYS,
  defaultParams,
  getKindSpec,
  getParamSpec,
  paramValue,
  searchCatalog,
  validateParam,
} from '../../src/model/catalog';
import { COMPONENT_KINDS, type ComponentKind, type DesignNode } from '../../src/model/types';

const specs = COMPONENT_KINDS.map((kind) => CATALOG[kind]);
const allParams = specs.flatMap((spec) => spec.params.map((p) => ({ kind: spec.kind, ...p })));
const keysOf = (kind: ComponentKind) => CATALOG[kind].params.map((p) => p.key);

function node(kind: ComponentKind, params: Record<string, number> = {}): DesignNode {
  return { id: 'n1', kind, label: 'n1', params, position: { x: 0, y: 0 } };
}

describe('catalog contents', () => {
  it('has exactly one spec per component kind, filed under its own kind', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...COMPONENT_KINDS].sort());
    for (const kind of COMPONENT_KINDS) expect(CATALOG[kind].kind).toBe(kind);
  });

  it('gives every kind a label, keywords and at least one parameter', () => {
    for (const spec of specs) {
      expect(spec.label.trim(), spec.kind).not.toBe('');
      expect(spec.keywords.length, spec.kind).toBeGreaterThan(0);
      expect(spec.params.length, spec.kind).toBeGreaterThan(0);
    }
  });

  it('explains every kind in one paragraph of 3 to 5 sentences', () => {
    for (const spec of specs) {
      const sentences = spec.explanation.trim().split(/(?<=[.!?])\s+/);
      expect(sentences.length, spec.kind).toBeGreaterThanOrEqual(3);
      expect(sentences.length, spec.kind).toBeLessThanOrEqual(5);
      expect(spec.explanation, spec.kind).not.toMatch(/\n/);
    }
  });

  it('uses unique parameter keys within each kind, all of them keys the engine reads', () => {
    for (const spec of specs) {
      const keys = keysOf(spec.kind);
      expect(new Set(keys).size, spec.kind).toBe(keys.length);
      for (const key of keys) expect(PARAM_KEYS, `${spec.kind}.${key}`).toContain(key);
    }
  });

  it('keeps every default inside its range, whole where the parameter is whole', () => {
    for (const p of allParams) {
      const where = `${p.kind}.${p.key}`;
      expect(p.min, where).toBeLessThan(p.max);
      expect(p.default, where).toBeGreaterThanOrEqual(p.min);
      expect(p.default, where).toBeLessThanOrEqual(p.max);
      if (p.integer) expect(Number.isInteger(p.default), where).toBe(true);
      expect(validateParam(p.kind, p.key, p.default), where).toBeNull();
    }
  });

  it('says for every parameter, in one line each, where its default comes from and what it does', () => {
    for (const p of allParams) {
      const where = `${p.kind}.${p.key}`;
      for (const text of [p.label, p.source, p.help]) {
        expect(text.trim(), where).not.toBe('');
        expect(text, where).not.toMatch(/\n/);
      }
    }
  });

  it('keeps ranges sane for the shared parameters', () => {
    for (const p of allParams) {
      const where = `${p.kind}.${p.key}`;
      if (p.key === 'serviceMs') expect(p.min, where).toBeGreaterThan(0);
      if (p.key === 'serviceScv') expect([p.min, p.max], where).toEqual([0, 25]);
      if (p.key === 'instances') expect([p.min, p.max, p.integer], where).toEqual([1, 1000, true]);
      if (p.key === 'concurrency') expect(p.integer, where).toBe(true);
      if (p.key === 'replicas') expect([p.min, p.max, p.integer], where).toEqual([0, 15, true]);
      if (p.unit === 'fraction') expect([p.min, p.max], where).toEqual([0, 1]);
    }
  });

  it('gives the client a request rate and nothing a station would have', () => {
    expect(keysOf('client')).toEqual(['rps']);
    for (const kind of COMPONENT_KINDS.filter((k) => k !== 'client')) expect(keysOf(kind), kind).not.toContain('rps');
  });

  it('gives every other kind what the engine needs to treat it as a station with a cost', () => {
    const needed = ['serviceMs', 'serviceScv', 'instances', 'concurrency', 'availability', 'queueCapacity'];
    for (const kind of COMPONENT_KINDS.filter((k) => k !== 'client')) {
      const keys = keysOf(kind);
      for (const key of needed) expect(keys, kind).toContain(key);
      const prices = keys.filter((k) => k === 'pricePerHour' || k === 'pricePerMillion');
      expect(prices.length, kind).toBe(1);
    }
  });

  it('puts hit ratio on cache and CDN only, replicas and read share on the relational database only', () => {
    const withKey = (key: string) => COMPONENT_KINDS.filter((k) => keysOf(k).includes(key));
    expect(withKey('hitRatio')).toEqual(['cdn', 'cache']);
    expect(withKey('replicas')).toEqual(['relational-db']);
    expect(withKey('readShare')).toEqual(['relational-db']);
  });

  it('gives queues and streams a large finite waiting room and leaves other stations unlimited (0)', () => {
    for (const kind of COMPONENT_KINDS.filter((k) => k !== 'client')) {
      const capacity = getParamSpec(kind, 'queueCapacity')?.default;
      if (kind === 'queue' || kind === 'stream') expect(capacity, kind).toBeGreaterThanOrEqual(100_000);
      else expect(capacity, kind).toBe(0);
    }
    expect(getParamSpec('service', 'queueCapacity')?.help).toMatch(/0 means unlimited/);
  });

  it('models Redis as one thread whose busy time bounds it near 100k ops/s', () => {
    const opsPerSecond = (paramValue(node('cache'), 'concurrency') * 1000) / paramValue(node('cache'), 'serviceMs');
    expect(opsPerSecond).toBeCloseTo(100_000, -3);
  });
});

describe('lookups', () => {
  it('finds kind and parameter specs, and nothing for unknown keys', () => {
    expect(getKindSpec('cache').label).toBe('Cache');
    expect(getParamSpec('relational-db', 'replicas')?.unit).toBe('replicas');
    expect(getParamSpec('cache', 'replicas')).toBeUndefined();
    expect(getParamSpec('cache', 'toString')).toBeUndefined();
  });

  it('defaultParams lists every parameter with its default and hands out a fresh copy', () => {
    const first = defaultParams('service');
    expect(Object.keys(first).sort()).toEqual(keysOf('service').sort());
    expect(first.serviceMs).toBe(getParamSpec('service', 'serviceMs')?.default);
    first.serviceMs = 999;
    expect(defaultParams('service').serviceMs).not.toBe(999);
  });
});

describe('paramValue', () => {
  it("uses the node's own finite value", () => {
    expect(paramValue(node('service', { instances: 7 }), 'instances')).toBe(7);
    expect(paramValue(node('service', { queueCapacity: 0 }), 'queueCapacity')).toBe(0);
  });

  it("falls back to the kind's default when the value is missing, NaN or infinite", () => {
    const fallback = getParamSpec('service', 'serviceMs')?.default;
    expect(fallback).toBeDefined();
    expect(paramValue(node('service'), 'serviceMs')).toBe(fallback);
    expect(paramValue(node('service', { serviceMs: Number.NaN }), 'serviceMs')).toBe(fallback);
    expect(paramValue(node('service', { serviceMs: Number.POSITIVE_INFINITY }), 'serviceMs')).toBe(fallback);
  });

  it('gives 0 for a key the kind does not have, including names on Object.prototype', () => {
    expect(paramValue(node('client'), 'serviceMs')).toBe(0);
    expect(paramValue(node('cache'), 'toString')).toBe(0);
    expect(paramValue(node('cache'), '__proto__')).toBe(0);
  });
});

describe('validateParam', () => {
  it('accepts values inside the range', () => {
    expect(validateParam('service', 'instances', 1)).toBeNull();
    expect(validateParam('service', 'instances', 1000)).toBeNull();
    expect(validateParam('cache', 'hitRatio', 0)).toBeNull();
  });

  it('explains a fractional value for a whole-number parameter', () => {
    expect(validateParam('service', 'instances', 0.5)).toBe('Instances must be a whole number from 1 to 1000 (got 0.5).');
    expect(validateParam('relational-db', 'replicas', 2.5)).toBe('Read replicas must be a whole number from 0 to 15 (got 2.5).');
  });

  it('explains a value outside the range, with its unit where that reads naturally', () => {
    expect(validateParam('service', 'instances', 2000)).toBe('Instances must be a whole number from 1 to 1000 (got 2000).');
    expect(validateParam('service', 'serviceMs', 0)).toBe('Service time must be a number from 0.001 to 600000 ms (got 0).');
    expect(validateParam('cache', 'hitRatio', 1.2)).toBe('Hit ratio must be a number from 0 to 1 (got 1.2).');
    expect(validateParam('client', 'rps', -5)).toBe('Request rate must be a number from 0 to 10000000 req/s (got -5).');
  });

  it('explains values that are not numbers at all', () => {
    expect(validateParam('service', 'serviceMs', Number.NaN)).toBe(
      'Service time must be a number from 0.001 to 600000 ms (got something that is not a number).',
    );
    expect(validateParam('service', 'instances', Number.POSITIVE_INFINITY)).toBe(
      'Instances must be a whole number from 1 to 1000 (got an infinite value).',
    );
  });

  it('names a parameter the kind does not have', () => {
    expect(validateParam('cache', 'replicas', 1)).toBe('Cache has no setting called "replicas".'); // the file is refused, so nothing is "ignored"
  });
});

describe('searchCatalog', () => {
  const kinds = (query: string) => searchCatalog(query).map((s) => s.kind);

  it('returns every kind, in palette order, for an empty or blank query', () => {
    expect(kinds('')).toEqual([...COMPONENT_KINDS]);
    expect(kinds('   ')).toHaveLength(16);
  });

  it('matches keywords, labels, kind ids and categories without regard to case', () => {
    expect(kinds('redis')).toEqual(['cache']);
    expect(kinds('REDIS')).toContain('cache');
    expect(kinds('kafka')).toEqual(['stream']);
    expect(kinds('relational-db')).toEqual(['relational-db']);
    expect(kinds('messaging').sort()).toEqual(['queue', 'stream']);
  });

  it('needs every word of the query and puts name matches first', () => {
    expect(kinds('load balancer')[0]).toBe('load-balancer');
    expect(kinds('redis cache')).toEqual(['cache']);
    expect(kinds('cache')[0]).toBe('cache');
    expect(kinds('no such thing')).toEqual([]);
  });
});

describe('icons and colours', () => {
  // WCAG relative luminance and contrast ratio against white.
  function contrastOnWhite(hex: string): number {
    const channel = (i: number) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    return 1.05 / (luminance + 0.05);
  }

  it('gives every category a distinct colour readable as text on white (4.5:1)', () => {
    const categories = [...new Set(specs.map((s) => s.category))];
    for (const category of categories) {
      const color = CATEGORY_COLOR[category];
      expect(color, category).toMatch(/^#[0-9a-f]{6}$/i);
      expect(contrastOnWhite(color), category).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(Object.values(CATEGORY_COLOR)).size).toBe(Object.keys(CATEGORY_COLOR).length);
  });

  it('draws a distinct, decorative 24x24 icon for every kind', () => {
    const drawings = COMPONENT_KINDS.map((kind) => renderToStaticMarkup(createElement(KindIcon, { kind })));
    for (const svg of drawings) {
      expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 24 24"/);
      expect(svg).toContain('aria-hidden="true"');
      expect(svg).toContain('width="20"');
      expect(svg).toMatch(/<(path|circle|rect|ellipse)/);
    }
    expect(new Set(drawings).size).toBe(COMPONENT_KINDS.length);
  });
});

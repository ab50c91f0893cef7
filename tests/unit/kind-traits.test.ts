// Component behaviour comes from the traits on a kind's catalog entry, never from testing the
// kind by name: outside src/model, no comparison, switch case or set of component-kind names.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/model/catalog';
import { cachesReads, hasPrimaryWithReplicas, isDatabase, routesOneTarget, sendsRequests, traitsOf } from '../../src/model/traits';
import { COMPONENT_KINDS, type ComponentKind } from '../../src/model/types';

const SRC = join(__dirname, '../../src');
const names = COMPONENT_KINDS.map((k) => k.replace(/-/g, '\\-')).join('|');
const KIND_TESTS = [
  new RegExp(`(===|!==)\\s*'(${names})'`),
  new RegExp(`'(${names})'\\s*(===|!==)`),
  new RegExp(`\\bcase\\s+'(${names})'\\s*:`),
  new RegExp(`(new Set\\(\\s*\\[|\\[)\\s*'(${names})'\\s*,[^\\]]*\\](\\)|\\.includes)`),
];

/** Lines of `text` that test a component kind by name, as "line: text". */
function kindTests(text: string): string[] {
  return text.split('\n').flatMap((line, i) => (KIND_TESTS.some((re) => re.test(line)) ? [`${i + 1}: ${line.trim()}`] : []));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === join(SRC, 'model') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('component kinds are known by their traits outside src/model', () => {
  it('the scanner catches the string tests it is meant to forbid, and lets other kinds of kind through', () => {
    expect(kindTests("if (node.kind === 'cache') return;")).toHaveLength(1);
    expect(kindTests("const db = n.kind !== 'relational-db';")).toHaveLength(1);
    expect(kindTests("if ('load-balancer' === target.kind) x();")).toHaveLength(1);
    expect(kindTests("    case 'third-party-api':")).toHaveLength(1);
    expect(kindTests("const CACHING = new Set(['cache', 'cdn']);")).toHaveLength(1);
    expect(kindTests("if (['queue', 'stream'].includes(node.kind)) {}")).toHaveLength(1);
    // Failure kinds, group kinds and plain records keyed by kind are not component-kind tests.
    expect(kindTests("if (f.kind === 'slowdown') slow *= 2;")).toEqual([]);
    expect(kindTests("g.kind === 'zone' ? 'Zone' : 'Region'")).toEqual([]);
    expect(kindTests("  'load-balancer': (")).toEqual([]);
  });

  it('no file under src/ outside src/model tests a component kind by name', () => {
    const found = sourceFiles(SRC).flatMap((file) => kindTests(readFileSync(file, 'utf8')).map((hit) => `${relative(SRC, file)}:${hit}`));
    expect(found).toEqual([]);
  });
});

describe('kind traits', () => {
  it('gives every kind a traits record, and every parameter a trait names exists on that kind', () => {
    for (const kind of COMPONENT_KINDS) {
      const t = traitsOf(kind);
      expect(t, kind).toBeDefined();
      const keys = CATALOG[kind].params.map((p) => p.key);
      const named = [t.cachesReads?.hitRatioParam, t.rateLimits?.limitParam, t.primaryWithReplicas?.replicasParam, t.primaryWithReplicas?.readShareParam].filter((k) => k !== undefined);
      for (const key of named) expect(keys, `${kind}.${key}`).toContain(key);
    }
  });

  it('answers the lookups the engines use', () => {
    const is = (f: (n: { kind: ComponentKind }) => boolean) => COMPONENT_KINDS.filter((kind) => f({ kind }));
    expect(is(sendsRequests)).toEqual(['client']);
    expect(is(routesOneTarget).sort()).toEqual(['api-gateway', 'dns', 'load-balancer']);
    expect(is(cachesReads).sort()).toEqual(['cache', 'cdn']);
    expect(is(isDatabase).sort()).toEqual(['nosql', 'relational-db']);
    expect(is(hasPrimaryWithReplicas)).toEqual(['relational-db']);
    expect(is((n) => traitsOf(n.kind).keepsNoData === true).sort()).toEqual(['api-gateway', 'load-balancer', 'rate-limiter', 'service', 'worker']);
    expect(is((n) => traitsOf(n.kind).splitByKey === true).sort()).toEqual(['cache', 'cdn', 'nosql', 'object-storage', 'queue', 'relational-db', 'search', 'stream', 'third-party-api']);
    // A client is never a station, so it cannot also hold workers or cache.
    expect(traitsOf('client').cachesReads).toBeUndefined();
  });
});

// The sharding-hot-tenant fix scenario: one orders primary cannot write Black Friday's orders, and
// one shop (MegaMart) is as busy as thousands of the others. Sharding that keeps MegaMart's orders
// together and gives its database room passes; spreading every shop evenly, which lands MegaMart
// beside a full share of small shops, fails on capacity; splitting MegaMart's orders, shards drawn
// as a database's "primaries", a NoSQL store or faster databases fail before any figure.
import { describe, expect, it } from 'vitest';
import type { Design, DesignNode } from '../../src/model/types';
import { gradeFix } from '../../src/scenarios';
import { checkFixInvariants } from '../../src/scenarios/modes/fix/invariants';
import { bundledFixScenario, bundledScenarioText } from './helpers/bundled-scenario';
import { steadySolution } from './helpers/fix-grades';

const scenario = bundledFixScenario('sharding-hot-tenant');
const node = (d: Design, id: string): DesignNode => d.nodes.find((n) => n.id === id)!;
const messages = (d: Design) => checkFixInvariants(scenario, d).map((f) => f.message).join('\n');
const text = bundledScenarioText('sharding-hot-tenant').replace(/\s+/g, ' ');

/** The starting design with the small shops spread evenly over `dbs` databases (the orders database the first), and MegaMart where `megamart` says. */
function sharded(dbs: number, megamart: (ids: string[]) => Record<string, number>): Design {
  const d = structuredClone(scenario.design);
  const ids = ['orders', ...Array.from({ length: dbs - 1 }, (_, i) => `orders${i + 2}`)];
  for (const [i, id] of ids.slice(1).entries()) d.nodes.push({ ...structuredClone(node(d, 'orders')), id, label: `Orders DB ${i + 2}`, position: { x: 1040, y: 110 * i } });
  d.edges = d.edges.filter((e) => e.target !== 'orders');
  for (const id of ids) d.edges.push({ id: `e-storefront-${id}`, source: 'storefront', target: id, mode: 'sync', callsPerRequest: 1, share: 1 / dbs });
  for (const [id, share] of Object.entries(megamart(ids))) d.edges.push({ id: `e-partner-${id}`, source: 'partner', target: id, mode: 'sync', callsPerRequest: 1, share });
  return d;
}

describe('sharding-hot-tenant: the figures the story quotes', () => {
  it('one primary writes about 1,600 orders a second, and Black Friday sends 3,650 requests to it', () => {
    expect(text).toContain('one primary writes about 1,600 orders a second');
    const solved = steadySolution(scenario);
    expect(solved.components.orders!.capacityRps).toBeCloseTo(1600, 0);
    expect(solved.components.orders!.offeredRps).toBeCloseTo(2400 + 1200 + 50, 0);
  });
});

describe('sharding-hot-tenant: where MegaMart lands', () => {
  it('fails every shop spread evenly over three databases: MegaMart lands beside a third of the small shops', () => {
    const d = sharded(3, (ids) => ({ [ids[0]!]: 1 }));
    const grade = gradeFix(scenario, d);
    expect(grade.invariants).toEqual([]);
    expect(grade.checks.find((c) => c.check === 'capacity')!.detail).toMatch(/Cannot keep up: Orders DB \(PostgreSQL\) \(sent 2,050 requests\/s, can finish 1,600\)/);
  });

  it('passes MegaMart on a database of its own, beside two or three for the small shops', () => {
    expect(gradeFix(scenario, scenario.solution).passed).toBe(true);
    const four = sharded(4, (ids) => ({ [ids[0]!]: 1 }));
    // MegaMart's database also takes a quarter of the small shops here: 1,850 a second, too many.
    expect(gradeFix(scenario, four).passed).toBe(false);
    const own = structuredClone(four);
    own.edges = own.edges.filter((e) => e.id !== 'e-storefront-orders');
    for (const e of own.edges.filter((x) => x.source === 'storefront')) e.share = 1 / 3;
    expect(gradeFix(scenario, own).passed).toBe(true);
  });

  it("fails MegaMart's orders split over the databases, however well that spreads the load", () => {
    const d = sharded(3, (ids) => Object.fromEntries(ids.map((id) => [id, 1 / 3])));
    expect(messages(d)).toMatch(/"MegaMart's order systems" and "MegaMart's back office" no longer reach one and the same relational database: all of MegaMart's orders must live in one database/);
    expect(gradeFix(scenario, d).passed).toBe(false);
  });
});

describe('sharding-hot-tenant: the world stays as it is', () => {
  it('fails shards drawn as primaries of one database, or a database made bigger or faster', () => {
    for (const [param, value, words] of [
      ['instances', 3, /"Orders DB \(PostgreSQL\)": you changed primaries from 1 to 3/],
      ['concurrency', 32, /"Orders DB \(PostgreSQL\)": you changed concurrency per instance from 8 to 32/],
      ['serviceMs', 1, /"Orders DB \(PostgreSQL\)": you changed service time from 5\.0 ms to 1\.0 ms/],
    ] as const) {
      const d = structuredClone(scenario.design);
      node(d, 'orders').params[param] = value;
      expect(messages(d)).toMatch(words);
      expect(gradeFix(scenario, d).passed).toBe(false);
    }
  });

  it('fails a new database bigger than the others', () => {
    const d = structuredClone(scenario.solution);
    node(d, 'orders2').params.concurrency = 64;
    expect(messages(d)).toMatch(/"Orders DB 2 \(small shops A\)" is new, with concurrency per instance 64/);
  });

  it('fails the orders moved to a NoSQL store, which the story rules out', () => {
    const d = structuredClone(scenario.design);
    Object.assign(node(d, 'orders'), { kind: 'nosql', params: {} });
    expect(messages(d)).toMatch(/every order must still be written to a PostgreSQL orders database/);
  });
});

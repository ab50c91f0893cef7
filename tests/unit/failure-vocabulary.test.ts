// One failure vocabulary (src/model/failures.ts): the design file's schema, the scenario file's
// schema, the simulator's checks and the words in the CLI and panels all follow the same spec,
// and scenario files written with version 1's names still load.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FailureEventSchema } from '../../src/model/schema';
import { describeFailure, FAILURE_KINDS, FAILURE_SPECS, type FailureKind } from '../../src/model/failures';
import { failureCanHit } from '../../src/model/traits';
import type { FailureEvent } from '../../src/model/simulation-setup';
import { DesignSimError, simulateDesign } from '../../src/engine/simulation';
import { CURRENT_SCENARIO_VERSION, parseScenarioYaml } from '../../src/scenarios';
import { shopScenarioYaml } from './helpers/shop-scenario';
import type { Design } from '../../src/model/types';

/** A design failure of each kind with every parameter at its spec's starting value. */
function sample(kind: FailureKind): FailureEvent {
  const params = Object.fromEntries(FAILURE_SPECS[kind].params.filter((p) => p.initial !== null).map((p) => [p.key, p.initial]));
  const when = { atS: 10, durationS: 20 };
  if (kind === 'group-outage') return { kind, groupId: 'zone-a', ...when };
  if (kind === 'partition') return { kind, sideA: ['zone-a'], sideB: ['db'], ...when };
  return { kind, nodeId: 'db', ...when, ...params } as FailureEvent;
}

const DESIGN: Design = {
  id: 'd',
  name: 'Shop',
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', params: { rps: 20 }, position: { x: 0, y: 0 } },
    { id: 'api', kind: 'service', label: 'Shop API', params: {}, position: { x: 200, y: 0 }, groupId: 'zone-a' },
    { id: 'db', kind: 'relational-db', label: 'Orders DB', params: {}, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'api', mode: 'sync', callsPerRequest: 1, share: 1 },
    { id: 'e2', source: 'api', target: 'db', mode: 'sync', callsPerRequest: 1, share: 1 },
  ],
  groups: [{ id: 'zone-a', kind: 'zone', label: 'Zone A', position: { x: 150, y: -50 }, size: { width: 200, height: 150 } }],
};

describe('the failure spec', () => {
  it('a design file accepts each kind at its starting values, and requires exactly the parameters the spec cannot do without', () => {
    for (const kind of FAILURE_KINDS) {
      const event = sample(kind);
      expect(v.safeParse(FailureEventSchema, event).success, kind).toBe(true);
      for (const p of FAILURE_SPECS[kind].params) {
        const without: Record<string, unknown> = { ...event };
        delete without[p.key];
        expect(v.safeParse(FailureEventSchema, without).success, `${kind} without ${p.key}`).toBe(p.whenAbsent !== undefined);
      }
    }
  });

  it('a value outside the spec\'s range is refused in the design file and by the simulator, in the spec\'s words', () => {
    const slow = { kind: 'slowdown', nodeId: 'db', atS: 10, durationS: 20, factor: 0.5 };
    const parsed = v.safeParse(FailureEventSchema, slow);
    expect(parsed.success).toBe(false);
    expect(parsed.issues?.[0]?.message).toMatch(/times slower must be at least 1/);
    expect(() => simulateDesign(DESIGN, { durationS: 60, seed: 1, failures: [slow as FailureEvent] })).toThrow(DesignSimError);
    try {
      simulateDesign(DESIGN, { durationS: 60, seed: 1, failures: [{ ...(slow as FailureEvent), factor: 2000 } as FailureEvent] });
    } catch (e) {
      expect(String((e as DesignSimError).problems)).toMatch(/times slower must be from 1 to 1000 \(got 2000\)/);
    }
    const crash = { kind: 'crash', nodeId: 'db', atS: 0, instances: 1.5 };
    expect(v.safeParse(FailureEventSchema, crash).success).toBe(false);
  });

  it('every kind reads as a sentence naming what it hits', () => {
    const names: Record<string, string> = { db: 'Orders DB', 'zone-a': 'Zone A' };
    for (const kind of FAILURE_KINDS) {
      const text = describeFailure(sample(kind), (id) => names[id] ?? id);
      expect(text, kind).toMatch(kind === 'group-outage' || kind === 'partition' ? /Zone A/ : /Orders DB/);
    }
    expect(describeFailure(sample('slowdown'), (id) => names[id] ?? id)).toBe('Orders DB is 5x slower');
  });

  it('clients are never a failure\'s target, and a failover needs a relational database', () => {
    for (const kind of FAILURE_KINDS) expect(failureCanHit(kind, 'client'), kind).toBe(false);
    expect(failureCanHit('db-failover', 'relational-db')).toBe(true);
    expect(failureCanHit('db-failover', 'cache')).toBe(false);
    expect(failureCanHit('slowdown', 'cache')).toBe(true);
  });
});

describe('scenario files', () => {
  const head = { id: 'shop', title: 'Shop', summary: 'A shop.' };
  const withFailures = (version: number, failures: string) => shopScenarioYaml(head, `failures:\n${failures}`).replace(/^version: 1/, `version: ${version}`);

  it('version 1 names (slow, errors, zone-loss, failover) load as the design\'s names', () => {
    const text = withFailures(1, ['  - { atS: 0, durationS: 60, kind: slow, target: api, factor: 3 }', '  - { atS: 0, durationS: 60, kind: errors, target: api, rate: 0.1 }', '  - { atS: 0, durationS: 60, kind: crash, target: api }'].join('\n'));
    const r = parseScenarioYaml(text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.migratedFrom).toBe(1);
    expect(r.scenario.version).toBe(CURRENT_SCENARIO_VERSION);
    expect(r.scenario.failures.map((f) => f.kind)).toEqual(['slowdown', 'error-rate', 'crash']);
  });

  it('the current version refuses the old names, a parameter on the wrong kind, and a missing required one', () => {
    const old = parseScenarioYaml(withFailures(CURRENT_SCENARIO_VERSION, '  - { atS: 0, durationS: 60, kind: slow, target: api, factor: 3 }'));
    expect(old.ok).toBe(false);
    const wrong = parseScenarioYaml(withFailures(CURRENT_SCENARIO_VERSION, '  - { atS: 0, durationS: 60, kind: crash, target: api, factor: 3 }'));
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/factor is for slowdown, not crash/));
    const missing = parseScenarioYaml(withFailures(CURRENT_SCENARIO_VERSION, '  - { atS: 0, durationS: 60, kind: error-rate, target: api }'));
    expect(missing.ok ? [] : missing.issues.map((i) => i.message)).toContainEqual(expect.stringMatching(/error-rate needs a rate/));
  });
});

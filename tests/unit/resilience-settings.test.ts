// Resilience settings are defined once (src/model/resilience.ts): the design file's schema and the
// simulator accept exactly the same range for each, and the simulator uses the spec's default.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { EDGE_SETTINGS, NODE_SETTINGS, type SettingSpec } from '../../src/model/resilience';
import { EdgeResilienceSchema, NodeResilienceSchema } from '../../src/model/schema';
import type { EdgeResilience, NodeResilience } from '../../src/model/simulation-setup';
import { DesignSimError, simulateDesign } from '../../src/engine/simulation';
import type { Design } from '../../src/model/types';

const RETRY = ['maxRetries', 'baseBackoffMs', 'maxBackoffMs', 'budgetRatio'];
const BREAKER = ['failureRatio', 'minCalls', 'windowS', 'openS', 'halfOpenProbes'];
const AUTOSCALE = ['targetUtilization', 'minInstances', 'maxInstances', 'provisioningS', 'cooldownS', 'evaluationS'];

/** The settings object with one setting at a value (and whatever its group needs beside it). */
function edgeWith(key: string, value: number): EdgeResilience {
  if (RETRY.includes(key)) return { retry: { maxRetries: 1, [key]: value } as EdgeResilience['retry'] };
  if (BREAKER.includes(key)) return { circuitBreaker: { [key]: value } };
  return { [key]: value };
}
function nodeWith(key: string, value: number): NodeResilience {
  if (key === 'rateLimitRps') return { rateLimit: { rps: value } };
  if (key === 'rateLimitBurst') return { rateLimit: { rps: 10, burst: value } };
  // Autoscaling bounds are checked against each other too: keep the other bound out of the way.
  if (AUTOSCALE.includes(key)) return { autoscale: { [key]: value, ...(key === 'minInstances' ? { maxInstances: 1000 } : key === 'maxInstances' ? { minInstances: 1 } : {}) } };
  return { [key]: value };
}

const design = (edge: EdgeResilience, node: NodeResilience): Design => ({
  id: 'd',
  name: 'd',
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', params: { rps: 5 }, position: { x: 0, y: 0 } },
    { id: 'api', kind: 'service', label: 'API', params: {}, position: { x: 200, y: 0 }, resilience: node },
    { id: 'db', kind: 'relational-db', label: 'DB', params: {}, position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'api', mode: 'sync', callsPerRequest: 1, share: 1 },
    { id: 'e2', source: 'api', target: 'db', mode: 'sync', callsPerRequest: 1, share: 1, resilience: edge },
  ],
  groups: [],
});

function simulatorAccepts(d: Design): boolean {
  try {
    simulateDesign(d, { durationS: 1, seed: 1 });
    return true;
  } catch (e) {
    if (e instanceof DesignSimError) return false;
    throw e;
  }
}

function cases(spec: SettingSpec): [number, boolean][] {
  const below = spec.min - (spec.integer ? 1 : Math.max(1e-3, Math.abs(spec.min) * 0.5));
  const above = spec.max + (spec.integer ? 1 : Math.max(1, spec.max));
  const cases: [number, boolean][] = [[spec.min, true], [spec.max, true], [below, false], [above, false]];
  if (spec.integer) cases.push([spec.min + 0.5, false]);
  return cases;
}

describe('one range per resilience setting', () => {
  for (const [key, spec] of Object.entries(EDGE_SETTINGS)) {
    it(`connection: ${spec.label}`, () => {
      for (const [value, ok] of cases(spec)) {
        const settings = edgeWith(key, value);
        expect(v.safeParse(EdgeResilienceSchema, settings).success, `schema, ${key} = ${value}`).toBe(ok);
        expect(simulatorAccepts(design(settings, {})), `simulator, ${key} = ${value}`).toBe(ok);
      }
    });
  }
  for (const [key, spec] of Object.entries(NODE_SETTINGS)) {
    it(`component: ${spec.label}`, () => {
      for (const [value, ok] of cases(spec)) {
        const settings = nodeWith(key, value);
        expect(v.safeParse(NodeResilienceSchema, settings).success, `schema, ${key} = ${value}`).toBe(ok);
        expect(simulatorAccepts(design({}, settings)), `simulator, ${key} = ${value}`).toBe(ok);
      }
    });
  }

  it('every setting says where its default comes from, and a default lies within its range', () => {
    for (const spec of [...Object.values(EDGE_SETTINGS), ...Object.values(NODE_SETTINGS)]) {
      expect(spec.source.length, spec.label).toBeGreaterThan(10);
      if (spec.default !== null) {
        expect(spec.default, spec.label).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default, spec.label).toBeLessThanOrEqual(spec.max);
      }
    }
  });

  it('autoscaling with fewer instances allowed at most than at least is refused by both', () => {
    const settings: NodeResilience = { autoscale: { minInstances: 5, maxInstances: 2 } };
    expect(v.safeParse(NodeResilienceSchema, settings).success).toBe(false);
    expect(simulatorAccepts(design({}, settings))).toBe(false);
  });
});

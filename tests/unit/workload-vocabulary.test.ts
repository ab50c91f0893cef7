// One workload vocabulary (src/model/workloads.ts): each kind carries every part the layers build
// from (fields with unit, range and help; words; the scenario-to-simulator mapping; a rate in the
// simulator), the design and scenario schemas hold its ranges, and the simulation panel's form
// stores what it shows.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { WorkloadShapeSchema } from '../../src/model/schema';
import {
  describeWorkloadShape,
  describeWorkloadStep,
  STEP_TIME,
  WORKLOAD_KINDS,
  WORKLOAD_SPECS,
  workloadShapeProblems,
  workloadStepEndS,
  workloadStepShapes,
  type WorkloadFieldSpec,
  type WorkloadKind,
  type WorkloadShape,
  type WorkloadSpec,
  type WorkloadStep,
} from '../../src/model/workloads';
import { ClientWorkload, workloadProblem } from '../../src/engine/simulation/design-sim-workload';
import { WorkloadStepSchema } from '../../src/scenarios/schema';
import { newWorkloadForm, workloadFormOf, workloadOfForm } from '../../src/panels/simulation/workloadForm';
import type { Design } from '../../src/model/types';

const spec = (kind: WorkloadKind) => WORKLOAD_SPECS[kind] as WorkloadSpec<WorkloadKind>;

/** A value for a field: its starting value, else 100 req/s for a rate, else its least. */
const sampleValue = (f: WorkloadFieldSpec) => f.initial ?? (f.unit === 'req/s' ? 100 : f.min);

function sampleShape(kind: WorkloadKind): WorkloadShape {
  return { kind, ...Object.fromEntries(spec(kind).shapeFields.map((f) => [f.key, sampleValue(f)])) } as WorkloadShape;
}

/** A scenario step with rates that differ field to field (a trough below its peak). */
function sampleStep(kind: WorkloadKind): WorkloadStep {
  const fields = spec(kind).stepFields.map((f, i) => [f.key, f.unit === 'req/s' ? 100 * (i + 1) : sampleValue(f)]);
  return { shape: kind, atS: 30, ...Object.fromEntries(fields) } as WorkloadStep;
}

const allFields = (kind: WorkloadKind) => [...spec(kind).shapeFields, ...spec(kind).stepFields];

describe('the workload spec', () => {
  it('gives every kind a label, help, and fields with a unit, a range, help and a starting value within the range', () => {
    for (const kind of WORKLOAD_KINDS) {
      expect(spec(kind).kind).toBe(kind);
      expect(spec(kind).label.length).toBeGreaterThan(2);
      expect(spec(kind).help.length).toBeGreaterThan(10);
      expect(spec(kind).stepFields.length, `${kind} has no scenario fields`).toBeGreaterThan(0);
      for (const f of allFields(kind)) {
        expect(['s', 'req/s', '×'], `${kind}.${f.key}`).toContain(f.unit);
        expect(f.label.length, `${kind}.${f.key}`).toBeGreaterThan(1);
        expect(f.help.length, `${kind}.${f.key}`).toBeGreaterThan(10);
        expect(Number.isFinite(f.min) && Number.isFinite(f.max) && f.min < f.max, `${kind}.${f.key} range`).toBe(true);
        if (f.initial !== null) expect(f.initial >= f.min && f.initial <= f.max, `${kind}.${f.key} initial`).toBe(true);
        if (f.fileDefault !== undefined) expect(f.fileDefault >= f.min && f.fileDefault <= f.max, `${kind}.${f.key} default`).toBe(true);
      }
      // Fields every step or shape has are not the kind's to declare.
      expect(spec(kind).shapeFields.map((f) => f.key)).not.toContain('kind');
      expect(spec(kind).stepFields.map((f) => f.key)).not.toEqual(expect.arrayContaining(['atS']));
    }
  });

  it('reads each kind in words, with its figures and nothing missing', () => {
    for (const kind of WORKLOAD_KINDS) {
      const shapeText = describeWorkloadShape(sampleShape(kind));
      const stepText = describeWorkloadStep(sampleStep(kind), ' from Web');
      for (const text of [shapeText, stepText]) {
        expect(text, kind).toMatch(/\d/);
        expect(text, kind).not.toMatch(/undefined|NaN|null/);
      }
      expect(stepText, kind).toMatch(/^At 30 s: .* from Web/);
    }
  });
});

describe('a design shape', () => {
  it('is accepted by the design schema and the simulator at its sample values, and gives a rate at every time', () => {
    for (const kind of WORKLOAD_KINDS) {
      const shape = sampleShape(kind);
      expect(v.safeParse(WorkloadShapeSchema, shape).success, kind).toBe(true);
      expect(workloadProblem(shape, 'Web'), kind).toBeNull();
      const w = new ClientWorkload(50, [shape]);
      for (let t = 0; t <= 600; t += 7) {
        const r = w.rateRps(t);
        expect(Number.isFinite(r) && r >= 0 && r <= w.maxRps + 1e-9, `${kind} at ${t} s`).toBe(true);
      }
    }
  });

  it('is refused, naming the field, out of its range or without a field it needs', () => {
    for (const kind of WORKLOAD_KINDS) {
      for (const f of spec(kind).shapeFields) {
        for (const bad of [f.min - 1, f.max * 10 + 1, Number.NaN]) {
          const shape = { ...sampleShape(kind), [f.key]: bad } as WorkloadShape;
          expect(v.safeParse(WorkloadShapeSchema, shape).success, `${kind}.${f.key} = ${bad}`).toBe(false);
          expect(workloadProblem(shape, 'Web'), `${kind}.${f.key} = ${bad}`).toContain(f.label);
        }
        const without = { ...sampleShape(kind) } as Record<string, unknown>;
        delete without[f.key];
        const needed = f.whenAbsent === undefined;
        expect(v.safeParse(WorkloadShapeSchema, without).success, `${kind} without ${f.key}`).toBe(!needed);
        expect(workloadProblem(without as WorkloadShape, 'Web') === null, `${kind} without ${f.key}`).toBe(!needed);
      }
    }
    expect(workloadProblem({ kind: 'burst' } as unknown as WorkloadShape, 'Web')).toContain(WORKLOAD_KINDS.join(', '));
    expect(workloadShapeProblems({ kind: 'ramp', startS: 90, endS: 30, toRps: 5 })).toEqual([{ key: 'endS', message: 'the ramp ends (30 s) before it starts (90 s)' }]);
  });
});

describe('a scenario step', () => {
  it('is read by the scenario schema, which fills in what a file may leave out and refuses what is out of range', () => {
    for (const kind of WORKLOAD_KINDS) {
      const step = sampleStep(kind);
      expect(v.safeParse(WorkloadStepSchema, step).success, kind).toBe(true);
      for (const f of spec(kind).stepFields) {
        expect(v.safeParse(WorkloadStepSchema, { ...step, [f.key]: f.max * 10 + 1 }).success, `${kind}.${f.key}`).toBe(false);
        const without = { ...step } as Record<string, unknown>;
        delete without[f.key];
        const parsed = v.safeParse(WorkloadStepSchema, without);
        expect(parsed.success, `${kind} without ${f.key}`).toBe(f.whenAbsent !== undefined || f.fileDefault !== undefined);
        if (f.fileDefault !== undefined && parsed.success) expect((parsed.output as Record<string, unknown>)[f.key]).toBe(f.fileDefault);
      }
      expect(v.safeParse(WorkloadStepSchema, { ...step, atS: STEP_TIME.max + 1 }).success).toBe(false);
      expect(v.safeParse(WorkloadStepSchema, { ...step, surprise: 1 }).success, 'a misspelt field is an error').toBe(false);
    }
  });

  it('becomes simulator shapes that stay between the rate before and its own rates, and reach its highest rate', () => {
    const beforeRps = 40;
    for (const kind of WORKLOAD_KINDS) {
      const step = sampleStep(kind);
      const shapes = workloadStepShapes(step, 1, () => beforeRps);
      for (const s of shapes) expect(workloadShapeProblems(s), kind).toEqual([]);
      const w = new ClientWorkload(beforeRps, shapes);
      const rates = spec(kind).stepFields.filter((f) => f.unit === 'req/s').map((f) => (step as unknown as Record<string, number>)[f.key]!);
      const lo = Math.min(beforeRps, ...rates);
      const hi = Math.max(beforeRps, ...rates);
      const period = (step as { periodS?: number }).periodS ?? 0;
      const endS = workloadStepEndS(step) + period + 1;
      let seen = 0;
      for (let i = 0; i <= 4000; i++) {
        const t = step.atS + ((endS - step.atS) * i) / 4000;
        const r = w.rateRps(t);
        expect(r >= lo * 0.999 && r <= hi * 1.001, `${kind} at ${t} s: ${r} outside ${lo}-${hi}`).toBe(true);
        seen = Math.max(seen, r);
      }
      expect(seen, kind).toBeGreaterThan(Math.max(...rates) * 0.99);
      // A simulator day has no start: it swings the rate from t = 0, so a daily step later in the
      // run also swings the traffic before it (known; the bundled scenarios start days at 0).
      if (kind !== 'daily') expect(w.rateRps(step.atS - 1), `${kind} starts at its time`).toBeCloseTo(beforeRps, 6);
    }
  });
});

describe('the simulation panel form', () => {
  const design: Design = {
    id: 'd',
    name: 'Two clients',
    nodes: [
      { id: 'web', kind: 'client', label: 'Web', params: { rps: 30 }, position: { x: 0, y: 0 } },
      { id: 'app', kind: 'client', label: 'App', params: { rps: 10 }, position: { x: 0, y: 100 } },
      { id: 'api', kind: 'service', label: 'API', params: {}, position: { x: 200, y: 0 } },
    ],
    edges: [],
    groups: [],
  };

  it('stores each kind for every client, rates split by their own, and shows back what it stored', () => {
    for (const kind of WORKLOAD_KINDS) {
      const form = newWorkloadForm(kind, design);
      const workload = workloadOfForm(form, design);
      if (Object.keys(form.values).length === 0) {
        expect(workload, `${kind} with nothing set keeps the clients' own rates`).toBeUndefined();
        continue;
      }
      const web = workload!['web']![0]! as unknown as Record<string, number>;
      const app = workload!['app']![0]! as unknown as Record<string, number>;
      for (const s of [web, app]) expect(v.safeParse(WorkloadShapeSchema, s).success, kind).toBe(true);
      for (const f of spec(kind).shapeFields) {
        if (form.values[f.key] === undefined) continue;
        if (f.unit === 'req/s') expect(web[f.key]! / app[f.key]!, `${kind}.${f.key} split 3:1`).toBeCloseTo(3, 9);
        else expect(web[f.key], `${kind}.${f.key}`).toBe(app[f.key]);
      }
      const back = workloadFormOf(workload, design);
      expect(back.kind).toBe(kind);
      for (const [key, value] of Object.entries(form.values)) expect(back.values[key], `${kind}.${key}`).toBeCloseTo(value!, 9);
    }
  });

  it('starts a new rate at a multiple of the clients\' own, so a step is a change', () => {
    const step = newWorkloadForm('step', design);
    expect(step.values['toRps']).toBe(80);
  });
});

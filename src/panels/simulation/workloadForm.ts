// The simulation panel's "load over time": one workload shape for every client, edited through its
// kind's fields (src/model/workloads.ts). Rates in the form are for all clients together; each
// client gets its part in proportion to its own rate, as a scenario step for all clients does.
import { paramValue } from '../../model/catalog';
import type { SimulationSetup } from '../../model/simulation-setup';
import { sendsRequests } from '../../model/traits';
import type { Design } from '../../model/types';
import { WORKLOAD_SPECS, type WorkloadFieldSpec, type WorkloadKind, type WorkloadShape, type WorkloadSpec } from '../../model/workloads';

export interface WorkloadForm {
  kind: WorkloadKind;
  /** Each field's value, rates for all clients together; a key left out is a field left out. */
  values: Partial<Record<string, number>>;
}

type Workload = NonNullable<SimulationSetup['workload']>;

const fieldsOf = (kind: WorkloadKind): readonly WorkloadFieldSpec[] => (WORKLOAD_SPECS[kind] as WorkloadSpec<WorkloadKind>).shapeFields;

/** Each client with its part of a rate for all of them: its own rate over their total (equal parts when all are 0). */
function clientShares(design: Design): { id: string; ownRps: number; share: number }[] {
  const clients = design.nodes.filter(sendsRequests).map((n) => ({ id: n.id, ownRps: paramValue(n, 'rps') }));
  const total = clients.reduce((sum, c) => sum + c.ownRps, 0);
  return clients.map((c) => ({ ...c, share: total > 0 ? c.ownRps / total : 1 / clients.length }));
}

/** The form for a design's saved workload: the first client's first shape, its rates summed over the clients that share its kind. */
export function workloadFormOf(workload: Workload | undefined, design: Design): WorkloadForm {
  const shapes = clientShares(design).flatMap((c) => workload?.[c.id]?.slice(0, 1) ?? []);
  const first = shapes[0];
  if (!first) return { kind: 'constant', values: {} };
  const same = shapes.filter((s) => s.kind === first.kind) as unknown as Record<string, unknown>[];
  const values: WorkloadForm['values'] = {};
  for (const f of fieldsOf(first.kind)) {
    const given = same.map((s) => s[f.key]).filter((x): x is number => typeof x === 'number');
    if (given.length > 0) values[f.key] = f.unit === 'req/s' ? given.reduce((a, b) => a + b, 0) : given[0];
  }
  return { kind: first.kind, values };
}

/** A new form of a kind, each field at its spec's starting value (a rate at a multiple of the clients' own). */
export function newWorkloadForm(kind: WorkloadKind, design: Design): WorkloadForm {
  const ownTotal = clientShares(design).reduce((sum, c) => sum + c.ownRps, 0);
  const values: WorkloadForm['values'] = {};
  for (const f of fieldsOf(kind)) {
    const initial = f.initialTimesOwnRate !== undefined ? f.initialTimesOwnRate * ownTotal : f.initial;
    if (initial !== null) values[f.key] = initial;
  }
  return { kind, values };
}

/** The form with one field set from its input's text: empty leaves an optional field out; a typo keeps the last number. */
export function withWorkloadField(form: WorkloadForm, key: string, text: string): WorkloadForm {
  const field = fieldsOf(form.kind).find((f) => f.key === key);
  if (!field) return form;
  if (text.trim() === '') {
    if (field.whenAbsent === undefined) return form;
    const values = { ...form.values };
    delete values[key];
    return { ...form, values };
  }
  // Out-of-range numbers are kept: the run refuses them with the field's range in words.
  const value = Number(text);
  return Number.isFinite(value) ? { ...form, values: { ...form.values, [key]: value } } : form;
}

/** The shapes per client the form stands for; undefined when nothing is set (every client keeps its own steady rate). */
export function workloadOfForm(form: WorkloadForm, design: Design): Workload | undefined {
  const fields = fieldsOf(form.kind);
  if (fields.every((f) => form.values[f.key] === undefined)) return undefined;
  const out: Workload = {};
  for (const c of clientShares(design)) {
    const shape: Record<string, unknown> = { kind: form.kind };
    for (const f of fields) {
      const value = form.values[f.key];
      if (value !== undefined) shape[f.key] = f.unit === 'req/s' ? value * c.share : value;
    }
    out[c.id] = [shape as WorkloadShape];
  }
  return out;
}

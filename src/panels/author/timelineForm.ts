// The authoring form's traffic-over-time and failure rows, held as the text in their inputs, and
// their conversion to the scenario file's workload steps and failures. An empty input becomes a
// missing field, so the scenario check names it ("Workload step 2, requests/s: ...") rather than
// the form guessing a value.
import { FAILURE_PARAM_KEYS, FAILURE_SPECS, type FailureParamKey, type FailureTarget } from '../../model/failures';
import { STEP_TIME, WORKLOAD_KINDS, WORKLOAD_SPECS, type WorkloadKind, type WorkloadStep } from '../../model/workloads';
import type { FailureEvent, FailureKind } from '../../scenarios';

/** Every field a scenario step of some kind has (src/model/workloads.ts), besides atS. */
export type StepFieldKey = { [K in WorkloadKind]: (typeof WORKLOAD_SPECS)[K]['stepFields'][number]['key'] }[WorkloadKind];

/** One traffic row: its kind, its time and the text of every kind's fields (only the chosen kind's go into the file). */
export type StepForm = { shape: WorkloadKind; atS: string } & Record<StepFieldKey, string>;

export interface FailureForm {
  kind: FailureKind;
  target: string;
  atS: string;
  durationS: string;
  /** The text of each parameter's input; only the chosen kind's parameters go into the file. */
  params: Record<FailureParamKey, string>;
}

/** A new row: a spike (the most common story), each field at its spec's starting value, so switching kinds keeps a sensible value in each. */
export const NEW_STEP: StepForm = (() => {
  const out: Record<string, string> = { shape: 'spike', atS: String(STEP_TIME.initial) };
  for (const kind of WORKLOAD_KINDS) for (const f of WORKLOAD_SPECS[kind].stepFields) out[f.key] = f.initial === null ? '' : String(f.initial);
  return out as StepForm;
})();

/** Every parameter at its spec's starting value, so switching kinds keeps a sensible value in each. */
function initialParams(): Record<FailureParamKey, string> {
  const out = Object.fromEntries(FAILURE_PARAM_KEYS.map((k) => [k, ''])) as Record<FailureParamKey, string>;
  for (const spec of Object.values(FAILURE_SPECS)) for (const p of spec.params) out[p.key] = p.initial === null ? '' : String(p.initial);
  return out;
}

export function newFailure(target: string): FailureForm {
  return { kind: 'crash', target, atS: '60', durationS: '60', params: initialParams() };
}

/** The number typed, or undefined for an empty input (a typo like "1o" stays NaN, which the check reports). */
function num(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

/** The object with its undefined fields left out. */
function present<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The step with the chosen kind's fields; an empty field is left out (or takes what loading would fill in). */
export function stepFromForm(f: StepForm): WorkloadStep {
  const fields = Object.fromEntries(WORKLOAD_SPECS[f.shape].stepFields.map((spec) => [spec.key, num(f[spec.key]) ?? spec.fileDefault]));
  return present({ atS: num(f.atS), shape: f.shape, ...fields }) as WorkloadStep;
}

export function failureFromForm(f: FailureForm): FailureEvent {
  const params = Object.fromEntries(FAILURE_SPECS[f.kind].params.map((p) => [p.key, num(f.params[p.key])]));
  return present({ atS: num(f.atS), durationS: num(f.durationS), kind: f.kind, target: f.target, ...params }) as FailureEvent;
}

/** What a failure of this kind can hit (FAILURE_SPECS): components, a database, zones and regions, or (partition) connections too. */
export function failureTargetKind(kind: FailureKind): FailureTarget {
  return FAILURE_SPECS[kind].target;
}

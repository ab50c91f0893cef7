// The authoring form's traffic-over-time and failure rows, held as the text in their inputs, and
// their conversion to the scenario file's workload steps and failures. An empty input becomes a
// missing field, so the scenario check names it ("Workload step 2, requests/s: ...") rather than
// the form guessing a value.
import { FAILURE_PARAM_KEYS, FAILURE_SPECS, type FailureParamKey, type FailureTarget } from '../../model/failures';
import type { FailureEvent, FailureKind, WorkloadShape, WorkloadStep } from '../../scenarios';

export interface StepForm {
  shape: WorkloadShape;
  atS: string;
  /** constant, step, ramp, spike: the rate, req/s. */
  rps: string;
  /** ramp, spike: how long, s. */
  durationS: string;
  /** daily: the rates at the trough and the peak, req/s; when it peaks, s; the day's length, s. */
  troughRps: string;
  peakRps: string;
  peakAtS: string;
  periodS: string;
}

export interface FailureForm {
  kind: FailureKind;
  target: string;
  atS: string;
  durationS: string;
  /** The text of each parameter's input; only the chosen kind's parameters go into the file. */
  params: Record<FailureParamKey, string>;
}

export const NEW_STEP: StepForm = { shape: 'spike', atS: '60', rps: '', durationS: '60', troughRps: '', peakRps: '', peakAtS: '', periodS: '86400' };

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

export function stepFromForm(f: StepForm): WorkloadStep {
  const at = { atS: num(f.atS) };
  switch (f.shape) {
    case 'constant':
    case 'step':
      return present({ ...at, shape: f.shape, rps: num(f.rps) }) as WorkloadStep;
    case 'ramp':
    case 'spike':
      return present({ ...at, shape: f.shape, rps: num(f.rps), durationS: num(f.durationS) }) as WorkloadStep;
    case 'daily':
      return present({ ...at, shape: 'daily', troughRps: num(f.troughRps), peakRps: num(f.peakRps), peakAtS: num(f.peakAtS), periodS: num(f.periodS) ?? 86_400 }) as WorkloadStep;
  }
}

export function failureFromForm(f: FailureForm): FailureEvent {
  const params = Object.fromEntries(FAILURE_SPECS[f.kind].params.map((p) => [p.key, num(f.params[p.key])]));
  return present({ atS: num(f.atS), durationS: num(f.durationS), kind: f.kind, target: f.target, ...params }) as FailureEvent;
}

/** What a failure of this kind can hit (FAILURE_SPECS): components, a database, zones and regions, or (partition) connections too. */
export function failureTargetKind(kind: FailureKind): FailureTarget {
  return FAILURE_SPECS[kind].target;
}

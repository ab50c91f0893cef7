// The authoring form's traffic-over-time and failure rows, held as the text in their inputs, and
// their conversion to the scenario file's workload steps and failures. An empty input becomes a
// missing field, so the scenario check names it ("Workload step 2, requests/s: ...") rather than
// the form guessing a value.
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
  /** slow: how many times slower. */
  factor: string;
  /** errors: share of calls that fail, 0..1. */
  rate: string;
  /** crash: how many instances (empty: all of them). */
  instances: string;
}

export const NEW_STEP: StepForm = { shape: 'spike', atS: '60', rps: '', durationS: '60', troughRps: '', peakRps: '', peakAtS: '', periodS: '86400' };

export function newFailure(target: string): FailureForm {
  return { kind: 'crash', target, atS: '60', durationS: '60', factor: '5', rate: '0.2', instances: '' };
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
  return present({
    atS: num(f.atS),
    durationS: num(f.durationS),
    kind: f.kind,
    target: f.target,
    factor: f.kind === 'slow' ? num(f.factor) : undefined,
    rate: f.kind === 'errors' ? num(f.rate) : undefined,
    instances: f.kind === 'crash' ? num(f.instances) : undefined,
  }) as FailureEvent;
}

/** What a failure of this kind can hit: components, zones and regions, or (partition) connections too. */
export function failureTargetKind(kind: FailureKind): 'component' | 'group' | 'group-or-connection' {
  if (kind === 'zone-loss') return 'group';
  if (kind === 'partition') return 'group-or-connection';
  return 'component';
}

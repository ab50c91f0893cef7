// The authoring form's timeline rows to scenario workload steps and failures: only the fields of
// the chosen shape or kind, and an empty input left out so the check can name it.
import { describe, expect, it } from 'vitest';
import { failureFromForm, failureTargetKind, newFailure, NEW_STEP, stepFromForm, type FailureForm } from '../../src/panels/author/timelineForm';

describe('timeline form rows', () => {
  it('keep only the fields of the shape', () => {
    expect(stepFromForm({ ...NEW_STEP, shape: 'spike', atS: '60', rps: '900', durationS: '30', peakRps: '5' })).toEqual({ atS: 60, shape: 'spike', rps: 900, durationS: 30 });
    expect(stepFromForm({ ...NEW_STEP, shape: 'step', atS: '0', rps: '50' })).toEqual({ atS: 0, shape: 'step', rps: 50 });
    expect(stepFromForm({ ...NEW_STEP, shape: 'daily', atS: '0', troughRps: '10', peakRps: '100', peakAtS: '', periodS: '' })).toEqual({ atS: 0, shape: 'daily', troughRps: 10, peakRps: 100, periodS: 86_400 });
  });

  it('leave an empty input out and keep a typo as NaN, for the check to report', () => {
    expect(stepFromForm({ ...NEW_STEP, shape: 'ramp', rps: '' })).not.toHaveProperty('rps');
    const typo = stepFromForm({ ...NEW_STEP, shape: 'ramp', rps: '1o' }) as { rps: number };
    expect(typo.rps).toBeNaN();
  });

  it('give a failure the setting of its kind only', () => {
    const base = newFailure('db');
    const withParam = (kind: FailureForm['kind'], key: keyof FailureForm['params'], text: string): FailureForm => ({ ...base, kind, params: { ...base.params, [key]: text } });
    expect(failureFromForm(withParam('slowdown', 'factor', '4'))).toEqual({ atS: 60, durationS: 60, kind: 'slowdown', target: 'db', factor: 4 });
    expect(failureFromForm(withParam('error-rate', 'rate', '0.1'))).toEqual({ atS: 60, durationS: 60, kind: 'error-rate', target: 'db', rate: 0.1 });
    expect(failureFromForm(withParam('crash', 'instances', ''))).toEqual({ atS: 60, durationS: 60, kind: 'crash', target: 'db' });
    expect(failureFromForm(withParam('crash', 'instances', '2'))).toMatchObject({ instances: 2 });
    expect(failureFromForm(withParam('db-failover', 'promoteAfterS', '30'))).toEqual({ atS: 60, durationS: 60, kind: 'db-failover', target: 'db', promoteAfterS: 30 });
    expect([failureTargetKind('group-outage'), failureTargetKind('partition'), failureTargetKind('db-failover'), failureTargetKind('crash')]).toEqual(['group', 'network', 'database', 'component']);
  });

  it('start each kind at its spec\'s value, so the first failure of a kind is a sensible one', () => {
    const base = newFailure('db');
    expect(failureFromForm({ ...base, kind: 'slowdown' })).toMatchObject({ factor: 5 });
    expect(failureFromForm({ ...base, kind: 'error-rate' })).toMatchObject({ rate: 0.2 });
  });
});

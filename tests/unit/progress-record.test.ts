import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MODES, modeSpec } from '../../src/scenarios';
import { readProgressRecord } from '../../src/store/progress-record';
import { emptyProgress } from '../../src/store/scenarioStore';

const good = {
  scenarioId: 'url-shortener',
  findings: [{ id: 'f1', target: 'db', category: 'single-point-of-failure', severity: 'high', note: 'one copy' }],
  identify: { q1: { given: 'cache', correct: true, tries: [{ given: 'db', correct: false }, { given: 'cache', correct: true }] } },
  compareAnswers: { q1: 'a' },
  comparePrediction: { answers: { q1: 'a' }, at: 1700000000000 },
  score: 0.5,
  completed: false,
  updatedAt: 1700000000000,
};

describe('saved scenario progress read back from storage', () => {
  it('a sound record comes back as it was, under the key asked for', () => {
    const read = readProgressRecord(good, 'url-shortener');
    expect(read.problem).toBeNull();
    expect(read.progress).toEqual(good);
  });

  it('each mode reads back its own part of a new record unchanged, and a new record reads back whole', () => {
    for (const mode of MODES) {
      const fields = modeSpec(mode).emptyProgress();
      expect(modeSpec(mode).readProgress({ ...fields }), mode).toEqual({ fields, dropped: 0 });
    }
    const fresh = emptyProgress('k');
    expect(readProgressRecord(JSON.parse(JSON.stringify(fresh)), 'k')).toEqual({ progress: fresh, problem: null });
  });

  it('nothing saved is no progress and no complaint', () => {
    expect(readProgressRecord(undefined, 'k')).toEqual({ progress: null, problem: null });
  });

  it('a damaged record keeps what is well formed and says how much was left out', () => {
    const damaged = {
      ...good,
      findings: [good.findings[0], { id: 7 }, 'junk'],
      identify: { ...good.identify, q2: { given: 3 } },
      compareAnswers: { q1: 'a', q2: 'c' },
      score: 7,
      completed: 'yes',
    };
    const read = readProgressRecord(damaged, 'url-shortener');
    expect(read.progress!.findings).toEqual(good.findings);
    expect(Object.keys(read.progress!.identify)).toEqual(['q1']);
    expect(read.progress!.compareAnswers).toEqual({ q1: 'a' });
    expect(read.progress!.score).toBeNull();
    expect(read.progress!.completed).toBe(false);
    expect(read.problem).toBe('Part of the saved progress of this scenario could not be read (4 items); the rest is kept.');
  });

  it('a record that is not an object starts afresh, saying so', () => {
    for (const raw of ['text', 42, [1, 2]]) {
      const read = readProgressRecord(raw, 'k');
      expect(read.progress).toBeNull();
      expect(read.problem).toMatch(/could not be read/);
    }
  });

  it('never throws, and always gives back the shape the panel reads', () => {
    fc.assert(
      fc.property(fc.anything(), fc.record({ findings: fc.anything(), identify: fc.anything(), compareAnswers: fc.anything(), comparePrediction: fc.anything(), score: fc.anything() }, { requiredKeys: [] }), (raw, partial) => {
        for (const input of [raw, { ...good, ...partial }]) {
          const { progress } = readProgressRecord(input, 'k');
          if (progress === null) continue;
          expect(Array.isArray(progress.findings)).toBe(true);
          for (const f of progress.findings) expect(typeof f.target).toBe('string');
          for (const a of Object.values(progress.identify)) expect(typeof a.correct).toBe('boolean');
          for (const side of Object.values(progress.compareAnswers)) expect(['a', 'b']).toContain(side);
          expect(progress.scenarioId).toBe('k');
        }
      }),
      { numRuns: 300 },
    );
  });
});

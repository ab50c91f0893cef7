// The learner's place in the course from saved progress: status, first-try result, mastery per
// objective and the suggested next scenario. Later tries must not raise mastery.
import { describe, expect, it } from 'vitest';
import { firstTryScore, objectiveMastery, scenarioStatus, statusText, suggestNext } from '../../src/store/courseProgress';
import { emptyProgress, type ScenarioProgress } from '../../src/store/scenarioStore';
import { bundledByMode, bundledScenario, bundledScenarios } from './helpers/bundled-scenario';

const all = bundledScenarios();
const first = bundledScenario('first-steps');

/** Identify progress with each question's tries (true = right). */
function identifyProgress(id: string, tries: Record<string, boolean[]>, updatedAt = 1): ScenarioProgress {
  const identify = Object.fromEntries(
    Object.entries(tries).map(([q, ts]) => [q, { given: 'x', correct: ts[ts.length - 1]!, tries: ts.map((correct) => ({ given: 'x', correct })) }]),
  );
  return { ...emptyProgress(id), identify, updatedAt };
}

describe('status and first-try results', () => {
  it('not started without progress, in progress once opened, done once every question is tried', () => {
    expect(scenarioStatus(first, undefined)).toBe('not-started');
    expect(scenarioStatus(first, emptyProgress('first-steps'))).toBe('in-progress');
    expect(scenarioStatus(first, identifyProgress('first-steps', { start: [true], follow: [true] }))).toBe('in-progress');
    expect(scenarioStatus(first, identifyProgress('first-steps', { start: [true], follow: [true], busiest: [false, true] }))).toBe('done');
  });

  it('scores the first try: a wrong first answer put right later still counts as wrong', () => {
    expect(firstTryScore(first, identifyProgress('first-steps', { start: [true], follow: [false, true], busiest: [false, false, true] }))).toBeCloseTo(1 / 3);
    expect(firstTryScore(first, identifyProgress('first-steps', { start: [true], follow: [true], busiest: [true] }))).toBe(1);
  });

  it('a question id such as "constructor" counts as tried only once the learner has tried it', () => {
    if (first.mode !== 'identify') throw new Error('first-steps is an identify scenario');
    const renamed = { ...first, questions: first.questions.map((q, i) => (i === 0 ? { ...q, id: 'constructor' } : q)) };
    const others = Object.fromEntries(renamed.questions.slice(1).map((q) => [q.id, [true]]));
    expect(firstTryScore(renamed, identifyProgress(first.id, others))).toBeNull();
    expect(firstTryScore(renamed, identifyProgress(first.id, { ...others, constructor: [false] }))).toBeCloseTo(2 / 3);
  });

  it('a compare counts from its locked predictions, a fix once solved', () => {
    const compare = bundledByMode('compare')[0]!;
    const right = Object.fromEntries(compare.questions.map((q) => [q.id, q.answer]));
    const p = { ...emptyProgress(compare.id), compareAnswers: right };
    expect(firstTryScore(compare, p)).toBeNull();
    expect(firstTryScore(compare, { ...p, comparePrediction: { answers: right, at: 1 } })).toBe(1);
    const fix = bundledByMode('fix')[0]!;
    expect(firstTryScore(fix, { ...emptyProgress(fix.id), score: 0.5 })).toBeNull();
    expect(firstTryScore(fix, { ...emptyProgress(fix.id), score: 1, completed: true })).toBe(1);
  });
});

describe('the status in words (course map and gallery card alike)', () => {
  it('says "Done" with the first try, not the best later score, and "In progress" until there is a first try', () => {
    expect(statusText(first, undefined)).toBe('Not started');
    expect(statusText(first, emptyProgress('first-steps'))).toBe('In progress');
    // Put right on the second try: the progress record's best score is 100% and it counts as completed.
    const retried = { ...identifyProgress('first-steps', { start: [true], follow: [true], busiest: [false, true] }), score: 1, completed: true };
    expect(statusText(first, retried)).toBe('Done · first try 67%');
  });

  it('follows the map, not the record\'s completed flag: a compare is done once its predictions are checked, a fix only once solved', () => {
    const compare = bundledByMode('compare')[0]!;
    const wrong = Object.fromEntries(compare.questions.map((q) => [q.id, q.answer === 'a' ? ('b' as const) : ('a' as const)]));
    expect(statusText(compare, { ...emptyProgress(compare.id), comparePrediction: { answers: wrong, at: 1 }, completed: false })).toBe('Done · first try 0%');
    const fix = bundledByMode('fix')[0]!;
    expect(statusText(fix, { ...emptyProgress(fix.id), score: 0.5 })).toBe('In progress');
  });
});

describe('mastery per objective', () => {
  it('is the mean first-try result over the objective\'s done scenarios, and says how many', () => {
    const progress = {
      'first-steps': identifyProgress('first-steps', { start: [true], follow: [true], busiest: [false, true] }),
      'url-shortener': emptyProgress('url-shortener'),
    };
    const m = objectiveMastery('identify-components', all, progress);
    expect(m.score).toBeCloseTo(2 / 3);
    expect(m.done).toBe(1);
    expect(m.total).toBe(all.filter((s) => s.objectives.includes('identify-components')).length);
    expect(objectiveMastery('cost', all, progress).score).toBeNull();
  });
});

describe('the suggested next scenario', () => {
  it('starts a new learner on the first step of the on-ramp', () => {
    expect(suggestNext(all, {})!.scenario.id).toBe('first-steps');
  });

  it('brings a learner back to what they left unfinished, then on along the on-ramp', () => {
    expect(suggestNext(all, { 'url-shortener': emptyProgress('url-shortener') })!.scenario.id).toBe('url-shortener');
    const done = { 'first-steps': identifyProgress('first-steps', { start: [true], follow: [true], busiest: [true] }) };
    const next = suggestNext(all, done)!;
    expect(next.scenario.id).not.toBe('first-steps');
    expect(next.scenario.difficulty).toBe('beginner');
    expect(next.reason).toMatch(/on-ramp/);
  });
});

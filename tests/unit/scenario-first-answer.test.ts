// Identify and compare grade the first answer: tries are kept but only the first counts, an
// identify explanation waits while it would give away an open question's answer, compare
// predictions lock before the figures appear, and answering one side throughout cannot score
// 75% on a key that has both sides.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  explanationWaitsFor,
  gradeIdentify,
  scoreCompareAnswers,
  selfCheckScenario,
  type CompareScenario,
} from '../../src/scenarios';
import { figuresHidden, firstTry, tryCount, useScenarioStore } from '../../src/store/scenarioStore';
import { bundledByMode, bundledScenarioText, scenarioFromYaml as load } from './helpers/bundled-scenario';

const compares = bundledByMode('compare');
const identifies = bundledByMode('identify');

describe('compare: one side throughout cannot score 75%', () => {
  it('there are compare scenarios, each with answers on both sides (content owner: a one-sided key fails scenario check)', () => {
    expect(compares.length).toBeGreaterThanOrEqual(3);
    for (const s of compares) expect(new Set(s.questions.map((q) => q.answer)).size, s.id).toBe(2);
  });

  for (const scenario of compares) {
    it(`${scenario.id}: all A and all B score under 75% (exactly half), the key 100%`, () => {
      for (const side of ['a', 'b'] as const) {
        const answers = Object.fromEntries(scenario.questions.map((q) => [q.id, side]));
        const g = scoreCompareAnswers(scenario, answers);
        expect(g.score).toBeLessThan(0.75);
        expect(g.score).toBe(0.5);
      }
      expect(scoreCompareAnswers(scenario, Object.fromEntries(scenario.questions.map((q) => [q.id, q.answer]))).score).toBe(1);
    });
  }

  it('counts an unanswered question as wrong, and each side weighs the same', () => {
    const s = compares.find((x) => x.questions.filter((q) => q.answer === 'b').length >= 2 && x.questions.some((q) => q.answer === 'a'))!;
    const aQuestions = s.questions.filter((q) => q.answer === 'a');
    const bQuestions = s.questions.filter((q) => q.answer === 'b');
    // Every B question right, every A question unanswered: half, however many B questions there are.
    const g = scoreCompareAnswers(s, Object.fromEntries(bQuestions.map((q) => [q.id, 'b' as const])));
    expect(g.bySide).toEqual({ a: { correct: 0, total: aQuestions.length }, b: { correct: bQuestions.length, total: bQuestions.length } });
    expect(g.score).toBe(0.5);
  });

  it('scenario check fails a compare whose answers are all one side', () => {
    const base = compares.find((s) => s.id === 'build-vs-buy-queue')!;
    const text = bundledScenarioText('build-vs-buy-queue').replace(/^(\s+answer:) [ab]$/gm, '$1 a');
    const oneSided = load(text) as CompareScenario;
    expect(oneSided.questions.every((q) => q.answer === 'a')).toBe(true);
    expect(selfCheckScenario(oneSided).map((i) => i.message)).toContainEqual(expect.stringMatching(/^every answer is a, so a learner who answers a throughout gets them all right/));
    expect(selfCheckScenario(base).map((i) => i.message).filter((m) => m.startsWith('every answer'))).toEqual([]);
  });
});

describe('identify: the first try is scored, every try is kept', () => {
  const scenario = identifies.find((s) => s.id === 'url-shortener')!;

  it('grades the answers given as first tries and reports the tries', () => {
    const g = gradeIdentify(scenario, { entry: 'api-gateway', 'fast-path': 'cache' }, { entry: 3 });
    expect(g).toMatchObject({ correct: 1, total: 5, attempts: { entry: 3, 'fast-path': 1 } });
  });

  describe('in the app', () => {
    const st = () => useScenarioStore.getState();
    beforeEach(() => st().start(scenario, null));

    it('keeps every try; a right second try does not make the first right', () => {
      st().recordIdentify('entry', { given: 'api-gateway', correct: false });
      st().recordIdentify('entry', { given: 'load-balancer', correct: true });
      const attempt = st().session!.progress.identify.entry!;
      expect(attempt.correct).toBe(true);
      expect(firstTry(attempt)).toEqual({ given: 'api-gateway', correct: false });
      expect(tryCount(attempt)).toBe(2);
    });

    it('reads progress saved before tries were kept as one try', () => {
      const old = { given: 'cache', correct: true };
      expect(firstTry(old)).toBe(old);
      expect(tryCount(old)).toBe(1);
    });

    it('hides the figures in identify always', () => {
      expect(figuresHidden(st().session)).toBe(true);
    });
  });
});

describe('identify: an explanation does not give away an open question', () => {
  const limiter = identifies.find((s) => s.id === 'api-rate-limiter')!;

  it('waits while it names an open question\'s answer, and shows once that question is tried', () => {
    // "It is a rate limiter ... an API gateway ..." would answer the front-door question.
    const q = limiter.questions.find((x) => x.id === 'limiter')!;
    expect(q.explanation.toLowerCase()).toContain('api gateway');
    expect(explanationWaitsFor(limiter, 'limiter', new Set(['limiter']))).toEqual(['front-door']);
    expect(explanationWaitsFor(limiter, 'limiter', new Set(['limiter', 'front-door']))).toEqual([]);
  });

  it('for every bundled identify question and every question still open, a shown explanation never names that question\'s answer', () => {
    for (const s of identifies) {
      for (const q of s.questions) {
        for (const open of s.questions.filter((o) => o.id !== q.id)) {
          const tried = new Set(s.questions.filter((o) => o.id !== open.id).map((o) => o.id));
          if (explanationWaitsFor(s, q.id, tried).length > 0) continue; // not shown
          const answerNodes = open.answer.type === 'click' ? open.answer.nodeIds : [open.answer.nodeId];
          const labels = answerNodes.map((id) => s.design.nodes.find((n) => n.id === id)!.label.toLowerCase());
          for (const label of labels) expect(q.explanation.toLowerCase(), `${s.id} ${q.id} names ${open.id}'s "${label}"`).not.toContain(label);
          if (open.answer.type === 'naming') for (const kind of open.answer.acceptedKinds) expect(q.explanation.toLowerCase()).not.toContain(kind.replace(/-/g, ' '));
        }
      }
    }
  });
});

describe('compare: predictions lock before the figures show', () => {
  const scenario = compares[0]!;
  const st = () => useScenarioStore.getState();
  beforeEach(() => st().start(scenario, null));

  it('hides the figures until the learner checks, then locks the answers', () => {
    const [q1, q2] = scenario.questions;
    st().setCompareAnswer(q1!.id, 'a');
    expect(figuresHidden(st().session)).toBe(true);
    st().checkCompare();
    expect(figuresHidden(st().session)).toBe(false);
    expect(st().session!.progress.comparePrediction!.answers).toEqual({ [q1!.id]: 'a' });
    st().setCompareAnswer(q1!.id, 'b');
    st().setCompareAnswer(q2!.id, 'b');
    st().checkCompare();
    expect(st().session!.progress.comparePrediction!.answers).toEqual({ [q1!.id]: 'a' });
    expect(st().session!.progress.compareAnswers).toEqual({ [q1!.id]: 'a' });
  });
});

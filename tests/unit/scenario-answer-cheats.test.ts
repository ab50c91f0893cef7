// Identify and compare answers a learner might send to get the points without knowing the
// answer: every component selected, every kind named, the same id repeated, answers for questions
// or components that do not exist, out-of-range tries and sides. Each must score nothing more
// than an honest wrong answer, directly and through the submission file the CLI grades.
import { describe, expect, it } from 'vitest';
import { COMPONENT_KINDS } from '../../src/model/types';
import { CATALOG } from '../../src/model/catalog';
import {
  gradeIdentify,
  gradeSubmission,
  parseSubmission,
  scoreCompareAnswers,
  type CompareAnswers,
  type CompareScenario,
  type IdentifyAnswers,
  type IdentifyScenario,
} from '../../src/scenarios';
import { bundledByMode } from './helpers/bundled-scenario';

const identifies = bundledByMode('identify');
const compares = bundledByMode('compare');

/** Grades answers the way `scenario grade` does: through the submission file. */
function viaFile(scenario: IdentifyScenario | CompareScenario, body: Record<string, unknown>) {
  const parsed = parseSubmission(JSON.parse(JSON.stringify({ scenarioId: scenario.id, mode: scenario.mode, ...body })));
  if (!parsed.ok) throw new Error(parsed.error);
  const graded = gradeSubmission(scenario, parsed.submission);
  if (!graded.ok) throw new Error(graded.error);
  return graded.grade as { correct: number; score: number };
}

describe('identify cheats score nothing', () => {
  it('there are identify scenarios with click and naming questions', () => {
    const types = new Set(identifies.flatMap((s) => s.questions.map((q) => q.answer.type)));
    expect(types).toEqual(new Set(['click', 'naming']));
  });

  for (const scenario of identifies) {
    describe(scenario.id, () => {
      const allNodes = scenario.design.nodes.map((n) => n.id);
      const clicks = scenario.questions.filter((q) => q.answer.type === 'click');
      const namings = scenario.questions.filter((q) => q.answer.type === 'naming');

      it('every component selected for every click question, and every kind for every naming question, score 0', () => {
        for (const q of clicks) if (q.answer.type === 'click') expect(q.answer.nodeIds.length).toBeLessThan(allNodes.length);
        const answers: IdentifyAnswers = Object.fromEntries(scenario.questions.map((q) => [q.id, q.answer.type === 'click' ? allNodes : [...COMPONENT_KINDS]]));
        expect(gradeIdentify(scenario, answers).correct).toBe(0);
        expect(viaFile(scenario, { answers }).correct).toBe(0);
      });

      it('every kind written in one answer ("cache, load balancer, ...") is not a kind', () => {
        const all = COMPONENT_KINDS.map((k) => CATALOG[k].label).join(', ');
        const answers = Object.fromEntries(namings.map((q) => [q.id, all]));
        expect(gradeIdentify(scenario, answers).correct).toBe(0);
      });

      it('the right components plus one more, or one right id repeated to make up the count, are wrong', () => {
        for (const q of clicks) {
          if (q.answer.type !== 'click') continue;
          const extra = allNodes.find((id) => !(q.answer.type === 'click' && q.answer.nodeIds.includes(id)))!;
          expect(gradeIdentify(scenario, { [q.id]: [...q.answer.nodeIds, extra] }).correct).toBe(0);
          if (q.answer.nodeIds.length > 1) expect(gradeIdentify(scenario, { [q.id]: q.answer.nodeIds.map(() => q.answer.type === 'click' ? q.answer.nodeIds[0]! : '') }).correct).toBe(0);
          // The same right component named twice is still the one component: right, not a trick.
          expect(gradeIdentify(scenario, { [q.id]: [...q.answer.nodeIds, ...q.answer.nodeIds] }).correct).toBe(1);
        }
      });

      it('answers for questions or components that do not exist add nothing and break nothing', () => {
        const honest = gradeIdentify(scenario, {});
        const junk: IdentifyAnswers = { 'no-such-question': allNodes, constructor: 'cache', toString: ['x'], ...Object.fromEntries(clicks.map((q) => [q.id, ['no-such-component']])) };
        const g = gradeIdentify(scenario, junk);
        expect(g.correct).toBe(honest.correct);
        expect(g.correct).toBe(0);
        expect(Object.keys(g.attempts).every((id) => scenario.questions.some((q) => q.id === id))).toBe(true);
        expect(viaFile(scenario, { answers: junk }).correct).toBe(0);
      });
    });
  }

  it('a question whose id is an object property ("constructor") left unanswered is unanswered', () => {
    const s = identifies[0]!;
    const renamed: IdentifyScenario = { ...s, questions: s.questions.map((q, i) => (i === 0 ? { ...q, id: 'constructor' } : q)) };
    const g = gradeIdentify(renamed, {});
    expect(g.results[0]).toMatchObject({ questionId: 'constructor', given: null, correct: false });
    expect(g.attempts).toEqual({});
  });

  it('tries out of range are reported as whole tries of at least one, and never change the score', () => {
    const s = identifies.find((x) => x.id === 'url-shortener')!;
    const answers = { entry: 'load-balancer', 'fast-path': 'cache' };
    const g = gradeIdentify(s, answers, { entry: Number.NaN, 'fast-path': -4 });
    expect(g.attempts).toEqual({ entry: 1, 'fast-path': 1 });
    expect(g.correct).toBe(gradeIdentify(s, answers).correct);
    expect(gradeIdentify(s, answers, { entry: 2.7 }).attempts.entry).toBe(2);
  });

  it('a submission file with tries out of range, or answers that are not words, is refused saying where', () => {
    const s = identifies.find((x) => x.id === 'url-shortener')!;
    for (const attempts of [{ entry: 0 }, { entry: 1.5 }, { entry: 1e6 }, { entry: 'one' }]) {
      const r = parseSubmission({ scenarioId: s.id, mode: 'identify', answers: { entry: 'load-balancer' }, attempts });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^Not a scenario submission: "attempts\.entry" (must|is) /);
    }
    const r = parseSubmission({ scenarioId: s.id, mode: 'identify', answers: { entry: 42 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/"answers\.entry" (must|is) /);
  });
});

describe('compare cheats score nothing more than half', () => {
  for (const scenario of compares) {
    it(`${scenario.id}: answers for questions that do not exist, and sides that are not A or B, count as unanswered`, () => {
      const oneSide: CompareAnswers = Object.fromEntries(scenario.questions.map((q) => [q.id, 'a' as const]));
      const junk = { ...oneSide, 'no-such-question': 'b', constructor: 'b' } as CompareAnswers;
      expect(scoreCompareAnswers(scenario, junk).score).toBe(scoreCompareAnswers(scenario, oneSide).score);
      expect(viaFile(scenario, { answers: { 'no-such-question': 'b' } }).score).toBe(0);
      const both = Object.fromEntries(scenario.questions.map((q) => [q.id, 'both'])) as unknown as CompareAnswers;
      expect(scoreCompareAnswers(scenario, both)).toMatchObject({ correct: 0, score: 0 });
      const r = parseSubmission({ scenarioId: scenario.id, mode: 'compare', answers: { [scenario.questions[0]!.id]: 'both' } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/"answers\..+" (must|is) /);
    });

  }
});

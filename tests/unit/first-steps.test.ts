// The on-ramp's first scenario teaches the canvas itself: components, connections and results.
// Its results stay on screen (showFigures), its "busiest" answer is the engine's, and a
// scenario cannot show figures while asking what a component is (the figures name it).
import { describe, expect, it } from 'vitest';
import { onRamp, parseScenarioYaml, scenarioToFile, selfCheckScenario, solveForScenario, parseScenarioObject } from '../../src/scenarios';
import { figuresHidden, emptyProgress, type ScenarioSession } from '../../src/store/scenarioStore';
import { bundledScenario, bundledScenarios, bundledScenarioText } from './helpers/bundled-scenario';

const session = (id: string): ScenarioSession => {
  const scenario = bundledScenario(id);
  return { scenario, source: scenario, fileIds: {}, key: id, progress: emptyProgress(id), critiqueGrade: null, identifyGrade: null, compareGrade: null, showing: 'a', preview: false };
};

describe('first-steps', () => {
  const scenario = bundledScenario('first-steps');

  it('is the first step of the on-ramp, a beginner identify scenario of at most 5 minutes', () => {
    expect(onRamp(bundledScenarios())[0]!.id).toBe('first-steps');
    expect(scenario).toMatchObject({ mode: 'identify', difficulty: 'beginner', onRampStep: 1 });
    expect(scenario.estimatedMinutes).toBeLessThanOrEqual(5);
  });

  it('names a component, a connection and a result, one question each', () => {
    if (scenario.mode !== 'identify') throw new Error('identify');
    expect(scenario.questions.map((q) => q.prompt.split(':')[0])).toEqual(['Components', 'Connections', 'Results']);
    for (const word of ['A component is', 'A connection is', 'A result is']) expect(scenario.story).toContain(word);
  });

  it('keeps its figures on screen, where other identify scenarios hide them', () => {
    expect(figuresHidden(session('first-steps'))).toBe(false);
    expect(figuresHidden(session('url-shortener'))).toBe(true);
  });

  it('its "busiest" answer is the component the engine finds busiest', () => {
    if (scenario.mode !== 'identify') throw new Error('identify');
    const solved = solveForScenario(scenario, scenario.design);
    if (!solved.ok) throw new Error(solved.problems.join('; '));
    const busiest = Object.values(solved.solution.components).sort((a, b) => (b.utilization ?? 0) - (a.utilization ?? 0))[0]!;
    const question = scenario.questions.find((q) => q.id === 'busiest')!;
    expect(question.answer).toEqual({ type: 'click', nodeIds: [busiest.nodeId] });
  });

  it('says what the engine finds: the Web server about a third busy, the database about 3%', () => {
    const solved = solveForScenario(scenario, scenario.design);
    if (!solved.ok) throw new Error(solved.problems.join('; '));
    expect(bundledScenarioText('first-steps').replace(/\s+/g, ' ')).toContain('The Web server is about a third busy, the database only about 3%.');
    expect(solved.solution.components.web!.utilization).toBeGreaterThan(0.28);
    expect(solved.solution.components.web!.utilization).toBeLessThan(0.38);
    expect(solved.solution.components.db!.utilization).toBeGreaterThan(0.025);
    expect(solved.solution.components.db!.utilization).toBeLessThan(0.035);
  });

  it('keeps showFigures when written back to a file and loaded again', () => {
    const again = parseScenarioObject(scenarioToFile(scenario));
    expect(again.ok && again.scenario.mode === 'identify' && again.scenario.showFigures).toBe(true);
  });
});

describe('showFigures', () => {
  it('is refused beside a naming question, since the figures would name the component', () => {
    const text = bundledScenarioText('url-shortener').replace('mode: identify\n', 'mode: identify\nshowFigures: true\n');
    const r = parseScenarioYaml(text);
    if (!r.ok) throw new Error('url-shortener with showFigures should load');
    expect(selfCheckScenario(r.scenario).map((i) => i.message).join(' ')).toContain('showFigures is on');
    const plain = parseScenarioYaml(bundledScenarioText('url-shortener'));
    expect(plain.ok && selfCheckScenario(plain.scenario)).toEqual([]);
  });

  it('is for identify scenarios only', () => {
    const text = bundledScenarioText('news-feed-fanout').replace(/^mode: compare$/m, 'mode: compare\nshowFigures: true');
    const r = parseScenarioYaml(text);
    expect(r.ok).toBe(false);
  });
});

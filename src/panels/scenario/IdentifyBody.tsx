// Identify mode: answer "which component does X?" by selecting it on the canvas, or name a
// highlighted component by its kind. Feedback and the explanation come at once.
import { useState } from 'react';
import { gradeIdentify, type IdentifyScenario } from '../../scenarios';
import { useScenarioStore } from '../../store/scenarioStore';
import { useDesignStore } from '../../store/designStore';
import { CATALOG } from '../../model/catalog';
import { COMPONENT_KINDS } from '../../model/types';

export function IdentifyBody({ scenario }: { scenario: IdentifyScenario }) {
  const progress = useScenarioStore((s) => s.session!.progress);
  const record = useScenarioStore((s) => s.recordIdentify);
  const setScore = useScenarioStore((s) => s.setScore);
  const selected = useDesignStore((s) => s.selectedNodeIds);
  const select = useDesignStore((s) => s.select);
  const [kindChoice, setKindChoice] = useState<Record<string, string>>({});

  const check = (questionId: string, given: string | string[]) => {
    const grade = gradeIdentify(scenario, { [questionId]: given });
    const result = grade.results.find((r) => r.questionId === questionId)!;
    record(questionId, { given, correct: result.correct });
    const attempts = { ...progress.identify, [questionId]: { given, correct: result.correct } };
    const right = scenario.questions.filter((q) => attempts[q.id]?.correct).length;
    setScore(right / scenario.questions.length, right === scenario.questions.length);
  };

  const right = scenario.questions.filter((q) => progress.identify[q.id]?.correct).length;
  return (
    <div className="mode-body">
      <p className="score-line" data-testid="identify-score">
        {right} of {scenario.questions.length} answered correctly
      </p>
      <ol className="questions">
        {scenario.questions.map((q) => {
          const attempt = progress.identify[q.id];
          return (
            <li key={q.id} className={attempt ? (attempt.correct ? 'right' : 'wrong') : ''} data-testid={`question-${q.id}`}>
              <p className="prompt">{q.prompt}</p>
              {q.answer.type === 'click' ? (
                <div className="answer-row">
                  <span className="muted">Select {q.answer.nodeIds.length > 1 ? 'the components' : 'the component'} on the canvas, then</span>
                  <button type="button" disabled={selected.length === 0} onClick={() => check(q.id, q.answer.type === 'click' && q.answer.nodeIds.length > 1 ? selected : selected[0]!)}>
                    Check my selection
                  </button>
                </div>
              ) : (
                <div className="answer-row">
                  <button type="button" className="link" onClick={() => q.answer.type === 'naming' && select([q.answer.nodeId], [])}>
                    Show it on the canvas
                  </button>
                  <select aria-label="Kind of component" value={kindChoice[q.id] ?? ''} onChange={(e) => setKindChoice({ ...kindChoice, [q.id]: e.target.value })}>
                    <option value="">Choose a kind…</option>
                    {COMPONENT_KINDS.map((k) => <option key={k} value={k}>{CATALOG[k].label}</option>)}
                  </select>
                  <button type="button" disabled={!kindChoice[q.id]} onClick={() => check(q.id, kindChoice[q.id]!)}>
                    Check
                  </button>
                </div>
              )}
              {attempt ? (
                <div className="feedback" role="status">
                  <strong>{attempt.correct ? 'Right.' : 'Not quite.'}</strong> {attempt.correct || attempt.given ? q.explanation : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

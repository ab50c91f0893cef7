// Identify mode: answer "which component does X?" by selecting it on the canvas, or name a
// highlighted component by its kind. The first try at each question is the one scored; the
// learner may try again to learn, and every try is kept. A question's explanation comes after
// its first try, unless it names the answer to a question not yet tried.
import { useState } from 'react';
import { answerInFileIds, explanationWaitsFor, gradeIdentify, type IdentifyScenario } from '../../../scenarios/index';
import { firstTry, tryCount, useScenarioStore, type IdentifyAttempt } from '../../../store/scenarioStore';
import { useDesignStore } from '../../../store/designStore';
import { CATALOG } from '../../../model/catalog';
import { COMPONENT_KINDS } from '../../../model/types';
import { SubmissionExport } from '../SubmissionExport';

const ordinal = (n: number) => ['first', 'second', 'third'][n - 1] ?? `${n}th`;

export function IdentifyBody({ scenario }: { scenario: IdentifyScenario }) {
  const progress = useScenarioStore((s) => s.session!.progress);
  const fileIds = useScenarioStore((s) => s.session!.fileIds);
  const record = useScenarioStore((s) => s.recordIdentify);
  const setScore = useScenarioStore((s) => s.setScore);
  const selected = useDesignStore((s) => s.selectedNodeIds);
  const select = useDesignStore((s) => s.select);
  const [kindChoice, setKindChoice] = useState<Record<string, string>>({});

  const firstRight = (attempts: Record<string, IdentifyAttempt>) => scenario.questions.filter((q) => attempts[q.id] && firstTry(attempts[q.id]!).correct).length;

  // A click answer is the whole selection, as in the CLI: selecting everything is not an answer to "which one".
  const check = (questionId: string, given: string | string[]) => {
    const result = gradeIdentify(scenario, { [questionId]: given }).results.find((r) => r.questionId === questionId)!;
    const before = progress.identify[questionId];
    record(questionId, { given, correct: result.correct });
    // Only a first try changes the score; later tries are for learning.
    if (before) return;
    const attempts = { ...progress.identify, [questionId]: { given, correct: result.correct } };
    const right = firstRight(attempts);
    setScore(right / scenario.questions.length, right === scenario.questions.length);
  };

  const tried = new Set(Object.keys(progress.identify));
  const right = firstRight(progress.identify);
  const tries = Object.values(progress.identify).reduce((n, a) => n + tryCount(a), 0);
  const number = (id: string) => scenario.questions.findIndex((q) => q.id === id) + 1;
  return (
    <div className="mode-body">
      <p className="score-line" data-testid="identify-score">
        {right} of {scenario.questions.length} right on the first try
        {tries > tried.size ? <span className="muted"> ({tries} tries in all; only first tries count)</span> : null}
      </p>
      <ol className="questions">
        {scenario.questions.map((q, i) => {
          const attempt = progress.identify[q.id];
          const first = attempt ? firstTry(attempt) : null;
          const waitsFor = attempt ? explanationWaitsFor(scenario, q.id, tried) : [];
          const again = attempt && !attempt.correct ? ' (not scored)' : '';
          // Numbered, not by the file's question id: an id such as "limiter" would name the answer in the page's HTML.
          return (
            <li key={q.id} className={first ? (first.correct ? 'right' : 'wrong') : ''} data-testid={`question-${i + 1}`}>
              <p className="prompt">{q.prompt}</p>
              {attempt?.correct ? null : q.answer.type === 'click' ? (
                <div className="answer-row">
                  <span className="muted">Select {q.answer.nodeIds.length > 1 ? 'the components' : 'the component'} on the canvas, then</span>
                  <button type="button" disabled={selected.length === 0} onClick={() => check(q.id, selected.length === 1 ? selected[0]! : selected)}>
                    {attempt ? `Try again${again}` : 'Check my selection'}
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
                    {attempt ? `Try again${again}` : 'Check'}
                  </button>
                </div>
              )}
              {attempt && first ? (
                <div className="feedback" role="status">
                  <strong>{first.correct ? 'Right.' : 'Not quite.'}</strong>{' '}
                  {!first.correct && attempt.correct ? <>Right on the {ordinal(tryCount(attempt))} try (only the first counts). </> : null}
                  {waitsFor.length === 0 ? (
                    q.explanation
                  ) : (
                    <span className="muted" data-testid="explanation-waits">
                      The explanation comes once you have tried question{waitsFor.length > 1 ? 's' : ''} {waitsFor.map(number).join(' and ')}: it would give {waitsFor.length > 1 ? 'their answers' : 'its answer'} away.
                    </span>
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <SubmissionExport
        body={() => {
          const entries = Object.entries(progress.identify);
          return { mode: 'identify', answers: Object.fromEntries(entries.map(([id, a]) => [id, answerInFileIds(firstTry(a).given, fileIds)])), attempts: Object.fromEntries(entries.map(([id, a]) => [id, tryCount(a)])) };
        }}
      />
    </div>
  );
}

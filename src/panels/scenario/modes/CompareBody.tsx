// Compare mode: two designs for the same workload, one on the canvas at a time. The learner
// predicts which one wins on each question first; checking locks those predictions (the ones
// scored), and only then do the figures appear, confirming or refuting each prediction.
import { useMemo } from 'react';
import { scoreCompareAnswers, DESIGN_SIDES, formatCompareFigure, type CompareQuestion, type CompareRow, type CompareScenario, type Comparison } from '../../../scenarios/index';
import { useScenarioStore } from '../../../store/scenarioStore';
import { engineClient } from '../../../store/runs';
import { useWorkerResult } from '../../useWorkerResult';
import { SubmissionExport } from '../SubmissionExport';

function figure(row: CompareRow, x: number | null): string {
  if (x === null) return row.metric === 'headroomX' ? 'no limit found' : 'saturated';
  return formatCompareFigure(row, x);
}

/** A figure for a narrow table cell: "$26,816/month" may break before its "/month" rather than run into the next column. */
function FigureCell({ text }: { text: string }) {
  const slash = text.indexOf('/');
  if (slash <= 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, slash)}
      <wbr />
      {text.slice(slash)}
    </>
  );
}

/** "The figures confirm it: p99 latency 120 ms (A) against 80 ms (B)." */
function verdictFromFigures(q: CompareQuestion, comparison: Comparison | null, given: string | null): string | null {
  if (!q.metric || !comparison?.ok) return null;
  const row = comparison.rows.find((r) => r.metric === q.metric);
  if (!row) return null;
  const says = row.better === 'same' ? 'cannot tell them apart' : given === row.better ? 'confirm your prediction' : 'refute your prediction';
  return `The figures ${says}: ${row.label} ${figure(row, row.a)} (A) against ${figure(row, row.b)} (B).`;
}

export function CompareBody({ scenario, onShow }: { scenario: CompareScenario; onShow: (side: 'a' | 'b') => void }) {
  const session = useScenarioStore((s) => s.session!);
  const { setCompareAnswer, checkCompare, setScore } = useScenarioStore.getState();
  const prediction = session.progress.comparePrediction ?? null;
  // The figures are worked out only once the predictions are in, so nothing can show them early.
  const { value: comparison } = useWorkerResult<Comparison | null>(() => (prediction ? engineClient().call<Comparison>((w) => w.compareDesigns(scenario)) : Promise.resolve(null)), [scenario, prediction !== null]);
  const answers = prediction?.answers ?? session.progress.compareAnswers;
  const grade = useMemo(() => (prediction ? scoreCompareAnswers(scenario, prediction.answers) : null), [scenario, prediction]);
  const unanswered = scenario.questions.filter((q) => !answers[q.id]).length;

  const check = () => {
    checkCompare();
    const g = scoreCompareAnswers(scenario, answers);
    setScore(g.score, g.correct === g.total);
  };

  return (
    <div className="mode-body">
      <div className="segmented side-switch" role="radiogroup" aria-label="Design on the canvas">
        {DESIGN_SIDES.map((side) => (
          <button key={side} type="button" role="radio" aria-checked={session.showing === side} className={session.showing === side ? 'on' : ''} onClick={() => onShow(side)}>
            {side.toUpperCase()}: {scenario.labels[side]}
          </button>
        ))}
      </div>
      {!prediction ? (
        <p className="muted" data-testid="compare-predict-first">
          Study both designs on the canvas and predict the answers. The figures appear once your predictions are in; only your first predictions are scored.
        </p>
      ) : comparison?.ok ? (
        <table className="results-table compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">A</th>
              <th scope="col">B</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={row.metric}>
                <th scope="row">{row.label}</th>
                <td className={row.better === 'a' ? 'better' : ''}><FigureCell text={figure(row, row.a)} /></td>
                <td className={row.better === 'b' ? 'better' : ''}><FigureCell text={figure(row, row.b)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : comparison && !comparison.ok ? (
        <p className="error">{comparison.problems.join(' ')}</p>
      ) : (
        <p className="muted">Comparing…</p>
      )}
      <ol className="questions">
        {scenario.questions.map((q) => {
          const result = grade?.results.find((r) => r.questionId === q.id);
          const fromFigures = result ? verdictFromFigures(q, comparison ?? null, result.given) : null;
          return (
            <li key={q.id} className={result ? (result.correct ? 'right' : 'wrong') : ''}>
              <p className="prompt">{q.prompt}</p>
              <div className="answer-row" role="radiogroup" aria-label={q.prompt}>
                {DESIGN_SIDES.map((side) => (
                  <label key={side}>
                    <input type="radio" name={`q-${q.id}`} checked={answers[q.id] === side} disabled={prediction !== null} onChange={() => setCompareAnswer(q.id, side)} />
                    {side.toUpperCase()}: {scenario.labels[side]}
                  </label>
                ))}
              </div>
              {result ? (
                <div className="feedback">
                  <strong>{result.correct ? 'Right.' : 'Not quite.'}</strong> {fromFigures ? <>{fromFigures} </> : null}
                  {result.explanation}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {prediction ? null : (
        <div className="dialog-actions">
          <button type="button" className="primary" disabled={unanswered > 0} onClick={check}>
            Check my predictions
          </button>
          {unanswered > 0 ? <span className="muted"> {unanswered} question{unanswered === 1 ? '' : 's'} to answer first</span> : null}
        </div>
      )}
      {grade ? (
        <div className="explain good" data-testid="compare-grade">
          <p>
            <b>
              {grade.correct} of {grade.total} right
            </b>{' '}
            (score {Math.round(grade.score * 100)}%: where A wins, {grade.bySide.a.correct} of {grade.bySide.a.total}; where B wins, {grade.bySide.b.correct} of {grade.bySide.b.total}; each side weighs the same, so
            answering one side throughout scores 50%). {scenario.takeaway}
          </p>
        </div>
      ) : null}
      <SubmissionExport body={() => ({ mode: 'compare', answers })} />
    </div>
  );
}

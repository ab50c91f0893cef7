// Compare mode: two designs for the same workload, one on the canvas at a time, with a table of
// their differences and questions about which one wins where.
import { gradeCompare, DESIGN_SIDES, type CompareRow, type CompareScenario, type Comparison } from '../../scenarios';
import { useScenarioStore } from '../../store/scenarioStore';
import { engineWorker } from '../useAnalysis';
import { useWorkerResult } from '../useWorkerResult';
import { formatMs, formatPercent } from '../../canvas/format';

function figure(row: CompareRow, x: number | null): string {
  if (x === null) return row.metric === 'headroomX' ? 'no limit found' : 'saturated';
  switch (row.unit) {
    case 'ms':
      return formatMs(x);
    case 'fraction':
      return formatPercent(x, 3);
    case 'x':
      return `${x.toFixed(1)}×`;
    case 'USD/month':
      return `$${Math.round(x).toLocaleString('en-US')}`;
    default:
      return String(x);
  }
}

export function CompareBody({ scenario, onShow }: { scenario: CompareScenario; onShow: (side: 'a' | 'b') => void }) {
  const session = useScenarioStore((s) => s.session!);
  const { setCompareAnswer, setGrades, setScore } = useScenarioStore.getState();
  const { value: comparison } = useWorkerResult<Comparison>(() => engineWorker().compareDesigns(scenario), [scenario]);
  const grade = session.compareGrade;
  const answers = session.progress.compareAnswers;

  return (
    <div className="mode-body">
      <div className="segmented side-switch" role="radiogroup" aria-label="Design on the canvas">
        {DESIGN_SIDES.map((side) => (
          <button key={side} type="button" role="radio" aria-checked={session.showing === side} className={session.showing === side ? 'on' : ''} onClick={() => onShow(side)}>
            {side.toUpperCase()}: {scenario.labels[side]}
          </button>
        ))}
      </div>
      {comparison?.ok ? (
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
                <td className={row.better === 'a' ? 'better' : ''}>{figure(row, row.a)}</td>
                <td className={row.better === 'b' ? 'better' : ''}>{figure(row, row.b)}</td>
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
          return (
            <li key={q.id} className={result ? (result.correct ? 'right' : 'wrong') : ''}>
              <p className="prompt">{q.prompt}</p>
              <div className="answer-row" role="radiogroup" aria-label={q.prompt}>
                {DESIGN_SIDES.map((side) => (
                  <label key={side}>
                    <input type="radio" name={`q-${q.id}`} checked={answers[q.id] === side} onChange={() => setCompareAnswer(q.id, side)} />
                    {side.toUpperCase()}: {scenario.labels[side]}
                  </label>
                ))}
              </div>
              {result ? (
                <div className="feedback">
                  <strong>{result.correct ? 'Right.' : 'Not quite.'}</strong> {result.explanation}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            const g = gradeCompare(scenario, answers);
            setGrades({ compareGrade: g });
            setScore(g.score, g.correct === g.total);
          }}
        >
          Check my answers
        </button>
      </div>
      {grade ? (
        <div className="explain good" data-testid="compare-grade">
          <p>
            <b>{grade.correct} of {grade.total} right.</b> {grade.takeaway}
          </p>
        </div>
      ) : null}
    </div>
  );
}

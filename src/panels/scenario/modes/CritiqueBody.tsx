// Critique mode: pin findings on components or connections (category, severity, note), back
// them with the engines' figures (the analytic solution, and the last simulation run while the
// design is unchanged), then grade against the instructor's key and export a report.
import { useMemo, useState } from 'react';
import type { DesignSolution } from '../../../engine/analytic/design-results';
import { CRITIQUE_CATEGORIES, SEVERITIES, canonicalCategory, categoryWords, critiqueReportMarkdown, critiqueScoreWords, findingEvidence, gradeCritique, targetName, type CritiqueScenario, type Severity } from '../../../scenarios/index';
import { useRuns } from '../../../store/runs';
import { useScenarioStore } from '../../../store/scenarioStore';
import { useDesignStore } from '../../../store/designStore';
import { downloadText, slug } from '../../files';
import { SubmissionExport } from '../SubmissionExport';

/** A category in words; a word the list does not know (from a hand-made submission) as written. */
function wordsFor(category: string): string {
  const known = canonicalCategory(category);
  return known ? categoryWords(known) : category;
}

export function CritiqueBody({ scenario, solution }: { scenario: CritiqueScenario; solution: DesignSolution | null }) {
  const session = useScenarioStore((s) => s.session!);
  const { addFinding, removeFinding, setGrades, setScore } = useScenarioStore.getState();
  const nodeIds = useDesignStore((s) => s.selectedNodeIds);
  const edgeIds = useDesignStore((s) => s.selectedEdgeIds);
  const design = useDesignStore((s) => s.design);
  const [category, setCategory] = useState<string>('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [note, setNote] = useState('');
  const [attach, setAttach] = useState(true);
  const lastSimulation = useRuns((s) => s.lastSimulation);
  const targets = [...nodeIds.filter((id) => design.nodes.some((n) => n.id === id)), ...edgeIds];
  const target = targets.length === 1 ? targets[0]! : null;
  const grade = session.critiqueGrade;
  const simulation = lastSimulation && lastSimulation.design === design ? lastSimulation.report : null;
  const evidence = useMemo(() => (target ? findingEvidence(design, target, solution, simulation) : []), [design, target, solution, simulation]);

  const pin = () => {
    if (!target || !category) return;
    addFinding({ target, category, severity, ...(note.trim() ? { note: note.trim() } : {}), ...(attach && evidence.length > 0 ? { evidence } : {}) });
    setNote('');
    setCategory('');
  };

  const runGrade = () => {
    const g = gradeCritique(scenario, session.progress.findings);
    setGrades({ critiqueGrade: g });
    setScore(g.score, g.score >= 1);
  };

  return (
    <div className="mode-body">
      <section className="pin-form" aria-label="Pin a finding">
        <h3>Pin a finding</h3>
        <p className="muted">
          {target ? <>On <b>{targetName(design, target)}</b></> : 'Select one component or connection on the canvas to pin a finding on it.'}
        </p>
        <label>
          What is wrong
          <select value={category} onChange={(e) => setCategory(e.target.value)} data-testid="finding-category">
            <option value="">Choose a category…</option>
            {CRITIQUE_CATEGORIES.map((c) => <option key={c} value={c}>{categoryWords(c)}</option>)}
          </select>
        </label>
        <label>
          How bad
          <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)} data-testid="finding-severity">
            {SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>
          Note (why, and what you would do)
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={1000} />
        </label>
        {evidence.length > 0 ? (
          <div className="evidence" data-testid="finding-evidence">
            <label className="check">
              <input type="checkbox" checked={attach} onChange={(e) => setAttach(e.target.checked)} />
              Attach the engines’ figures
            </label>
            <ul>{evidence.map((line, i) => <li key={i}>{line}</li>)}</ul>
            {simulation ? null : <p className="muted">Run Results ▸ Simulation to add the simulator’s figures too.</p>}
          </div>
        ) : null}
        <button type="button" className="primary" disabled={!target || !category} onClick={pin}>
          Pin finding
        </button>
      </section>

      <h3>Your findings ({session.progress.findings.length})</h3>
      {session.progress.findings.length === 0 ? <p className="muted">None yet. The results panel below shows load and latency to back your findings with numbers.</p> : null}
      <ul className="findings">
        {session.progress.findings.map((f, i) => (
          <li key={f.id} data-testid="finding">
            <span className="pin-number">{i + 1}</span>
            <span>
              <b>{targetName(design, f.target)}</b>: {wordsFor(f.category)} <span className={`sev sev-${f.severity}`}>{f.severity}</span>
              {f.note ? <span className="muted"> — {f.note}</span> : null}
              {f.evidence?.map((line, k) => <span key={k} className="evidence-line">{line}</span>)}
            </span>
            <button type="button" className="icon-button" aria-label={`Remove finding ${i + 1}`} onClick={() => removeFinding(f.id)}>✕</button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" className="primary" disabled={session.progress.findings.length === 0} onClick={runGrade}>
          Grade my critique
        </button>
        <button type="button" disabled={!grade} onClick={() => grade && downloadText(`${slug(scenario.title)}-critique.md`, critiqueReportMarkdown(scenario, grade), 'text/markdown')}>
          Export report (.md)
        </button>
      </div>
      <SubmissionExport body={() => ({ mode: 'critique', findings: session.progress.findings.map(({ id: _id, ...finding }) => finding) })} />
      {grade ? (
        <section className="grade" data-testid="critique-grade" aria-live="polite">
          <p className="score-line">
            Score <b data-testid="critique-score">{Math.round(grade.score * 100)}%</b>: you {critiqueScoreWords(grade)}, with the severity right on {grade.severityRight}.
          </p>
          <p className="muted">The score weighs both: problems in the key you found, and how many of your findings hold. Findings that do not hold lower it; sound ones beside the key do not.</p>
          {grade.matched.length ? <h4>Found</h4> : null}
          <ul>
            {grade.matched.map((m) => (
              <li key={m.item.target + m.item.category} className="right">
                <b>{targetName(scenario.design, m.item.target)}</b>: {categoryWords(m.item.category)}. {m.item.explanation}
              </li>
            ))}
          </ul>
          {grade.acceptable.length ? <h4>Also sound</h4> : null}
          <ul>
            {grade.acceptable.map((m) => (
              <li key={m.item.target + m.item.category} className="right">
                <b>{targetName(scenario.design, m.finding.target)}</b>: {categoryWords(m.item.category)}. {m.item.explanation}
              </li>
            ))}
          </ul>
          {grade.missed.length ? <h4>Missed</h4> : null}
          <ul>
            {grade.missed.map((item) => (
              <li key={item.target + item.category} className="wrong">
                <b>{targetName(scenario.design, item.target)}</b>: {categoryWords(item.category)} ({item.severity}). {item.explanation}
              </li>
            ))}
          </ul>
          {grade.extras.length ? <h4>Findings that do not count</h4> : null}
          <ul>
            {grade.extras.map((x, i) => (
              <li key={i} className={x.costs ? 'wrong extra' : 'extra'} data-testid="critique-extra">
                <b>{targetName(scenario.design, x.finding.target)}</b>: {wordsFor(x.finding.category)}
                {x.costs ? <span className="cost-tag"> (lowers the score)</span> : null}. {x.why}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

// The authoring form's fix part: the checks a learner's design must pass, the reference solution
// (a saved design), the work any answer must still do, and, once the form checks out, the slow
// half of `scenario check --simulate`: both designs through the timeline in the simulator.
import { useEffect, useRef, useState } from 'react';
import { CHECK_NAMES, hasTimeline, simulatedSelfCheckIssues, type CheckName, type FixScenario } from '../../../scenarios';
import { loadDesign } from '../../../store/persistence';
import { InvariantsEditor } from '../../author/InvariantsEditor';
import { invariantFromForm, invariantProblems, type InvariantForm } from '../../author/authorExtrasForm';
import { simPool } from '../../simulation/simPool';
import { useRunProgress } from '../../useRunProgress';
import type { ModeAuthoring } from './authorTypes';

export interface FixForm {
  checks: CheckName[];
  solutionId: string;
  invariants: InvariantForm[];
}

const pool = simPool();
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The reference solution and the starting design through the timeline; gone (and stopped) when the form changes. */
function TimelineCheck({ scenario }: { scenario: FixScenario }) {
  const runs = useRunProgress();
  const [lines, setLines] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const { cancel } = runs;
  const running = useRef(false);
  // Any change to the form clears the check result, and with it this: a run still going stops (so does closing the form).
  useEffect(() => () => {
    if (running.current) cancel(pool.cancel);
  }, [cancel]);
  const run = async () => {
    const job = runs.start();
    running.current = true;
    setLines(null);
    try {
      const reference = await pool.grade(scenario, scenario.solution, (done) => job.progress(done / 2));
      if (!job.current()) return;
      const start = await pool.grade(scenario, scenario.design, (done) => job.progress(0.5 + done / 2));
      if (!job.current()) return;
      const issues = simulatedSelfCheckIssues(reference, start);
      const failing = start.checks.filter((c) => c.verdict !== 'pass').map((c) => c.label);
      setLines(
        issues.length > 0
          ? { ok: false, lines: issues.map((i) => capitalized(i.message)) }
          : { ok: true, lines: [`In the simulator, the reference solution passes every check through the timeline, and the starting design does not (${failing.join(', ')}).`] },
      );
    } catch (e) {
      if (job.current()) setLines({ ok: false, lines: [`The simulation could not run: ${e instanceof Error ? e.message : String(e)}`] });
    } finally {
      job.finish();
      if (job.current()) running.current = false;
    }
  };
  return (
    <>
      {runs.progress === null ? (
        <div className="dialog-actions left">
          <button type="button" onClick={() => void run()} data-testid="author-sim-check">
            Check the timeline in the simulator (slow)
          </button>
        </div>
      ) : (
        <div className="sim-progress" role="status">
          <progress max={1} value={runs.progress} aria-label="Simulated check progress" />
          <span>{Math.round(runs.progress * 100)}%</span>
          <button type="button" onClick={() => { running.current = false; cancel(pool.cancel); }}>Cancel</button>
        </div>
      )}
      {lines ? (
        <div className={`explain ${lines.ok ? 'good' : 'bad'}`} role={lines.ok ? 'status' : 'alert'} data-testid="author-sim-result">
          <ul className="notice-lines">{lines.lines.map((l, i) => <li key={i}>{l}</li>)}</ul>
        </div>
      ) : null}
    </>
  );
}

export const fixAuthoring: ModeAuthoring<'fix', FixForm> = {
  option: 'Fix: meet the targets',
  empty: { checks: ['p99LatencyMs', 'capacity'], solutionId: '', invariants: [] },
  editor({ form, set, ctx }) {
    const others = ctx.designs.filter((d) => d.id !== ctx.design.id);
    return (
      <>
        <section>
          <h3>Checks the learner’s design must pass</h3>
          <div className="objectives">
            {CHECK_NAMES.map((c) => (
              <label key={c}><input type="checkbox" checked={form.checks.includes(c)} onChange={(e) => set({ checks: e.target.checked ? [...form.checks, c] : form.checks.filter((x) => x !== c) })} />{c}</label>
            ))}
          </div>
          <p className="help" data-testid="author-fix-needs">
            A fix scenario needs two designs: the one on the canvas, where the learner starts, and a reference solution that meets the targets, kept under Designs.
            {others.length > 0 ? ' Choose it below.' : ' You have no other saved design yet: open Designs, duplicate this one, change the copy until it meets the targets, then come back here.'}
          </p>
          <label className="block">Reference solution (a saved design that meets the targets)
            <select value={form.solutionId} onChange={(e) => set({ solutionId: e.target.value })}>
              <option value="">Choose a design…</option>
              {others.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        </section>
        <InvariantsEditor design={ctx.design} invariants={form.invariants} onChange={(invariants) => set({ invariants })} />
      </>
    );
  },
  problems: (form, ctx) => invariantProblems(form.invariants, ctx.design),
  async draft(form) {
    const solution = form.solutionId ? await loadDesign(form.solutionId) : null;
    if (!solution) return { ok: false, problem: 'Choose the reference solution: a saved design that meets the targets (the design on the canvas is the starting point).' };
    return { ok: true, draft: { checks: form.checks, solution, invariants: form.invariants.map(invariantFromForm) } };
  },
  checked: ({ scenario }) => (hasTimeline(scenario) ? <TimelineCheck scenario={scenario} /> : null),
};

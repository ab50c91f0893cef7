// Fix mode: change the design until it meets the scenario's targets. The checks re-run in the
// engine worker after every edit; each shows pass or fail with the figure behind it. Verdicts
// come from the analytic engine, so the same design always gets the same verdict. A scenario
// with traffic changes or failures is solved when the simulated check (SimulatedCheck) passes
// too, on the design as it is.
import { useEffect, useMemo } from 'react';
import { fixSolved, hasTimeline, simulationKey, type FixScenario } from '../../../scenarios/index';
import type { Design } from '../../../model/types';
import { useDesignStore } from '../../../store/designStore';
import { useScenarioStore } from '../../../store/scenarioStore';
import { engineClient } from '../../../store/runs';
import { useWorkerResult } from '../../useWorkerResult';
import { SimulatedCheck } from '../SimulatedCheck';
import { SubmissionExport } from '../SubmissionExport';

export function FixBody({ scenario, onOpenDesign }: { scenario: FixScenario; onOpenDesign: (design: Design) => void }) {
  const design = useDesignStore((s) => s.design);
  const setScore = useScenarioStore((s) => s.setScore);
  const scenarioKey = useScenarioStore((s) => s.session?.key ?? scenario.id);
  const { value: grade, pending, error } = useWorkerResult(() => engineClient().call((w) => w.gradeFix(scenario, design)), [scenario, design]);
  const simulated = useScenarioStore((s) => s.session?.progress.simulatedCheck ?? null);
  const required = hasTimeline(scenario);
  const key = useMemo(() => simulationKey(design), [design]);
  const simulatedPass = simulated !== null && simulated.designKey === key && simulated.grade.passed;
  const steadyPassed = grade?.passed ?? false;
  const passed = fixSolved(scenario, steadyPassed, simulatedPass);
  const passing = grade ? grade.checks.filter((c) => c.passed).length : 0;

  useEffect(() => {
    // A design that breaks the story's rules has no figures: it scores nothing until it keeps them.
    if (grade && grade.invariants.length) setScore(0, false);
    else if (grade && grade.checks.length) setScore(passing / grade.checks.length, passed);
  }, [grade, passing, passed, setScore]);

  return (
    <div className="mode-body">
      <p className="muted">Change the design (add instances, a cache, a replica, send work through a queue…) until every target below passes. The checks run again after each edit.</p>
      {error ? <p className="error">The checks could not run: {error}</p> : null}
      {grade?.problems.length ? (
        <div className="problems" role="alert">
          {grade.problems.map((p, i) => <p key={i}>{p}</p>)}
        </div>
      ) : null}
      {grade?.invariants.length ? (
        <div className="problems" role="alert" data-testid="fix-invariants">
          <p>
            <b>The design no longer does what the story needs</b>, so no figure counts yet:
          </p>
          <ul>
            {grade.invariants.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className={`checks${pending ? ' stale' : ''}`} data-testid="fix-checks">
        {grade?.checks.map((c) => (
          <li key={c.check} className={c.passed ? 'right' : 'wrong'} data-testid={`check-${c.check}`}>
            <span className="verdict">{c.passed ? 'PASS' : 'FAIL'}</span>
            <span>
              <b>{c.label}</b>: {c.detail}
            </span>
          </li>
        ))}
      </ul>
      {steadyPassed && required && !simulatedPass ? (
        <p className="explain" role="status" data-testid="fix-steady-passed">
          <b>Every target is met under steady traffic.</b> Now run the simulated check below: it replays the scenario's traffic and failures.
        </p>
      ) : null}
      {passed ? (
        <div className="explain good" role="status" data-testid="fix-solved">
          <p>
            <b>Every target is met.</b> Check the cost too: the cheapest design that passes is usually the best answer.
          </p>
          <button type="button" className="link" onClick={() => onOpenDesign({ ...scenario.solution, id: `scenario-${scenarioKey}-solution`, name: `Reference solution: ${scenario.title}` })}>
            Compare with the reference solution
          </button>
          <span className="muted"> (your design stays in Designs)</span>
        </div>
      ) : grade?.explanation && !steadyPassed ? (
        <div className="explain">
          <p>{grade.explanation.text}</p>
        </div>
      ) : null}
      {grade && grade.hints.length && !passed ? (
        <details className="hints">
          <summary>Hints from the shape of the design ({grade.hints.length})</summary>
          <ul>{grade.hints.map((h, i) => <li key={i}>{h.message}</li>)}</ul>
        </details>
      ) : null}
      <SimulatedCheck scenario={scenario} design={design} required={required} />
      <SubmissionExport body={() => ({ mode: 'fix', design })} />
    </div>
  );
}

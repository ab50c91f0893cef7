// The course map: the on-ramp, then one track per learning objective (beginner -> advanced), each
// scenario's status, mastery per objective from first tries, and the scenario to do next.
import { courseTracks, OBJECTIVE_LABEL, OBJECTIVES, ON_RAMP_TRACK, type Scenario } from '../../scenarios';
import { objectiveMastery, scenarioStatus, statusText, suggestNext } from '../../store/courseProgress';
import type { ScenarioProgress } from '../../store/scenarioStore';
import { ProgressFile } from './ProgressFile';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** onProgressLoaded: progress was loaded from a file, so the map's progress is to be read again. */
export function CourseMap({ scenarios, progress, onStart, onProgressLoaded }: { scenarios: Scenario[]; progress: Record<string, ScenarioProgress>; onStart: (scenario: Scenario) => void; onProgressLoaded: () => void }) {
  const next = suggestNext(scenarios, progress);
  return (
    <div className="course-map" data-testid="course-map">
      {next ? (
        <div className="course-next" data-testid="course-next">
          <div>
            <span className="muted">Suggested next</span>
            <strong>{next.scenario.title}</strong>
            <span className="muted">{next.reason}</span>
          </div>
          <button type="button" className="primary" onClick={() => onStart(next.scenario)} data-testid="start-suggested">
            Start ({next.scenario.estimatedMinutes} min)
          </button>
        </div>
      ) : (
        <p className="course-next">You have done every scenario. Try one again to practise; only first tries count towards mastery.</p>
      )}
      <ul className="mastery-summary" aria-label="Mastery by objective" data-testid="mastery-summary">
        {OBJECTIVES.map((o) => objectiveMastery(o, scenarios, progress))
          .filter((m) => m.total > 0)
          .map((m) => (
            <li key={m.objective}>
              <span>{OBJECTIVE_LABEL[m.objective]}</span>
              <b>{m.score === null ? '–' : pct(m.score)}</b>
            </li>
          ))}
      </ul>
      <details className="mastery-help">
        <summary>How mastery is worked out</summary>
        <p>
          An objective's mastery is the average of your <b>first-try</b> results in its scenarios that are done. Identify: the share of questions right at the
          first try. Compare: your predictions as you first checked them. Critique: your first graded review. Fix: 100% once every target passes (a fix is
          worked at until it passes). Later tries are for learning and do not change it. "2 of 6 done" says how many scenarios it rests on.
        </p>
      </details>
      <ProgressFile scenarios={scenarios} onLoaded={onProgressLoaded} />
      {courseTracks(scenarios).map((track) => {
        const mastery = track.id === ON_RAMP_TRACK ? null : objectiveMastery(track.id, scenarios, progress);
        const title = track.id === ON_RAMP_TRACK ? 'Start here: the on-ramp' : OBJECTIVE_LABEL[track.id];
        const done = track.scenarios.filter((s) => scenarioStatus(s, progress[s.id]) === 'done').length;
        return (
          <section key={track.id} className="track" data-testid={`track-${track.id}`} aria-label={title}>
            <header className="track-head">
              <h3>{title}</h3>
              {mastery ? (
                <span className="mastery" data-testid={`mastery-${track.id}`}>
                  {mastery.score === null ? 'Mastery: none yet' : `Mastery ${pct(mastery.score)}`}
                  <span className="muted"> · {mastery.done} of {mastery.total} done</span>
                  {mastery.score !== null ? <span className="mastery-bar" aria-hidden="true"><span style={{ width: pct(mastery.score) }} /></span> : null}
                </span>
              ) : (
                <span className="muted">{done} of {track.scenarios.length} done · for your first sessions, easiest first</span>
              )}
            </header>
            <ol className="track-steps">
              {track.scenarios.map((s) => {
                const status = scenarioStatus(s, progress[s.id]);
                return (
                  <li key={s.id} className={`step ${status}`}>
                    <button type="button" className="step-button" onClick={() => onStart(s)} data-testid={`course-${track.id}-${s.id}`} title={s.summary}>
                      <span className={`status-dot ${status}`} aria-hidden="true" />
                      <span className="step-title">{s.title}</span>
                      <span className="muted step-meta">{s.difficulty} · {s.mode} · {s.estimatedMinutes} min</span>
                      <span className={`step-status ${status}`}>{statusText(s, progress[s.id])}</span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

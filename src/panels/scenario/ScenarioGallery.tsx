// The scenario gallery: every bundled challenge as a card, filtered by learning objective,
// difficulty and mode, with the learner's progress on each (in the course map's words).
import { useEffect, useMemo, useState } from 'react';
import { Dialog } from '../Dialog';
import { allProgress, loadLibrary, type LibraryEntry } from '../../store/scenarioLibrary';
import type { ScenarioProgress } from '../../store/scenarioStore';
import { DIFFICULTIES, MODE_SPECS, MODES, OBJECTIVE_LABEL, OBJECTIVES } from '../../scenarios';
import { CourseMap } from './CourseMap';
import { scenarioStatus, statusText } from '../../store/courseProgress';

export function ScenarioGallery({ open, onClose, onStart }: { open: boolean; onClose: () => void; onStart: (entry: LibraryEntry) => void }) {
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [progress, setProgress] = useState<Record<string, ScenarioProgress>>({});
  const [objective, setObjective] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [mode, setMode] = useState('');
  const [view, setView] = useState<'all' | 'course'>('all');
  // Counts progress loads from a file: each one reads the progress again.
  const [progressLoads, setProgressLoads] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadLibrary().then(async (lib) => {
      if (!live) return;
      setEntries(lib.entries);
      setProblems(lib.problems);
      const p = await allProgress(lib.entries.map((e) => e.scenario.id));
      if (live) setProgress(p);
    });
    return () => {
      live = false;
    };
  }, [open, progressLoads]);

  const shown = useMemo(
    () =>
      (entries ?? []).filter(
        ({ scenario: s }) => (!objective || s.objectives.includes(objective as never)) && (!difficulty || s.difficulty === difficulty) && (!mode || s.mode === mode),
      ),
    [entries, objective, difficulty, mode],
  );

  return (
    <Dialog title="Scenarios" open={open} onClose={onClose} wide>
      <p className="muted">Practise on real architectures: name their parts, critique a proposal, fix a design until it meets its targets, or compare two approaches.</p>
      <div className="tabs gallery-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'all'} onClick={() => setView('all')} data-testid="gallery-all">All scenarios</button>
        <button type="button" role="tab" aria-selected={view === 'course'} onClick={() => setView('course')} data-testid="gallery-course">Course map</button>
      </div>
      {view === 'course' && entries ? (
        <CourseMap
          scenarios={entries.map((e) => e.scenario)}
          progress={progress}
          onStart={(scenario) => {
            const entry = entries.find((e) => e.scenario.id === scenario.id);
            if (entry) onStart(entry);
          }}
          onProgressLoaded={() => setProgressLoads((n) => n + 1)}
        />
      ) : null}
      {view === 'all' ? <>
      <div className="filters">
        <label>
          Objective
          <select value={objective} onChange={(e) => setObjective(e.target.value)}>
            <option value="">All objectives</option>
            {OBJECTIVES.map((o) => <option key={o} value={o}>{OBJECTIVE_LABEL[o]}</option>)}
          </select>
        </label>
        <label>
          Difficulty
          <select value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
            <option value="">Any difficulty</option>
            {DIFFICULTIES.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <label>
          Mode
          <select value={mode} onChange={(e) => setMode(e.target.value)}>
            <option value="">Any mode</option>
            {MODES.map((m) => <option key={m} value={m}>{MODE_SPECS[m].label}</option>)}
          </select>
        </label>
        <span className="muted">{entries ? `${shown.length} of ${entries.length}` : 'Loading…'}</span>
      </div>
      {problems.length ? <p className="warning">Some bundled scenarios could not be read: {problems.join(' ')}</p> : null}
      <ul className="gallery">
        {shown.map((entry) => {
          const s = entry.scenario;
          const status = scenarioStatus(s, progress[s.id]);
          return (
            <li key={s.id}>
              <button type="button" className="scenario-card" onClick={() => onStart(entry)} data-testid={`scenario-${s.id}`}>
                <span className="card-top">
                  <span className={`mode-badge mode-${s.mode}`}>{MODE_SPECS[s.mode].label}</span>
                  <span className="muted">{s.difficulty} · {s.estimatedMinutes} min</span>
                  {status !== 'not-started' ? <span className={`progress-badge${status === 'done' ? ' done' : ''}`} data-testid={`status-${s.id}`}>{statusText(s, progress[s.id])}</span> : null}
                </span>
                <strong>{s.title}</strong>
                <span className="card-summary">{s.summary}</span>
                <span className="chips">{s.objectives.map((o) => <span key={o} className="chip">{OBJECTIVE_LABEL[o]}</span>)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      </> : null}
    </Dialog>
  );
}

// Fix mode, second stage: the learner's design run through the scenario's traffic over time and
// failure timeline in the discrete-event simulator, as replications with fixed seeds. Each
// target gets pass, fail or "too close to call" with its 95% confidence interval, and charts of
// the first run show the evidence. The result is saved with the learner's progress, tied to the
// design it ran on, and marked out of date as soon as the design changes in a way the
// simulation would feel.
import { useMemo, useState } from 'react';
import type { Design } from '../../model/types';
import { describeTimeline, formatDuration, simulationKey, DEFAULT_REPLICATIONS, type FixScenario, type SimulatedFixGrade, type SimVerdict } from '../../scenarios';
import { useScenarioStore } from '../../store/scenarioStore';
import { POOL_SIZE, simPool } from '../simulation/simPool';
import { useRunProgress } from '../useRunProgress';
import { TimeChart, type ChartSeries } from '../simulation/TimeChart';

const VERDICT_TEXT: Record<SimVerdict, string> = { pass: 'PASS', fail: 'FAIL', 'too-close': 'TOO CLOSE' };
const VERDICT_CLASS: Record<SimVerdict, string> = { pass: 'right', fail: 'wrong', 'too-close': 'close' };
const PALETTE = ['#2563eb', '#7c3aed', '#0f766e'];

const pool = simPool();

function millions(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} million` : `${Math.round(n / 1000).toLocaleString('en-US')} thousand`;
}

function secondsLeft(progress: number, startedAt: number): string | null {
  const elapsed = (performance.now() - startedAt) / 1000;
  if (progress < 0.03 || elapsed < 1) return null;
  const left = (elapsed * (1 - progress)) / progress;
  return left < 60 ? `about ${Math.max(1, Math.round(left))} s left` : `about ${Math.round(left / 60)} min left`;
}

function charts(grade: SimulatedFixGrade, target: number | undefined): { latency: ChartSeries[]; requests: ChartSeries[] } | null {
  const report = grade.report;
  if (!report) return null;
  const latency: ChartSeries[] = report.flows.slice(0, 3).map((f, i) => ({ label: `${f.label} p99`, color: PALETTE[i % PALETTE.length]!, values: f.series.p99Ms }));
  if (target !== undefined) latency.push({ label: 'target', color: '#dc2626', values: report.timeS.map(() => target), dash: [5, 4] });
  type FlowSeries = NonNullable<SimulatedFixGrade['report']>['flows'][number]['series'];
  const sum = (pick: (s: FlowSeries) => number[]) => report.timeS.map((_, t) => report.flows.reduce((acc, f) => acc + (pick(f.series)[t] ?? 0), 0));
  const requests: ChartSeries[] = [
    { label: 'succeeded', color: '#15803d', values: sum((s) => s.okRps) },
    { label: 'failed', color: '#dc2626', values: sum((s) => s.failedRps) },
  ];
  return { latency, requests };
}

export function SimulatedCheck({ scenario, design, required }: { scenario: FixScenario; design: Design; required: boolean }) {
  const saved = useScenarioStore((s) => s.session?.progress.simulatedCheck ?? null);
  const setSimulatedCheck = useScenarioStore((s) => s.setSimulatedCheck);
  const runs = useRunProgress();
  const progress = runs.progress;
  const [started, setStarted] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The last run's whole grade, charts included; only the saved record survives a reload.
  const [fresh, setFresh] = useState<{ key: string; grade: SimulatedFixGrade } | null>(null);

  const key = useMemo(() => simulationKey(design), [design]);
  const timeline = useMemo(() => describeTimeline(scenario, design), [scenario, design]);
  const record = saved && fresh && fresh.key === saved.designKey ? { ...saved, grade: fresh.grade } : saved;
  const current = record !== null && record.designKey === key;
  const grade: SimulatedFixGrade | null = record ? record.grade : null;
  const chartData = useMemo(() => (grade ? charts(grade, scenario.requirements.p99LatencyMs) : null), [grade, scenario.requirements.p99LatencyMs]);
  const windows = useMemo<[number, number][]>(() => scenario.failures.map((f) => [f.atS, f.atS + f.durationS]), [scenario.failures]);

  const run = async () => {
    const job = runs.start();
    setError(null);
    setStarted(performance.now());
    const ranOn = design;
    const ranKey = key;
    try {
      const result = await pool.grade(scenario, ranOn, job.progress);
      if (!job.current()) return;
      const { report: _chartData, ...rest } = result;
      setFresh({ key: ranKey, grade: result });
      setSimulatedCheck({ designKey: ranKey, grade: rest, ranAt: Date.now() });
    } catch (e) {
      if (job.current()) setError(e instanceof Error ? e.message : String(e));
    } finally {
      job.finish();
    }
  };
  const cancel = () => runs.cancel(pool.cancel);
  const left = progress === null ? null : secondsLeft(progress, started);

  return (
    <section className="sim-check" aria-labelledby="sim-check-title" data-testid="sim-check">
      <h3 id="sim-check-title">Under the scenario's traffic and failures</h3>
      <p className="muted">
        The checks above hold the design to steady traffic. This one replays the scenario in the simulator, {DEFAULT_REPLICATIONS} runs with fixed seeds (up to {POOL_SIZE} at once), so the same design always gets the same verdict.
        {required ? ' The scenario counts as solved when both pass.' : ''}
      </p>
      {timeline ? (
        <ul className="timeline" aria-label="What the simulation replays">
          {timeline.lines.map((line, i) => <li key={i}>{line}</li>)}
          <li className="muted">
            Each run: {formatDuration(timeline.durationS)} of simulated time, about {millions(timeline.requests)} requests.
          </li>
        </ul>
      ) : null}
      {progress === null ? (
        <button type="button" className={required ? 'primary' : ''} onClick={() => void run()} data-testid="sim-check-run">
          {grade ? 'Run the simulated check again' : 'Run the simulated check'}
        </button>
      ) : (
        <div className="sim-progress" role="status">
          <progress max={1} value={progress} aria-label="Simulated check progress" />
          <span>
            {Math.round(progress * 100)}%{left ? `, ${left}` : ''}
          </span>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {error ? <p className="error">The simulated check could not run: {error}</p> : null}
      {grade ? (
        <div className={current ? '' : 'stale'} data-testid="sim-check-result">
          {!current ? (
            <p className="notice" role="status">
              The design has changed since this check ran; run it again for a verdict on the design as it is now.
            </p>
          ) : null}
          {grade.problems.length ? (
            <div className="problems" role="alert">
              {grade.problems.map((p, i) => <p key={i}>{p}</p>)}
            </div>
          ) : null}
          <ul className="checks">
            {grade.checks.map((c) => (
              <li key={c.check} className={VERDICT_CLASS[c.verdict]} data-testid={`sim-check-${c.check}`}>
                <span className="verdict">{VERDICT_TEXT[c.verdict]}</span>
                <span>{c.detail}</span>
              </li>
            ))}
          </ul>
          {grade.checks.some((c) => c.verdict === 'too-close') ? (
            <p className="muted">Too close to call: the target lies inside the 95% interval of the runs, so the simulation cannot say which side the design is on. Give it some margin.</p>
          ) : null}
          {chartData && current ? (
            <div className="sim-charts">
              <TimeChart title="p99 latency over time (first run)" unit="ms" timeS={grade.report!.timeS} series={chartData.latency} windows={windows} markerS={null} width={300} height={150} />
              <TimeChart title="Requests (first run)" unit="req/s" timeS={grade.report!.timeS} series={chartData.requests} windows={windows} markerS={null} width={300} height={150} />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

// Simulation over time: set a workload shape and failures, run the discrete-event simulator in a
// worker (progress, cancel), then read the charts and replay the run on the canvas.
import { useEffect, useMemo, useState } from 'react';
import * as Comlink from 'comlink';
import type { DesignSimReport } from '../../engine/simulation';
import { logSentence } from '../../engine/simulation/log-text';
import { FAILURE_KINDS, FAILURE_SPECS, failureTargetIds, paramsOf, type FailureKind, type FailureParamKey, type FailureTarget, type TargetFields } from '../../model/failures';
import { failureCanHit } from '../../model/traits';
import type { FailureEvent, SimulationSetup } from '../../model/simulation-setup';
import { WORKLOAD_KINDS, WORKLOAD_SPECS, type WorkloadFieldSpec, type WorkloadKind } from '../../model/workloads';
import { SpecFieldInputs } from '../SpecFieldInputs';
import { newWorkloadForm, withWorkloadField, workloadFormOf, workloadOfForm, type WorkloadForm } from './workloadForm';
import { FailureParamInputs } from '../FailureParamInputs';
import type { Design } from '../../model/types';
import { useDesignStore } from '../../store/designStore';
import type { SimulationOutcome } from '../../workers/simulation.worker';
import { useRunProgress } from '../useRunProgress';
import { simulationClient, useRuns } from '../../store/runs';
import { formatMs, formatPercent } from '../../canvas/format';
import { TimeChart, type ChartSeries } from './TimeChart';

const DEFAULT_SETUP: SimulationSetup = { durationS: 300, seed: 1 }; // 5 simulated minutes: long enough for several failure windows, quick to run
const PALETTE = ['#2563eb', '#dc2626', '#15803d', '#b45309', '#7c3aed', '#0f766e'];

/** Where a new failure of this kind points first: the first thing in the design it can hit. */
function firstTarget(kind: FailureKind, design: Design): TargetFields[FailureTarget] {
  const node = (k: FailureKind) => design.nodes.find((n) => failureCanHit(k, n.kind))?.id ?? '';
  switch (FAILURE_SPECS[kind].target) {
    case 'group':
      return { groupId: design.groups[0]?.id ?? '' };
    case 'network': {
      // Two zones when the design has them, else the first component against another.
      const a = design.groups[0]?.id ?? node('crash');
      const b = design.groups.find((g) => g.id !== a)?.id ?? design.nodes.find((n) => failureCanHit('crash', n.kind) && n.id !== a)?.id ?? a;
      return { sideA: [a], sideB: [b] };
    }
    default:
      return { nodeId: node(kind) || node('crash') };
  }
}

function newFailure(kind: FailureKind, design: Design, atS: number, durationS: number | undefined): FailureEvent {
  // Each parameter starts at its spec's value; one left out keeps its meaning (e.g. all instances).
  const params = Object.fromEntries(FAILURE_SPECS[kind].params.filter((p) => p.initial !== null).map((p) => [p.key, p.initial]));
  return { kind, ...firstTarget(kind, design), atS, ...(durationS !== undefined ? { durationS } : {}), ...params } as FailureEvent;
}

/** The failure pointed at another component or zone (partitions choose their sides apart). */
function retarget(f: FailureEvent, id: string): FailureEvent {
  const target = FAILURE_SPECS[f.kind].target;
  return target === 'group' ? ({ ...f, groupId: id } as FailureEvent) : target === 'network' ? f : ({ ...f, nodeId: id } as FailureEvent);
}

/** A failure with one parameter set from its input's text (an empty input leaves an optional one out). */
function withParam(f: FailureEvent, key: FailureParamKey, text: string): FailureEvent {
  const spec = FAILURE_SPECS[f.kind].params.find((p) => p.key === key);
  if (!spec) return f;
  const value = Number(text);
  if (text.trim() === '') {
    if (spec.whenAbsent === undefined) return f;
    const rest: Record<string, unknown> = { ...f };
    delete rest[key];
    return rest as unknown as FailureEvent;
  }
  // Typing goes on while a number is out of range; the run refuses it with the spec's message.
  return Number.isFinite(value) ? ({ ...f, [key]: value } as FailureEvent) : f;
}

function failureTarget(f: FailureEvent): string {
  return failureTargetIds(f)[0] ?? '';
}

const simWorker = simulationClient();

/** px: two charts side by side fit the results column at 1440 px wide, the legend under each in full. */
const CHART_WIDTH = 240;

export function SimulationPanel() {
  const design = useDesignStore((s) => s.design);
  const setSimulation = useDesignStore((s) => s.setSimulation);
  const setup = design.simulation ?? DEFAULT_SETUP;
  const form = workloadFormOf(setup.workload, design);
  const runs = useRunProgress();
  const progress = runs.progress;
  const [outcome, setOutcome] = useState<SimulationOutcome | null>(null);
  const [ranDesign, setRanDesign] = useState<Design | null>(null);
  // The replayed moment lives in the runs store, where the canvas reads it.
  const scrub = useRuns((s) => s.replayAt);
  const setScrub = useRuns((s) => s.setReplayAt);

  const update = (patch: Partial<SimulationSetup>) => setSimulation({ ...setup, ...patch });
  const updateWorkload = (nextForm: WorkloadForm) => {
    const workload = workloadOfForm(nextForm, design);
    const next: SimulationSetup = { ...setup };
    if (workload) next.workload = workload;
    else delete next.workload;
    setSimulation(next);
  };
  const failures = useMemo(() => setup.failures ?? [], [setup.failures]);
  const setFailures = (list: FailureEvent[]) => update({ failures: list });

  const run = async () => {
    const job = runs.start();
    setOutcome(null);
    setScrub(null);
    const options = { durationS: setup.durationS, seed: setup.seed ?? 1, ...(setup.workload ? { workload: setup.workload } : {}), ...(setup.failures ? { failures: setup.failures } : {}) };
    try {
      const result = await simWorker.call<SimulationOutcome>((w) => w.run(design, options, Comlink.proxy(job.progress)));
      if (!job.current()) return;
      setOutcome(result);
      setRanDesign(design);
      useRuns.getState().setLastSimulation(result.ok ? { design, report: result.report } : null);
    } catch (e) {
      if (job.current()) setOutcome({ ok: false, problems: [e instanceof Error ? e.message : String(e)] });
    } finally {
      job.finish();
    }
  };
  const cancel = () => runs.cancel(simWorker.cancel);
  // Leaving the tab ends the replay: the canvas goes back to the analysis.
  useEffect(() => () => setScrub(null), [setScrub]);

  const report = outcome?.ok ? outcome.report : null;
  const stale = report !== null && ranDesign !== design;
  const windows = useMemo<[number, number][]>(() => (report ? failures.map((f) => [f.atS, f.atS + (f.durationS ?? report.durationS)]) : []), [report, failures]);
  const charts = useMemo(() => (report ? chartsFor(report) : null), [report]);
  const nameOf = useMemo(() => {
    const labels = new Map((ranDesign ?? design).nodes.map((n) => [n.id, n.label]));
    return (id: string) => labels.get(id) ?? id;
  }, [ranDesign, design]);

  return (
    <div className="sim-panel">
      <form className="sim-setup" onSubmit={(e) => { e.preventDefault(); void run(); }} aria-label="Simulation setup">
        <div className="sim-row">
          <label>Simulated time<input type="number" min={10} max={86400} value={setup.durationS} onChange={(e) => update({ durationS: Math.max(10, Number(e.target.value) || 10) })} /> s</label>
          <label>Seed<input type="number" min={1} value={setup.seed ?? 1} onChange={(e) => update({ seed: Math.max(1, Math.round(Number(e.target.value) || 1)) })} /></label>
        </div>
        <div className="sim-row">
          <label>
            Load over time
            <select value={form.kind} onChange={(e) => updateWorkload(newWorkloadForm(e.target.value as WorkloadKind, design))} data-testid="sim-workload">
              {WORKLOAD_KINDS.map((k) => <option key={k} value={k}>{WORKLOAD_SPECS[k].label}</option>)}
            </select>
          </label>
          <SpecFieldInputs
            fields={WORKLOAD_SPECS[form.kind].shapeFields as readonly WorkloadFieldSpec[]}
            value={(key) => String(form.values[key] ?? '')}
            onChange={(key, text) => updateWorkload(withWorkloadField(form, key, text))}
          />
        </div>
        <fieldset className="failures">
          <legend>Failures</legend>
          {failures.length === 0 ? <p className="muted">None: the run shows steady behaviour.</p> : null}
          {failures.map((f, i) => (
            <div key={i} className="sim-row failure-row" data-testid="failure-row">
              <select aria-label="Failure kind" value={f.kind} onChange={(e) => setFailures(failures.map((x, j) => (j === i ? newFailure(e.target.value as FailureKind, design, f.atS, f.durationS) : x)))}>
                {FAILURE_KINDS.map((k) => <option key={k} value={k}>{FAILURE_SPECS[k].label}</option>)}
              </select>
              {FAILURE_SPECS[f.kind].target === 'network' ? (
                <>
                  {(['sideA', 'sideB'] as const).map((side) => (
                    <select
                      key={side}
                      aria-label={side === 'sideA' ? 'One side' : 'Other side'}
                      value={(f as TargetFields['network'])[side][0] ?? ''}
                      onChange={(e) => setFailures(failures.map((x, j) => (j === i ? ({ ...x, [side]: [e.target.value] } as FailureEvent) : x)))}
                    >
                      {[...design.groups.map((g) => [g.id, g.label]), ...design.nodes.map((n) => [n.id, n.label])].map(([id, label]) => (
                        <option key={id} value={id}>{label}</option>
                      ))}
                    </select>
                  ))}
                </>
              ) : (
                <select
                  aria-label="Failure target"
                  value={failureTarget(f)}
                  onChange={(e) => setFailures(failures.map((x, j) => (j === i ? retarget(x, e.target.value) : x)))}
                >
                  {(FAILURE_SPECS[f.kind].target === 'group' ? design.groups.map((g) => [g.id, g.label]) : design.nodes.filter((n) => failureCanHit(f.kind, n.kind)).map((n) => [n.id, n.label])).map(([id, label]) => (
                    <option key={id} value={id}>{label}</option>
                  ))}
                </select>
              )}
              <label>at<input type="number" min={0} value={f.atS} onChange={(e) => setFailures(failures.map((x, j) => (j === i ? { ...x, atS: Math.max(0, Number(e.target.value) || 0) } : x)))} /> s</label>
              <label>for<input type="number" min={1} value={f.durationS ?? ''} placeholder="rest" onChange={(e) => setFailures(failures.map((x, j) => (j === i ? { ...x, durationS: Math.max(1, Number(e.target.value) || 1) } : x)))} /> s</label>
              <FailureParamInputs kind={f.kind} value={(key) => String(paramsOf(f)[key] ?? '')} onChange={(key, text) => setFailures(failures.map((x, j) => (j === i ? withParam(x, key, text) : x)))} />
              <button type="button" className="icon-button" aria-label={`Remove failure ${i + 1}`} onClick={() => setFailures(failures.filter((_, j) => j !== i))}>✕</button>
            </div>
          ))}
          <button type="button" onClick={() => setFailures([...failures, newFailure('crash', design, Math.round(setup.durationS / 3), Math.round(setup.durationS / 5))])}>Add failure</button>
        </fieldset>
        <div className="sim-row">
          {progress === null ? (
            <button type="submit" className="primary" data-testid="sim-run">Run simulation</button>
          ) : (
            <>
              <progress max={1} value={progress} aria-label="Simulation progress" />
              <span>{Math.round(progress * 100)}%</span>
              <button type="button" onClick={cancel}>Cancel</button>
            </>
          )}
        </div>
      </form>
      <div className="sim-results" data-testid="sim-results">
        {outcome && !outcome.ok ? (
          <div className="problems" role="alert">
            <strong>The simulation cannot run:</strong>
            <ul>{outcome.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
          </div>
        ) : null}
        {!report && !outcome ? <p className="muted">Run the simulation to see how the design behaves over time: latency, errors and load second by second, with the failures you add. Same seed, same result.</p> : null}
        {report && charts ? (
          <>
            {report.stopReason ? (
              <p className="warning sim-stopped" role="alert" data-testid="sim-stopped">
                Stopped early: {report.stopReason}. The figures cover only the {report.stoppedAtS === null ? '' : `${Number(report.stoppedAtS.toPrecision(2))} s `}simulated before that.
              </p>
            ) : null}
            <div className={`sim-summary${stale ? ' stale' : ''}`} data-testid="sim-summary">
              <span>Availability <b>{formatPercent(report.overall.availability, 2)}</b></span>
              <span title="95% interval of the p99 from the order statistics">
                p99 <b>{formatMs(report.overall.p99ResponseMs)}</b>
                {report.overall.p99LowMs !== null ? <span className="muted"> ({formatMs(report.overall.p99LowMs)}–{formatMs(report.overall.p99HighMs)})</span> : null}
              </span>
              <span>Errors <b>{formatPercent(report.overall.errorRate, 2)}</b></span>
              <span>Mean <b>{formatMs(report.overall.meanResponseMs)}</b>{report.overall.meanResponseHalfWidthMs !== null ? ` ± ${formatMs(report.overall.meanResponseHalfWidthMs)}` : ''}</span>
              <span className="muted">{report.events.toLocaleString('en-US')} simulated events · computed in {(outcome as { wallMs: number }).wallMs.toFixed(0)} ms · seed {report.seed} (same seed, same result)</span>
              {stale ? <span className="stale-note">The design changed since this run.</span> : null}
            </div>
            <div className="charts">
              <TimeChart title="Latency" unit="ms" timeS={report.timeS} series={charts.latency} windows={windows} markerS={scrub === null ? null : report.timeS[scrub] ?? null} width={CHART_WIDTH} height={150} />
              <TimeChart title="Requests" unit="req/s" timeS={report.timeS} series={charts.traffic} windows={windows} markerS={scrub === null ? null : report.timeS[scrub] ?? null} width={CHART_WIDTH} height={150} />
              <TimeChart title="Busiest components" unit="% busy" timeS={report.timeS} series={charts.load} windows={windows} markerS={scrub === null ? null : report.timeS[scrub] ?? null} width={CHART_WIDTH} height={150} />
            </div>
            <label className="scrubber">
              Replay on the canvas
              <input type="range" min={0} max={report.timeS.length - 1} value={scrub ?? 0} onChange={(e) => setScrub(Number(e.target.value))} aria-valuetext={`${report.timeS[scrub ?? 0] ?? 0} s`} data-testid="sim-scrubber" />
              <output>{scrub === null ? 'off' : `${report.timeS[scrub]} s`}</output>
              {scrub !== null ? <button type="button" onClick={() => setScrub(null)}>Stop replay</button> : null}
            </label>
            {report.log.length ? (
              <details className="sim-log">
                <summary>What happened ({report.log.length})</summary>
                <ul>{report.log.slice(0, 200).map((l, i) => <li key={i}><b>{l.tS.toFixed(1)} s</b> {logSentence(l, nameOf)}</li>)}</ul>
              </details>
            ) : null}
            {report.warnings.map((w, i) => <p key={i} className="warning">{w}</p>)}
          </>
        ) : null}
      </div>
    </div>
  );
}

function chartsFor(report: DesignSimReport): { latency: ChartSeries[]; traffic: ChartSeries[]; load: ChartSeries[] } {
  const flows = report.flows.slice(0, 3);
  const latency: ChartSeries[] = flows.flatMap((f, i) => [
    { label: `${f.label} p99`, color: PALETTE[i % PALETTE.length]!, values: f.series.p99Ms },
    { label: `${f.label} p50`, color: PALETTE[i % PALETTE.length]!, values: f.series.p50Ms, dash: [4, 3] },
  ]);
  const sum = (pick: (s: DesignSimReport['flows'][number]['series']) => number[]) => report.timeS.map((_, t) => report.flows.reduce((acc, f) => acc + (pick(f.series)[t] ?? 0), 0));
  const traffic: ChartSeries[] = [
    { label: 'succeeded', color: '#15803d', values: sum((s) => s.okRps) },
    { label: 'failed', color: '#dc2626', values: sum((s) => s.failedRps) },
  ];
  const busiest = [...report.components].sort((a, b) => (b.summary.utilization ?? 0) - (a.summary.utilization ?? 0)).slice(0, 4);
  const load: ChartSeries[] = busiest.map((c, i) => ({ label: c.label, color: PALETTE[i % PALETTE.length]!, values: c.series.utilization.map((u) => (u === null ? null : u * 100)) }));
  return { latency, traffic, load };
}


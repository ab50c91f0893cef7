// What the analytic engine says about the design: the main problem in words, each entry point's
// end-to-end time as a bar of its hops, headroom, availability, cost, and a table per component.
import { lazy, Suspense, useMemo, useState } from 'react';
import { usePersistentState } from './usePersistentState';
import type { Analysis } from '../workers/analysis';
import type { FlowResult, EntryHeadroom, ComponentResult } from '../engine/analytic';
import { APPROXIMATE_TITLE, formatMs, formatPercent, formatRps, utilizationColor } from '../canvas/format';
import { useDesignStore } from '../store/designStore';
import { paramValue } from '../model/catalog';

const HOP_COLORS = { queueing: '#dc2626', service: '#2563eb', network: '#94a3b8' };

function usd(x: number): string {
  return `$${x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2)}`;
}

function nines(a: number): string {
  if (a >= 1) return '100%';
  const digits = Math.min(6, Math.max(1, Math.ceil(-Math.log10(1 - a)) + 1));
  return `${(a * 100).toFixed(digits - 1)}%`;
}

interface BarSegment {
  key: string;
  label: string;
  totalMs: number;
  queueingMs: number;
  serviceMs: number;
  networkMs: number;
}

/**
 * One segment per hop, except that the branches of a split (a load balancer's targets) make one
 * segment: a request visits one of them, and their visit-weighted times add up to that one visit.
 */
function barSegments(flow: FlowResult): BarSegment[] {
  const segments: BarSegment[] = [];
  const byBranch = new Map<string, { segment: BarSegment; labels: string[] }>();
  for (const h of flow.breakdown) {
    if ((h.totalMs ?? 0) <= 0) continue;
    const add = (to: BarSegment) => {
      to.totalMs += h.totalMs ?? 0;
      to.queueingMs += h.queueingMs ?? 0;
      to.serviceMs += h.serviceMs;
      to.networkMs += h.networkMs;
    };
    const group = h.branchOf === null ? undefined : byBranch.get(h.branchOf);
    if (group) {
      group.labels.push(h.label);
      group.segment.label = `one of ${group.labels.join(', ')}`;
      add(group.segment);
      continue;
    }
    const segment: BarSegment = { key: h.nodeId, label: h.label, totalMs: 0, queueingMs: 0, serviceMs: 0, networkMs: 0 };
    add(segment);
    segments.push(segment);
    if (h.branchOf !== null) byBranch.set(h.branchOf, { segment, labels: [h.label] });
  }
  return segments;
}

function FlowBar({ flow }: { flow: FlowResult }) {
  const hops = barSegments(flow);
  const total = hops.reduce((s, h) => s + h.totalMs, 0);
  if (flow.saturated || total <= 0) return <div className="flow-bar saturated-bar">No steady state: a component on this path is saturated.</div>;
  return (
    <div className="flow-bar" role="img" aria-label={`Time per hop for ${flow.label}: ${hops.map((h) => `${h.label} ${formatMs(h.totalMs)}`).join(', ')}`}>
      {hops.map((h) => {
        const width = (h.totalMs / total) * 100;
        return (
          <div key={h.key} className="hop" style={{ width: `${width}%` }} title={`${h.label}: ${formatMs(h.totalMs)} (queueing ${formatMs(h.queueingMs)}, service ${formatMs(h.serviceMs)}, network ${formatMs(h.networkMs)})`}>
            <div className="hop-fill">
              <span style={{ flex: h.queueingMs, background: HOP_COLORS.queueing }} />
              <span style={{ flex: h.serviceMs, background: HOP_COLORS.service }} />
              <span style={{ flex: h.networkMs, background: HOP_COLORS.network }} />
            </div>
            {width > 9 ? <span className="hop-label">{h.label}</span> : null}
          </div>
        );
      })}
    </div>
  );
}

function LoadSlider({ flow, headroom, value, onChange, onKeep }: { flow: FlowResult; headroom: EntryHeadroom | undefined; value: number | undefined; onChange: (rps: number | null) => void; onKeep: (rps: number) => void }) {
  const client = useDesignStore((s) => s.design.nodes.find((n) => n.id === flow.clientId));
  const designRps = client ? paramValue(client, 'rps') : flow.rps;
  const max = Math.max(10, Math.ceil(Math.max(designRps * 3, (headroom?.maxRps ?? 0) * 1.5)));
  const shown = value ?? designRps;
  return (
    <div className="load-slider">
      <label>
        <span>Load</span>
        <input
          type="range"
          min={0}
          max={max}
          step={Math.max(1, Math.round(max / 200))}
          value={shown}
          aria-valuetext={formatRps(shown)}
          data-testid={`load-${flow.clientId}`}
          onChange={(e) => onChange(Number(e.target.value))}
        />
      </label>
      <output>{formatRps(shown)}</output>
      {value !== undefined && value !== designRps ? (
        <span className="what-if">
          what-if (design: {formatRps(designRps)})
          <button type="button" onClick={() => onChange(null)}>Reset</button>
          <button type="button" onClick={() => onKeep(value)}>Keep</button>
        </span>
      ) : null}
    </div>
  );
}

/** A percentile, with a ≈ before it when the engine can only estimate it. */
function Percentile({ ms, approximate }: { ms: number | null; approximate: boolean }) {
  if (!approximate || ms === null) return <>{formatMs(ms)}</>;
  return (
    <span className="approx" title={APPROXIMATE_TITLE} data-testid="approximate">
      ≈{formatMs(ms)}
    </span>
  );
}

function ApproximateNote() {
  return <p className="muted approx-note">≈ approximate percentile: the wait is estimated from its mean here; run the simulation for a measured figure.</p>;
}

/**
 * Rows drawn at first, and added per "Show more": a design with thousands of components (or clients)
 * would otherwise draw thousands of rows each time its results arrive, blocking the page for seconds.
 */
const TABLE_ROWS_SHOWN = 100;
const FLOWS_SHOWN = 10;

/** How many of `total` items to draw, and a button that draws `step` more; back to `step` when the list is another. */
function useShown(total: number, step: number, listKey: unknown): { shown: number; more: React.ReactNode } {
  const [state, setState] = useState({ listKey, shown: step });
  const shown = state.listKey === listKey ? state.shown : step;
  const left = total - shown;
  const more =
    left > 0 ? (
      <p className="show-more">
        <button type="button" className="link" onClick={() => setState({ listKey, shown: shown + step })}>
          Show {Math.min(step, left)} more
        </button>{' '}
        <span className="muted">({left.toLocaleString('en')} not shown)</span>
      </p>
    ) : null;
  return { shown, more };
}

function ComponentTable({ components }: { components: ComponentResult[] }) {
  const select = useDesignStore((s) => s.select);
  const sorted = useMemo(() => [...components].sort((a, b) => Number(b.saturated) - Number(a.saturated) || (b.utilization ?? 0) - (a.utilization ?? 0)), [components]);
  const { shown, more } = useShown(sorted.length, TABLE_ROWS_SHOWN, components.length);
  const rows = sorted.slice(0, shown);
  return (
    <>
    <table className="results-table">
      <thead>
        <tr>
          <th scope="col">Component</th>
          <th scope="col">Offered</th>
          <th scope="col">Utilization</th>
          <th scope="col">Wait</th>
          <th scope="col">Mean</th>
          <th scope="col">p95</th>
          <th scope="col">p99</th>
          <th scope="col">Rejected</th>
          <th scope="col">Availability</th>
          <th scope="col">Cost / month</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.nodeId} className={c.saturated ? 'row-saturated' : ''} data-testid={`row-${c.nodeId}`}>
            <th scope="row">
              <button type="button" className="link" onClick={() => select([c.nodeId], [])}>{c.label}</button>
            </th>
            <td>{formatRps(c.offeredRps)}</td>
            <td>
              <span className="util-dot" style={{ background: c.saturated ? '#b91c1c' : utilizationColor(c.utilization) }} />
              {c.saturated ? (c.saturationCauseId === c.nodeId ? 'saturated' : 'stuck waiting') : formatPercent(c.utilization)}
              {c.replicaUtilization !== null ? <span className="muted"> (replicas {formatPercent(c.replicaUtilization)})</span> : null}
            </td>
            <td>{formatMs(c.meanWaitMs)}</td>
            <td>{formatMs(c.meanResponseMs)}</td>
            <td><Percentile ms={c.p95ResponseMs} approximate={c.percentilesApproximate} /></td>
            <td><Percentile ms={c.p99ResponseMs} approximate={c.percentilesApproximate} /></td>
            <td>{c.blockingProbability > 0.0005 ? formatPercent(c.blockingProbability, 1) : '–'}</td>
            <td>{nines(c.availability)}</td>
            <td>{usd(c.cost.totalUsdPerMonth)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    {more}
    {rows.some((c) => c.percentilesApproximate) ? <ApproximateNote /> : null}
    </>
  );
}

// The simulator's panel (and uPlot) load on first use.
const SimulationPanel = lazy(() => import('./simulation/SimulationPanel').then((m) => ({ default: m.SimulationPanel })));

/** One section per client: its response times, where they go, a what-if load and its headroom (the first few; more on request). */
function FlowList({ analysis, whatIf, onWhatIf }: { analysis: Extract<Analysis, { ok: true }> } & Pick<ResultsPanelProps, 'whatIf' | 'onWhatIf'>) {
  const { solution, headroom } = analysis;
  const setParam = useDesignStore((s) => s.setParam);
  const { shown, more } = useShown(solution.flows.length, FLOWS_SHOWN, solution.flows.length);
  const flows = solution.flows.slice(0, shown);
  return (
    <>
      {flows.map((f) => {
        const h = headroom.find((x) => x.clientId === f.clientId);
        return (
          <section key={f.clientId} className="flow" data-testid={`flow-${f.clientId}`}>
            <header>
              <strong>{f.label}</strong>
              <span className="figures">
                {f.saturated ? (
                  <span className="bad-text">saturated</span>
                ) : (
                  <>
                    mean <b>{formatMs(f.meanResponseMs)}</b> · p50 <Percentile ms={f.p50ResponseMs} approximate={f.percentilesApproximate} /> · p95{' '}
                    <Percentile ms={f.p95ResponseMs} approximate={f.percentilesApproximate} /> · p99{' '}
                    <b><Percentile ms={f.p99ResponseMs} approximate={f.percentilesApproximate} /></b>
                  </>
                )}
                {' · '}available {nines(f.availability)}
              </span>
            </header>
            <FlowBar flow={f} />
            <LoadSlider flow={f} headroom={h} value={whatIf[f.clientId]} onChange={(rps) => onWhatIf(f.clientId, rps)} onKeep={(rps) => { setParam(f.clientId, 'rps', rps); onWhatIf(f.clientId, null); }} />
            {h ? (
              <p className="headroom">
                {h.maxRps === null
                  ? 'No limit found: this path scales with the load.'
                  : <>Headroom: up to <b>{formatRps(h.maxRps)}</b> ({(h.maxRps / Math.max(h.currentRps, 1e-9)).toFixed(1)}× today); then <b>{solution.components[h.limitingNodeId ?? '']?.label ?? h.limitingNodeId}</b> {h.reason === 'rejects' ? 'starts turning requests away' : 'saturates'}.</>}
              </p>
            ) : null}
          </section>
        );
      })}
      {more}
    </>
  );
}

export interface ResultsPanelProps {
  analysis: Analysis | null;
  stale: boolean;
  error: string | null;
  whatIf: Record<string, number>;
  onWhatIf: (clientId: string, rps: number | null) => void;
}

export function ResultsPanel({ analysis, stale, error, whatIf, onWhatIf }: ResultsPanelProps) {
  const [tab, setTab] = usePersistentState<'overview' | 'components' | 'simulation'>('results-tab', 'overview');
  const [open, setOpen] = usePersistentState('results-open', true);
  const select = useDesignStore((s) => s.select);

  let body: React.ReactNode = <p className="muted">Solving…</p>;
  if (error) body = <p className="error">The engine failed: {error}</p>;
  else if (analysis && !analysis.ok) {
    body = (
      <div className="problems" role="alert">
        <strong>This design cannot be solved yet:</strong>
        <ul>{analysis.errors.map((e, i) => <li key={i}>{e.message}</li>)}</ul>
      </div>
    );
  } else if (analysis?.ok) {
    const { solution, explanation } = analysis;
    const components = Object.values(solution.components);
    body =
      tab === 'simulation' ? null : tab === 'components' ? (
        <ComponentTable components={components} />
      ) : (
        <div className="overview">
          <div className="overview-main">
            {explanation ? (
              <div className={`explain${solution.saturated.length ? ' bad' : ''}`} data-testid="explanation">
                <p>{explanation.text}</p>
                <button type="button" className="link" onClick={() => select([explanation.nodeId], [])}>Show it on the canvas</button>
              </div>
            ) : (
              <div className="explain good" data-testid="explanation"><p>No component is near its limit: each has room to spare at this load.</p></div>
            )}
            {solution.message ? <p className="warning" role="alert">{solution.message}</p> : null}
            {solution.warnings.map((w, i) => <p key={i} className="warning">{w}</p>)}
            {solution.flows.length === 0 ? <p className="muted">Add a Client component and connect it: it is where requests come from.</p> : null}
            <FlowList analysis={analysis} whatIf={whatIf} onWhatIf={onWhatIf} />
            {solution.flows.some((f) => f.percentilesApproximate) ? <ApproximateNote /> : null}
            <p className="legend">
              <span><i style={{ background: HOP_COLORS.queueing }} />waiting in queue</span>
              <span><i style={{ background: HOP_COLORS.service }} />service</span>
              <span><i style={{ background: HOP_COLORS.network }} />network</span>
            </p>
          </div>
          <aside className="totals">
            <div><span>Cost</span><b>{usd(solution.cost.totalUsdPerMonth)}</b><small>per month</small></div>
            <div><span>Load</span><b>{formatRps(solution.entryRps)}</b><small>from all clients</small></div>
            <div><span>Saturated</span><b className={solution.saturated.length ? 'bad-text' : ''}>{solution.saturated.length}</b><small>components</small></div>
          </aside>
        </div>
      );
  }

  return (
    <section className={`results${open ? '' : ' closed'}${stale ? ' stale' : ''}`} aria-label="Results">
      <header className="results-head">
        <button type="button" className="icon-button" aria-expanded={open} onClick={() => setOpen((o) => !o)} aria-label={open ? 'Collapse results' : 'Expand results'}>
          {open ? '▾' : '▸'}
        </button>
        <h2>Results</h2>
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'overview'} onClick={() => { setTab('overview'); setOpen(true); }}>Overview</button>
          <button type="button" role="tab" aria-selected={tab === 'components'} onClick={() => { setTab('components'); setOpen(true); }}>Components</button>
          <button type="button" role="tab" aria-selected={tab === 'simulation'} onClick={() => { setTab('simulation'); setOpen(true); }}>Simulation</button>
        </div>
        <span className="stale-note" role="status">
          {tab === 'simulation' ? 'Discrete-event simulation, over time' : stale ? 'Updating…' : analysis?.ok ? 'Up to date · analytic model, steady state' : ''}
        </span>
      </header>
      {open && tab === 'simulation' ? (
        <div className="results-body sim-body">
          <Suspense fallback={<p className="muted">Loading the simulator…</p>}>
            <SimulationPanel />
          </Suspense>
        </div>
      ) : open ? (
        <div className="results-body">{body}</div>
      ) : null}
    </section>
  );
}

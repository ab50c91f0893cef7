// The scenario beside the canvas: the story, the targets, and the exercise for its mode.
import { MODE_SPECS, type Requirements } from '../../scenarios';
import type { Design } from '../../model/types';
import type { DesignSolution } from '../../engine/analytic/design-results';
import { useScenarioStore } from '../../store/scenarioStore';
import { StoryText } from './StoryText';
import { modePanel } from './modes';
import { formatMs, formatPercent, formatRps } from '../../canvas/format';

function Targets({ r }: { r: Requirements }) {
  const rows: [string, string][] = [];
  if (r.trafficRps !== undefined) rows.push(['Traffic', formatRps(r.trafficRps)]);
  if (r.p99LatencyMs !== undefined) rows.push(['p99 latency', `at most ${formatMs(r.p99LatencyMs)}`]);
  if (r.availability !== undefined) rows.push(['Availability', `at least ${formatPercent(r.availability, 2)}`]);
  if (r.errorRate !== undefined) rows.push(['Errors', `at most ${formatPercent(r.errorRate, 1)}`]);
  if (r.monthlyCostUsd !== undefined) rows.push(['Cost', `at most $${Math.round(r.monthlyCostUsd).toLocaleString('en-US')}/month`]);
  if (!rows.length) return null;
  return (
    <dl className="targets">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface ScenarioPanelProps {
  onExit: () => void;
  onShow: (side: 'a' | 'b') => void;
  onOpenDesign: (design: Design) => void;
  /** The analytic solution of the design on the canvas, when up to date (critique evidence). */
  solution: DesignSolution | null;
}

export function ScenarioPanel({ onExit, onShow, onOpenDesign, solution }: ScenarioPanelProps) {
  const session = useScenarioStore((s) => s.session);
  if (!session) return null;
  const { scenario, preview } = session;
  const panel = modePanel(scenario.mode);
  const work = (
    <>
      <Targets r={scenario.requirements} />
      {panel.body({ scenario, solution, onShow, onOpenDesign })}
    </>
  );
  return (
    <div className="scenario-panel" data-testid="scenario-panel">
      <header className="scenario-head">
        <span className={`mode-badge mode-${scenario.mode}`}>{MODE_SPECS[scenario.mode].label}</span>
        {preview ? <span className="preview-badge">Preview</span> : null}
        <button type="button" className="link" onClick={onExit}>
          {preview ? 'End preview' : 'Leave scenario'}
        </button>
      </header>
      <h2>{scenario.title}</h2>
      {panel.workFirst ? work : null}
      <details className="story-box" open={!panel.workFirst || !session.progress.score}>
        <summary>The story</summary>
        <StoryText text={scenario.story} />
      </details>
      {panel.workFirst ? null : work}
      {scenario.hints.length ? (
        <details className="hints">
          <summary>Hints ({scenario.hints.length})</summary>
          <ul>{scenario.hints.map((h, i) => <li key={i}>{h}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}

// The scenario beside the canvas: the story, the targets, and the exercise for its mode.
import type { Requirements } from '../../scenarios';
import type { Design } from '../../model/types';
import type { DesignSolution } from '../../engine/analytic/design-results';
import { useScenarioStore } from '../../store/scenarioStore';
import { StoryText } from './StoryText';
import { IdentifyBody } from './IdentifyBody';
import { CritiqueBody } from './CritiqueBody';
import { FixBody } from './FixBody';
import { CompareBody } from './CompareBody';
import { formatMs, formatPercent, formatRps } from '../../canvas/format';

const MODE_TITLE = { identify: 'Identify', critique: 'Critique', fix: 'Fix', compare: 'Compare' } as const;

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
  return (
    <div className="scenario-panel" data-testid="scenario-panel">
      <header className="scenario-head">
        <span className={`mode-badge mode-${scenario.mode}`}>{MODE_TITLE[scenario.mode]}</span>
        {preview ? <span className="preview-badge">Preview</span> : null}
        <button type="button" className="link" onClick={onExit}>
          {preview ? 'End preview' : 'Leave scenario'}
        </button>
      </header>
      <h2>{scenario.title}</h2>
      {/* In fix mode the live checks come first: they change with every edit, the story does not. */}
      {scenario.mode === 'fix' ? (
        <>
          <Targets r={scenario.requirements} />
          <FixBody scenario={scenario} onOpenDesign={onOpenDesign} />
        </>
      ) : null}
      <details className="story-box" open={scenario.mode !== 'fix' || !session.progress.score}>
        <summary>The story</summary>
        <StoryText text={scenario.story} />
      </details>
      {scenario.mode === 'fix' ? null : <Targets r={scenario.requirements} />}
      {scenario.mode === 'identify' ? <IdentifyBody scenario={scenario} /> : null}
      {scenario.mode === 'critique' ? <CritiqueBody scenario={scenario} solution={solution} /> : null}
      {scenario.mode === 'compare' ? <CompareBody scenario={scenario} onShow={onShow} /> : null}
      {scenario.hints.length ? (
        <details className="hints">
          <summary>Hints ({scenario.hints.length})</summary>
          <ul>{scenario.hints.map((h, i) => <li key={i}>{h}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}

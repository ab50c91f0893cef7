// The one place engine results become the canvas's overlay: a replayed moment of the last
// simulation when one is chosen, else the latest analysis (when the overlay is on and the scenario
// shows figures); and edge widths by traffic. Read from the runs store (src/store/runs.ts).
import { useMemo } from 'react';
import type { DesignSimReport } from '../engine/simulation/design-sim-types';
import { useRuns } from '../store/runs';
import { figuresHidden, useScenarioStore } from '../store/scenarioStore';
import type { Analysis } from '../workers/analysis';
import type { NodeOverlay } from './flowTypes';

/** Busy share at which a replayed component with a queue shows as saturated (the analytic engine's own test is rho >= 1). */
const REPLAY_SATURATED = 0.99;

/** The components at one sample of a simulation: busy share, queue, p99 and whether every instance is down. */
export function replayOverlay(report: DesignSimReport, at: number): Record<string, NodeOverlay> {
  const out: Record<string, NodeOverlay> = {};
  for (const c of report.components) {
    const u = c.series.utilization[at] ?? null;
    const instances = c.series.instances[at] ?? 1;
    out[c.nodeId] = { utilization: u, saturated: (u ?? 0) >= REPLAY_SATURATED && (c.series.queueLength[at] ?? 0) > 0, p99Ms: c.series.p99Ms[at] ?? null, stale: false, down: instances === 0 };
  }
  return out;
}

/** The components as the analysis solves them; a replica's busy share counts when it is the higher. */
export function analysisOverlay(analysis: Extract<Analysis, { ok: true }>, stale: boolean): Record<string, NodeOverlay> {
  const out: Record<string, NodeOverlay> = {};
  for (const c of Object.values(analysis.solution.components)) {
    const u = c.replicaUtilization === null ? c.utilization : Math.max(c.utilization ?? 0, c.replicaUtilization);
    out[c.nodeId] = { utilization: u, saturated: c.saturated, p99Ms: c.p99ResponseMs, p99Approximate: c.percentilesApproximate, stale };
  }
  return out;
}

/** Edge width by traffic, px: square root, so a 100x busier connection is 10x, not 100x, wider. */
export function edgeWidthsOf(analysis: Extract<Analysis, { ok: true }>): Record<string, number> {
  const rates = analysis.solution.edgeRps;
  const top = Math.max(1e-9, ...Object.values(rates));
  const out: Record<string, number> = {};
  for (const [id, rps] of Object.entries(rates)) out[id] = 1.25 + 5 * Math.sqrt(rps / top);
  return out;
}

export function useCanvasOverlay(overlayOn: boolean): { overlay: Record<string, NodeOverlay> | null; edgeWidths: Record<string, number> | null } {
  const { analysis, stale } = useRuns((s) => s.analysis);
  const last = useRuns((s) => s.lastSimulation);
  const replayAt = useRuns((s) => s.replayAt);
  const hidden = useScenarioStore((s) => figuresHidden(s.session));
  const overlay = useMemo(() => {
    // A replay is the learner's explicit choice: it shows whatever the overlay switch says.
    if (last && replayAt !== null) return replayOverlay(last.report, replayAt);
    if (!overlayOn || !analysis?.ok || hidden) return null;
    return analysisOverlay(analysis, stale);
  }, [last, replayAt, overlayOn, analysis, stale, hidden]);
  const edgeWidths = useMemo(() => (overlayOn && analysis?.ok ? edgeWidthsOf(analysis) : null), [overlayOn, analysis]);
  return { overlay, edgeWidths };
}

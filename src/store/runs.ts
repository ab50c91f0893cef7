// The one owner of engine runs in the UI: it makes every worker client (analysis engine, layout,
// simulator; each refuses a call when its worker dies), and holds what the runs give that more
// than one part of the screen shows: the latest analysis of the design on screen, the last
// simulation with the design it ran on, and the moment of it replayed on the canvas. Panels and
// the canvas read it; nothing of it travels through props.
import { create } from 'zustand';
import type { DesignSimReport } from '../engine/simulation/design-sim-types';
import type { Design } from '../model/types';
import type { Analysis } from '../workers/analysis';
import type { EngineWorkerApi } from '../workers/engine.worker';
import type { ImportWorkerApi } from '../workers/import.worker';
import type { LayoutWorkerApi } from '../workers/layout.worker';
import type { SimulationWorkerApi } from '../workers/simulation.worker';
import { workerClient, type WorkerClient } from '../workers/workerClient';

export type { WorkerClient };

let engine: WorkerClient<EngineWorkerApi> | null = null;
/** The analysis engine's worker, shared: its calls are quick and never cancelled. */
export function engineClient(): WorkerClient<EngineWorkerApi> {
  engine ??= workerClient<EngineWorkerApi>(() => new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module' }), 'The analysis engine');
  return engine;
}

let layout: WorkerClient<LayoutWorkerApi> | null = null;
/** The auto-layout worker, shared. */
export function layoutClient(): WorkerClient<LayoutWorkerApi> {
  layout ??= workerClient<LayoutWorkerApi>(() => new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' }), 'The auto-layout');
  return layout;
}

/** A worker for one import: stopping the import terminates it, so it serves that import only. */
export function importClient(): WorkerClient<ImportWorkerApi> {
  return workerClient<ImportWorkerApi>(() => new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' }), 'Reading the file');
}

/**
 * A simulator worker of one's own: each panel that runs the simulator (or each slot of a pool)
 * holds one, so cancelling a run (which terminates the worker) never stops another's run.
 */
export function simulationClient(): WorkerClient<SimulationWorkerApi> {
  return workerClient<SimulationWorkerApi>(() => new Worker(new URL('../workers/simulation.worker.ts', import.meta.url), { type: 'module' }), 'The simulator');
}

export interface AnalysisState {
  analysis: Analysis | null;
  /** True while the shown analysis is of an older design than the one on screen. */
  stale: boolean;
  error: string | null;
}

export interface LastSimulation {
  design: Design;
  report: DesignSimReport;
}

interface RunsState {
  analysis: AnalysisState;
  /** The last simulation the Results ▸ Simulation tab ran, and the design it ran on (a critique finding quotes it while the design is unchanged). */
  lastSimulation: LastSimulation | null;
  /** The sample of the last simulation shown on the canvas (an index into its series); null: the canvas shows the analysis. */
  replayAt: number | null;
  setAnalysis: (analysis: AnalysisState) => void;
  /** A new simulation result (or none); the replay stops. */
  setLastSimulation: (last: LastSimulation | null) => void;
  setReplayAt: (index: number | null) => void;
}

export const useRuns = create<RunsState>()((set) => ({
  analysis: { analysis: null, stale: true, error: null },
  lastSimulation: null,
  replayAt: null,
  setAnalysis: (analysis) => set({ analysis }),
  setLastSimulation: (lastSimulation) => set({ lastSimulation, replayAt: null }),
  setReplayAt: (replayAt) => set({ replayAt }),
}));

// The discrete-event simulator off the UI thread. A run can take seconds; progress comes back
// through a callback, and cancelling terminates this worker.
import * as Comlink from 'comlink';
import { simulateDesign, DesignSimError, type DesignSimOptions, type DesignSimReport } from '../engine/simulation';
import type { Design } from '../model/types';
import { gradeFixSimulated, type SimulatedFixGrade } from '../scenarios/fix-simulated';
import type { FixScenario } from '../scenarios/types';

export type SimulationOutcome = { ok: true; report: DesignSimReport; wallMs: number } | { ok: false; problems: string[] };

const problemsOf = (e: unknown) => (e instanceof DesignSimError ? e.problems : [e instanceof Error ? e.message : String(e)]);

const api = {
  run(design: Design, options: Omit<DesignSimOptions, 'onProgress'>, onProgress: (done: number) => void): SimulationOutcome {
    const start = performance.now();
    try {
      const report = simulateDesign(design, { ...options, onProgress });
      return { ok: true, report, wallMs: performance.now() - start };
    } catch (e) {
      return { ok: false, problems: problemsOf(e) };
    }
  },
  /** A fix scenario's simulated check (fixed seeds), with the first run's report for the charts. */
  gradeFix(scenario: FixScenario, design: Design, onProgress: (done: number) => void): SimulatedFixGrade {
    return gradeFixSimulated(scenario, design, { onProgress, keepReport: true });
  },
};

export type SimulationWorkerApi = typeof api;
Comlink.expose(api);

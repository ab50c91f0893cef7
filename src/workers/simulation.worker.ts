// The discrete-event simulator off the UI thread. A run can take seconds; progress comes back
// through a callback, and cancelling terminates this worker.
import * as Comlink from 'comlink';
import { simulateDesign, DesignSimError, type DesignSimOptions, type DesignSimReport } from '../engine/simulation';
import type { Design } from '../model/types';
import { planReplications, runReplication, type ReplicationResult } from '../scenarios/modes/fix/simulated';
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
  /**
   * Run k of a fix scenario's simulated check (seed k + 1 of `replications`), with the report for
   * the charts from the first. Several workers share the runs; the page combines them.
   */
  fixReplication(scenario: FixScenario, design: Design, replications: number, k: number, onProgress: (done: number) => void): ReplicationResult {
    const planned = planReplications(scenario, design, { replications });
    if (!planned.ok) return { ok: false, problems: planned.grade.problems };
    return runReplication(scenario, planned.plan, k, { onProgress, keepReport: k === 0 });
  },
};

export type SimulationWorkerApi = typeof api;
Comlink.expose(api);

// The discrete-event simulator off the UI thread. A run can take seconds; progress comes back
// through a callback, and cancelling terminates this worker.
import * as Comlink from 'comlink';
import { simulateDesign, DesignSimError, type DesignSimOptions, type DesignSimReport } from '../engine/simulation';
import type { Design } from '../model/types';

export type SimulationOutcome = { ok: true; report: DesignSimReport; wallMs: number } | { ok: false; problems: string[] };

const api = {
  run(design: Design, options: Omit<DesignSimOptions, 'onProgress'>, onProgress: (done: number) => void): SimulationOutcome {
    const start = performance.now();
    try {
      const report = simulateDesign(design, { ...options, onProgress });
      return { ok: true, report, wallMs: performance.now() - start };
    } catch (e) {
      if (e instanceof DesignSimError) return { ok: false, problems: e.problems };
      return { ok: false, problems: [e instanceof Error ? e.message : String(e)] };
    }
  },
};

export type SimulationWorkerApi = typeof api;
Comlink.expose(api);

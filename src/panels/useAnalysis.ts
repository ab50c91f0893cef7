// Keeps an analysis of the current design: re-solves in the worker after every edit, one solve
// at a time, always for the newest design. While a newer design waits, the shown result is stale.
import { useEffect, useRef, useState } from 'react';
import * as Comlink from 'comlink';
import type { Design } from '../model/types';
import type { Analysis } from '../workers/analysis';
import type { EngineWorkerApi } from '../workers/engine.worker';

export interface AnalysisState {
  analysis: Analysis | null;
  /** True while the shown analysis is of an older design than the one on screen. */
  stale: boolean;
  error: string | null;
}

let engine: Comlink.Remote<EngineWorkerApi> | null = null;
export function engineWorker(): Comlink.Remote<EngineWorkerApi> {
  engine ??= Comlink.wrap<EngineWorkerApi>(new Worker(new URL('../workers/engine.worker.ts', import.meta.url), { type: 'module' }));
  return engine;
}

export function useAnalysis(design: Design, clientRps: Record<string, number> | null): AnalysisState {
  const [state, setState] = useState<AnalysisState>({ analysis: null, stale: true, error: null });
  const inFlight = useRef(false);
  const next = useRef<{ design: Design; clientRps: Record<string, number> | null } | null>(null);

  useEffect(() => {
    next.current = { design, clientRps };
    setState((s) => (s.stale ? s : { ...s, stale: true }));
    const pump = async () => {
      if (inFlight.current) return;
      while (next.current) {
        const job = next.current;
        next.current = null;
        inFlight.current = true;
        try {
          const analysis = await engineWorker().analyse(job.clientRps ? { design: job.design, clientRps: job.clientRps } : { design: job.design });
          setState({ analysis, stale: next.current !== null, error: null });
        } catch (e) {
          setState((s) => ({ ...s, stale: false, error: e instanceof Error ? e.message : String(e) }));
        } finally {
          inFlight.current = false;
        }
      }
    };
    void pump();
  }, [design, clientRps]);

  return state;
}

// Keeps an analysis of the current design in the runs store: re-solves in the worker after every
// edit, one solve at a time, always for the newest design. While a newer design waits, the shown
// result is stale.
import { useEffect, useRef } from 'react';
import type { Design } from '../model/types';
import type { Analysis } from '../workers/analysis';
import { engineClient, useRuns, type AnalysisState } from '../store/runs';

export type { AnalysisState };

/** monthlyRequestScale: an open scenario's month, so its bill is the one its grading uses (scenarios/month.ts). */
export function useAnalysis(design: Design, clientRps: Record<string, number> | null, monthlyRequestScale?: number): AnalysisState {
  const inFlight = useRef(false);
  const next = useRef<{ design: Design; clientRps: Record<string, number> | null } | null>(null);

  useEffect(() => {
    const { setAnalysis } = useRuns.getState();
    const current = () => useRuns.getState().analysis;
    next.current = { design, clientRps };
    if (!current().stale) setAnalysis({ ...current(), stale: true });
    const pump = async () => {
      if (inFlight.current) return;
      while (next.current) {
        const job = next.current;
        next.current = null;
        inFlight.current = true;
        try {
          const request = { design: job.design, ...(job.clientRps ? { clientRps: job.clientRps } : {}), ...(monthlyRequestScale !== undefined ? { monthlyRequestScale } : {}) };
          const analysis = await engineClient().call<Analysis>((w) => w.analyse(request));
          setAnalysis({ analysis, stale: next.current !== null, error: null });
        } catch (e) {
          setAnalysis({ ...current(), stale: false, error: e instanceof Error ? e.message : String(e) });
        } finally {
          inFlight.current = false;
        }
      }
    };
    void pump();
  }, [design, clientRps, monthlyRequestScale]);

  return useRuns((s) => s.analysis);
}

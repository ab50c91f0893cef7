// Keeps an analysis of the current design in the runs store: re-solves in the worker after every
// edit, one solve at a time, always for the newest design. While a newer design waits, the shown
// result is stale.
import { useEffect, useRef } from 'react';
import type { Design } from '../model/types';
import type { Analysis } from '../workers/analysis';
import { engineClient, useRuns, type AnalysisState } from '../store/runs';

export type { AnalysisState };

export function useAnalysis(design: Design, clientRps: Record<string, number> | null): AnalysisState {
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
          const request = job.clientRps ? { design: job.design, clientRps: job.clientRps } : { design: job.design };
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
  }, [design, clientRps]);

  return useRuns((s) => s.analysis);
}

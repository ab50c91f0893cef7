// A long run in a worker, one at a time: its progress while it runs, and answers only from the
// newest run (a cancelled or superseded run's progress and result are dropped).
import { useCallback, useRef, useState } from 'react';

export interface RunHandle {
  /** Still the newest run: its result may be shown. */
  current: () => boolean;
  /** Share done, 0..1. */
  progress: (done: number) => void;
  /** The run is over (finished or failed). */
  finish: () => void;
}

export function useRunProgress(): { progress: number | null; start: () => RunHandle; cancel: (stop: () => void) => void } {
  const [progress, setProgress] = useState<number | null>(null);
  const runId = useRef(0);
  const start = useCallback((): RunHandle => {
    const mine = ++runId.current;
    setProgress(0);
    const current = () => mine === runId.current;
    return {
      current,
      progress: (done) => {
        if (current()) setProgress(done);
      },
      finish: () => {
        if (current()) setProgress(null);
      },
    };
  }, []);
  const cancel = useCallback((stop: () => void) => {
    runId.current++;
    stop();
    setProgress(null);
  }, []);
  return { progress, start, cancel };
}

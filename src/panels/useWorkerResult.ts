// Runs an async computation (usually a worker call) whenever its inputs change and keeps the
// result of the newest run; answers to older runs that arrive late are dropped.
import { useEffect, useRef, useState } from 'react';

export function useWorkerResult<T>(run: () => Promise<T>, deps: readonly unknown[]): { value: T | null; pending: boolean; error: string | null } {
  const [state, setState] = useState<{ value: T | null; pending: boolean; error: string | null }>({ value: null, pending: true, error: null });
  const generation = useRef(0);
  useEffect(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, pending: true }));
    run().then(
      (value) => mine === generation.current && setState({ value, pending: false, error: null }),
      (e: unknown) => mine === generation.current && setState((s) => ({ ...s, pending: false, error: e instanceof Error ? e.message : String(e) })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `run` reads
  }, deps);
  return state;
}

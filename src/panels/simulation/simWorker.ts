// A simulation worker of one's own: each panel that runs the simulator holds one, so cancelling
// a run (which terminates the worker) never stops another panel's run.
import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker';

export interface SimWorkerHandle {
  /** The worker's API, started on first use. */
  remote: () => Comlink.Remote<SimulationWorkerApi>;
  /** Stops any run at once; the next call to remote() starts a fresh worker. */
  cancel: () => void;
}

export function simWorkerHandle(): SimWorkerHandle {
  let worker: Worker | null = null;
  let remote: Comlink.Remote<SimulationWorkerApi> | null = null;
  return {
    remote() {
      if (!remote) {
        worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
        remote = Comlink.wrap<SimulationWorkerApi>(worker);
      }
      return remote;
    },
    cancel() {
      worker?.terminate();
      worker = null;
      remote = null;
    },
  };
}

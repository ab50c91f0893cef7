// A simulation worker of one's own: each panel that runs the simulator holds one, so cancelling
// a run (which terminates the worker) never stops another panel's run.
import * as Comlink from 'comlink';
import type { SimulationWorkerApi } from '../../workers/simulation.worker';

export interface SimWorkerHandle {
  /**
   * Calls the worker's API (the worker starts on first use). The promise settles even when the
   * worker cannot load or dies mid-run: it is refused with a sentence that says so, never left
   * pending with the panel waiting for ever.
   */
  call: <T>(work: (remote: Comlink.Remote<SimulationWorkerApi>) => Promise<T>) => Promise<T>;
  /** Stops any run at once; the next call starts a fresh worker. */
  cancel: () => void;
}

interface Started {
  worker: Worker;
  remote: Comlink.Remote<SimulationWorkerApi>;
  /** Refused when the worker reports an error it did not catch (a script that failed to load, memory). */
  died: Promise<never>;
  dead: boolean;
}

function start(): Started {
  const worker = new Worker(new URL('../../workers/simulation.worker.ts', import.meta.url), { type: 'module' });
  const started = { worker } as Started;
  started.dead = false;
  started.died = new Promise<never>((_, reject) => {
    const stop = (detail: string) => {
      started.dead = true;
      reject(new Error(`The simulator stopped unexpectedly (${detail}). Run it again; if this keeps happening, reload the page.`));
    };
    worker.addEventListener('error', (e) => stop(e.message || 'it could not start'));
    worker.addEventListener('messageerror', () => stop('a message could not be read'));
  });
  started.died.catch(() => undefined); // a worker that dies while idle is not an unhandled rejection
  started.remote = Comlink.wrap<SimulationWorkerApi>(worker);
  return started;
}

export function simWorkerHandle(): SimWorkerHandle {
  let started: Started | null = null;
  return {
    call(work) {
      const mine = (started ??= start());
      return Promise.race([work(mine.remote), mine.died]).catch((e: unknown) => {
        // A dead worker is dropped, so the next run starts a fresh one.
        if (mine.dead && started === mine) {
          mine.worker.terminate();
          started = null;
        }
        throw e;
      });
    },
    cancel() {
      started?.worker.terminate();
      started = null;
    },
  };
}

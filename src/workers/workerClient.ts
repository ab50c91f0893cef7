// A client of one worker: it starts on first use, and a call settles even when the worker cannot
// load or dies mid-run, refused with a sentence that says so, never left pending with the panel
// waiting for ever. Every worker of the app (analysis engine, simulator, layout) is reached
// through one; src/store/runs.ts makes them.
import * as Comlink from 'comlink';

export interface WorkerClient<Api> {
  /** Calls the worker's API (the worker starts on first use); refused when the worker dies. */
  call: <T>(work: (remote: Comlink.Remote<Api>) => Promise<T>) => Promise<T>;
  /** Stops any call at once; the next call starts a fresh worker. */
  cancel: () => void;
}

interface Started<Api> {
  worker: Worker;
  remote: Comlink.Remote<Api>;
  /** Refused when the worker reports an error it did not catch (a script that failed to load, memory). */
  died: Promise<never>;
  dead: boolean;
}

function start<Api>(create: () => Worker, what: string): Started<Api> {
  const worker = create();
  const started = { worker } as Started<Api>;
  started.dead = false;
  started.died = new Promise<never>((_, reject) => {
    const stop = (detail: string) => {
      started.dead = true;
      reject(new Error(`${what} stopped unexpectedly (${detail}). Run it again; if this keeps happening, reload the page.`));
    };
    worker.addEventListener('error', (e) => stop(e.message || 'it could not start'));
    worker.addEventListener('messageerror', () => stop('a message could not be read'));
  });
  started.died.catch(() => undefined); // a worker that dies while idle is not an unhandled rejection
  started.remote = Comlink.wrap<Api>(worker);
  return started;
}

/** what: the worker in the learner's words, starting a sentence ("The simulator"). */
export function workerClient<Api>(create: () => Worker, what: string): WorkerClient<Api> {
  let started: Started<Api> | null = null;
  return {
    call(work) {
      const mine = (started ??= start<Api>(create, what));
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

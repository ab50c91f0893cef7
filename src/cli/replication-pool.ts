// `scenario check --simulate` spreads the fix scenarios' simulated runs over worker threads, one
// per core, longest first: one after the other they kept one core busy for over a minute in
// `npm test` while the other had finished its steps. Each worker is this CLI's own file started
// again (under tsx with its loader registered first); it runs the jobs it is sent
// (runReplicationJob) and answers with their results, which are combined in seed order as before.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { runReplicationJob, type ReplicationJob, type ReplicationRunner } from '../scenarios';
import type { ReplicationResult } from '../scenarios/modes/fix/sim-types';

interface JobMessage {
  i: number;
  job: ReplicationJob;
}

type AnswerMessage = { i: number; result: ReplicationResult } | { i: number; error: string };

/**
 * How to start this CLI again as a worker: its file, and under tsx the loader tsx started it with
 * (`--import`), imported first so the worker can read TypeScript. Null when it cannot be told.
 */
function workerStarter(): (() => Worker) | null {
  const file = process.argv[1];
  if (file === undefined) return null;
  if (!/\.[cm]?tsx?$/.test(file)) return () => new Worker(file);
  const at = process.execArgv.indexOf('--import');
  const loader = at >= 0 ? process.execArgv[at + 1] : undefined;
  if (loader === undefined) return null;
  // tsx's loader registers itself on the main thread only; its API registers it on this one.
  const api = new URL('./esm/api/index.mjs', loader).href;
  const code = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
  return () => new Worker(code, { eval: true });
}

/** Runs jobs on up to `size` worker threads (default: one per core), each taking the next job as it finishes one. */
export function replicationPool(size = availableParallelism()): ReplicationRunner {
  const startWorker = workerStarter();
  // Started some other way (no file, or TypeScript without tsx's loader): the same runs, one after the other.
  if (startWorker === null) return (jobs) => Promise.resolve(jobs.map(runReplicationJob));
  return (jobs) =>
    new Promise((resolve, reject) => {
      const results: ReplicationResult[] = new Array<ReplicationResult>(jobs.length);
      if (jobs.length === 0) {
        resolve(results);
        return;
      }
      let next = 0;
      let done = 0;
      const workers = Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, startWorker);
      const stop = () => workers.forEach((w) => void w.terminate());
      const give = (w: Worker) => {
        if (next >= jobs.length) return;
        w.postMessage({ i: next, job: jobs[next]! } satisfies JobMessage);
        next++;
      };
      for (const w of workers) {
        w.on('message', (m: AnswerMessage) => {
          if ('error' in m) {
            stop();
            reject(new Error(m.error));
            return;
          }
          results[m.i] = m.result;
          done++;
          if (done === jobs.length) {
            stop();
            resolve(results);
          } else give(w);
        });
        w.on('error', (e) => {
          stop();
          reject(e);
        });
        give(w);
      }
    });
}

/** In a worker thread: runs each job it is sent and answers with its result (or why it could not). */
export function serveReplications(): void {
  const port = parentPort!;
  port.on('message', ({ i, job }: JobMessage) => {
    try {
      port.postMessage({ i, result: runReplicationJob(job) } satisfies AnswerMessage);
    } catch (e) {
      port.postMessage({ i, error: e instanceof Error ? e.message : String(e) } satisfies AnswerMessage);
    }
  });
}

// A fix scenario's simulated grade with its runs spread over a few workers. Runs are
// independent, so on a 2-core laptop the check takes half as long, on 8 cores a quarter; they are
// combined in seed order, so the verdict is the same as one worker's.
import * as Comlink from 'comlink';
import type { Design } from '../../model/types';
import { combineReplications, planReplications, DEFAULT_REPLICATIONS, type FixScenario, type ReplicationResult, type SimulatedFixGrade } from '../../scenarios';
import { simulationClient, type WorkerClient } from '../../store/runs';
import type { SimulationWorkerApi } from '../../workers/simulation.worker';

/** One worker at least; four at most (five runs, and the page stays responsive). */
export const POOL_SIZE = Math.max(1, Math.min(4, typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 2));

export interface SimPool {
  /** The grade of the design; onProgress gets the share of all runs done, rising. */
  grade: (scenario: FixScenario, design: Design, onProgress: (done: number) => void) => Promise<SimulatedFixGrade>;
  /** Stops every run at once (the pending grade never settles; ignore it). */
  cancel: () => void;
}

export function simPool(): SimPool {
  const workers: WorkerClient<SimulationWorkerApi>[] = Array.from({ length: POOL_SIZE }, () => simulationClient());
  return {
    async grade(scenario, design, onProgress) {
      const planned = planReplications(scenario, design, { replications: DEFAULT_REPLICATIONS });
      if (!planned.ok) return planned.grade;
      const { plan } = planned;
      const n = plan.seeds.length;
      const done = new Array<number>(n).fill(0);
      const results = new Array<ReplicationResult>(n);
      const tell = () => onProgress(done.reduce((a, b) => a + b, 0) / n);
      let next = 0;
      await Promise.all(
        workers.slice(0, Math.min(workers.length, n)).map(async (worker) => {
          while (next < n) {
            const k = next++;
            const progress = (share: number) => {
              done[k] = share;
              tell();
            };
            results[k] = await worker.call<ReplicationResult>((w) => w.fixReplication(scenario, design, n, k, Comlink.proxy(progress)));
            progress(1);
          }
        }),
      );
      return combineReplications(scenario, design, plan, results);
    },
    cancel() {
      for (const worker of workers) worker.cancel();
    },
  };
}

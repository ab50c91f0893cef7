// The runs store owns every worker client and the replayed moment: a worker that dies refuses the
// call in words (never a panel waiting for ever), the next call starts a fresh worker, and a new
// simulation result ends the replay.
import { describe, expect, it } from 'vitest';
import { workerClient } from '../../src/workers/workerClient';
import { useRuns } from '../../src/store/runs';
import { replayOverlay } from '../../src/canvas/overlay';
import type { DesignSimReport } from '../../src/engine/simulation/design-sim-types';
import type { Design } from '../../src/model/types';

/** A worker that never answers, and can be made to fail as a browser worker does. */
class SilentWorker extends EventTarget {
  terminated = false;
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
  start() {}
  die(message: string) {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

describe('a worker client', () => {
  it('refuses a pending call when its worker dies, and starts a fresh worker for the next', async () => {
    const made: SilentWorker[] = [];
    const client = workerClient<{ run: () => Promise<number> }>(() => {
      const w = new SilentWorker();
      made.push(w);
      return w as unknown as Worker;
    }, 'The simulator');
    const pending = client.call((remote) => remote.run());
    made[0]!.die('out of memory');
    await expect(pending).rejects.toThrow('The simulator stopped unexpectedly (out of memory). Run it again');
    expect(made[0]!.terminated).toBe(true);
    const next = client.call((remote) => remote.run());
    expect(made).toHaveLength(2);
    made[1]!.die('');
    await expect(next).rejects.toThrow('(it could not start)');
  });

  it('cancel stops the worker; a worker that dies idle refuses nothing', async () => {
    const made: SilentWorker[] = [];
    const client = workerClient<{ run: () => Promise<number> }>(() => {
      const w = new SilentWorker();
      made.push(w);
      return w as unknown as Worker;
    }, 'The auto-layout');
    void client.call((remote) => remote.run()).catch(() => undefined);
    client.cancel();
    expect(made[0]!.terminated).toBe(true);
  });
});

describe('the runs store', () => {
  const report = {
    components: [
      { nodeId: 'api', series: { utilization: [0.2, 1], instances: [2, 2], queueLength: [0, 5], p99Ms: [10, 900] } },
      { nodeId: 'db', series: { utilization: [0.1, 0], instances: [1, 0], queueLength: [0, 0], p99Ms: [3, 0] } },
    ],
  } as unknown as DesignSimReport;

  it('shows a moment of the last simulation on the canvas until a new result arrives', () => {
    const design = { id: 'd' } as Design;
    useRuns.getState().setLastSimulation({ design, report });
    useRuns.getState().setReplayAt(1);
    expect(useRuns.getState().replayAt).toBe(1);
    const moment = replayOverlay(useRuns.getState().lastSimulation!.report, useRuns.getState().replayAt!);
    expect(moment['api']).toMatchObject({ utilization: 1, saturated: true, p99Ms: 900, down: false });
    expect(moment['db']).toMatchObject({ down: true, saturated: false });
    expect(replayOverlay(report, 0)['api']).toMatchObject({ saturated: false, down: false });
    useRuns.getState().setLastSimulation(null);
    expect(useRuns.getState().replayAt).toBeNull();
  });
});

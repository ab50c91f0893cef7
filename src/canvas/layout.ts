// Auto-layout with elkjs in the layout worker (src/store/runs.ts); what is tried and what is kept
// is src/model/layout-graph.ts's layOut.
import { layoutClient } from '../store/runs';
import { layOut } from '../model/layout-graph';
import type { Design } from '../model/types';

let warm: Promise<void> | null = null;
let ready = false;

/**
 * Starts the layout worker and has it load elkjs (about 1.5 MB of script) ahead of the first
 * Auto-layout, e.g. when the pointer reaches the button, so that press does not wait for it.
 * Settles when elkjs is ready; refused (and tried afresh next time) when the worker fails.
 */
export function warmUpLayout(): Promise<void> {
  warm ??= layoutClient()
    .call((w) => w.layout({ id: 'warm-up', children: [] }))
    .then(
      () => {
        ready = true;
      },
      (e: unknown) => {
        warm = null;
        throw e;
      },
    );
  return warm;
}

/** The design laid out for a canvas of this size (px); onStage hears each step, loading the engine (first use only) included. */
export async function autoLayout(design: Design, canvas: { width: number; height: number }, onStage: (stage: string) => void): ReturnType<typeof layOut> {
  try {
    if (!ready) onStage('Loading the layout engine…');
    await warmUpLayout();
    return await layOut(design, canvas, (graph) => layoutClient().call((w) => w.layout(graph)), onStage);
  } catch (e) {
    // A worker that died is replaced on the next call, and that one has to load elkjs again.
    ready = false;
    warm = null;
    throw e;
  }
}

/** Stops the layout under way at once: the worker is ended (its answer never comes) and the next layout starts a fresh one. */
export function stopLayout(): void {
  layoutClient().cancel();
  ready = false;
  warm = null;
}

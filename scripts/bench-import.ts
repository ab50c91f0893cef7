// Browser benchmark: importing a 5,000-component, 8,000-connection design into the production build
// in Chromium, as a learner would (Import, then zoom to 100%; then fit and zoom to 100% again, five
// zooms in all). Long tasks are the browser's own (PerformanceObserver 'longtask': main-thread work
// over 50 ms, during which the page cannot answer input); what a learner feels as a freeze is the
// longest of them. Its wall-clock length grows with the machine's load, so each zoom's longest task
// is also given in CPU ms of the page's main thread, read from a Chromium trace.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { withAppInChromium } from './bench-browser';
import { generateDesign } from '../src/model/generate';
import { serializeDesign } from '../src/model/file';

const PORT = Number(process.env.BENCH_PORT ?? 4178);
/** Components and connections: the size the issue found freezing the page for 8.9 s. */
const SIZE = { nodes: 5000, edges: 8000 };
/** ms to keep recording after a step looks done, for work it sets off (a fit, a re-render). */
const SETTLE_MS = 2000;
/** Zooms to 100% from the fitted view: the longest task of one swings with the machine's load, the median of a few less. */
const ZOOMS = 5;

type LongTask = { start: number; ms: number };
const now = (page: Page) => page.evaluate('performance.now()') as Promise<number>;
const longTasksSince = async (page: Page, from: number) => ((await page.evaluate('window.__longTasks')) as LongTask[]).filter((t) => t.start >= from);
const longest = (tasks: LongTask[]) => Math.max(0, ...tasks.map((t) => t.ms));
const total = (tasks: LongTask[]) => tasks.reduce((sum, t) => sum + t.ms, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type TraceEvent = { name: string; ph: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } };
/**
 * CPU ms of the page's longest main-thread task in a Chromium trace: its thread time, which other
 * programs on a busy machine do not stretch as they stretch its wall-clock length.
 */
function longestTaskCpuMs(traceJson: string): number {
  const trace = JSON.parse(traceJson) as { traceEvents: TraceEvent[] };
  const main = new Set(trace.traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let most = 0;
  for (const e of trace.traceEvents) {
    if (e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`) && (e.tdur ?? 0) > most) most = e.tdur!;
  }
  return most / 1000;
}

export async function benchImport(): Promise<Record<string, number>> {
  const file = join(mkdtempSync(join(tmpdir(), 'archlab-bench-')), 'big.archlab.json');
  writeFileSync(file, serializeDesign(generateDesign({ ...SIZE, seed: 42 })));
  return withAppInChromium(PORT, async (page) => {
    // Passed as source text: tsx would otherwise wrap the function in helpers the page does not have.
    await page.evaluate(`(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask' });
    })()`);
    const chosen = await now(page);
    await page.getByTestId('import-input').setInputFiles(file);
    await page.locator('.toast').filter({ hasText: 'Imported' }).waitFor({ timeout: 300_000 });
    const shown = await now(page);
    await page.waitForTimeout(SETTLE_MS);
    const imported = await longTasksSince(page, chosen);
    const fitCards = await page.locator('.react-flow__node-component').count();

    // Zoom in, fit, zoom in again: each zoom-in leaves the overview and draws the cards and connections in view.
    const zoomLongest: number[] = [];
    const zoomLongestCpu: number[] = [];
    for (let i = 0; i < ZOOMS; i++) {
      if (i > 0) {
        await page.getByRole('button', { name: 'Fit diagram to screen' }).click();
        await page.getByTestId('overview-note').waitFor({ state: 'attached', timeout: 300_000 });
        await page.waitForTimeout(SETTLE_MS);
      }
      const browser = page.context().browser()!;
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      const zoom = await now(page);
      await page.getByTestId('zoom-percent').click();
      await page.getByTestId('overview-note').waitFor({ state: 'detached', timeout: 300_000 });
      await page.waitForTimeout(SETTLE_MS);
      zoomLongest.push(longest(await longTasksSince(page, zoom)));
      zoomLongestCpu.push(longestTaskCpuMs((await browser.stopTracing()).toString()));
    }
    return {
      bigImportComponents: SIZE.nodes,
      bigImportShownMs: shown - chosen,
      bigImportLongestTaskMs: longest(imported),
      bigImportLongTasksMs: total(imported),
      bigImportFitLiveCards: fitCards,
      bigZoom100LongestTaskMs: zoomLongest[0]!,
      bigZoom100LongestTaskMsMedian: median(zoomLongest),
      bigZoom100LongestTaskMsMax: Math.max(...zoomLongest),
      bigZoom100LongestTaskCpuMsMedian: median(zoomLongestCpu),
      bigZoom100LongestTaskCpuMsMax: Math.max(...zoomLongestCpu),
      bigZoom100LiveCards: await page.locator('.react-flow__node-component').count(),
      bigZoom100LiveConnections: await page.locator('.react-flow__edge').count(),
    };
  });
}

if (process.argv[1]?.endsWith('bench-import.ts')) {
  benchImport().then((r) => console.log(JSON.stringify(r, null, 2)));
}

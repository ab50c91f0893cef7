// Browser benchmark: a 500-component, 800-connection design in the production build, in Chromium.
// Frame times are measured in the page with requestAnimationFrame while the canvas is panned and
// while a component is dragged. Frame time = gap between consecutive animation frames (ms).
// Medians sit at the display's frame cap (16.7 ms) and say little; what a learner feels is the
// stutter, counted as frames over 50 ms (three frames missed at 60 Hz) during each scripted gesture.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { withAppInChromium } from './bench-browser';
import { generateDesign } from '../src/model/generate';
import { serializeDesign } from '../src/model/file';

const PORT = Number(process.env.BENCH_PORT ?? 4179);
/** A frame this long (ms) is a visible stutter: three missed frames at 60 Hz. */
const SLOW_FRAME_MS = 50;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

async function recordFrames(page: Page, act: () => Promise<void>) {
  // Passed as source text: tsx would otherwise wrap the function in helpers the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
  })()`);
  await act();
  const frames = (await page.evaluate('(() => { window.__recording = false; return window.__frames; })()')) as number[];
  const sorted = frames.slice(2).sort((a, b) => a - b); // the first frames include setup
  const slow = sorted.filter((ms) => ms > SLOW_FRAME_MS).length;
  return { frames: sorted.length, slow, medianMs: +quantile(sorted, 0.5).toFixed(2), p95Ms: +quantile(sorted, 0.95).toFixed(2) };
}

export async function benchCanvas(): Promise<Record<string, number>> {
  return withAppInChromium(PORT, async (page) => {
    const dir = mkdtempSync(join(tmpdir(), 'archlab-bench-'));
    const file = join(dir, 'big.archlab.json');
    writeFileSync(file, serializeDesign(generateDesign({ nodes: 500, edges: 800, seed: 42 })));
    await page.getByTestId('import-input').setInputFiles(file);
    await page.locator('.toast').filter({ hasText: 'Imported' }).waitFor();
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    const panAndDrag = async () => {
      const pan = await recordFrames(page, async () => {
        await page.mouse.move(cx, cy + 300);
        await page.mouse.down();
        for (let i = 0; i < 120; i++) {
          await page.mouse.move(cx + Math.sin(i / 10) * 300, cy + 300 - i * 2);
          await page.waitForTimeout(8);
        }
        await page.mouse.up();
      });
      // A component near the middle of the canvas, so the drag stays on screen.
      const node = (await page.evaluate(`(() => {
        const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
        const mx = pane.left + pane.width / 2, my = pane.top + pane.height / 2;
        let best = null, bestD = Infinity;
        for (const el of document.querySelectorAll('.react-flow__node-component')) {
          const r = el.getBoundingClientRect();
          const d = Math.hypot(r.left + r.width / 2 - mx, r.top + r.height / 2 - my);
          if (d < bestD) { bestD = d; best = { x: r.left, y: r.top, width: r.width, height: r.height }; }
        }
        return best;
      })()`)) as { x: number; y: number; width: number; height: number };
      const drag = await recordFrames(page, async () => {
        await page.mouse.move(node.x + node.width / 2, node.y + 4);
        await page.mouse.down();
        for (let i = 0; i < 120; i++) {
          await page.mouse.move(node.x + node.width / 2 + i * 3, node.y + 4 + Math.sin(i / 8) * 60);
          await page.waitForTimeout(8);
        }
        await page.mouse.up();
      });
      return { pan, drag };
    };
    // Worst case: the whole design fitted on screen, so all 500 components and 800 connections are drawn.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('f');
    await page.waitForTimeout(1000);
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });
    const all = await panAndDrag();
    const renderedAll = await page.locator('.react-flow__node-component').count();
    // Working zoom (about 100%, centred on the design): only what is on screen is drawn.
    await page.keyboard.press('f');
    await page.waitForTimeout(500);
    for (let i = 0; i < 10; i++) await page.locator('.react-flow__controls-zoomin').click();
    await page.waitForTimeout(500);
    const near = await panAndDrag();
    return {
      canvasNodes: 500,
      canvasEdges: 800,
      canvasFitAllRenderedNodes: renderedAll,
      canvasFitAllPanFrames: all.pan.frames,
      canvasFitAllPanFramesOver50Ms: all.pan.slow,
      canvasFitAllDragFrames: all.drag.frames,
      canvasFitAllDragFramesOver50Ms: all.drag.slow,
      canvasZoom100PanFrames: near.pan.frames,
      canvasZoom100PanFramesOver50Ms: near.pan.slow,
      canvasZoom100DragFrames: near.drag.frames,
      canvasZoom100DragFramesOver50Ms: near.drag.slow,
      canvasFitAllPanFrameMsMedian: all.pan.medianMs,
      canvasFitAllPanFrameMsP95: all.pan.p95Ms,
      canvasFitAllDragFrameMsMedian: all.drag.medianMs,
      canvasFitAllDragFrameMsP95: all.drag.p95Ms,
      canvasZoom100PanFrameMsMedian: near.pan.medianMs,
      canvasZoom100PanFrameMsP95: near.pan.p95Ms,
      canvasZoom100DragFrameMsMedian: near.drag.medianMs,
      canvasZoom100DragFrameMsP95: near.drag.p95Ms,
    };
  });
}

if (process.argv[1]?.endsWith('bench-canvas.ts')) {
  benchCanvas().then((r) => console.log(JSON.stringify(r, null, 2)));
}

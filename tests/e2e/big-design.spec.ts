// A design of thousands of components opens without freezing the page: the file is read in a worker
// (with progress and Stop, and the page answering clicks meanwhile), a view with too much in it is
// drawn as one picture instead of thousands of live cards, and zooming in brings the live cards back.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { generateDesign } from '../../src/model/generate';
import { serializeDesign } from '../../src/model/file';
import { CARD_HANDLE_BOXES } from '../../src/model/card';

/** Components and connections of the design imported: the size the issue found freezing the page for 8.9 s. */
const BIG = { nodes: 5000, edges: 8000 };

function bigFile(path: string): string {
  writeFileSync(path, serializeDesign({ ...generateDesign({ ...BIG, seed: 42 }), name: 'Five thousand' }));
  return path;
}

/** Holds the import worker's script until `release` is called, so the import is certainly still under way. */
async function holdImportWorker(page: Page): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*import.worker*', async (route) => {
    await released;
    await route.continue().catch(() => undefined);
  });
  return async () => {
    release();
    await page.unroute('**/*import.worker*');
  };
}

/** Counts calls of getBBox, the measuring of an SVG element that makes the browser lay the page out there and then (window.__bboxCalls). */
async function countTextMeasuring(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __bboxCalls: number };
    w.__bboxCalls = 0;
    const measure = SVGGraphicsElement.prototype.getBBox;
    SVGGraphicsElement.prototype.getBBox = function (this: SVGGraphicsElement, options?: SVGBoundingBoxOptions) {
      w.__bboxCalls++;
      return measure.call(this, options);
    };
  });
}
const bboxCalls = (page: Page) => page.evaluate(() => (window as unknown as { __bboxCalls: number }).__bboxCalls);

test('a 5,000-component file opens in a worker while the page answers clicks, drawn as a picture until zoomed in', async ({ page }, testInfo) => {
  await countTextMeasuring(page);
  await openApp(page);
  const file = bigFile(testInfo.outputPath('big.archlab.json'));
  const release = await holdImportWorker(page);
  await page.getByTestId('import-input').setInputFiles(file);
  // Under way: it says so, with a Stop button, and the page still answers a click.
  const busy = page.locator('.busy');
  await expect(busy).toContainText('Opening “big.archlab.json”');
  await expect(busy.getByRole('button', { name: 'Stop' })).toBeVisible();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(busy).toBeVisible(); // the click was answered while the file was still being read
  await release();

  await expect(page.locator('.toast')).toContainText('Imported “Five thousand”', { timeout: 60_000 });
  await expect(busy).toHaveCount(0);
  // Fitted on screen, the design is one picture: no live cards or connections (1,363 cards and 5,049 connections were mounted before).
  await expect(page.getByTestId('overview-note')).toContainText('5,000 components are drawn as a picture');
  await expect(page.getByTestId('design-overview')).toBeVisible();
  await expect(page.locator('.react-flow__node-component')).toHaveCount(0);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('overview.png') });

  // At 100% the cards in view are live again: few enough to draw, and they can be selected.
  const measuredBefore = await bboxCalls(page);
  await page.getByTestId('zoom-percent').click();
  await expect(page.getByTestId('overview-note')).toHaveCount(0, { timeout: 30_000 });
  const cards = page.locator('.react-flow__node-component');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeLessThan(200);
  // Only connections with an end near the view are live (1,885 cross the view at 100% otherwise).
  expect(await page.locator('.react-flow__edge').count()).toBeLessThan(1000);
  // Their labels are drawn at a size worked out from their words, not measured in the page (React
  // Flow's labels measured each one, then drew it again: 245 forced measurements on this zoom).
  const labels = page.locator('.react-flow__edge-textwrapper');
  await expect(labels.first()).toBeVisible();
  expect(await labels.count()).toBeGreaterThan(20);
  expect(await bboxCalls(page)).toBe(measuredBefore);
  // The worked-out box holds its words (measured here, once the zoom is over).
  const fits = await labels.evaluateAll((gs) => gs.map((g) => g.querySelector('rect')!.getBBox().width - g.querySelector('text')!.getBBox().width));
  expect(Math.min(...fits)).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('zoom100.png') });
  const label = (await cards.nth(3).getAttribute('aria-label'))!;
  await cards.nth(3).click({ force: true }); // the mini map is gone for a design this big; the card may sit under the controls
  await expect(page.locator('.react-flow__node-component.selected')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-component.selected')).toHaveAttribute('aria-label', label);
});

test('Stop ends an import under way and leaves the design on screen as it was', async ({ page }, testInfo) => {
  await openApp(page);
  const before = await page.getByLabel('Design name').inputValue();
  const file = bigFile(testInfo.outputPath('big.archlab.json'));
  const release = await holdImportWorker(page);
  await page.getByTestId('import-input').setInputFiles(file);
  await page.locator('.busy').getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('.toast')).toContainText('Stopped opening “big.archlab.json”. Your current design has not been changed.');
  await expect(page.locator('.busy')).toHaveCount(0);
  await release();
  await expect(page.getByLabel('Design name')).toHaveValue(before);
  await expect(page.locator('.react-flow__node-component')).not.toHaveCount(0);
  await expect(page.getByTestId('overview-note')).toHaveCount(0);
});

test('the connection dots React Flow is told of are where the browser draws them', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('zoom-percent').click();
  await expect(page.getByTestId('zoom-percent')).toHaveText('100%');
  const boxes = await page.locator('.react-flow__node-component').evaluateAll((cards) =>
    cards.map((card) => {
      const c = card.getBoundingClientRect();
      const box = (side: string) => {
        const r = card.querySelector(`.react-flow__handle-${side}`)!.getBoundingClientRect();
        return { x: r.left - c.left, y: r.top - c.top, width: r.width, height: r.height };
      };
      return { top: box('top'), right: box('right'), bottom: box('bottom'), left: box('left') };
    }),
  );
  expect(boxes.length).toBeGreaterThan(3);
  // To a tenth of a pixel: React Flow would measure them the same way.
  for (const b of boxes) {
    for (const side of ['top', 'right', 'bottom', 'left'] as const) {
      for (const k of ['x', 'y', 'width', 'height'] as const) expect(b[side][k], `${side} ${k}`).toBeCloseTo(CARD_HANDLE_BOXES[side][k], 1);
    }
  }
});

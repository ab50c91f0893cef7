import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { clickPane, nodeCount, openApp, waitSaved } from './helpers';

test('opens with the example design on the canvas', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('node-api')).toContainText('Photo API');
  expect(await nodeCount(page)).toBe(9);
  await page.screenshot({ path: 'test-results/screens/01-example.png' });
});

test('drag a component from the palette, connect it, edit a parameter, undo and redo', async ({ page }) => {
  await openApp(page);
  const before = await nodeCount(page);
  const pane = page.locator('.react-flow__pane');
  await page.locator('.palette-item[data-kind="search"]').dragTo(pane, { targetPosition: { x: 200, y: 120 } });
  await expect(page.locator('.react-flow__node-component')).toHaveCount(before + 1);
  const added = page.locator('.component-node[data-kind="search"]');
  await expect(added).toContainText('Search index');

  // Connect the Photo API to the new search index by dragging between handles.
  const from = page.getByTestId('node-api').locator('.react-flow__handle-right');
  const to = added.locator('.react-flow__handle-left');
  const edgesBefore = await page.locator('.react-flow__edge').count();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);

  // Edit a parameter in the inspector.
  await added.click();
  const instances = page.getByTestId('param-instances');
  await instances.fill('5');
  await instances.press('Enter');
  await expect(added).toContainText('×5');

  // Inline validation: an impossible value is explained and not applied.
  await instances.fill('-3');
  await instances.press('Enter');
  await expect(page.locator('.field.invalid .error')).toContainText(/whole number|from 1/i);
  await expect(added).toContainText('×5');
  await instances.fill('5');
  await instances.press('Enter');

  await clickPane(page);
  await page.keyboard.press('Control+z');
  await expect(added).not.toContainText('×5');
  await page.keyboard.press('Control+Shift+z');
  await expect(added).toContainText('×5');
  await page.screenshot({ path: 'test-results/screens/02-edited.png' });
});

test('a reload restores exactly what was there', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('node-db').click();
  await page.getByTestId('param-replicas').fill('3');
  await page.getByTestId('param-replicas').press('Enter');
  await page.getByTestId('node-cache').click({ modifiers: ['Control'] });
  await clickPane(page);
  await page.getByTestId('node-cache').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-cache')).toHaveCount(0);
  await waitSaved(page);
  await page.reload();
  await waitSaved(page);
  await expect(page.getByTestId('node-cache')).toHaveCount(0);
  expect(await nodeCount(page)).toBe(8);
  await page.getByTestId('node-db').click();
  await expect(page.getByTestId('param-replicas')).toHaveValue('3');
});

test('a reload straight after a burst of edits keeps the last edit', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('node-db').click();
  // Two edits well within the autosave's 250 ms batching: the second is still pending at the reload.
  await page.getByTestId('param-replicas').fill('2');
  await page.getByTestId('param-replicas').press('Enter');
  await page.getByTestId('param-replicas').fill('4');
  await page.getByTestId('param-replicas').press('Enter');
  await page.reload();
  await waitSaved(page);
  await page.getByTestId('node-db').click();
  await expect(page.getByTestId('param-replicas')).toHaveValue('4');
});

test('export a design file and import it back as a new design', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Design name').fill('Exported one');
  await page.getByLabel('Design name').press('Enter');
  await waitSaved(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'Design file (.json)' }).click();
  const download = await downloadPromise;
  const path = await download.path();
  const text = await readFile(path!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'archlab-design', version: 2, design: { name: 'Exported one' } });

  await page.getByTestId('import-input').setInputFiles(path!);
  await expect(page.locator('.toast')).toContainText('Imported');
  // An import joins My designs once changed or saved (issue 13: imports cluttered the list).
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet');
  await page.getByTestId('keep-design').click();
  await waitSaved(page);
  await page.getByRole('button', { name: 'Designs' }).click();
  await expect(page.getByTestId('design-row')).toHaveCount(2);

  // A broken file is explained, and the open design is left alone.
  await page.keyboard.press('Escape');
  await page.getByTestId('import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"archlab-design","version":2,"design":{"id":"x","name":"x","nodes":[{"id":"a"}],"edges":[],"groups":[]}}') });
  await expect(page.getByTestId('notice')).toContainText('nodes[0]');
  await expect(page.getByTestId('notice')).toContainText('has not been changed');
  await page.keyboard.press('Escape');
  expect(await nodeCount(page)).toBe(9);
});

test('a share link opens the design; a malformed one explains and keeps designs intact', async ({ page, browser }) => {
  await openApp(page);
  await page.getByTestId('node-api').click();
  await page.getByTestId('param-instances').fill('7');
  await page.getByTestId('param-instances').press('Enter');
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#design=');

  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.getByTestId('save-state')).toHaveText('Not in My designs yet');
  await expect(other.getByTestId('node-api')).toContainText('×7');
  expect(other.url()).not.toContain('#design=');
  await other.close();

  await page.keyboard.press('Escape');
  await waitSaved(page);
  await page.goto('/#design=this-is-not-a-design');
  await expect(page.getByTestId('notice')).toContainText(/damaged|not hold a valid design/);
  await expect(page.getByTestId('notice')).toContainText('untouched');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('node-api')).toContainText('×7');
  await page.screenshot({ path: 'test-results/screens/03-after-bad-link.png' });
});

test('the layout engine loads once the app has drawn the diagram and is idle, and auto-layout rearranges it', async ({ page }) => {
  // When the canvas first shows a component (page time, ms): the app is on screen and can be used.
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.react-flow__node')) return;
      (window as { drawnAt?: number }).drawnAt = performance.now();
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await openApp(page);
  // Nothing is hovered, focused or pressed: the engine's script (the layout worker, which holds
  // elkjs) is fetched on its own once the browser is idle, and only after the diagram was drawn.
  const timing = () =>
    page.evaluate(() => ({
      drawnAt: (window as { drawnAt?: number }).drawnAt,
      paintedAt: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      engineAt: performance.getEntriesByType('resource').find((e) => /layout\.worker/.test(e.name))?.startTime,
    }));
  await expect.poll(async () => (await timing()).engineAt, { timeout: 60_000 }).toBeDefined();
  const { drawnAt, paintedAt, engineAt } = await timing();
  expect(engineAt!).toBeGreaterThan(paintedAt!);
  expect(engineAt!).toBeGreaterThan(drawnAt!);
  const box = async () => (await page.getByTestId('node-worker').boundingBox())!;
  const before = await box();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect(page.locator('.toast')).toContainText('Arranged', { timeout: 60_000 }); // loading elkjs and two layouts: seconds, more on a busy machine
  const after = await box();
  expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(5);
  await page.screenshot({ path: 'test-results/screens/04-layout.png' });
  // Layout is one undo step.
  await clickPane(page);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await box()).y)).not.toBe(Math.round(after.y));
});

test('keyboard: add a component, help overlay, select, duplicate, group', async ({ page }) => {
  await openApp(page);
  const before = await nodeCount(page);
  await clickPane(page);
  await page.keyboard.press('/');
  await page.keyboard.type('redis');
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node-component')).toHaveCount(before + 1);
  await page.locator('body').press('Escape');
  await clickPane(page);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Auto-layout');
  await page.screenshot({ path: 'test-results/screens/05-help.png' });
  await page.keyboard.press('Escape');
  await page.getByTestId('node-store').click();
  await page.keyboard.press('Control+d');
  await expect(page.locator('.react-flow__node-component')).toHaveCount(before + 2);
  await page.keyboard.press('g');
  await expect(page.locator('.group-zone')).toHaveCount(2);
});

test('no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('node-db').click();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});

test('export the diagram as a vector SVG and a PNG at twice its size', async ({ page }) => {
  await openApp(page);
  const download = async (label: string) => {
    const downloadPromise = page.waitForEvent('download');
    await page.getByText('Export', { exact: true }).click();
    await page.getByRole('button', { name: label }).click();
    return readFile((await (await downloadPromise).path())!);
  };
  const svg = (await download('Picture (SVG)')).toString('utf8');
  // Shapes and text, not a page of HTML inside the picture.
  expect(svg).not.toContain('foreignObject');
  expect(svg).toMatch(/<text[^>]*>Photo API<\/text>/);
  expect(svg.length).toBeLessThan(60_000);
  const svgWidth = Number(svg.match(/<svg[^>]* width="(\d+)"/)![1]);
  const png = await download('Picture (PNG)');
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(svgWidth * 2); // IHDR width
  await mkdir('test-results/screens', { recursive: true });
  await writeFile('test-results/screens/export.svg', svg);
  await writeFile('test-results/screens/export.png', png);
});

// The editor habits people's hands already know (issue 13), driven with the real mouse and keyboard.
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { clickPane, nodeCount, openApp, waitSaved } from './helpers';

async function centre(l: Locator) {
  const b = (await l.boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Drags from one of a component's dots (the right one unless told) and lets go at a screen point. */
async function dragConnection(page: Page, fromId: string, to: { x: number; y: number }, screenshotBeforeDrop?: string, side: 'top' | 'right' | 'bottom' | 'left' = 'right') {
  const from = await centre(page.getByTestId(`node-${fromId}`).locator(`.react-flow__handle-${side}`));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 30, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  if (screenshotBeforeDrop) await page.screenshot({ path: screenshotBeforeDrop });
  await page.mouse.up();
}

async function viewport(page: Page) {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

async function newDesign(page: Page) {
  await clickPane(page);
  await page.keyboard.press('Alt+n');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await waitSaved(page);
}

test('a connection dropped anywhere on a component’s body connects; one that would loop says why', async ({ page }) => {
  await openApp(page);
  const pane = page.locator('.react-flow__pane');
  await page.locator('.palette-item[data-kind="search"]').dragTo(pane, { targetPosition: { x: 200, y: 120 } });
  const added = page.locator('.react-flow__node-component:has(.component-node[data-kind="search"])');
  await expect(added).toHaveCount(1);
  const edgesBefore = await page.locator('.react-flow__edge').count();

  // Let go over the card's label, far from its incoming handle on the left edge.
  const card = (await added.boundingBox())!;
  await dragConnection(page, 'api', { x: card.x + card.width * 0.7, y: card.y + card.height / 2 }, 'test-results/screens/29-connect-hover.png');
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await expect(page.getByRole('group', { name: 'Sync call from Photo API to Search index' })).toHaveCount(1);

  // Photos DB -> Photo API would close Photo API -> Feed cache -> Photos DB: refused, with the loop named.
  await dragConnection(page, 'db', await centre(page.getByTestId('node-api').locator('.component-label')));
  await expect(page.getByTestId('connect-refusal')).toContainText('“Photos DB” → “Photo API” → “Feed cache” → “Photos DB”');
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await page.screenshot({ path: 'test-results/screens/30-connect-refused.png' });

  // The same drag in async mode is a message, not a wait: it connects, and the note goes away.
  await clickPane(page);
  await page.keyboard.press('a');
  await dragConnection(page, 'db', await centre(page.getByTestId('node-api').locator('.component-label')));
  await expect(page.getByTestId('connect-refusal')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Async message from Photos DB to Photo API' })).toHaveCount(1);

  // Switching that message to a sync call in the inspector would close the same loop: refused, said why, left async.
  await page.getByRole('group', { name: 'Async message from Photos DB to Photo API' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'Sync call' }).click();
  await expect(page.getByTestId('edge-mode-refusal')).toContainText('would close a loop of sync calls');
  await expect(page.getByRole('group', { name: 'Async message from Photos DB to Photo API' })).toHaveCount(1);
  await expect(page.getByRole('radio', { name: 'Async message' })).toBeChecked();

  // A drop on empty canvas makes nothing.
  await dragConnection(page, 'cdn', { x: 40, y: 200 });
  await expect(page.locator('.react-flow__edge')).toHaveCount(edgesBefore + 2);
});

/** Where a connection's drawn line starts and ends, in screen px. */
async function lineEnds(page: Page, name: string) {
  return page.getByRole('group', { name }).locator('path.react-flow__edge-path').evaluate((path: SVGPathElement) => {
    const m = path.getScreenCTM()!;
    const at = (s: number) => {
      const p = path.getPointAtLength(s);
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    };
    return { start: at(0), end: at(path.getTotalLength()) };
  });
}

const near = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

test('a connection attaches to the dots it is drawn between, on any side, and keeps them after a reload', async ({ page }) => {
  await openApp(page);
  await newDesign(page);
  const pane = page.locator('.react-flow__pane');
  await page.locator('.palette-item[data-kind="client"]').dragTo(pane, { targetPosition: { x: 300, y: 80 } });
  await page.locator('.palette-item[data-kind="service"]').dragTo(pane, { targetPosition: { x: 330, y: 300 } });
  const client = page.locator('.react-flow__node-component:has(.component-node[data-kind="client"])');
  const service = page.locator('.react-flow__node-component:has(.component-node[data-kind="service"])');
  const clientId = (await client.getAttribute('data-id'))!;
  const serviceId = (await service.getAttribute('data-id'))!;
  const dot = (card: Locator, side: string) => centre(card.locator(`.react-flow__handle-${side}`));

  // From the client's bottom dot, let go on the service's body (its label): in at its top, the side facing that dot.
  await dragConnection(page, clientId, await centre(service.locator('.component-label')), undefined, 'bottom');
  const call = 'Sync call from Client to Service';
  await expect(page.getByRole('group', { name: call })).toHaveCount(1);
  // px: a line ends on the outer rim of its dot (10 px across).
  const ends = await lineEnds(page, call);
  expect(near(ends.start, await dot(client, 'bottom'))).toBeLessThanOrEqual(8);
  expect(near(ends.end, await dot(service, 'top'))).toBeLessThanOrEqual(8);
  await page.screenshot({ path: 'test-results/screens/31-connect-sides.png' });

  // Dropped on a dot, it goes into that one: the service's right dot to the database's bottom dot.
  await page.locator('.palette-item[data-kind="relational-db"]').dragTo(pane, { targetPosition: { x: 620, y: 80 } });
  const db = page.locator('.react-flow__node-component:has(.component-node[data-kind="relational-db"])');
  await dragConnection(page, serviceId, await dot(db, 'bottom'));
  const query = 'Sync call from Service to Relational database';
  await expect(page.getByRole('group', { name: query })).toHaveCount(1);
  const up = await lineEnds(page, query);
  expect(near(up.start, await dot(service, 'right'))).toBeLessThanOrEqual(8);
  expect(near(up.end, await dot(db, 'bottom'))).toBeLessThanOrEqual(8);

  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('group', { name: call })).toHaveCount(1);
  const reloaded = await lineEnds(page, call);
  expect(near(reloaded.start, await dot(client, 'bottom'))).toBeLessThanOrEqual(8);
  expect(near(reloaded.end, await dot(service, 'top'))).toBeLessThanOrEqual(8);
  expect(near((await lineEnds(page, query)).end, await dot(db, 'bottom'))).toBeLessThanOrEqual(8);
});

test('zoom: the first drop and fit stay at 100% or less, the percentage resets to 100%, the wheel scrolls and Ctrl+wheel zooms', async ({ page }) => {
  await openApp(page);
  await newDesign(page);
  const pane = page.locator('.react-flow__pane');
  await page.locator('.palette-item[data-kind="client"]').dragTo(pane, { targetPosition: { x: 300, y: 200 } });
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThanOrEqual(1);
  await clickPane(page);
  await page.keyboard.press('f');
  await page.waitForTimeout(400); // the fit animates for 300 ms
  expect((await viewport(page)).zoom).toBeLessThanOrEqual(1);
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeEnabled();

  // Zoom in twice with the button, then the percentage button puts it back to 100%.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(1.05);
  const percent = page.getByTestId('zoom-percent');
  await expect(percent).toHaveText(`${Math.round((await viewport(page)).zoom * 100)}%`);
  await percent.click();
  await expect.poll(async () => (await viewport(page)).zoom).toBeCloseTo(1, 2);
  await expect(percent).toHaveText('100%');

  // The wheel scrolls the canvas; the zoom stays.
  const box = (await pane.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await viewport(page);
  await page.mouse.wheel(0, 200);
  await expect.poll(async () => (await viewport(page)).y).toBeLessThan(before.y - 50);
  expect((await viewport(page)).zoom).toBeCloseTo(1, 2);
  // Ctrl+wheel zooms (the browser sends a trackpad pinch the same way).
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(1.1);
  await page.screenshot({ path: 'test-results/screens/31-zoomed.png' });

  // The other habit, as a setting: the wheel zooms.
  await page.keyboard.press('?');
  await page.getByTestId('wheel-zooms').check();
  await page.keyboard.press('Escape');
  const z = (await viewport(page)).zoom;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(z - 0.1);
});

test('components added from the keyboard do not land on top of each other', async ({ page }) => {
  await openApp(page);
  await newDesign(page);
  // Enter leaves the search box in the same moment, not frames later when the new card takes focus:
  // a "/" typed in between would otherwise land in the box ("/service" finds nothing).
  await page.keyboard.press('/');
  await page.keyboard.type('service');
  const stillInSearch = await page.evaluate(() => {
    const box = document.activeElement as HTMLInputElement;
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    return document.activeElement === box;
  });
  expect(stillInSearch).toBe(false);
  await expect(page.locator('.react-flow__node-component')).toHaveCount(1);
  // Then three more typed as a fast typist does, with no pause for each new card to take focus.
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('/');
    await page.keyboard.type('service');
    await page.keyboard.press('Enter');
  }
  await expect(page.locator('.react-flow__node-component')).toHaveCount(4);
  await expect(page.getByLabel('Search components')).toHaveValue('');
  const boxes = await page.locator('.react-flow__node-component').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
  for (const a of boxes) {
    for (const b of boxes) {
      if (a === b) continue;
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap).toBe(false);
    }
  }
  // Each got a name of its own.
  await expect(page.locator('.component-label')).toHaveText(['Service', 'Service 2', 'Service 3', 'Service 4']);
});

test('selection: Shift+click adds and removes, a drag on empty canvas draws a box, Space+drag and the middle button pan', async ({ page }) => {
  await openApp(page);
  // A click in the palette's text first: a later Shift+click used to highlight the page from there.
  await page.getByRole('heading', { name: 'Compute' }).click();
  await page.getByTestId('node-api').click();
  await page.getByTestId('node-cache').click({ modifiers: ['Shift'] });
  await expect(page.locator('.component-node.selected')).toHaveCount(2);
  await expect(page.locator('.inspector-content')).toContainText('2 items selected');
  await expect(page.locator('.inspector-content')).toContainText('Ctrl+D to duplicate');
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');
  await page.getByTestId('node-api').click({ modifiers: ['Shift'] });
  await expect(page.locator('.component-node.selected')).toHaveCount(1);
  await expect(page.getByTestId('node-cache')).toHaveClass(/selected/);

  // A plain drag from empty canvas (below the region) around the CDN and the photo storage selects both.
  await clickPane(page);
  const cdn = (await page.getByTestId('node-cdn').boundingBox())!;
  const store = (await page.getByTestId('node-store').boundingBox())!;
  const start = await viewport(page);
  await page.mouse.move(cdn.x - 30, cdn.y - 25);
  await page.mouse.down();
  await page.mouse.move(store.x + store.width / 2, store.y + store.height, { steps: 8 });
  await page.mouse.move(store.x + store.width + 20, store.y + store.height + 20, { steps: 4 });
  await page.mouse.up();
  await expect(page.locator('.component-node.selected')).toHaveCount(2);
  await expect(page.getByTestId('node-cdn')).toHaveClass(/selected/);
  await expect(page.getByTestId('node-store')).toHaveClass(/selected/);
  // The box holds the CDN -> storage connection, not those leaving it (users -> CDN, thumbnailer -> storage).
  await expect(page.locator('.inspector-content')).toContainText('3 items selected');
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
  await expect(page.getByTestId('rf__edge-e8')).toHaveClass(/selected/);
  expect(await viewport(page)).toEqual(start);
  await page.screenshot({ path: 'test-results/screens/32-box-selected.png' });

  // Space + drag pans the canvas and selects nothing.
  await clickPane(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 40, pane.y + pane.height - 60);
  await page.keyboard.down('Space');
  await page.mouse.down();
  await page.mouse.move(pane.x + 240, pane.y + pane.height - 160, { steps: 8 });
  await page.mouse.up();
  await page.keyboard.up('Space');
  const panned = await viewport(page);
  expect(panned.x - start.x).toBeCloseTo(200, -1);
  expect(panned.y - start.y).toBeCloseTo(-100, -1);
  await expect(page.locator('.component-node.selected')).toHaveCount(0);

  // The middle button pans too.
  await page.mouse.move(pane.x + 240, pane.y + pane.height - 160);
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(pane.x + 140, pane.y + pane.height - 160, { steps: 8 });
  await page.mouse.up({ button: 'middle' });
  expect((await viewport(page)).x - panned.x).toBeCloseTo(-100, -1);
});

test('keyboard only: build client -> service -> database, adding by search and connecting by typing a name', async ({ page }) => {
  await openApp(page);
  await newDesign(page);
  const search = page.getByLabel('Search components');
  for (const [query, label] of [['client', 'Client'], ['service', 'Service'], ['relational', 'Relational database']] as const) {
    await page.keyboard.press('/');
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    // Focus moves to the new component and the search is cleared for the next one.
    await expect(page.locator('.react-flow__node:focus')).toHaveAttribute('aria-label', new RegExp(`: ${label}$`));
    await expect(search).toHaveValue('');
  }
  // Back to the client (Shift+Tab twice), select it with Enter, C, type a name, Enter.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.react-flow__node:focus')).toHaveAttribute('aria-label', /: Client$/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  await expect(page.getByTestId('connect-search')).toBeFocused();
  await page.keyboard.type('serv');
  await page.screenshot({ path: 'test-results/screens/33-connect-dialog.png' });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Sync call from Client to Service' })).toHaveCount(1);

  // Focus comes back to the client: Tab to the service and select it, Tab to the database and add it
  // to the selection with Shift+Enter; C connects the first selected to the second.
  await expect(page.locator('.react-flow__node:focus')).toHaveAttribute('aria-label', /: Client$/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node:focus')).toHaveAttribute('aria-label', /: Relational database$/);
  await page.keyboard.press('Shift+Enter');
  await expect(page.locator('.component-node.selected')).toHaveCount(2);
  await page.keyboard.press('c');
  await expect(page.getByRole('group', { name: 'Sync call from Service to Relational database' })).toHaveCount(1);

  // A connection the dialog cannot make says why and keeps the dialog open.
  await clickPane(page);
  await page.locator('.react-flow__node[aria-label$=": Relational database"]').click();
  await page.keyboard.press('c');
  await page.keyboard.type('client');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText('clients send requests but do not receive them');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('explanation')).toBeVisible();
  expect(await nodeCount(page)).toBe(3);
});

test('the editor at 1280x800: palette, canvas, zoom controls and inspector fit', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.getByTestId('node-api').click();
  await page.getByTestId('node-cache').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('zoom-percent')).toBeInViewport();
  await expect(page.locator('.inspector-content')).toBeInViewport();
  // The whole toolbar fits on the top bar, down to the last button.
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/screens/34-editor-1280.png' });
});

test('pasted components get names of their own; after Duplicate the copy’s name is ready to type over', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('node-api').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await page.keyboard.press('Control+v');
  await page.keyboard.press('Control+d');
  const labels = await page.locator('.component-label').allTextContents();
  expect(labels.filter((l) => l.startsWith('Photo API'))).toEqual(['Photo API', 'Photo API 2', 'Photo API 3', 'Photo API 4']);
  await waitSaved(page);

  await page.getByRole('button', { name: 'Designs' }).click();
  await page.getByTestId('design-row').first().getByRole('button', { name: 'Duplicate' }).click();
  // The list is gone at once; the copy opens with its name selected, so typing replaces it.
  await expect(page.getByRole('dialog', { name: 'My designs' })).toBeHidden();
  const name = page.getByLabel('Design name');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue(/\(copy\)$/);
  await page.keyboard.type('Four photo APIs');
  await page.keyboard.press('Enter');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Designs' }).click();
  await expect(page.getByTestId('design-row')).toHaveCount(2);
  await expect(page.getByRole('dialog', { name: 'My designs' })).toContainText('Four photo APIs');
  await expect(page.getByRole('dialog', { name: 'My designs' })).toContainText('Photo sharing app (example)');
});

test('a Mermaid flowchart imports into a solvable design, and a design exported as Mermaid imports back the same', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('import-input').setInputFiles('tests/fixtures/import/shop.mmd');
  // Unknown shapes are named; everything else became a component of the kind its label says.
  await expect(page.getByTestId('notice')).toContainText('“Thumbnailer”');
  await page.keyboard.press('Escape');
  expect(await nodeCount(page)).toBe(7);
  await expect(page.locator('.react-flow__node[aria-label="Relational database: Orders DB - Postgres"]')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Async message from Orders API to Email queue' })).toHaveCount(1);
  await expect(page.getByTestId('explanation')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet'); // until changed or saved
  await page.screenshot({ path: 'test-results/screens/35-mermaid-imported.png' });

  // Export it as Mermaid, import that file: the same components and connections come back.
  const labelsBefore = (await page.locator('.component-label').allTextContents()).sort();
  const edgeNamesBefore = (await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort();
  const download = page.waitForEvent('download');
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('button', { name: 'Mermaid flowchart (.mmd)' }).click();
  const path = await (await download).path();
  await page.getByTestId('import-input').setInputFiles({ name: 'round-trip.mmd', mimeType: 'text/plain', buffer: await import('node:fs/promises').then((fs) => fs.readFile(path!)) });
  await expect(page.locator('.toast')).toContainText('Imported “round-trip.mmd”');
  await expect(page.getByLabel('Design name')).toHaveValue('round-trip');
  expect((await page.locator('.component-label').allTextContents()).sort()).toEqual(labelsBefore);
  expect((await page.locator('.react-flow__edge').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).sort()).toEqual(edgeNamesBefore);

  // A malformed flowchart names its line and leaves the open design alone.
  await page.getByTestId('import-input').setInputFiles({ name: 'broken.mmd', mimeType: 'text/plain', buffer: Buffer.from('flowchart LR\n  a[Users] --> b[Oops\n') });
  await expect(page.getByTestId('notice')).toContainText('line 2');
  await expect(page.getByTestId('notice')).toContainText('has not been changed');
  await page.keyboard.press('Escape');
  expect(await nodeCount(page)).toBe(7);
});

test('a draw.io diagram and an Excalidraw drawing import as designs; a broken one says why and changes nothing', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('import-input').setInputFiles('tests/fixtures/import/three-tier.drawio');
  await expect(page.getByTestId('notice')).toContainText('without a label');
  await page.keyboard.press('Escape');
  expect(await nodeCount(page)).toBe(5);
  await expect(page.locator('.react-flow__node[aria-label="Relational database: Orders DB (Postgres)"]')).toHaveCount(1);
  await expect(page.getByRole('group', { name: 'Async message from Checkout API to Email queue' })).toHaveCount(1);
  await expect(page.getByTestId('group-g2')).toContainText('Zone a');
  await expect(page.getByTestId('explanation')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/36-drawio-imported.png' });

  await page.getByTestId('import-input').setInputFiles('tests/fixtures/import/three-tier.excalidraw');
  await expect(page.getByTestId('notice')).toContainText('not inside a shape');
  await page.keyboard.press('Escape');
  expect(await nodeCount(page)).toBe(4);
  await expect(page.locator('.react-flow__node[aria-label="Cache: Redis"]')).toHaveCount(1);

  await page.getByTestId('import-input').setInputFiles({ name: 'broken.drawio', mimeType: 'application/xml', buffer: Buffer.from('<mxfile><diagram name="x"></diagram></mxfile>') });
  await expect(page.getByText('“broken.drawio” could not be read as a draw.io diagram')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('the first page is empty');
  await expect(page.getByTestId('notice')).toContainText('has not been changed');
  await page.keyboard.press('Escape');
  expect(await nodeCount(page)).toBe(4);
});

for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 800 }]) {
  test(`screens at ${size.width}x${size.height}: editor, simulation panel and author dialog`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await page.screenshot({ path: `test-results/screens/40-editor-${size.width}.png` });
    await page.getByRole('tab', { name: 'Simulation' }).click();
    await page.getByTestId('sim-run').click();
    await expect(page.getByTestId('sim-summary')).toContainText('Availability', { timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `test-results/screens/41-simulation-${size.width}.png` });
    await page.getByText('More', { exact: true }).click();
    await page.getByTestId('open-author').click();
    await expect(page.getByRole('dialog').first()).toBeVisible();
    await page.screenshot({ path: `test-results/screens/42-author-${size.width}.png` });
  });
}

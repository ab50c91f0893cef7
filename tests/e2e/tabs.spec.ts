// Two tabs on one design (issue 12, item 4): tab A renames it, tab B adds components. Before,
// both said "Saved" and B's write silently replaced A's rename. Now no edit is lost.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { nodeCount, openApp, waitSaved } from './helpers';

async function rename(page: Page, name: string) {
  await page.getByLabel('Design name').fill(name);
  await page.getByLabel('Design name').press('Enter');
  await waitSaved(page);
}

async function addTwoComponents(page: Page) {
  await page.locator('.palette-item[data-kind="cache"]').click();
  await page.locator('.palette-item[data-kind="queue"]').click();
}

/**
 * Tab A and tab B open the example; tab B hears nothing from tab A (a browser without
 * BroadcastChannel, or a message not yet delivered), so only the revision check stands between
 * its write and tab A's. Tab A renames the design, then tab B adds two components.
 */
async function renameInAThenAddInStaleB(context: BrowserContext) {
  const tabA = await context.newPage();
  await openApp(tabA);
  const tabB = await context.newPage();
  await tabB.addInitScript(() => {
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
  });
  await openApp(tabB);
  const before = await nodeCount(tabB);
  await rename(tabA, 'Renamed in tab A');
  await addTwoComponents(tabB);
  return { tabA, tabB, before };
}

/** The rows of My designs as "name · N components", once there are as many as expected. */
async function listedDesigns(page: Page, rowCount: number): Promise<string[]> {
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const rows = page.getByTestId('design-row');
  await expect(rows).toHaveCount(rowCount);
  const out: string[] = [];
  for (const row of await rows.all()) {
    const name = await row.locator('strong').textContent();
    const count = (await row.textContent())?.match(/(\d+) components/)?.[1];
    out.push(`${name} · ${count}`);
  }
  await page.keyboard.press('Escape');
  return out;
}

test('a tab with nothing unsaved shows the other tab’s change at once, and its own edit builds on it', async ({ context }) => {
  const tabA = await context.newPage();
  await openApp(tabA);
  const tabB = await context.newPage();
  await openApp(tabB);
  const before = await nodeCount(tabB);

  await rename(tabA, 'Renamed in tab A');
  await expect(tabB.getByLabel('Design name')).toHaveValue('Renamed in tab A');
  await addTwoComponents(tabB);
  await expect(tabB.locator('.react-flow__node-component')).toHaveCount(before + 2);
  await waitSaved(tabB);

  // Both edits are in the one design, seen from either tab.
  await expect(tabA.locator('.react-flow__node-component')).toHaveCount(before + 2);
  await tabA.reload();
  await expect(tabA.getByLabel('Design name')).toHaveValue('Renamed in tab A');
  await expect(tabA.locator('.react-flow__node-component')).toHaveCount(before + 2);
  await expect(tabB.getByTestId('tab-conflict')).toHaveCount(0);
});

test('a tab that missed the other tab’s change is not allowed to save over it: it says so and keeps both', async ({ context }) => {
  const { tabA, tabB, before } = await renameInAThenAddInStaleB(context);
  const banner = tabB.getByTestId('tab-conflict');
  await expect(banner).toContainText('“Photo sharing app (example)” was changed and saved in another tab after you opened it here');
  await expect(banner).toContainText('have not been saved over it');
  await expect(tabB.getByTestId('save-state')).toHaveText('Not saved');
  await tabB.screenshot({ path: 'test-results/screens/tabs-conflict.png' });

  // Tab A's rename is what is stored.
  await tabA.reload();
  await expect(tabA.getByLabel('Design name')).toHaveValue('Renamed in tab A');
  await expect(tabA.locator('.react-flow__node-component')).toHaveCount(before);

  // Closing tab B now would lose its components: the browser asks.
  const asked = new Promise<string>((resolve) => tabB.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await tabB.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');

  await banner.getByRole('button', { name: 'Keep my changes as a copy' }).click();
  await expect(banner).toHaveCount(0);
  await waitSaved(tabB);
  await expect(tabB.getByLabel('Design name')).toHaveValue('Photo sharing app (example) (copy)');
  await expect(tabB.locator('.react-flow__node-component')).toHaveCount(before + 2);

  // Both edits are in My designs, each under its own name.
  const listed = await listedDesigns(tabA, 2);
  expect(listed).toContain(`Renamed in tab A · ${before}`);
  expect(listed).toContain(`Photo sharing app (example) (copy) · ${before + 2}`);
});

test('taking the other tab’s version drops this tab’s change and shows theirs', async ({ context }) => {
  const { tabA, tabB, before } = await renameInAThenAddInStaleB(context);
  await tabB.getByTestId('tab-conflict').getByRole('button', { name: /Show the other tab's version/ }).click();
  await expect(tabB.getByLabel('Design name')).toHaveValue('Renamed in tab A');
  await expect(tabB.locator('.react-flow__node-component')).toHaveCount(before);
  await waitSaved(tabB);
  // Editing goes on from there and saves.
  await tabB.locator('.palette-item[data-kind="cache"]').click();
  await waitSaved(tabB);
  await tabA.reload();
  await expect(tabA.locator('.react-flow__node-component')).toHaveCount(before + 1);
  await expect(tabA.getByLabel('Design name')).toHaveValue('Renamed in tab A');
});

test('a reload opens the design this tab had open, not the one another tab opened since; a new tab takes the latest', async ({ context }) => {
  const tabA = await context.newPage();
  await openApp(tabA);
  const tabB = await context.newPage();
  await openApp(tabB);
  const example = await tabA.getByLabel('Design name').inputValue();
  await tabB.getByRole('button', { name: 'Designs', exact: true }).click();
  await tabB.getByRole('button', { name: 'New design' }).click();
  await expect(tabB.getByLabel('Design name')).toHaveValue('Untitled design');
  await waitSaved(tabB);

  // Before, the "last open design" was one value for all tabs: tab A's reload opened tab B's new design.
  await tabA.reload();
  await waitSaved(tabA);
  await expect(tabA.getByLabel('Design name')).toHaveValue(example);
  await tabB.reload();
  await waitSaved(tabB);
  await expect(tabB.getByLabel('Design name')).toHaveValue('Untitled design');

  const tabC = await context.newPage();
  await tabC.goto('/');
  await waitSaved(tabC);
  await expect(tabC.getByLabel('Design name')).toHaveValue('Untitled design');
});

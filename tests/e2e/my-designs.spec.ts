// My designs holds what the learner made (issue 13, clutter): new designs get names of their own,
// and scenario attempts are listed with the scenarios, apart, yet can be kept as a design on purpose;
// a file or a link opened joins them only once changed or saved.
import { expect, test, type Page } from '@playwright/test';
import { encodeShareFragment } from '../../src/app/share';
import { exampleDesign } from '../../src/model/example';
import { serializeDesign } from '../../src/model/file';
import { nodeCount, openApp, pickScenario, waitSaved } from './helpers';

test('new designs get unique names; a scenario attempt is listed apart and can be kept as a design', async ({ page }) => {
  await openApp(page);
  const openList = () => page.getByRole('button', { name: 'Designs', exact: true }).click();
  for (const name of ['Untitled design', 'Untitled design (2)']) {
    await openList();
    await page.getByRole('button', { name: 'New design' }).click();
    await expect(page.getByLabel('Design name')).toHaveValue(name);
  }
  await openList();
  const mine = page.getByTestId('design-row');
  await expect(mine).toHaveCount(3);
  await expect(mine.filter({ hasText: /^Untitled design\d/ })).toHaveCount(1);
  await expect(mine.filter({ hasText: /^Untitled design \(2\)\d/ })).toHaveCount(1);
  await page.keyboard.press('Escape');

  // A fix scenario's attempt: an identify scenario's is not kept while components are still to be named (scenario-cheats.spec).
  await pickScenario(page, 'notification-system');
  await openList();
  await expect(mine).toHaveCount(3);
  await expect(mine.filter({ hasText: 'Scenario:' })).toHaveCount(0);
  await page.getByText(/Scenario attempts \(1\)/).click();
  const attempt = page.getByTestId('attempt-row');
  await expect(attempt).toContainText('Scenario: Stop reminders from timing out');
  await page.screenshot({ path: 'test-results/screens/my-designs-attempts.png' });
  await attempt.getByRole('button', { name: 'Keep as my design' }).click();
  await expect(mine).toHaveCount(4);
  await expect(mine.filter({ hasText: /^Stop reminders from timing out\d/ })).toHaveCount(1);
  // The attempt stays with its scenario, and stays open.
  await expect(attempt).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
});

/** The names in My designs (the learner's own, not scenario attempts). */
async function myDesigns(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Designs', exact: true }).click();
  const names = await page.getByTestId('design-row').locator('strong').allTextContents();
  await page.keyboard.press('Escape');
  return names.sort();
}

const linkTo = (name: string) => encodeShareFragment({ ...exampleDesign(), id: `shared-${name.toLowerCase().replace(/\W+/g, '-')}`, name });

test('an imported file or an opened link joins My designs only once changed or saved, and an edit to it is never lost', async ({ page }) => {
  await openApp(page);
  const example = exampleDesign().name;
  expect(await myDesigns(page)).toEqual([example]);

  // Imported: on screen, not in the list, until its first change. Before, it was listed at once.
  await page.getByTestId('import-input').setInputFiles({ name: 'shop.json', mimeType: 'application/json', buffer: Buffer.from(serializeDesign({ ...exampleDesign(), id: 'imported-shop', name: 'Imported shop' })) });
  await expect(page.getByLabel('Design name')).toHaveValue('Imported shop');
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet');
  await expect(page.locator('.toast')).toContainText('Not in My designs yet: it joins them once you change it, or now with Save.');
  await expect(page.getByTestId('keep-design')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/my-designs-not-yet.png' });
  expect(await myDesigns(page)).toEqual([example]);
  const before = await nodeCount(page);
  await page.locator('.palette-item[data-kind="cache"]').click();
  await waitSaved(page);
  expect(await myDesigns(page)).toEqual(['Imported shop', example].sort());

  // Opened from a link: kept on Save, unchanged.
  await page.evaluate((hash) => (window.location.hash = hash), linkTo('Linked shop'));
  await expect(page.getByLabel('Design name')).toHaveValue('Linked shop');
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet');
  await page.getByTestId('keep-design').click();
  await waitSaved(page);
  await expect(page.getByTestId('keep-design')).toHaveCount(0);
  expect(await myDesigns(page)).toEqual(['Imported shop', 'Linked shop', example].sort());

  // A link only looked at, then left for another design, leaves nothing behind; a reload returns to the last stored one.
  await page.evaluate((hash) => (window.location.hash = hash), linkTo('Glanced at'));
  await expect(page.getByLabel('Design name')).toHaveValue('Glanced at');
  await page.reload();
  await waitSaved(page);
  await expect(page.getByLabel('Design name')).toHaveValue('Linked shop');
  expect(await myDesigns(page)).toEqual(['Imported shop', 'Linked shop', example].sort());

  // An edit made the moment before the tab reloads is kept, and the design reopens.
  await page.evaluate((hash) => (window.location.hash = hash), linkTo('Quick edit'));
  await expect(page.getByLabel('Design name')).toHaveValue('Quick edit');
  await page.locator('.palette-item[data-kind="queue"]').click();
  await page.reload();
  await waitSaved(page);
  await expect(page.getByLabel('Design name')).toHaveValue('Quick edit');
  expect(await nodeCount(page)).toBe(before + 1);
  expect(await myDesigns(page)).toEqual(['Imported shop', 'Linked shop', 'Quick edit', example].sort());
});

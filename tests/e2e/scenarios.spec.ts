import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';

async function openScenario(page: Page, id: string) {
  await openApp(page);
  await page.getByTestId('open-scenarios').click();
  await page.getByTestId(`scenario-${id}`).click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
}

test('the gallery filters scenarios by mode and objective', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('open-scenarios').click();
  const cards = page.locator('.scenario-card');
  await expect(cards.first()).toBeVisible();
  const all = await cards.count();
  expect(all).toBeGreaterThanOrEqual(12);
  await page.getByLabel('Mode').selectOption('fix');
  await expect(cards.first()).toBeVisible();
  const fixes = await cards.count();
  expect(fixes).toBeLessThan(all);
  for (const badge of await page.locator('.scenario-card .mode-badge').allTextContents()) expect(badge.toLowerCase()).toBe('fix');
  await page.screenshot({ path: 'test-results/screens/10-gallery.png' });
});

test('identify: a learner names a masked component and clicks the one that absorbs reads', async ({ page }) => {
  await openScenario(page, 'url-shortener');
  await expect(page.locator('.component-node.masked').first()).toContainText('What is this?');
  const questions = page.locator('.questions > li');
  const count = await questions.count();
  expect(count).toBeGreaterThan(1);
  await page.screenshot({ path: 'test-results/screens/11-identify.png' });
  // A naming question: pick the right kind from the list.
  const naming = questions.filter({ has: page.getByLabel('Kind of component') }).first();
  await naming.getByLabel('Kind of component').selectOption('load-balancer');
  await naming.getByRole('button', { name: 'Check' }).click();
  await expect(naming).toHaveClass(/right/);
  await expect(page.getByTestId('node-lb')).not.toHaveClass(/masked/);
  // A click question answered wrongly, then rightly.
  const click = questions.filter({ hasText: 'Nine clicks in ten never reach' });
  await page.getByTestId('node-api').click();
  await click.getByRole('button', { name: 'Check my selection' }).click();
  await expect(click).toHaveClass(/wrong/);
  await page.getByTestId('node-cache').click();
  await click.getByRole('button', { name: 'Check my selection' }).click();
  await expect(click).toHaveClass(/right/);
  await expect(page.getByTestId('identify-score')).toContainText('2 of');
  // Progress survives a reload.
  await page.reload();
  await expect(page.getByTestId('identify-score')).toContainText('2 of');
});

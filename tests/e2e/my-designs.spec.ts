// My designs holds what the learner made (issue 13, clutter): new designs get names of their own,
// and scenario attempts are listed with the scenarios, apart, yet can be kept as a design on purpose.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

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

  await page.getByTestId('open-scenarios').click();
  await page.getByTestId('scenario-url-shortener').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
  await openList();
  await expect(mine).toHaveCount(3);
  await expect(mine.filter({ hasText: 'Scenario:' })).toHaveCount(0);
  await page.getByText(/Scenario attempts \(1\)/).click();
  const attempt = page.getByTestId('attempt-row');
  await expect(attempt).toContainText('Scenario: Name the parts of a URL shortener');
  await page.screenshot({ path: 'test-results/screens/my-designs-attempts.png' });
  await attempt.getByRole('button', { name: 'Keep as my design' }).click();
  await expect(mine).toHaveCount(4);
  await expect(mine.filter({ hasText: /^Name the parts of a URL shortener\d/ })).toHaveCount(1);
  // The attempt stays with its scenario, and stays open.
  await expect(attempt).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
});

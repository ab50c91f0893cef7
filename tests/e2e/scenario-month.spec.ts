// The results panel shows an open scenario's month, the bill its grading uses: checkout-flash-sale's
// one-hour sale costs about $1,840 a month, not the $657,720 a month of sale traffic would.
import { expect, test } from '@playwright/test';
import { openScenario } from './helpers';

test("an event scenario's bill in the results panel is its month's, not a month of its peak", async ({ page }) => {
  await openScenario(page, 'checkout-flash-sale');
  const cost = page.locator('.totals > div').filter({ hasText: /^Cost/ }).locator('b');
  await expect(cost).toHaveText(/^\$1,8\d\d$/);
  await page.screenshot({ path: 'test-results/screens/scenario-month-cost.png' });
});

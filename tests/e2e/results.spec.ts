import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

test('results follow edits: a starved service is named as the main problem and marked saturated', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('explanation')).toBeVisible();
  await expect(page.locator('.stale-note')).toContainText('Up to date');
  await expect(page.getByTestId('node-api').locator('.badge.util')).toHaveText(/^\d+%$/);

  await page.getByTestId('node-api').click();
  for (const [key, value] of [['instances', '1'], ['concurrency', '1']] as const) {
    await page.getByTestId(`param-${key}`).fill(value);
    await page.getByTestId(`param-${key}`).press('Enter');
  }
  await expect(page.getByTestId('explanation')).toContainText('Photo API');
  await expect(page.getByTestId('node-api').locator('.badge.util')).toHaveText('SATURATED');
  await expect(page.getByTestId('flow-users')).toContainText('saturated');
  await page.screenshot({ path: 'test-results/screens/06-saturated.png' });

  await page.getByRole('tab', { name: 'Components' }).click();
  await expect(page.getByTestId('row-api')).toContainText('saturated');
  await expect(page.locator('.results-table tbody tr').first()).toHaveAttribute('data-testid', 'row-api');
});

test('the load slider is a what-if that can be kept', async ({ page }) => {
  await openApp(page);
  const flow = page.getByTestId('flow-users');
  await expect(flow).toContainText('300 req/s');
  const slider = page.getByTestId('load-users');
  const max = Number(await slider.getAttribute('max'));
  await slider.fill(String(Math.round(max * 0.9)));
  await expect(flow).toContainText('what-if');
  // Far above the headroom: the thumbnailer gives out first.
  await expect(page.getByTestId('explanation')).toContainText('Thumbnailer');
  await flow.getByRole('button', { name: 'Reset' }).click();
  await expect(flow).not.toContainText('what-if');
  await slider.fill('450');
  await flow.getByRole('button', { name: 'Keep' }).click();
  await page.getByTestId('node-users').click();
  await expect(page.getByTestId('param-rps')).toHaveValue('450');
});

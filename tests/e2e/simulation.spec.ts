import { expect, test } from '@playwright/test';
import { openApp, simulateWithFailure, waitSaved } from './helpers';

test('simulate a crash over time, read the charts and replay it on the canvas', async ({ page }) => {
  await openApp(page);
  await simulateWithFailure(page, 'crash', 'cdn');
  await expect(page.locator('.time-chart')).toHaveCount(3);
  // What happened names the component each line is about.
  await page.locator('.sim-log summary').click();
  await expect(page.locator('.sim-log li').filter({ hasText: 'crashed' }).first()).toContainText('Image CDN');
  // Replay a moment inside the crash window (100 s to 160 s): the CDN shows as down.
  await page.getByTestId('sim-scrubber').fill('120');
  await expect(page.getByTestId('node-cdn').locator('.badge.util')).toHaveText('DOWN');
  await page.getByTestId('sim-scrubber').fill('250');
  await expect(page.getByTestId('node-cdn').locator('.badge.util')).not.toHaveText('DOWN');
  await page.screenshot({ path: 'test-results/screens/20-simulation.png' });
  // The setup is part of the design: it survives a reload.
  await page.reload();
  await waitSaved(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(page.getByTestId('failure-row')).toHaveCount(1);
});

test('a running simulation can be cancelled', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await page.getByLabel('Simulated time').fill('20000');
  await page.getByTestId('sim-run').click();
  await expect(page.getByLabel('Simulation progress')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('sim-run')).toBeVisible();
  await expect(page.getByTestId('sim-summary')).toHaveCount(0);
});

test('resilience settings on a call and a component are edited in the inspector, undoable and saved', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('rf__edge-e3').dispatchEvent('click');
  await page.getByText('When things go wrong (simulation)').click();
  await page.getByLabel('Timeout').fill('80');
  await page.getByLabel('Timeout').press('Enter');
  await page.getByLabel('Retries').fill('12');
  await page.getByLabel('Retries').press('Enter');
  await expect(page.locator('.field.invalid .error')).toContainText('from 0 to 10');
  await page.getByLabel('Retries').fill('2');
  await page.getByLabel('Retries').press('Enter');
  await expect(page.getByLabel('Retry budget')).toBeVisible();
  await page.getByTestId('node-api').click();
  await page.getByText('When things go wrong (simulation)').click();
  await page.getByLabel('Autoscale up to').fill('12');
  await page.getByLabel('Autoscale up to').press('Enter');
  await expect(page.getByLabel('Instance start-up time')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/21-resilience.png' });
  await page.reload();
  // Wait until the saved design is loaded: a click before that selects the example's placeholder.
  await waitSaved(page);
  await page.getByTestId('rf__edge-e3').dispatchEvent('click');
  await expect(page.getByLabel('Timeout')).toHaveValue('80');
  await expect(page.getByLabel('Retries')).toHaveValue('2');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByTestId('node-api').click();
  await expect(page.getByLabel('Autoscale up to')).toHaveValue('12');
});

test('a network partition between two zones can be added and simulated', async ({ page }) => {
  await openApp(page);
  await page.getByText('More', { exact: true }).click();
  await page.getByTestId('demo-zone-outage-two-zones').click();
  // Escape pressed as soon as the words are there closes the notice: it is modal from its first frame.
  await expect(page.getByTestId('notice')).toContainText('Simulation');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('notice')).toBeHidden();
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const row = page.getByTestId('failure-row').first();
  await row.getByLabel('Failure kind').selectOption('partition');
  await expect(row.getByLabel('One side')).toBeVisible();
  await expect(row.getByLabel('Other side')).not.toHaveValue(await row.getByLabel('One side').inputValue());
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('Availability', { timeout: 60_000 });
});

test('a simulator that cannot start says so instead of waiting for ever, and the next run works', async ({ page }) => {
  await openApp(page);
  // The worker's script fails to load once, as it would on a dropped connection.
  let refused = 0;
  await page.route(/simulation\.worker/, async (route) => {
    if (refused++ === 0) return route.abort();
    return route.continue();
  });
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByRole('alert')).toContainText('The simulator stopped unexpectedly');
  await expect(page.getByTestId('sim-summary')).toHaveCount(0);
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('Availability', { timeout: 120_000 });
});

test('the load over time is edited through its kind\'s fields and saved with the design', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  const setup = page.getByRole('form', { name: 'Simulation setup' });
  await page.getByTestId('sim-workload').selectOption('step');
  // A new step starts at twice the clients' own rate, from 60 s; both fields say their unit.
  const to = setup.getByLabel('to', { exact: true });
  const own = Number(await to.inputValue()) / 2;
  expect(own).toBeGreaterThan(0);
  await setup.getByLabel('from', { exact: true }).fill('30');
  await page.getByTestId('sim-workload').selectOption('spike');
  await expect(setup.getByLabel('times', { exact: true })).toHaveValue('3');
  await setup.getByLabel('times', { exact: true }).fill('2.5');
  await page.screenshot({ path: 'test-results/screens/21-simulation-workload.png' });
  await page.reload();
  await waitSaved(page);
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(page.getByTestId('sim-workload')).toHaveValue('spike');
  await expect(page.getByRole('form', { name: 'Simulation setup' }).getByLabel('times', { exact: true })).toHaveValue('2.5');
});

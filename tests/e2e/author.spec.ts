import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp } from './helpers';

test('an instructor authors a critique scenario from the canvas, previews it and exports it', async ({ page, browser }) => {
  await openApp(page);
  await page.getByText('More', { exact: true }).click();
  await page.getByTestId('open-author').click();
  await page.getByTestId('author-title').fill('Review the photo app');
  await page.getByTestId('author-summary').fill('Find where the photo app breaks first.');
  await page.getByTestId('author-story').fill('The photo app is growing fast.\n\n- Find its weak spots\n- Say how bad each is');
  await page.getByLabel('Critique a proposal').check();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  // No key yet: the check says so in plain words.
  await expect(page.getByTestId('author-result')).toContainText(/key/i);
  await page.getByRole('button', { name: 'Suggest from the structural checks' }).click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('author-result')).toContainText('passes every check');
  await page.screenshot({ path: 'test-results/screens/30-author.png' });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export YAML' }).click();
  const yaml = await readFile((await (await download).path())!, 'utf8');
  expect(yaml).toMatch(/^# yaml-language-server: \$schema=/);
  expect(yaml).toContain('title: Review the photo app');
  expect(yaml).toContain('mode: critique');

  await page.getByRole('button', { name: 'Preview as learner' }).click();
  await expect(page.getByTestId('scenario-panel')).toContainText('Review the photo app');
  await expect(page.locator('.preview-badge')).toBeVisible();
  await expect(page.locator('.story li')).toHaveCount(2);

  // The share link opens the same scenario for someone else.
  await page.getByRole('button', { name: 'End preview' }).click();
  await page.getByText('More', { exact: true }).click();
  await page.getByTestId('open-author').click();
  await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: (t: string) => ((window as unknown as { copied: string }).copied = t, Promise.resolve()) } }));
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.locator('.toast')).toContainText('copied');
  const link = await page.evaluate(() => (window as unknown as { copied: string }).copied);
  expect(link).toContain('#scenario=');
  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.getByTestId('scenario-panel')).toContainText('Review the photo app');
  await other.close();
});

test('a broken scenario file is refused with its line number', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('scenario-input').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('version: 1\nid: x\ntitle: Broken\nmode: lecture\n') });
  await expect(page.getByTestId('notice')).toContainText('line');
  await expect(page.getByTestId('notice')).toContainText('mode');
});

test('a demo opens with its failures set up and shows the effect when simulated', async ({ page }) => {
  await openApp(page);
  await page.getByText('More', { exact: true }).click();
  await page.getByTestId('demo-zone-outage-one-zone').click();
  await expect(page.getByTestId('notice')).toContainText('Simulation');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await expect(page.getByTestId('failure-row')).toHaveCount(1);
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('Availability', { timeout: 60_000 });
  const availability = Number((await page.getByTestId('sim-summary').locator('b').first().textContent())!.replace('%', ''));
  expect(availability).toBeLessThan(99);
  await page.screenshot({ path: 'test-results/screens/31-demo.png' });
});

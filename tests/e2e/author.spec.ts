import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, waitSaved } from './helpers';

/** Opens the authoring form from the More menu and fills in the scenario's title, summary and story. */
async function startAuthoring(page: Page, title: string, summary: string, story: string) {
  await page.getByText('More', { exact: true }).click();
  await page.getByTestId('open-author').click();
  await page.getByTestId('author-title').fill(title);
  await page.getByTestId('author-summary').fill(summary);
  await page.getByTestId('author-story').fill(story);
}

/**
 * Saves a copy of the open design under `name` with some settings changed ([component, setting,
 * value]), then goes back to the original, which stays open: the other design an author needs
 * (design B, a reference solution).
 */
async function saveVariant(page: Page, name: string, changes: [string, string, string][]) {
  await page.getByRole('button', { name: 'Designs' }).click();
  await page.getByTestId('design-row').first().getByRole('button', { name: 'Duplicate' }).click();
  // The list closes once the copy is open (and gives focus back); rename after that.
  await expect(page.getByRole('dialog', { name: 'My designs' })).toBeHidden();
  await expect(page.getByLabel('Design name')).toHaveValue(/\(copy\)$/);
  await page.getByLabel('Design name').fill(name);
  await page.getByLabel('Design name').press('Enter');
  for (const [nodeId, param, value] of changes) {
    await page.getByTestId(`node-${nodeId}`).click();
    await page.getByTestId(`param-${param}`).fill(value);
    await page.getByTestId(`param-${param}`).press('Enter');
  }
  await waitSaved(page);
  await page.getByRole('button', { name: 'Designs' }).click();
  await page.getByTestId('design-row').filter({ hasNotText: name }).locator('.design-open').click();
  await expect(page.getByLabel('Design name')).not.toHaveValue(name);
}

/**
 * A fix scenario for three times the example's traffic: the reference solution is a copy of the
 * example with enough API servers and thumbnailers for 900 requests/s, saved first; the form then
 * asks for capacity at 900 requests/s (no p99 check) against it.
 */
async function startFixFor900(page: Page, title: string, summary: string) {
  await saveVariant(page, 'Sized for 900', [
    ['worker', 'instances', '6'],
    ['api', 'instances', '6'],
  ]);
  await startAuthoring(page, title, summary, 'A campaign triples the traffic.');
  await page.getByTestId('author-mode').selectOption('fix');
  await expect(page.getByTestId('author-fix-needs')).toContainText('a reference solution that meets the targets');
  await page.getByLabel('Scalability impact').check();
  await page.getByLabel('Traffic (req/s)').fill('900');
  await page.getByLabel('p99LatencyMs').uncheck();
  await page.getByLabel('Reference solution (a saved design that meets the targets)').selectOption({ label: 'Sized for 900' });
}

test('an instructor authors a critique scenario from the canvas, previews it and exports it', async ({ page, browser }) => {
  await openApp(page);
  await startAuthoring(page, 'Review the photo app', 'Find where the photo app breaks first.', 'The photo app is growing fast.\n\n- Find its weak spots\n- Say how bad each is');
  await page.getByLabel('Critique a proposal').check();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  // No key yet: the check says so in plain words.
  await expect(page.getByTestId('author-result')).toContainText(/key/i);
  // Until the form changes, what needs a passing check waits, and says why.
  await expect(page.getByRole('button', { name: 'Export YAML' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Preview as learner' })).toHaveAttribute('title', /Fix the problems the check found first/);
  await page.getByRole('button', { name: 'Suggest from the structural checks' }).click();
  await expect(page.getByRole('button', { name: 'Export YAML' })).toBeEnabled();
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

test('an instructor authors a compare scenario with a failure timeline, and previews it', async ({ page }) => {
  await openApp(page);
  // Design B: a copy of the example with three database replicas.
  await saveVariant(page, 'Three replicas', [['db', 'replicas', '3']]);

  await startAuthoring(page, 'One replica or three', 'What do read replicas buy, and at what price?', 'The photo app reads far more than it writes.');
  await page.getByTestId('author-mode').selectOption('compare');
  await page.getByLabel('Cost', { exact: true }).check();
  await page.getByTestId('author-label-a').fill('One replica');
  await page.getByTestId('author-label-b').fill('Three replicas');
  await page.getByTestId('author-design-b').selectOption({ label: 'Three replicas' });
  await page.getByRole('button', { name: 'Add question' }).click();
  const question = page.getByTestId('author-compare-question');
  await question.getByLabel('Prompt').fill('Which design costs less a month?');
  await question.getByLabel('Answer').selectOption('a');
  await question.getByLabel('Decided by').selectOption('monthlyCostUsd');
  await question.getByLabel('Explanation').fill('Every replica is another database server on the bill.');
  await page.getByTestId('author-takeaway').fill('Replicas buy read capacity and availability, and cost a server each.');
  // The timeline: a traffic spike and a crashed database for the simulator.
  await page.getByRole('button', { name: 'Add traffic change' }).click();
  await page.getByTestId('author-step').getByLabel('rate').fill('900');
  await page.getByRole('button', { name: 'Add failure' }).click();
  const failure = page.getByTestId('author-failure');
  await failure.getByLabel('Failure target').selectOption({ label: 'Photos DB' });
  await failure.getByLabel('at').fill('abc');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  // A typo in a number is named in words, with where it is.
  await expect(page.getByTestId('author-result')).toContainText(/Failure 1/);
  await failure.getByLabel('at').fill('90');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('author-result')).toContainText('passes every check');
  await expect(page.getByTestId('author-result')).toContainText('At 90 s, for 60 s: Photos DB crashes');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export YAML' }).click();
  const yaml = await readFile((await (await download).path())!, 'utf8');
  expect(yaml).toContain('mode: compare');
  expect(yaml).toContain('labels: { a: One replica, b: Three replicas }');
  expect(yaml).toMatch(/failures:\n {2}- \{ atS: 90, durationS: 60, kind: crash, target: db \}/);
  expect(yaml).toMatch(/overTime:\n {4}- \{ atS: 60, shape: spike, rps: 900, durationS: 60 \}/);
  await page.screenshot({ path: 'test-results/screens/32-author-compare.png' });

  await page.getByRole('button', { name: 'Preview as learner' }).click();
  await expect(page.getByTestId('scenario-panel')).toContainText('One replica or three');
  await expect(page.getByTestId('scenario-panel')).toContainText('Which design costs less a month?');
});

test('an instructor checks a fix scenario with a timeline in the simulator before sharing it', async ({ page }) => {
  await openApp(page);
  await startFixFor900(page, 'Size the photo app for 900 requests a second', 'Traffic triples; find what saturates and size it.');
  await page.getByRole('button', { name: 'Add traffic change' }).click();
  await page.getByTestId('author-step').getByLabel('rate').fill('1200');
  await page.getByTestId('author-step').getByLabel('for').fill('30');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByTestId('author-result')).toContainText('passes every check');
  await page.getByTestId('author-sim-check').click();
  await expect(page.getByTestId('author-sim-result')).toContainText('the reference solution passes every check through the timeline, and the starting design does not (capacity)', { timeout: 90_000 });
});

test('an author edits a critique’s also-acceptable findings and the month’s traffic: problems in plain words, a removal undone, all in the exported file', async ({ page }) => {
  await openApp(page);
  await startAuthoring(page, 'Review the photo app again', 'Find where the photo app breaks first.', 'The photo app is growing fast.');
  await page.getByLabel('Critique a proposal').check();
  await page.getByRole('button', { name: 'Suggest from the structural checks' }).click();
  const also = page.getByTestId('author-also-acceptable');
  await also.getByRole('button', { name: 'Add also-acceptable finding' }).click();
  await page.getByTestId('author-busy-hours').fill('1000');
  await page.getByTestId('author-quiet-rps').fill('-3');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.getByTestId('author-result');
  await expect(result).toContainText('Busy hours a month must be a number from 0.01 to 730 (a month has about 730 hours; you wrote "1000")');
  await expect(result).toContainText('The quiet rate must be a number of requests a second, 0 or more (you wrote "-3")');
  await expect(result).toContainText('Also acceptable 1: say why it holds and why it is not the point of this review');

  await page.getByTestId('author-busy-hours').fill('2');
  await page.getByTestId('author-quiet-rps').fill('5');
  await also.getByLabel('Why it holds').fill('One database is a single point of failure, but the review is about load.');
  // Removed by mistake, then brought back as it was.
  await also.getByRole('button', { name: 'Remove also-acceptable finding 1' }).click();
  await expect(page.getByTestId('author-also-item')).toHaveCount(0);
  await also.getByRole('button', { name: 'Undo' }).click();
  await expect(also.getByLabel('Why it holds')).toHaveValue('One database is a single point of failure, but the review is about load.');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(result).toContainText('passes every check');
  await page.screenshot({ path: 'test-results/screens/author-also-acceptable.png', fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export YAML' }).click();
  const yaml = await readFile((await (await download).path())!, 'utf8');
  expect(yaml).toMatch(/alsoAcceptable:[\s\S]*One database is a single point of failure, but the review is about load\./);
  expect(yaml).toMatch(/busyHoursPerMonth: 2\b/);
  expect(yaml).toMatch(/quietRps: 5\b/);
});

test('an author lists the work a fix scenario’s answers must still do: each path edited, its problems named, a removal undone, kept in the file', async ({ page }) => {
  await openApp(page);
  await startFixFor900(page, 'Size the photo app, keeping its work', 'Traffic triples; size it without dropping work.');
  const editor = page.getByTestId('author-invariants');
  await editor.getByRole('button', { name: 'Start from the starting design’s work' }).click();
  const rows = page.getByTestId('author-invariant');
  const listed = await rows.count();
  expect(listed).toBeGreaterThan(0);
  // Broken on purpose: no message, a share over 100%, two together with one start.
  const first = rows.first();
  await first.getByLabel('What is lost when this path is broken').fill('');
  await first.getByLabel('Least share arriving (%)').fill('150');
  await first.getByText('all starting components reach the same one').click();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.getByTestId('author-result');
  await expect(result).toContainText('Work to keep 1: the share that must arrive is a percentage from 0 to 100 (you wrote "150"); leave it empty for any share.');
  await expect(result).toContainText('Work to keep 1: "all reach the same component" needs two or more starting components');
  await expect(result).toContainText('Work to keep 1: say what is lost when this path is broken, in the learner’s words');

  await first.getByLabel('Least share arriving (%)').fill('99.9');
  await first.getByText('all starting components reach the same one').click();
  await first.getByLabel('What is lost when this path is broken').fill('the photos are no longer stored');
  await first.getByRole('button', { name: 'Remove work to keep 1' }).click();
  await expect(rows).toHaveCount(listed - 1);
  await editor.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(listed);
  await expect(rows.first().getByLabel('What is lost when this path is broken')).toHaveValue('the photos are no longer stored');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(result).toContainText('passes every check');
  await page.screenshot({ path: 'test-results/screens/author-invariants.png', fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export YAML' }).click();
  const yaml = await readFile((await (await download).path())!, 'utf8');
  expect(yaml).toMatch(/invariants:[\s\S]*share: 0\.999\b[\s\S]*message: the photos are no longer stored/);
});

import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioYaml } from '../../src/scenarios';
import { openApp, openScenario, scenarioCard, scenarioQuestion } from './helpers';

const root = join(import.meta.dirname, '../..');

/** Exports the learner's submission from the scenario panel; the file as saved, and its JSON. */
async function exportSubmission(page: Page, learner: string): Promise<{ path: string; json: Record<string, unknown> }> {
  await page.getByLabel('Your name (on the submission)').fill(learner);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-submission').click();
  const file = await download;
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> };
}

/** `scenario grade <scenario> <submission> --json`, as an instructor runs it. */
function gradeWithCli(scenarioId: string, submissionPath: string): Record<string, unknown> {
  const r = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/scenario.ts', 'grade', `scenarios/${scenarioId}.yaml`, submissionPath, '--json'], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
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
  // A naming question: pick the right kind from the list (once right, its answer controls go).
  const naming = scenarioQuestion(page, 'url-shortener', 'entry');
  await naming.getByLabel('Kind of component').selectOption('load-balancer');
  await naming.getByRole('button', { name: 'Check' }).click();
  await expect(naming).toHaveClass(/right/);
  await expect(scenarioCard(page, 'url-shortener', 'lb')).not.toHaveClass(/masked/);
  // A click question answered wrongly, then rightly: the try is kept, but only the first counts.
  const click = questions.filter({ hasText: 'Nine clicks in ten never reach' });
  await scenarioCard(page, 'url-shortener', 'api').click();
  await click.getByRole('button', { name: 'Check my selection' }).click();
  await expect(click).toHaveClass(/wrong/);
  await scenarioCard(page, 'url-shortener', 'cache').click();
  await click.getByRole('button', { name: 'Try again (not scored)' }).click();
  await expect(click).toHaveClass(/wrong/);
  await expect(click).toContainText('Right on the second try (only the first counts)');
  await expect(page.getByTestId('identify-score')).toHaveText(/^1 of 5 right on the first try \(3 tries in all; only first tries count\)$/);
  // Progress survives a reload.
  await page.reload();
  await expect(page.getByTestId('identify-score')).toContainText('1 of 5 right on the first try');
  // The submission carries the first tries and the tries; the CLI grades it as the app did.
  const { path, json } = await exportSubmission(page, 'Ida Learner');
  expect(json).toMatchObject({ format: 'archlab-submission', version: 2, scenarioId: 'url-shortener', mode: 'identify', learner: 'Ida Learner', answers: { entry: 'load-balancer', 'fast-path': 'api' }, attempts: { entry: 1, 'fast-path': 2 } });
  expect(json.scenarioHash).toMatch(/^[0-9a-f]{16}$/);
  expect(gradeWithCli('url-shortener', path)).toMatchObject({ mode: 'identify', correct: 1, total: 5, attempts: { entry: 1, 'fast-path': 2 } });
});

test('critique: pin findings, grade against the key, export the report', async ({ page }) => {
  await openScenario(page, 'chat-app-critique');
  // Back a finding with numbers: the results panel is there in critique mode.
  await expect(page.getByTestId('explanation')).toBeVisible();
  await page.getByTestId('node-msgdb').click();
  await page.getByTestId('finding-category').selectOption('single-point-of-failure');
  await page.getByTestId('finding-severity').selectOption('high');
  await page.getByLabel('Note (why, and what you would do)').fill('One database instance holds every message.');
  // The analytic engine's figures for the database go with the finding.
  await expect(page.getByTestId('finding-evidence')).toContainText(/Analytic engine, at [\d,]+ req\/s from the clients: [\d,]+ req\/s offered, \d+% busy/);
  await page.getByRole('button', { name: 'Pin finding' }).click();
  await expect(page.getByTestId('node-msgdb').locator('.pin-badge')).toHaveText('1');
  await expect(page.getByTestId('finding').first()).toContainText('Analytic engine');
  // After a simulation run, the simulator's figures join them.
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('node-presence').click();
  await expect(page.getByTestId('finding-evidence')).toContainText(/Simulation \(\d+ min, seed 1\): [\d,]+ req\/s offered/);
  await page.getByTestId('finding-category').selectOption('over-engineering');
  await page.getByRole('button', { name: 'Pin finding' }).click();
  await expect(page.getByTestId('finding')).toHaveCount(2);
  await page.getByRole('button', { name: 'Grade my critique' }).click();
  const grade = page.getByTestId('critique-grade');
  // One of seven key problems found and one finding that does not hold: precision 1/2, recall 1/7, F = 22%.
  await expect(page.getByTestId('critique-score')).toHaveText('22%');
  await expect(grade).toContainText(/found 1 of 7 problems in the key; 1 of 2 findings hold/);
  await expect(grade.locator('li.wrong').first()).toBeVisible();
  await expect(grade.getByTestId('critique-extra')).toContainText(/Presence \(Redis\): over engineering \(lowers the score\)\. The key does not list/);
  await page.screenshot({ path: 'test-results/screens/12-critique.png' });
  await grade.getByTestId('critique-extra').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/12b-critique-grade.png' });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report (.md)' }).click();
  const { readFile } = await import('node:fs/promises');
  const md = await readFile((await (await download).path())!, 'utf8');
  expect(md).toMatch(/^# Critique: /);
  expect(md).toMatch(/ {2}- Evidence: Analytic engine, at /);
  expect(md).toContain('single point of failure');
  // The submission graded by the CLI gets the app's score.
  const submission = await exportSubmission(page, 'Cora');
  expect(submission.json).toMatchObject({ mode: 'critique', scenarioId: 'chat-app-critique', learner: 'Cora' });
  const cli = gradeWithCli('chat-app-critique', submission.path);
  expect(cli).toMatchObject({ mode: 'critique', found: 1, total: 7, wrong: 1 });
  expect(Math.round((cli.score as number) * 100)).toBe(22);
});

test('fix: async calls with no queue break the story (no figures), the reference design passes steady and simulated checks, and an edit that breaks it again is undone', async ({ page }) => {
  test.setTimeout(300_000); // five simulated runs of an hour of traffic each, on a shared machine
  await openScenario(page, 'notification-system');
  await expect(page.getByTestId('check-capacity')).toHaveClass(/wrong/);
  await expect(page.getByTestId('check-p99LatencyMs')).toHaveClass(/wrong/);
  await expect(page.getByTestId('fix-invariants')).toHaveCount(0);
  // The shortcut: fire the sends off async, with nothing to hold them. The reminders would be lost.
  for (const edge of ['e-api-sms', 'e-api-email']) {
    await page.getByTestId(`rf__edge-${edge}`).dispatchEvent('click');
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('radio', { name: 'Async message' }).check();
    await page.getByRole('tab', { name: 'Scenario' }).click();
  }
  const broken = page.getByTestId('fix-invariants');
  await expect(broken).toContainText('"Notification API" > "SMS provider" is async with no queue or stream to hold the message');
  await expect(broken).toContainText('"Notification API" > "Email provider" is async');
  await expect(page.getByTestId('fix-checks').locator('li')).toHaveCount(0);
  await expect(page.getByTestId('fix-solved')).toHaveCount(0);
  await page.getByTestId('scenario-panel').screenshot({ path: 'test-results/screens/13-fix-invariant.png' });
  // The simulated check refuses it the same way.
  await page.getByTestId('sim-check-run').click();
  await expect(page.getByTestId('sim-check')).toContainText('async with no queue or stream', { timeout: 30_000 });

  // The design the scenario's reference solution describes: a queue and senders per channel.
  const parsed = parseScenarioYaml(readFileSync(join(import.meta.dirname, '../../scenarios/notification-system.yaml'), 'utf8'));
  if (!parsed.ok || parsed.scenario.mode !== 'fix') throw new Error('notification-system does not load');
  const file = { format: 'archlab-design', version: 2, design: { ...parsed.scenario.solution, id: 'remindly-queues', name: 'Remindly with queues' } };
  await page.getByTestId('import-input').setInputFiles({ name: 'remindly.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('fix-invariants')).toHaveCount(0);
  await expect(page.getByTestId('check-capacity')).toHaveClass(/right/);
  await expect(page.getByTestId('check-p99LatencyMs')).toHaveClass(/right/);
  // The scenario has a failure timeline: steady-state passes are not enough on their own.
  await expect(page.getByTestId('fix-steady-passed')).toBeVisible();
  await expect(page.getByTestId('fix-solved')).toHaveCount(0);
  const simCheck = page.getByTestId('sim-check');
  await expect(simCheck).toContainText('SMS provider is 4x slower');
  await page.getByTestId('sim-check-run').click();
  await expect(simCheck.locator('.sim-progress')).toContainText('%');
  await expect(page.getByTestId('sim-check-p99LatencyMs')).toHaveClass(/right/, { timeout: 240_000 });
  await expect(page.getByTestId('sim-check-p99LatencyMs')).toContainText(/\(95% confidence, 5 runs\)/);
  await expect(page.getByTestId('sim-check-capacity')).toHaveClass(/right/);
  await expect(page.getByTestId('fix-solved')).toBeVisible();
  await expect(simCheck.locator('.time-chart')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/13-fix.png' });
  // An edit that breaks the story again: the senders fire at the provider with nothing to hold the text.
  await page.getByTestId('rf__edge-e-smsw-sms').dispatchEvent('click');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.getByRole('radio', { name: 'Async message' }).check();
  await page.getByRole('tab', { name: 'Scenario' }).click();
  await expect(page.getByTestId('fix-invariants')).toContainText('"SMS senders" > "SMS provider" is async');
  await expect(page.getByTestId('sim-check-result')).toContainText('The design has changed since this check ran');
  await expect(page.getByTestId('fix-solved')).toHaveCount(0);
  // Undo restores the design the check ran on, so its verdict applies again, and survives a reload.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('fix-invariants')).toHaveCount(0);
  await expect(page.getByTestId('fix-solved')).toBeVisible();
  await expect(page.getByTestId('sim-check-result')).not.toContainText('The design has changed');
  await page.reload();
  await expect(page.getByTestId('sim-check-p99LatencyMs')).toHaveClass(/right/);
  await expect(page.getByTestId('fix-solved')).toBeVisible();
});

test('compare: predict first, then the figures confirm or refute each answer', async ({ page }) => {
  await openScenario(page, 'build-vs-buy-queue');
  // No figures before the predictions: no table, no results panel, no figures on the canvas.
  await expect(page.getByTestId('compare-predict-first')).toBeVisible();
  await expect(page.getByTestId('compare-table')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Simulation' })).toHaveCount(0);
  await expect(page.locator('.overlay-badges')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/14a-compare-predict.png' });
  const before = await page.locator('.react-flow__node-component').allTextContents();
  await page.getByRole('radiogroup', { name: 'Design on the canvas' }).getByRole('radio', { name: /^B:/ }).click();
  await expect.poll(async () => (await page.locator('.react-flow__node-component').allTextContents()).join()).not.toBe(before.join());
  const questions = page.locator('.questions > li');
  const answers = ['A', 'A', 'B', 'B'];
  const check = page.getByRole('button', { name: 'Check my predictions' });
  for (let i = 0; i < answers.length; i++) {
    await expect(check).toBeDisabled(); // every question first
    await questions.nth(i).getByRole('radio', { name: new RegExp(`^${answers[i]}:`) }).check();
  }
  await check.click();
  await expect(page.getByTestId('compare-grade')).toContainText('4 of 4 right');
  await expect(page.getByTestId('compare-table')).toContainText('monthly cost');
  await expect(questions.first()).toContainText(/The figures (confirm|refute) your prediction|Right\./);
  // The predictions are locked once checked.
  await expect(questions.first().getByRole('radio', { name: /^B:/ })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/14-compare.png' });
  const { path, json } = await exportSubmission(page, 'Cam');
  expect(json).toMatchObject({ mode: 'compare', scenarioId: 'build-vs-buy-queue', answers: { bill: 'a', people: 'a', total: 'b', sooner: 'b' } });
  expect(gradeWithCli('build-vs-buy-queue', path)).toMatchObject({ mode: 'compare', correct: 4, total: 4, score: 1 });
});

test('fix: the design on the canvas exports as a submission the CLI grades as the app does', async ({ page }) => {
  await openScenario(page, 'notification-system');
  await expect(page.getByTestId('check-capacity')).toHaveClass(/wrong/);
  const start = await exportSubmission(page, 'Finn');
  expect(start.json).toMatchObject({ mode: 'fix', scenarioId: 'notification-system', learner: 'Finn' });
  expect(gradeWithCli('notification-system', start.path)).toMatchObject({ mode: 'fix', passed: false });
  // The reference design passes the steady checks in the app, and in the CLI from the exported file.
  const parsed = parseScenarioYaml(readFileSync(join(root, 'scenarios/notification-system.yaml'), 'utf8'));
  if (!parsed.ok || parsed.scenario.mode !== 'fix') throw new Error('notification-system does not load');
  const file = { format: 'archlab-design', version: 2, design: { ...parsed.scenario.solution, id: 'remindly-queues', name: 'Remindly with queues' } };
  await page.getByTestId('import-input').setInputFiles({ name: 'remindly.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByTestId('check-capacity')).toHaveClass(/right/);
  await expect(page.getByTestId('check-p99LatencyMs')).toHaveClass(/right/);
  const fixed = await exportSubmission(page, 'Finn');
  const cli = gradeWithCli('notification-system', fixed.path);
  expect(cli).toMatchObject({ mode: 'fix', passed: true, invariants: [] });
  await page.getByTestId('export-submission').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/13b-fix-submission.png' });
});

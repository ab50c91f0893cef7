import { expect, test, type Page } from '@playwright/test';
import { openApp, openCourseMap, scenarioCard, scenarioQuestion } from './helpers';

// Course progress saved to a file in one browser and loaded in another: it merges in, the first
// try made in the second browser is kept over the file's, and a bad file changes nothing.

async function answer(page: Page, question: string, node: string) {
  await scenarioCard(page, 'first-steps', node).click();
  await scenarioQuestion(page, 'first-steps', question).getByRole('button', { name: 'Check my selection' }).click();
}

test('progress saved in one browser loads in another, keeping what that browser did; bad files change nothing', async ({ browser }) => {
  // Browser one: first steps, the first two right and the last wrong at the first try.
  const one = await (await browser.newContext()).newPage();
  await openApp(one);
  await one.getByTestId('onramp-start').click();
  await answer(one, 'start', 'shoppers');
  await answer(one, 'follow', 'db');
  await answer(one, 'busiest', 'db');
  await expect(one.getByTestId('identify-score')).toContainText('2 of 3 right on the first try');
  await openCourseMap(one);
  await expect(one.getByTestId('course-on-ramp-first-steps')).toContainText('Done · first try 67%');
  const [download] = await Promise.all([one.waitForEvent('download'), one.getByTestId('progress-save').click()]);
  expect(download.suggestedFilename()).toMatch(/^archlab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  await expect(one.getByTestId('progress-report')).toContainText('1 scenario');

  // Browser two: the first question wrong at its first try, before the file arrives.
  const two = await (await browser.newContext()).newPage();
  await openApp(two);
  await two.getByTestId('onramp-start').click();
  await answer(two, 'start', 'db');
  await expect(scenarioQuestion(two, 'first-steps', 'start')).toHaveClass(/wrong/);
  await openCourseMap(two);
  await expect(two.getByTestId('course-on-ramp-first-steps')).toContainText('In progress');

  // A file from another app, and one from a newer ArchLab: refused, with the reason, nothing changed.
  const refused = async (name: string, text: string, reason: RegExp) => {
    await two.getByTestId('progress-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(two.getByRole('alert')).toContainText(reason);
    await expect(two.getByRole('alert')).toContainText('Your progress in this browser is unchanged.');
    await expect(two.getByTestId('course-on-ramp-first-steps')).toContainText('In progress');
  };
  await refused('package.json', '{"name": "shop", "version": "1.0.0"}', /not an ArchLab progress file/);
  await refused('later.json', '{"format": "archlab-progress", "version": 9, "scenarios": {}}', /newer ArchLab \(progress file version 9/);
  await refused('broken.json', '{"format": "archlab-prog', /not valid JSON/);

  // The real file: the two questions browser two had not answered come in; its own wrong first try stays.
  await two.getByTestId('progress-input').setInputFiles(file!);
  await expect(two.getByTestId('progress-report')).toContainText('Filled in what this browser was missing for 1 scenario (First steps');
  await expect(two.getByTestId('progress-report')).toContainText("this browser's was kept");
  await expect(two.getByTestId('course-on-ramp-first-steps')).toContainText('Done · first try 33%');
  await expect(two.getByTestId('mastery-identify-components')).toContainText('Mastery 33%');
  await two.screenshot({ path: 'test-results/screens/44-progress-loaded.png' });

  // The scenario open behind the map goes on with the merged answers, and a reload keeps them.
  await two.keyboard.press('Escape');
  await expect(scenarioQuestion(two, 'first-steps', 'busiest')).toHaveClass(/wrong/);
  await two.reload();
  await expect(scenarioQuestion(two, 'first-steps', 'follow')).toHaveClass(/right/);
  await openCourseMap(two);
  await expect(two.getByTestId('course-on-ramp-first-steps')).toContainText('Done · first try 33%');
});

import { expect, test } from '@playwright/test';
import { openApp, openCourseMap, scenarioCard, scenarioQuestion } from './helpers';

// A new learner walks the on-ramp's first scenario (components, connections, results), getting
// the last question wrong first, and then sees it on the course map: done, and mastery from the
// first tries (2 of 3 right), not from the retry.
test('a new learner does first steps and the course map shows their mastery', async ({ page }) => {
  await openApp(page);
  await openCourseMap(page);
  await expect(page.getByTestId('course-next')).toContainText('First steps');
  await page.getByTestId('start-suggested').click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
  // Results are what this scenario teaches, so its figures stay on screen.
  await expect(page.locator('.results')).toBeVisible();

  const answer = async (question: string, node: string, button = 'Check my selection') => {
    await scenarioCard(page, 'first-steps', node).click();
    await scenarioQuestion(page, 'first-steps', question).getByRole('button', { name: button }).click();
  };
  await answer('start', 'shoppers');
  await expect(scenarioQuestion(page, 'first-steps', 'start')).toHaveClass(/right/);
  await answer('follow', 'db');
  await expect(scenarioQuestion(page, 'first-steps', 'follow')).toHaveClass(/right/);
  await answer('busiest', 'db');
  await expect(scenarioQuestion(page, 'first-steps', 'busiest')).toHaveClass(/wrong/);
  await answer('busiest', 'web', 'Try again (not scored)');
  await expect(page.getByTestId('identify-score')).toContainText('2 of 3 right on the first try');

  await openCourseMap(page);
  await expect(page.getByTestId('mastery-identify-components')).toContainText('Mastery 67%');
  await expect(page.getByTestId('mastery-summary')).toContainText('Identify components67%');
  await expect(page.getByTestId('course-on-ramp-first-steps')).toContainText('Done · first try 67%');
  await expect(page.getByTestId('course-next')).not.toContainText('First steps');
  // The gallery's card says what the map says (it said "Done · 100%", the best retry, before).
  await page.getByTestId('gallery-all').click();
  await expect(page.getByTestId('status-first-steps')).toHaveText('Done · first try 67%');
  await expect(page.getByTestId('status-pagination')).toHaveCount(0);
  await page.getByTestId('scenario-first-steps').screenshot({ path: 'test-results/screens/42-gallery-card-status.png' });
  await page.getByTestId('gallery-course').click();
  await page.screenshot({ path: 'test-results/screens/40-course-map-1440.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/screens/41-course-map-1280.png' });
});

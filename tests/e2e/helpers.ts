import { expect, type Page } from '@playwright/test';

/** Opens the app on a fresh profile and waits for the example design to be on screen and saved. */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await appReady(page);
}

/** Waits for the page already loading (a reload, say) to have its design on screen and saved. */
export async function appReady(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

export async function nodeCount(page: Page) {
  return page.locator('.react-flow__node-component').count();
}

export async function clickPane(page: Page) {
  // An empty spot of the canvas, well away from the example's components.
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
}

export async function waitSaved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

/** From the open app: the scenario gallery, then scenario `id`, until its panel shows. */
export async function pickScenario(page: Page, id: string) {
  await page.getByTestId('open-scenarios').click();
  await page.getByTestId(`scenario-${id}`).click();
  await expect(page.getByTestId('scenario-panel')).toBeVisible();
}

/** Opens the app on a fresh profile and then scenario `id` from the gallery. */
export async function openScenario(page: Page, id: string) {
  await openApp(page);
  await pickScenario(page, id);
}

/** From the open app: the gallery's course map. */
export async function openCourseMap(page: Page) {
  await page.getByTestId('open-scenarios').click();
  await page.getByTestId('gallery-course').click();
  await expect(page.getByTestId('course-map')).toBeVisible();
}

/**
 * In the Simulation tab, adds one failure of `kind` on component `target` and runs the simulation
 * until its summary is in (ms: generous, a full run on a busy machine takes tens of seconds).
 */
export async function simulateWithFailure(page: Page, kind: string, target: string) {
  await page.getByRole('tab', { name: 'Simulation' }).click();
  await page.getByRole('button', { name: 'Add failure' }).click();
  const row = page.getByTestId('failure-row');
  await row.getByLabel('Failure kind').selectOption(kind);
  await row.getByLabel('Failure target').selectOption(target);
  await page.getByTestId('sim-run').click();
  await expect(page.getByTestId('sim-summary')).toContainText('Availability', { timeout: 120_000 });
}

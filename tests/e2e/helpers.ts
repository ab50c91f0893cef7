import { expect, type Page } from '@playwright/test';

/** Opens the app on a fresh profile and waits for the example design to be on screen and saved. */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
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

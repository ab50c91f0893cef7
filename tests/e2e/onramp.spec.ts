import { expect, test, type Page } from '@playwright/test';
import { appReady, openApp } from './helpers';

// A first visit offers the on-ramp's first scenario beside the canvas. Dismissed or started, it
// never comes back, a reload included; and a learner with saved progress is not offered it.

/** Waits until the scenario library has loaded (the offer reads the same one), so an absent offer is really absent. */
async function libraryLoaded(page: Page) {
  await page.getByTestId('open-scenarios').click();
  await expect(page.getByTestId('scenario-first-steps')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('scenario-first-steps')).toHaveCount(0);
}

test('a first visit is offered the on-ramp; dismissed with the keyboard, it stays away after a reload', async ({ page }) => {
  await openApp(page);
  const offer = page.getByTestId('onramp-offer');
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('First steps');
  await expect(offer.getByRole('heading', { name: 'New to ArchLab?' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/43-onramp-offer.png' });

  // Keyboard: the offer's buttons are reachable by Tab, and Escape inside the offer dismisses it.
  await page.getByTestId('onramp-start').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('onramp-dismiss')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(offer).toHaveCount(0);
  // The focus goes where the on-ramp still is, not to nowhere.
  await expect(page.getByTestId('open-scenarios')).toBeFocused();
  await expect(page.locator('.toast')).toContainText('Course map');

  await page.reload();
  await appReady(page);
  await libraryLoaded(page);
  await expect(offer).toHaveCount(0);
});

test('starting the offered scenario opens first steps, and the offer does not come back', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('onramp-start').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-panel')).toContainText('First steps');
  await page.getByRole('button', { name: 'Leave scenario' }).click();
  await expect(page.getByTestId('scenario-panel')).toHaveCount(0);
  await expect(page.locator('.inspector-empty')).toBeVisible();
  await expect(page.getByTestId('onramp-offer')).toHaveCount(0);

  await page.reload();
  await appReady(page);
  await libraryLoaded(page);
  await expect(page.getByTestId('onramp-offer')).toHaveCount(0);

  // Someone with saved scenario progress is not new, even if the offer's record is gone.
  await page.evaluate(() => localStorage.removeItem('archlab:onramp-offer'));
  await page.reload();
  await appReady(page);
  await libraryLoaded(page);
  await expect(page.getByTestId('onramp-offer')).toHaveCount(0);
});

import { expect, test, type Page } from '@playwright/test';
import { openApp } from './helpers';
import { inflatingPayload } from '../unit/helpers/lz-bomb';

/** Milliseconds from setting the address's fragment to the refusal on screen, measured in the page. */
async function msToRefusal(page: Page, hash: string, words: string): Promise<number> {
  return page.evaluate(
    ([fragment, expected]) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const look = () => {
          if (document.querySelector('[data-testid=notice]')?.textContent?.includes(expected)) resolve(performance.now() - start);
          else requestAnimationFrame(look);
        };
        window.location.hash = fragment;
        look();
      }),
    [hash, words] as const,
  );
}

test('a 190,000-character link that would inflate to gigabytes is refused within a second, saying the limit', async ({ page }) => {
  const bomb = inflatingPayload(190_000);
  expect(bomb.length).toBeGreaterThanOrEqual(190_000);
  await openApp(page);
  const names = await page.getByTestId('node-api').textContent();
  // Before bounded decoding this froze the tab for 23 s and took the heap to 3.3 GB.
  const designMs = await msToRefusal(page, `#design=${bomb}`, 'more than 10,000,000 characters');
  expect(designMs).toBeLessThan(1000);
  await expect(page.getByTestId('notice')).toContainText('untouched');
  await page.keyboard.press('Escape');
  const scenarioMs = await msToRefusal(page, `#scenario=${bomb}`, 'more than 10,000,000 characters');
  expect(scenarioMs).toBeLessThan(1000);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('node-api')).toHaveText(names ?? '');
  // Opened straight from the address bar too.
  await page.goto(`/#design=${bomb}`);
  await expect(page.getByTestId('notice')).toContainText('more than 10,000,000 characters');
  await page.screenshot({ path: 'test-results/screens/safety-bomb-link.png' });
});

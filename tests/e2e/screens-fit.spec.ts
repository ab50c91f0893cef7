import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioYaml } from '../../src/scenarios';
import { openApp, openCourseMap, openScenario, scenarioCard, simulateWithFailure } from './helpers';

// The screens a learner or an instructor meets, at the two laptop sizes the panels must fit
// (issue 13): each is kept as a screenshot in the test's output folder, and no panel on it runs
// out sideways: a panel never scrolls horizontally, and nothing inside it reaches past its right
// edge (a chart legend cut to "f...", say), except inside a box made to scroll sideways.

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/** The panels that must fit: results and simulation, the side panel, and any open dialog. */
const PANELS = ['.results', '.sidebar', 'dialog[open] .dialog-body'];

/** Each panel on screen that is wider inside than out, and each element reaching past a panel's right edge. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const found: string[] = [];
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${text}"`;
    };
    const scrollsSideways = (el: Element, panel: Element) => {
      for (let a = el.parentElement; a && a !== panel; a = a.parentElement) {
        const x = getComputedStyle(a).overflowX;
        if (x === 'auto' || x === 'scroll') return true;
      }
      return false;
    };
    for (const selector of selectors) {
      for (const panel of Array.from(document.querySelectorAll(selector))) {
        const box = panel.getBoundingClientRect();
        if (box.width === 0) continue;
        if (panel.scrollWidth > panel.clientWidth) found.push(`${selector} scrolls sideways: ${panel.scrollWidth} px inside ${panel.clientWidth} px`);
        for (const el of Array.from(panel.querySelectorAll('*'))) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
          // One pixel for sub-pixel rounding of borders.
          if (r.right > box.right + 1 && !scrollsSideways(el, panel)) found.push(`${selector}: ${describe(el)} ends at ${Math.round(r.right)} px, the panel at ${Math.round(box.right)} px`);
          // A table cell whose figure is wider than the cell runs into the next column ("$26,816/month$27,084/month").
          if ((el.tagName === 'TD' || el.tagName === 'TH') && el.scrollWidth > el.clientWidth + 1) found.push(`${selector}: cell ${describe(el)} holds ${el.scrollWidth} px in ${el.clientWidth} px`);
        }
      }
    }
    return found;
  }, PANELS);
}

/**
 * Keeps the screen as an artifact at each size and checks that its panels fit. The test starts at
 * the first size; the screen is then resized, and the check waits for the panels to settle (a
 * chart follows its box a frame later): an overflow that stays fails.
 */
async function shoot(page: Page, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    const where = `${name} at ${size.width}x${size.height}`;
    await expect.poll(() => overflowing(page), { message: where }).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`${name}-${size.width}x${size.height}.png`) });
  }
  // Back to the size the test started at, for what it does next.
  await page.setViewportSize(SIZES[0]);
}

test.describe('at 1280x800 and 1440x900', () => {
  test.use({ viewport: SIZES[0] });

  test('first visit, the example design with results, and the author dialog', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('onramp-offer')).toBeVisible();
    await shoot(page, '01-first-visit');
    await page.getByTestId('onramp-dismiss').click();
    await expect(page.locator('.results')).toBeVisible();
    await page.getByTestId('node-api').click();
    await shoot(page, '02-example-results');
    await page.getByText('More', { exact: true }).click();
    await page.getByTestId('open-author').click();
    await expect(page.getByTestId('author-title')).toBeVisible();
    await shoot(page, '09-author-dialog');
  });

  test('the simulation panel after a run with a failure', async ({ page }) => {
    await openApp(page);
    await simulateWithFailure(page, 'slowdown', 'db');
    await page.locator('.sim-log summary').click();
    await expect(page.locator('.sim-log li').filter({ hasText: 'slower' }).first()).toContainText('Photos DB');
    await shoot(page, '03-simulation-failure');
  });

  test('the course map with progress save and load', async ({ page }) => {
    await openApp(page);
    await openCourseMap(page);
    await expect(page.getByTestId('progress-save')).toBeVisible();
    await shoot(page, '04-course-map');
  });

  test('identify, mid-attempt and after a wrong first try', async ({ page }) => {
    await openScenario(page, 'url-shortener');
    await shoot(page, '05a-identify-mid');
    const click = page.locator('.questions > li').filter({ hasText: 'Nine clicks in ten never reach' });
    await scenarioCard(page, 'url-shortener', 'api').click();
    await click.getByRole('button', { name: 'Check my selection' }).click();
    await expect(click).toHaveClass(/wrong/);
    await shoot(page, '05b-identify-graded');
  });

  test('critique, mid-attempt and after grading', async ({ page }) => {
    await openScenario(page, 'chat-app-critique');
    await page.getByTestId('node-msgdb').click();
    await page.getByTestId('finding-category').selectOption('single-point-of-failure');
    await page.getByRole('button', { name: 'Pin finding' }).click();
    await shoot(page, '06a-critique-mid');
    await page.getByRole('button', { name: 'Grade my critique' }).click();
    await expect(page.getByTestId('critique-score')).toBeVisible();
    await page.getByTestId('critique-grade').scrollIntoViewIfNeeded();
    await shoot(page, '06b-critique-graded');
  });

  test('fix, broken and with the reference design checked', async ({ page }) => {
    await openScenario(page, 'notification-system');
    await expect(page.getByTestId('check-capacity')).toHaveClass(/wrong/);
    await shoot(page, '07a-fix-mid');
    const parsed = parseScenarioYaml(readFileSync(join(import.meta.dirname, '../../scenarios/notification-system.yaml'), 'utf8'));
    if (!parsed.ok || parsed.scenario.mode !== 'fix') throw new Error('notification-system does not load');
    const file = { format: 'archlab-design', version: 2, design: { ...parsed.scenario.solution, id: 'remindly-queues', name: 'Remindly with queues' } };
    await page.getByTestId('import-input').setInputFiles({ name: 'remindly.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page.getByTestId('check-capacity')).toHaveClass(/right/);
    await shoot(page, '07b-fix-graded');
  });

  test('compare, predicting and after the check', async ({ page }) => {
    await openScenario(page, 'build-vs-buy-queue');
    await shoot(page, '08a-compare-mid');
    const questions = page.locator('.questions > li');
    const n = await questions.count();
    for (let i = 0; i < n; i++) await questions.nth(i).getByRole('radio', { name: /^A:/ }).check();
    await page.getByRole('button', { name: 'Check my predictions' }).click();
    await expect(page.getByTestId('compare-grade')).toBeVisible();
    await page.getByTestId('compare-table').scrollIntoViewIfNeeded();
    await shoot(page, '08b-compare-graded');
  });
});

// A design handed to the scenario door, or a scenario to the design door (issue 12, item 10):
// before, a design in a #scenario= link said "Mode: must be one of ...", a scenario in a #design=
// link listed twenty missing design fields, and a scenario file imported as a design said "not
// valid JSON". Now each says what it is and offers to open it the right way.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { encodeShareFragment } from '../../src/app/share';
import { exampleDesign } from '../../src/model/example';
import { serializeDesign } from '../../src/model/file';
import { encodeScenarioLink, parseScenarioYaml, scenarioToFile } from '../../src/scenarios';
import { openApp, scenarioCard } from './helpers';

const sharedDesign = { ...exampleDesign(), id: 'shared-shop', name: 'Shared shop' };
const designLink = encodeShareFragment(sharedDesign);
const scenarioFile = join(import.meta.dirname, '../../scenarios/url-shortener.yaml');
const scenarioLink = (() => {
  const parsed = parseScenarioYaml(readFileSync(scenarioFile, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return encodeScenarioLink(scenarioToFile(parsed.scenario));
})();

test('a design link given as a scenario link says it is a design and opens it as one', async ({ page }) => {
  await openApp(page);
  await page.evaluate((hash) => (window.location.hash = hash), designLink.replace('#design=', '#scenario='));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('This is a link to a design, not to a scenario: it holds the design “Shared shop”.');
  await expect(notice).not.toContainText('Mode');
  await page.screenshot({ path: 'test-results/screens/wrong-door-design-link.png' });
  await page.getByRole('button', { name: 'Open the design' }).click();
  await expect(page.locator('input.design-name')).toHaveValue('Shared shop');
  await expect(notice).toHaveCount(0);
});

test('a scenario link given as a design link says it is a scenario and opens it as one, from the address bar', async ({ page }) => {
  await openApp(page);
  await page.goto(`/${scenarioLink.replace('#scenario=', '#design=')}`);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('This is a link to a scenario, not to a design: it holds the scenario “Name the parts of a URL shortener”');
  await expect(notice).toContainText('Your saved designs are untouched.');
  await expect(notice).not.toContainText('params');
  await page.screenshot({ path: 'test-results/screens/wrong-door-scenario-link.png' });
  await page.getByRole('button', { name: 'Open the scenario' }).click();
  await expect(page.getByTestId('scenario-panel')).toContainText('Name the parts of a URL shortener');
  await expect(scenarioCard(page, 'url-shortener', 'lb')).toBeVisible();
});

test('a scenario file imported as a design, or a design file opened as a scenario, says what it is and opens it the right way', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('import-input').setInputFiles(scenarioFile);
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('It holds the scenario “Name the parts of a URL shortener”.');
  await expect(page.getByRole('dialog')).toContainText('“url-shortener.yaml” is a scenario, not a design');
  await expect(notice).not.toContainText('JSON');
  await page.getByRole('button', { name: 'Open it as a scenario' }).click();
  await expect(page.getByTestId('scenario-panel')).toContainText('Name the parts of a URL shortener');

  await page.getByTestId('scenario-input').setInputFiles({ name: 'shop.archlab.json', mimeType: 'application/json', buffer: Buffer.from(serializeDesign(sharedDesign)) });
  await expect(page.getByRole('dialog')).toContainText('“shop.archlab.json” is a design, not a scenario');
  await expect(notice).toContainText('It holds the design “Shared shop”.');
  await page.getByRole('button', { name: 'Open it as a design' }).click();
  await expect(page.locator('input.design-name')).toHaveValue('Shared shop');
});

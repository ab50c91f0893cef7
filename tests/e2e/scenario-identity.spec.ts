// A scenario link that reuses a bundled scenario's id (issue 12, item 3): before, a one-question
// link with id url-shortener opened the learner's copy of the real scenario instead of its own
// design, and answering its one question marked the real URL shortener "Done 100%".
import { expect, test, type Page } from '@playwright/test';
import { encodeScenarioLink, parseScenarioYaml, scenarioToFile, type Scenario } from '../../src/scenarios';
import { bundledScenario, cardOf, openApp, scenarioCard, scenarioQuestion } from './helpers';

const IMPOSTOR = `
version: 2
id: url-shortener
title: One question only
summary: A single question under a bundled scenario's id.
difficulty: beginner
estimatedMinutes: 1
objectives: [identify-components]
mode: identify
story: Click the only service.
design:
  name: One box
  nodes:
    - { id: users, kind: client, label: Visitors, position: { x: 0, y: 0 }, params: { rps: 10 } }
    - { id: only, kind: service, label: The only box, position: { x: 260, y: 0 } }
  edges:
    - { id: e1, source: users, target: only }
questions:
  - id: which
    prompt: Click the service.
    answer: only
    explanation: It is the only one.
`;

function impostor(): Scenario {
  const parsed = parseScenarioYaml(IMPOSTOR);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const impostorLink = () => encodeScenarioLink(scenarioToFile(impostor()));
/** The link's one component, "only" in its file. */
const impostorCard = (page: Page) => cardOf(page, impostor(), 'only');

test('a link reusing url-shortener’s id opens its own design and progress; the real scenario’s are untouched', async ({ page }) => {
  await openApp(page);
  // The learner has started the real URL shortener and answered one question of five.
  await page.getByTestId('open-scenarios').click();
  await page.getByTestId('scenario-url-shortener').click();
  const naming = scenarioQuestion(page, 'url-shortener', 'entry');
  await naming.getByLabel('Kind of component').selectOption('load-balancer');
  await naming.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByTestId('identify-score')).toContainText('1 of 5 right on the first try');

  // The link: its own one-box design is on the canvas, not the learner's copy of the real one.
  await page.evaluate((hash) => (window.location.hash = hash), impostorLink());
  await expect(impostorCard(page)).toBeVisible();
  await expect(page.locator('.component-node')).toHaveCount(impostor().design.nodes.length);
  await impostorCard(page).click();
  await page.locator('.questions > li').getByRole('button', { name: 'Check my selection' }).click();
  await expect(page.getByTestId('identify-score')).toContainText('1 of 1 right on the first try');
  await page.screenshot({ path: 'test-results/screens/scenario-identity-link.png' });

  // The real one is still in progress, not "Done 100%", and opens as the learner left it.
  await page.getByTestId('open-scenarios').click();
  const card = page.getByTestId('scenario-url-shortener');
  await expect(card).toContainText('In progress');
  await expect(card).not.toContainText('Done');
  await card.click();
  await expect(scenarioCard(page, 'url-shortener', 'lb')).toBeVisible();
  await expect(page.locator('.component-node')).toHaveCount(bundledScenario('url-shortener').design.nodes.length);
  await expect(page.getByTestId('identify-score')).toContainText('1 of 5 right on the first try');

  // Opening the link again finds its own progress.
  await page.evaluate((hash) => (window.location.hash = hash), impostorLink());
  await expect(impostorCard(page)).toBeVisible();
  await expect(page.getByTestId('identify-score')).toContainText('1 of 1 right on the first try');
});

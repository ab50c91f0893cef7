import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioYaml, shownIds, type Scenario } from '../../src/scenarios';

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

const bundledScenarios = new Map<string, Scenario>();
/** A bundled scenario as loaded from scenarios/<id>.yaml (read once). */
export function bundledScenario(id: string): Scenario {
  let scenario = bundledScenarios.get(id);
  if (!scenario) {
    const parsed = parseScenarioYaml(readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8'));
    if (!parsed.ok) throw new Error(`scenarios/${id}.yaml does not load`);
    scenario = parsed.scenario;
    bundledScenarios.set(id, scenario);
  }
  return scenario;
}

/** A scenario's card, by the id its file gives the component (an identify scenario's page shows opaque ids). */
export function cardOf(page: Page, scenario: Scenario, fileId: string): Locator {
  const shown = Object.entries(shownIds(scenario).fileIds).find(([, file]) => file === fileId)?.[0] ?? fileId;
  return page.getByTestId(`node-${shown}`);
}

/** A bundled scenario's card, by the id its file gives the component. */
export const scenarioCard = (page: Page, scenarioId: string, fileId: string): Locator => cardOf(page, bundledScenario(scenarioId), fileId);

/** A bundled identify scenario's question, by the id its file gives it (the page numbers them). */
export function scenarioQuestion(page: Page, scenarioId: string, questionId: string): Locator {
  const scenario = bundledScenario(scenarioId);
  const index = scenario.mode === 'identify' ? scenario.questions.findIndex((q) => q.id === questionId) : -1;
  if (index < 0) throw new Error(`${scenarioId} has no identify question "${questionId}"`);
  return page.getByTestId(`question-${index + 1}`);
}

// An adversary's look at an identify scenario: instead of answering "what kind of component is
// this?", open the browser's inspector and read the page. While a component is still to be
// named, nothing in the page's HTML (any attribute: React Flow's data-id, test ids, connection
// ids, titles, aria labels) and no accessible name on the canvas may say its id, its name or its
// kind. The palette and the kind chooser list every kind alike, so they say nothing about this one.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG } from '../../src/model/catalog';
import { parseScenarioYaml, type IdentifyScenario } from '../../src/scenarios';
import { openApp } from './helpers';

const root = join(import.meta.dirname, '../..');

/** Every bundled identify scenario that asks to name a component. */
const naming: IdentifyScenario[] = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parseScenarioYaml(readFileSync(join(root, 'scenarios', f), 'utf8')))
  .flatMap((p) => (p.ok && p.scenario.mode === 'identify' && p.scenario.questions.some((q) => q.answer.type === 'naming') ? [p.scenario] : []));

/** Lower case, words only: "e-viewers-gateway" and "Front door" read as " e viewers gateway ", " front door ". */
const words = (text: string) => ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

/**
 * What would give each masked component away: its id and name, and its kind's id and name unless
 * a component the learner can see is of that kind too (its card says so, rightly). Words the
 * scenario shows anyway are left out: its title (also the attempt's name) and the names of the
 * components in view ("audio" is the masked one's id, and in view in "CDN (episode audio)").
 */
function giveaways(scenario: IdentifyScenario): string[] {
  const masked = new Set(scenario.questions.flatMap((q) => (q.answer.type === 'naming' ? [q.answer.nodeId] : [])));
  const inView = scenario.design.nodes.filter((n) => !masked.has(n.id));
  const shownKinds = new Set(inView.map((n) => n.kind));
  const title = words([scenario.title, ...inView.map((n) => n.label)].join(' | '));
  return scenario.design.nodes
    .filter((n) => masked.has(n.id))
    .flatMap((n) => [n.id, n.label, ...(shownKinds.has(n.kind) ? [] : [n.kind, CATALOG[n.kind].label])])
    .map(words)
    .filter((w) => !title.includes(w));
}

/**
 * Every attribute value in the page, outside the lists that name every kind alike. Inline styles
 * are left to the comparison of masked cards below (their words are CSS's: "pointer-events").
 */
async function attributeValues(page: Page): Promise<{ name: string; value: string }[]> {
  return page.evaluate(() => {
    const everyKind = (el: Element) => el.closest('nav.palette, select[aria-label="Kind of component"]') !== null;
    return [...document.documentElement.querySelectorAll('*')].filter((el) => !everyKind(el)).flatMap((el) => [...el.attributes].filter((a) => a.name !== 'style').map((a) => ({ name: a.name, value: a.value })));
  });
}

/** A masked card's markup, with what tells one card from another anyway (its opaque id, being selected) taken out. */
async function maskedCards(page: Page): Promise<string[]> {
  const cards = await page.locator('.component-node.masked').evaluateAll((els) => els.map((el) => el.outerHTML));
  return cards.map((html) => html.replace(/part-\d+/g, 'part-N').replace(/ selected/g, ''));
}

test('identify: while a component is still to be named, no attribute in the page and no name on the canvas gives its id, name or kind', async ({ page }) => {
  expect(naming.length).toBeGreaterThanOrEqual(5);
  await openApp(page);
  // Masked cards of every kind, across the scenarios: one and the same markup (no kind, no category colour).
  const cardMarkup = new Set<string>();
  const maskedKinds = new Set<string>();
  for (const scenario of naming) {
    await page.getByTestId('open-scenarios').click();
    await page.getByTestId(`scenario-${scenario.id}`).click();
    await expect(page.getByTestId('scenario-panel')).toContainText(scenario.title);
    await expect(page.locator('.component-node')).toHaveCount(scenario.design.nodes.length);
    await expect(page.locator('.component-node.masked')).toHaveCount(new Set(scenario.questions.flatMap((q) => (q.answer.type === 'naming' ? [q.answer.nodeId] : []))).size);
    // Selected, as "Show it on the canvas" does, a card carries more state: that must not name it either.
    await page.getByRole('button', { name: 'Show it on the canvas' }).first().click();
    await expect(page.locator('.react-flow__node.selected .component-node.masked')).toHaveCount(1);
    const attributes = (await attributeValues(page)).map(({ name, value }) => ({ a: `${name}="${value}"`, w: words(value) }));
    const names = words(await page.locator('.react-flow').ariaSnapshot());
    for (const giveaway of giveaways(scenario)) {
      expect(attributes.filter(({ w }) => w.includes(giveaway)).map(({ a }) => a), `${scenario.id}: attributes naming "${giveaway.trim()}"`).toEqual([]);
      expect(names.includes(giveaway), `${scenario.id}: the canvas's accessible names say "${giveaway.trim()}"`).toBe(false);
    }
    for (const html of await maskedCards(page)) cardMarkup.add(html);
    for (const q of scenario.questions) if (q.answer.type === 'naming') maskedKinds.add(scenario.design.nodes.find((n) => n.id === (q.answer as { nodeId: string }).nodeId)!.kind);
    // The mini map draws a masked component in the colour of no category.
    const maskedCount = await page.locator('.component-node.masked').count();
    await expect.poll(() => page.locator('.react-flow__minimap-node').evaluateAll((els) => els.filter((el) => getComputedStyle(el).fill === 'rgb(100, 116, 139)').length)).toBe(maskedCount);
    await page.getByRole('button', { name: 'Leave scenario' }).click();
    await expect(page.getByTestId('scenario-panel')).toBeHidden();
  }
  expect(maskedKinds.size).toBeGreaterThanOrEqual(5);
  expect([...cardMarkup]).toHaveLength(1);
});

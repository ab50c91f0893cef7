// Every design a bundled scenario draws (the starting design, a fix's reference solution, a
// compare's second design) opens with no connection drawn under a card, where a reader could not
// follow it, and no connection label over a card, where it hides the card's name or figures. The
// same measures as the auto-layout bench (src/model/connection-geometry, src/model/layout-quality).
import { describe, expect, it } from 'vitest';
import { connectionsUnderCards } from '../../src/model/connection-geometry';
import { labelsOverCards } from '../../src/model/layout-quality';
import { scenarioDesigns } from '../../src/scenarios/normalize';
import { bundledScenarioText, bundledScenarios, scenarioFromYaml } from './helpers/bundled-scenario';

const designs = bundledScenarios().flatMap((s) => scenarioDesigns(s).map(({ design, path }) => ({ where: `${s.id} ${path.join('.')}`, design })));

describe('bundled scenario layouts', () => {
  it('covers every scenario, with its other designs', () => {
    expect(designs.length).toBeGreaterThan(bundledScenarios().length);
  });

  it.each(designs.map((d) => [d.where, d.design] as const))('%s draws no connection under a card', (_where, design) => {
    expect(connectionsUnderCards(design)).toEqual([]);
  });

  it.each(designs.map((d) => [d.where, d.design] as const))('%s puts no connection label over a card', (_where, design) => {
    expect(labelsOverCards(design)).toEqual([]);
  });

  it('would catch a label over a card: the reminders solution with its SMS queue beside the API, as first authored', () => {
    const text = bundledScenarioText('notification-system').replace('label: SMS queue, groupId: zone-a, position: { x: 780, y: 220 }', 'label: SMS queue, groupId: zone-a, position: { x: 780, y: 110 }');
    const scenario = scenarioFromYaml(text);
    if (scenario.mode !== 'fix') throw new Error('notification-system is a fix scenario');
    expect(scenario.solution.nodes.find((n) => n.id === 'smsq')!.position).toEqual({ x: 780, y: 110 });
    expect(labelsOverCards(scenario.solution)).toEqual([{ edgeId: 'e-api-smsq', cardIds: ['api', 'smsq'] }]);
  });

  it('would catch one: the visit scenario as first authored, its database straight under its cache', () => {
    const text = bundledScenarioText('what-happens-when-you-visit')
      .replace(/(- id: cache\n(?:\s+\w+:.*\n)*?\s+position: )\{ x: -?\d+, y: -?\d+ \}/, '$1{ x: 1040, y: 220 }')
      .replace(/(- id: db\n(?:\s+\w+:.*\n)*?\s+position: )\{ x: -?\d+, y: -?\d+ \}/, '$1{ x: 1040, y: 330 }');
    const design = scenarioFromYaml(text).design;
    expect(design.nodes.find((n) => n.id === 'db')!.position).toEqual({ x: 1040, y: 330 });
    expect(connectionsUnderCards(design)).toEqual([{ edgeId: 'e-cache-db', cardIds: ['cache', 'db'] }]);
  });
});

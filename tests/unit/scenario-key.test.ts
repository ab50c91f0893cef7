// Scenario identity: a scenario from a link or file that reuses a bundled scenario's id with other
// content is kept under its own key, so it never takes over the bundled one's progress or design.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadProgress, saveProgress, scenarioKey } from '../../src/store/scenarioLibrary';
import { emptyProgress } from '../../src/store/scenarioStore';
import { encodeScenarioLink, decodeScenarioLink, scenarioToFile, type Scenario } from '../../src/scenarios';
import { bundledScenario } from './helpers/bundled-scenario';

/** The same scenario as it arrives through a share link (encoded, decoded, parsed again). */
function throughLink(scenario: Scenario): Scenario {
  const decoded = decodeScenarioLink(encodeScenarioLink(scenarioToFile(scenario)));
  if (!decoded?.ok) throw new Error('the link did not decode');
  return decoded.scenario;
}

describe('scenarioKey', () => {
  const real = bundledScenario('url-shortener');

  it('is the id for a bundled scenario, also when the same content comes back through a link', async () => {
    expect(await scenarioKey(real)).toBe('url-shortener');
    expect(await scenarioKey(throughLink(real))).toBe('url-shortener');
  });

  it('is id~hash for other content under a bundled id, different for each content', async () => {
    if (real.mode !== 'identify') throw new Error('url-shortener is an identify scenario');
    const oneQuestion = { ...real, questions: real.questions.slice(0, 1) };
    const retitled = { ...real, title: 'Something else' };
    const a = await scenarioKey(throughLink(oneQuestion));
    const b = await scenarioKey(throughLink(retitled));
    expect(a).toMatch(/^url-shortener~[0-9a-f]{16}$/);
    expect(b).toMatch(/^url-shortener~[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    // Stable: the same content always finds the same progress.
    expect(await scenarioKey(throughLink(oneQuestion))).toBe(a);
  });

  it('is the id for a scenario whose id no bundled scenario has', async () => {
    expect(await scenarioKey({ ...real, id: 'my-own-shortener' })).toBe('my-own-shortener');
  });

  it('keeps the progress of a look-alike apart from the bundled one’s', async () => {
    if (real.mode !== 'identify') throw new Error('url-shortener is an identify scenario');
    const key = await scenarioKey({ ...real, questions: real.questions.slice(0, 1) });
    await saveProgress({ ...emptyProgress(key), score: 1, completed: true });
    expect(await loadProgress('url-shortener')).toBeNull();
    expect(await loadProgress(key)).toMatchObject({ completed: true, score: 1 });
  });
});

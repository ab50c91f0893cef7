// The ids an identify scenario shows on the page: opaque, the same at every opening, followed by
// everything that names a part, and mapped back to the file's ids in what leaves the app.
import { describe, expect, it } from 'vitest';
import { DEMOS } from '../../src/model/demos';
import { withRenamedIds } from '../../src/model/rename-parts';
import { designProblems } from '../../src/model/validate';
import { answerInFileIds, checkScenarioText, designWithShownIds, gradeIdentify, gradeSubmission, scenarioHash, selfCheckScenario, shownIds, type IdentifyScenario } from '../../src/scenarios';
import { emptyProgress, isMasked, useScenarioStore } from '../../src/store/scenarioStore';
import { bundledByMode, bundledScenario, bundledScenarioText } from './helpers/bundled-scenario';

const identifies = bundledByMode('identify');

/** The file's ids of every component, connection, zone and region. */
const partIds = (s: IdentifyScenario) => new Set([...s.design.nodes, ...s.design.edges, ...s.design.groups].map((p) => p.id));

/** Every string in a value, with the key it sits under. */
function strings(value: unknown, key = ''): { key: string; text: string }[] {
  if (typeof value === 'string') return [{ key, text: value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

/** The right answer to every question, as the file names it. */
const rightAnswers = (s: IdentifyScenario) => Object.fromEntries(s.questions.map((q) => [q.id, q.answer.type === 'click' ? q.answer.nodeIds : q.answer.acceptedKinds[0]!]));

describe('identify: the page shows opaque ids', () => {
  it('no id of the file is left anywhere a part is named, in any bundled identify scenario (words such as kinds and names aside)', () => {
    expect(identifies.length).toBeGreaterThanOrEqual(8);
    for (const s of identifies) {
      const shown = shownIds(s).scenario as IdentifyScenario;
      const fileIds = partIds(s);
      const left = strings({ design: shown.design, questions: shown.questions.map((q) => q.answer), workload: shown.workload, failures: shown.failures, requirements: shown.requirements })
        .filter(({ key, text }) => fileIds.has(text) && key !== 'kind' && key !== 'label' && key !== 'name');
      expect(left, s.id).toEqual([]);
      for (const p of [...shown.design.nodes, ...shown.design.edges, ...shown.design.groups]) expect(p.id, s.id).toMatch(/^(part|link|area)-\d+$/);
    }
  });

  it('is the same at every opening, so saved answers and the saved attempt keep meaning the same parts', () => {
    for (const s of identifies) expect(shownIds(s)).toEqual(shownIds(bundledScenario(s.id)));
  });

  it('follows the story: failures, workloads by client and the answers name the same parts (api-rate-limiter has failures)', () => {
    const s = bundledScenario('api-rate-limiter') as IdentifyScenario;
    expect(s.failures.length).toBeGreaterThan(0);
    const { scenario, fileIds } = shownIds(s);
    const shown = scenario as IdentifyScenario;
    expect(shown.failures.map((f) => fileIds[f.target])).toEqual(s.failures.map((f) => f.target));
    expect(Object.keys(shown.workload.clientRps).map((id) => fileIds[id])).toEqual(Object.keys(s.workload.clientRps));
    expect(designProblems(shown.design)).toEqual([]);
    expect(selfCheckScenario(shown)).toEqual([]);
  });

  it('a design\'s simulation setup follows a renaming: workloads and failure targets (every demo)', () => {
    for (const demo of DEMOS) {
      const renamed = withRenamedIds(demo.design, (id) => `x-${id}`);
      expect(designProblems(renamed), demo.id).toEqual([]);
      expect(renamed.simulation?.failures?.length ?? 0).toBe(demo.design.simulation?.failures?.length ?? 0);
      expect(strings(renamed.simulation).filter(({ text }) => partIds({ design: demo.design } as IdentifyScenario).has(text))).toEqual([]);
    }
  });

  it('grades the same on the page and in the CLI: answers on the page map back to the file\'s ids in a submission', () => {
    for (const s of identifies) {
      const { scenario, fileIds } = shownIds(s);
      const shown = scenario as IdentifyScenario;
      const onPage = rightAnswers(shown);
      expect(gradeIdentify(shown, onPage).score, s.id).toBe(1);
      // The page's ids are not the file's: sent as they are, click answers would be wrong in the CLI.
      if (s.questions.some((q) => q.answer.type === 'click')) expect(gradeIdentify(s, onPage).score, s.id).toBeLessThan(1);
      const answers = Object.fromEntries(Object.entries(onPage).map(([q, a]) => [q, answerInFileIds(a, fileIds)]));
      const graded = gradeSubmission(s, { scenarioId: s.id, scenarioHash: scenarioHash(s), mode: 'identify', answers });
      expect(graded.ok && graded.grade.mode === 'identify' && graded.grade.score, s.id).toBe(1);
    }
  });

  it('an attempt saved under the file\'s ids before is brought to the page\'s; one already on them, or holding a part the learner added under a file\'s id, is left alone', () => {
    const s = bundledScenario('url-shortener') as IdentifyScenario;
    const { scenario, fileIds } = shownIds(s);
    const legacy = { ...s.design, id: 'scenario-url-shortener' };
    const brought = designWithShownIds(legacy, fileIds);
    expect(brought.nodes.map((n) => n.id)).toEqual(scenario.design.nodes.map((n) => n.id));
    expect(brought.edges.map((e) => [e.source, e.target])).toEqual(scenario.design.edges.map((e) => [e.source, e.target]));
    const current = { ...scenario.design, id: 'scenario-url-shortener' };
    expect(designWithShownIds(current, fileIds)).toBe(current);
    const added = { ...current, nodes: [...current.nodes, { ...current.nodes[0]!, id: 'lb', position: { x: 0, y: 900 } }] };
    expect(designWithShownIds(added, fileIds)).toBe(added);
  });

  it('the session shows the page\'s ids and keeps the file for what leaves the app; masking follows the page\'s ids', () => {
    const s = bundledScenario('url-shortener') as IdentifyScenario;
    useScenarioStore.getState().start(s, emptyProgress(s.id), true);
    const session = useScenarioStore.getState().session!;
    expect(session.source).toBe(s);
    const lb = Object.entries(session.fileIds).find(([, file]) => file === 'lb')![0];
    expect(isMasked(session, lb)).toBe(true);
    expect(isMasked(session, 'lb')).toBe(false);
    expect(session.scenario.design.nodes.some((n) => n.id === 'lb')).toBe(false);
    useScenarioStore.getState().exit();
  });

  it('other modes show their own ids', () => {
    const fix = bundledScenario('notification-system');
    expect(shownIds(fix)).toEqual({ scenario: fix, fileIds: {} });
  });
});

describe('scenario check: a prompt may not name the kind a naming question asks for', () => {
  const messages = (text: string) => checkScenarioText(text).issues.map((i) => i.message);

  it('refuses a prompt calling the masked box "the limiter" while another question asks what kind it is', () => {
    const text = bundledScenarioText('api-rate-limiter');
    expect(messages(text)).toEqual([]);
    const told = text.replace("prompt: The box that checks each key's budget is set to fail open", 'prompt: The limiter is set to fail open');
    expect(told).not.toBe(text);
    expect(messages(told)).toEqual([expect.stringContaining('says "limiter", which answers question 1')]);
    // The kind's full name and its id read the same way.
    expect(messages(text.replace("prompt: The box that checks each key's budget is set to fail open", 'prompt: The rate-limiter is set to fail open'))).toEqual([expect.stringContaining('answers question 1')]);
  });

  it('lets a prompt name a kind the learner can see on another card anyway', () => {
    const text = bundledScenarioText('database-or-cache');
    const told = text.replace('prompt: Overnight, the machine that answers the login check is replaced', "prompt: Overnight, the cache's machine is replaced");
    expect(messages(told)).toEqual([expect.stringContaining('says "cache"')]);
    // A second cache, in view, and the word no longer singles out the masked one.
    const second = told.replace(/(\n {2}nodes:\n)/, '$1    - { id: other-cache, kind: cache, label: Song cache, position: { x: 0, y: 900 } }\n');
    expect(second).not.toBe(told);
    expect(messages(second)).toEqual([]);
  });
});

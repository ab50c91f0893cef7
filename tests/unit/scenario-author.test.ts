// Authoring scenarios in the app: a design and a form become a scenario file that passes the same
// check as the bundled ones, YAML export loads back to the same scenario, and share links carry a
// scenario whole or are refused with a message.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { repeatedCharPayload } from './helpers/lz-bomb';
import type { Design } from '../../src/model/types';
import { checkFixInvariants } from '../../src/scenarios/modes/fix/invariants';
import {
  CURRENT_SCENARIO_VERSION,
  decodeScenarioLink,
  draftScenario,
  encodeScenarioLink,
  parseScenarioYaml,
  scenarioSlug,
  scenarioToFile,
  scenarioToYaml,
  validateDraft,
  type CheckName,
  type Scenario,
  type ScenarioDraftMeta,
  type ScenarioFile,
} from '../../src/scenarios';

/** Users -> API -> DB, the API and DB in a zone; positions off the pixel grid, as after dragging. */
function smallDesign(usersRps: number): Design {
  return {
    id: 'd-7f3a',
    name: 'Untitled design',
    nodes: [
      { id: 'users', kind: 'client', label: 'Users', params: { rps: usersRps }, position: { x: 0.4, y: 0 } },
      {
        id: 'api',
        kind: 'service',
        label: 'API',
        // instances 2, concurrency 16 and availability 0.995 are the catalog defaults.
        params: { serviceMs: 20, instances: 1, concurrency: 16, availability: 0.995 },
        position: { x: 260.4, y: 0.6 },
        groupId: 'zone-a',
        resilience: { maxInFlight: 100 },
      },
      { id: 'db', kind: 'relational-db', label: 'DB', params: { readShare: 0.9, replicas: 0, serviceMs: 2 }, position: { x: 519.6, y: -0.2 }, groupId: 'zone-a' },
    ],
    edges: [
      { id: 'e-users-api', source: 'users', target: 'api', mode: 'sync', callsPerRequest: 1, share: 1, resilience: { timeoutMs: 1000 } },
      { id: 'e-api-db', source: 'api', target: 'db', mode: 'sync', callsPerRequest: 2, share: 1, label: 'two queries' },
    ],
    groups: [{ id: 'zone-a', kind: 'zone', label: 'us-east-1a', position: { x: 220.3, y: -40 }, size: { width: 528.6, height: 144 } }],
    simulation: { durationS: 60 },
  };
}

function withApiInstances(design: Design, instances: number): Design {
  const copy = structuredClone(design);
  copy.nodes.find((n) => n.id === 'api')!.params.instances = instances;
  return copy;
}

const common = {
  id: 'tiny-shop',
  title: '  A tiny shop ',
  summary: 'A shop with one API and one database.',
  difficulty: 'beginner',
  estimatedMinutes: 5,
  objectives: ['identify-components'],
  story: 'Tiny Shop sells socks.\r\n\r\n- One API\r\n- One database   \n\n\n',
  hints: ['Follow a request from left to right.', '   '],
} as const;

const identifyMeta = {
  ...common,
  mode: 'identify',
  questions: [
    { prompt: 'Click the database.', answer: { nodeIds: ['db'] }, explanation: 'It keeps the orders.' },
    { id: 'name-it', prompt: 'What kind of component is the API?', answer: { nodeId: 'api', acceptedKinds: ['service'] }, explanation: 'It is a service.' },
  ],
} satisfies ScenarioDraftMeta;

const critiqueMeta = {
  ...common,
  objectives: ['critique-proposal'],
  mode: 'critique',
  key: [
    { target: 'db', category: 'single-point-of-failure', severity: 'high', explanation: 'One database, no replica: when it stops, the shop stops.' },
    { target: 'api', acceptedTargets: ['e-users-api'], category: 'bottleneck', severity: 'medium', explanation: 'One API instance carries everything.' },
  ],
} satisfies ScenarioDraftMeta;

/** 1,000 requests/s on one API instance of 16 workers at 20 ms each (800 requests/s at most): saturated until it has more. */
const fixMeta = (solution: Design, startingDesignFails?: CheckName[]): ScenarioDraftMeta => ({
  ...common,
  objectives: ['scalability-impact'],
  mode: 'fix',
  requirements: { trafficRps: 1000, p99LatencyMs: undefined },
  checks: ['capacity'],
  ...(startingDesignFails ? { startingDesignFails } : {}),
  solution,
});

/** One API instance (design A) against three (design B) at 100 requests/s. */
const compareMeta = (designB: Design): ScenarioDraftMeta => ({
  ...common,
  objectives: ['cost'],
  mode: 'compare',
  designB,
  labels: { a: ' One API ', b: 'Three APIs' },
  questions: [
    { prompt: 'Which costs less?', answer: 'a', metric: 'monthlyCostUsd', explanation: 'Each instance is billed by the hour.' },
    { prompt: 'Which would you pick for a launch?', answer: 'b', explanation: 'Headroom.' },
  ],
  takeaway: 'Capacity costs money.\n',
});

function validScenario(file: ScenarioFile): Scenario {
  const checked = validateDraft(file);
  if (!checked.ok) throw new Error(checked.problems.join('\n'));
  return checked.scenario;
}

function problemsOf(file: ScenarioFile): string[] {
  const checked = validateDraft(file);
  expect(checked.ok).toBe(false);
  return checked.ok ? [] : checked.problems;
}

describe('draftScenario', () => {
  it('writes a compare scenario: design B whole, labels on one line, a question decided by a figure', () => {
    const scenario = validScenario(draftScenario(smallDesign(100), compareMeta(withApiInstances(smallDesign(100), 3))));
    expect(scenario.mode).toBe('compare');
    if (scenario.mode !== 'compare') return;
    expect(scenario.labels).toEqual({ a: 'One API', b: 'Three APIs' });
    expect(scenario.designB.nodes.find((n) => n.id === 'api')!.params.instances).toBe(3);
    expect(scenario.questions.map((q) => [q.id, q.answer, q.metric])).toEqual([
      ['q1', 'a', 'monthlyCostUsd'],
      ['q2', 'b', null],
    ]);
  });

  it('a compare answer the figures contradict is reported in words', () => {
    const meta = compareMeta(withApiInstances(smallDesign(100), 3));
    if (meta.mode !== 'compare') throw new Error('compare');
    const wrong = { ...meta, questions: [{ ...meta.questions[0]!, answer: 'b' as const }] };
    expect(problemsOf(draftScenario(smallDesign(100), wrong)).join('\n')).toMatch(/Question 1, answer: is b, but monthly cost favours a/);
  });

  it('carries the timeline: traffic steps and failures, checked like the rest', () => {
    const meta = { ...critiqueMeta, overTime: [{ atS: 60, shape: 'spike', rps: 400, durationS: 30 }], failures: [{ atS: 90, durationS: 60, kind: 'crash', target: 'db' }] } satisfies ScenarioDraftMeta;
    const scenario = validScenario(draftScenario(smallDesign(100), meta));
    expect(scenario.workload.overTime).toEqual([{ atS: 60, shape: 'spike', rps: 400, durationS: 30 }]);
    expect(scenario.failures).toEqual([{ atS: 90, durationS: 60, kind: 'crash', target: 'db' }]);
    const badTarget = { ...meta, failures: [{ atS: 90, durationS: 60, kind: 'crash', target: 'nope' }] } satisfies ScenarioDraftMeta;
    expect(problemsOf(draftScenario(smallDesign(100), badTarget))).toEqual(['Failure 1, target: there is no component "nope"']);
  });

  it('writes the design the way the file wants it: defaults, the saved simulation setup and the canvas id left out, resilience kept, positions rounded', () => {
    const file = draftScenario(smallDesign(100), identifyMeta);
    expect(file.design).toEqual({
      name: 'Untitled design',
      groups: [{ id: 'zone-a', kind: 'zone', label: 'us-east-1a', position: { x: 220, y: -40 }, size: { width: 529, height: 144 } }],
      nodes: [
        { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, params: { rps: 100 } },
        { id: 'api', kind: 'service', label: 'API', groupId: 'zone-a', position: { x: 260, y: 1 }, params: { instances: 1 }, resilience: { maxInFlight: 100 } },
        { id: 'db', kind: 'relational-db', label: 'DB', groupId: 'zone-a', position: { x: 520, y: 0 }, params: { serviceMs: 2 } },
      ],
      edges: [
        { id: 'e-users-api', source: 'users', target: 'api', mode: 'sync', callsPerRequest: 1, share: 1, resilience: { timeoutMs: 1000 } },
        { id: 'e-api-db', source: 'api', target: 'db', mode: 'sync', callsPerRequest: 2, share: 1, label: 'two queries' },
      ],
    });
    expect(file).toMatchObject({ version: CURRENT_SCENARIO_VERSION, title: 'A tiny shop', story: 'Tiny Shop sells socks.\n\n- One API\n- One database\n', hints: ['Follow a request from left to right.'] });
  });

  it('an identify scenario validates, with click and naming answers', () => {
    const scenario = validScenario(draftScenario(smallDesign(100), identifyMeta));
    expect(scenario.mode).toBe('identify');
    if (scenario.mode !== 'identify') return;
    expect(scenario.questions.map((q) => [q.id, q.answer])).toEqual([
      ['q1', { type: 'click', nodeIds: ['db'] }],
      ['name-it', { type: 'naming', nodeId: 'api', acceptedKinds: ['service'] }],
    ]);
    // Loading puts the catalog defaults back, so the API is as the author had it.
    expect(scenario.design.nodes[1]!.params).toMatchObject({ serviceMs: 20, instances: 1, concurrency: 16, availability: 0.995 });
  });

  it('an identify answer naming a component the design lacks is reported in words', () => {
    const meta: ScenarioDraftMeta = { ...identifyMeta, questions: [{ prompt: 'Click the cache.', answer: { nodeIds: ['cache'] }, explanation: 'There is none.' }] };
    const problems = problemsOf(draftScenario(smallDesign(100), meta));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Question 1, answer.*"cache"/);
  });

  it('a critique scenario validates: its key grades 100% against itself', () => {
    const scenario = validScenario(draftScenario(smallDesign(100), critiqueMeta));
    expect(scenario.mode === 'critique' && scenario.key.map((k) => k.target)).toEqual(['db', 'api']);
  });

  it('a critique key item with a category the format does not know is reported with its place', () => {
    const meta: ScenarioDraftMeta = { ...critiqueMeta, key: [{ target: 'db', category: 'spof' as never, severity: 'low', explanation: 'Again.' }] };
    const problems = problemsOf(draftScenario(smallDesign(100), meta));
    expect(problems.join('\n')).toMatch(/Key item 1, category: must be one of/);
  });

  it('a fix scenario validates when the starting design fails and the reference solution passes; the solution is written whole', () => {
    const design = smallDesign(1000);
    const file = draftScenario(design, fixMeta(withApiInstances(design, 3), ['capacity']));
    expect(file.mode === 'fix' && file.solution).toEqual({ design: { ...file.design, name: undefined, nodes: file.design.nodes.map((n) => (n.id === 'api' ? { ...n, params: { instances: 3 } } : n)) } });
    expect(file.requirements).toEqual({ trafficRps: 1000 });
    const scenario = validScenario(file);
    expect(scenario.mode === 'fix' && scenario.solution.nodes[1]!.params.instances).toBe(3);
  });

  it('a fix scenario with no declared invariants keeps the starting design\'s work: each client must still reach its stores as often', () => {
    const design = smallDesign(1000);
    const file = draftScenario(design, fixMeta(withApiInstances(design, 3), ['capacity']));
    expect(file.mode === 'fix' && file.invariants).toEqual([expect.objectContaining({ from: ['users'], to: ['db'], share: 0.999, callsPerRequest: 1.998 })]);
    const scenario = validScenario(file);
    if (scenario.mode !== 'fix') throw new Error('not fix');
    // The cheat a capacity check alone lets through: one query in a hundred instead of two a request.
    const fewerQueries = structuredClone(design);
    fewerQueries.edges.find((e) => e.id === 'e-api-db')!.callsPerRequest = 0.02;
    expect(checkFixInvariants(scenario, fewerQueries).map((f) => f.message).join(' ')).toMatch(/no longer reach DB/);
    expect(checkFixInvariants(scenario, scenario.solution)).toEqual([]);
  });

  it('a fix scenario whose starting design already passes is refused, and says why', () => {
    const design = withApiInstances(smallDesign(1000), 3);
    expect(problemsOf(draftScenario(design, fixMeta(withApiInstances(design, 4))))).toEqual(['Checks: the starting design already passes every check, so there is nothing to fix']);
  });

  it('a fix scenario whose reference solution misses a check is refused', () => {
    const design = smallDesign(1000);
    const problems = problemsOf(draftScenario(design, fixMeta(design)));
    expect(problems.some((p) => /^The reference solution fails capacity/i.test(p))).toBe(true);
  });

  it('a reference solution with cards on top of each other names the component', () => {
    const design = smallDesign(1000);
    const solution = withApiInstances(design, 3);
    solution.nodes.find((n) => n.id === 'db')!.position = { x: 300, y: 10 };
    const problems = problemsOf(draftScenario(design, fixMeta(solution)));
    expect(problems).toContain('The reference solution, component "db", position: puts "DB" on top of "API" (cards are 188 x 64 px)');
  });

  it('form mistakes come back as sentences naming the field', () => {
    const file = draftScenario(smallDesign(100), { ...identifyMeta, id: 'Tiny Shop!', summary: '', estimatedMinutes: 2.5 });
    expect(problemsOf(file)).toEqual([
      'Id: must be lower-case words joined by hyphens, like url-shortener',
      'Summary: must not be empty',
      'Estimated minutes: must be a whole number (got 2.5)',
    ]);
  });

  it('makes scenario ids from titles', () => {
    expect(scenarioSlug('  Keep a Blög fast -- when it goes viral! ')).toBe('keep-a-blog-fast-when-it-goes-viral');
    expect(scenarioSlug('x'.repeat(100))).toHaveLength(80);
  });
});

const bundledDir = join(import.meta.dirname, '../../scenarios');
const bundled = readdirSync(bundledDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(bundledDir, file), 'utf8') }));

function loadYaml(text: string): Scenario {
  const parsed = parseScenarioYaml(text);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.line}: ${i.path} ${i.message}`).join('\n'));
  return parsed.scenario;
}

describe('scenarioToYaml', () => {
  it.each(bundled)('$file: scenario -> file -> YAML loads back to an equal scenario', ({ text }) => {
    const scenario = loadYaml(text);
    expect(loadYaml(scenarioToYaml(scenarioToFile(scenario)))).toEqual(scenario);
  });

  it('writes like the bundled files: modeline on top, story as a | block, small maps on one line', () => {
    const yaml = scenarioToYaml(draftScenario(smallDesign(100), identifyMeta));
    const lines = yaml.split('\n');
    expect(lines[0]).toBe('# yaml-language-server: $schema=../public/schema/scenario.schema.json');
    expect(lines[1]).toBe(`version: ${CURRENT_SCENARIO_VERSION}`);
    expect(yaml).toContain('story: |\n  Tiny Shop sells socks.\n\n  - One API\n');
    expect(yaml).toContain('      position: { x: 260, y: 1 }\n      params: { instances: 1 }\n      resilience: { maxInFlight: 100 }\n');
    expect(yaml).toContain('    - { id: e-users-api, source: users, target: api, resilience: { timeoutMs: 1000 } }\n');
    expect(yaml).toContain('    - { id: e-api-db, source: api, target: db, callsPerRequest: 2, label: two queries }\n');
    expect(yaml).toContain('    answer: { nodeId: api, acceptedKinds: [ service ] }\n');
    // Defaults are left out: edge mode, empty lists, the design id; so is the saved simulation setup.
    expect(yaml).not.toMatch(/mode: sync|failures:|d-7f3a|simulation/);
  });

  it('keeps any text exactly: quotes, colons, hashes, leading spaces, blank lines, control characters', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('a', 'Z', '1', ' ', '  ', '\n', '\t', '\r', '#', ': ', '- ', '"', "'", '|', '>', '<b>', '&amp;', '{', '}', '[', ',', '\\', '%', '@', '`', '*', '!', '?', 'é', '😀', '\u0000', '\u0085', '\u2028', '\ufeff', 'true', 'null', '0x1F', '~'),
      minLength: 1,
      maxLength: 60,
    });
    const base = draftScenario(smallDesign(100), identifyMeta);
    fc.assert(
      fc.property(tricky, tricky, tricky, tricky, (title, story, explanation, label) => {
        if (base.mode !== 'identify') return;
        const file: ScenarioFile = {
          ...base,
          title: title.slice(0, 120),
          story,
          hints: [label],
          design: { ...base.design, nodes: base.design.nodes.map((n) => (n.id === 'api' ? { ...n, label } : n)) },
          questions: [{ ...base.questions[0]!, explanation: explanation.repeat(3) }],
        };
        const scenario = loadYaml(scenarioToYaml(file));
        expect(scenario.title).toBe(file.title);
        expect(scenario.story).toBe(story);
        expect(scenario.hints).toEqual([label]);
        expect(scenario.design.nodes[1]!.label).toBe(label);
        expect(scenario.mode === 'identify' && scenario.questions[0]!.explanation).toBe(explanation.repeat(3));
      }),
      { numRuns: 150 },
    );
  });

  it('a draft written as YAML loads to the scenario validateDraft gives', () => {
    for (const file of [draftScenario(smallDesign(100), identifyMeta), draftScenario(smallDesign(100), critiqueMeta)]) {
      expect(loadYaml(scenarioToYaml(file))).toEqual(validScenario(file));
    }
  });
});

const HTML_STORY = '<script>alert("x")</script>\n\n<img src=x onerror="alert(1)"> & <b>bold</b> &amp; \'quotes\': yes\n';

describe('HTML in a scenario stays text', () => {
  const file = draftScenario(smallDesign(100), { ...identifyMeta, title: '<i>Tiny</i> & shop', story: HTML_STORY });

  it('in the loaded scenario, through YAML and through a link, character for character', () => {
    const direct = validScenario(file);
    expect(direct.story).toBe(HTML_STORY);
    expect(direct.title).toBe('<i>Tiny</i> & shop');
    expect(loadYaml(scenarioToYaml(file)).story).toBe(HTML_STORY);
    const decoded = decodeScenarioLink(encodeScenarioLink(file));
    expect(decoded?.ok && decoded.scenario.story).toBe(HTML_STORY);
  });
});

describe('scenario share links', () => {
  it('carry a scenario whole', () => {
    const design = smallDesign(1000);
    for (const file of [draftScenario(design, fixMeta(withApiInstances(design, 3))), draftScenario(design, critiqueMeta)]) {
      const link = encodeScenarioLink(file);
      expect(link).toMatch(/^#scenario=[A-Za-z0-9+$-]+$/);
      const decoded = decodeScenarioLink(link);
      if (!decoded?.ok) throw new Error(JSON.stringify(decoded));
      expect(decoded.scenario).toEqual(validScenario(file));
      expect(decoded.file).toEqual(scenarioToFile(decoded.scenario));
      const escaped = link.replace(/\+/g, '%2B').replace(/\$/g, '%24');
      expect(escaped).toContain('%');
      expect(decodeScenarioLink(escaped)).toEqual(decoded);
    }
  });

  it('carry every bundled scenario', () => {
    for (const { file, text } of bundled) {
      const scenario = loadYaml(text);
      const decoded = decodeScenarioLink(encodeScenarioLink(scenarioToFile(scenario)).slice(1));
      expect(decoded?.ok && decoded.scenario, file).toEqual(scenario);
    }
  });

  it('are not claimed when the fragment holds something else', () => {
    expect(decodeScenarioLink('')).toBeNull();
    expect(decodeScenarioLink('#design=abc')).toBeNull();
  });

  it('refuse a damaged link', () => {
    const link = encodeScenarioLink(draftScenario(smallDesign(100), identifyMeta));
    for (const damaged of ['#scenario=', '#scenario=!!!not-lz!!!', link.slice(0, Math.floor(link.length / 2))]) {
      const decoded = decodeScenarioLink(damaged);
      expect(decoded, damaged.slice(0, 40)).toEqual({ ok: false, problems: [expect.stringMatching(/^This scenario link is damaged: it could not be decoded/)] });
    }
  });

  it('refuse a link that is too long before decoding it', () => {
    expect(decodeScenarioLink(`#scenario=${'A'.repeat(200_001)}`)).toEqual({
      ok: false,
      problems: ['This scenario link is too long (200,001 characters; the limit is 200,000). Ask for the scenario as a YAML file instead.'],
    });
  });

  it('refuse a small link that inflates past 10 million characters, saying the limit', () => {
    for (const n of [1, 2, 3, 1000]) expect(repeatedCharPayload(n)).toBe(compressToEncodedURIComponent('a'.repeat(n)));
    const bomb = repeatedCharPayload(10_000_001);
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeScenarioLink(`#scenario=${bomb}`)).toEqual({
      ok: false,
      problems: [
        'This scenario link unpacks to more than 10,000,000 characters (about 10 MB), the most ArchLab opens from a link; it was refused unread. Ask for the scenario as a YAML file instead.',
      ],
    });
  });

  it('refuse a link that holds something other than a scenario, saying what is wrong', () => {
    const decoded = decodeScenarioLink(`#scenario=${compressToEncodedURIComponent(JSON.stringify({ version: 1, id: 'x', mode: 'quiz' }))}`);
    expect(decoded?.ok).toBe(false);
    if (decoded?.ok !== false) return;
    expect(decoded.problems[0]).toBe('This link does not hold a scenario ArchLab can open:');
    expect(decoded.problems[1]).toMatch(/^Mode: must be one of: identify, critique, fix, compare/);
  });
});

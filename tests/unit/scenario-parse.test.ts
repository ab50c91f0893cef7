// Loading scenario files: validation errors name the line and say what is wrong in plain words,
// defaults and patches are applied, and draft (version 0) files are migrated.
import { describe, expect, it } from 'vitest';
import { applyPatch, CURRENT_SCENARIO_VERSION, formatIssue, migrateScenario, parseScenarioObject, parseScenarioYaml, type LocatedIssue, type Scenario } from '../../src/scenarios';

/** A small valid identify scenario, one line per array item so tests know every line number. */
const LINES = [
  'version: 1', // 1
  'id: tiny', // 2
  'title: Tiny', // 3
  'summary: A tiny scenario.', // 4
  'difficulty: beginner', // 5
  'estimatedMinutes: 5', // 6
  'objectives: [identify-components]', // 7
  'mode: identify', // 8
  'story: A small app with an API and a database.', // 9
  'design:', // 10
  '  nodes:', // 11
  '    - { id: users, kind: client, label: Users, position: { x: 0, y: 0 }, params: { rps: 50 } }', // 12
  '    - id: api', // 13
  '      kind: service', // 14
  '      label: API', // 15
  '      position: { x: 260, y: 0 }', // 16
  '    - { id: db, kind: relational-db, label: DB, position: { x: 520, y: 0 } }', // 17
  '  edges:', // 18
  '    - { id: e1, source: users, target: api }', // 19
  '    - { id: e2, source: api, target: db }', // 20
  'questions:', // 21
  '  - prompt: Click the database.', // 22
  '    answer: db', // 23
  '    explanation: It keeps the data.', // 24
];
const TEXT = LINES.join('\n');

function withLine(line: number, text: string): string {
  return LINES.map((l, i) => (i + 1 === line ? text : l)).join('\n');
}

function issues(text: string): LocatedIssue[] {
  const r = parseScenarioYaml(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.issues;
}

function loaded(text: string): Scenario {
  const r = parseScenarioYaml(text);
  if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
  return r.scenario;
}

describe('valid files', () => {
  it('loads, filling catalog defaults and edge defaults', () => {
    const s = loaded(TEXT);
    expect(s.mode).toBe('identify');
    const api = s.design.nodes.find((n) => n.id === 'api')!;
    expect(api.params.instances).toBe(2);
    expect(api.params.serviceMs).toBe(20);
    expect(s.design.edges[0]).toEqual({ id: 'e1', source: 'users', target: 'api', mode: 'sync', callsPerRequest: 1, share: 1 });
    expect(s.design.id).toBe('tiny-design');
    expect(s.workload.clientRps).toEqual({ users: 50 });
    if (s.mode === 'identify') expect(s.questions[0]).toMatchObject({ id: 'q1', answer: { type: 'click', nodeIds: ['db'] } });
  });

  it('scales the clients to requirements.trafficRps when the workload names no rates', () => {
    const s = loaded(`${TEXT}\nrequirements: { trafficRps: 400 }`);
    expect(s.workload.clientRps).toEqual({ users: 400 });
  });

  it('loads the same scenario from a plain object, without line numbers', () => {
    const r = parseScenarioObject({ ...loadedRaw(), title: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'title', line: null, message: 'must not be empty' });
  });
});

function loadedRaw(): Record<string, unknown> {
  const s = loaded(TEXT);
  const { design, workload: _workload, ...rest } = s as Scenario & { questions: unknown[] };
  return { ...rest, design: { nodes: design.nodes, edges: design.edges } };
}

describe('validation errors say where and what', () => {
  it('gives the line of a YAML syntax error', () => {
    const [issue] = issues(withLine(19, '    - { id: e1, source: users, target: api'));
    expect(issue!.line).toBeGreaterThanOrEqual(19);
    expect(issue!.message).toMatch(/^YAML syntax: /);
  });

  it('names a wrong kind on its line, with the choices', () => {
    const [issue] = issues(withLine(14, '      kind: servce'));
    expect(issue).toMatchObject({ path: 'design.nodes[1].kind', line: 14 });
    expect(issue!.message).toMatch(/^must be one of: client, dns, .*service.* \(got "servce"\)$/);
    expect(formatIssue(issue!, 'x.yaml')).toBe(`x.yaml:14: design.nodes[1].kind ${issue!.message}`);
  });

  it('suggests the field meant by a misspelt one', () => {
    const found = issues(withLine(6, 'estimatedMinute: 5'));
    expect(found).toContainEqual(expect.objectContaining({ path: 'estimatedMinute', line: 6, message: 'is not a field here (did you mean "estimatedMinutes"?)' }));
    expect(found).toContainEqual(expect.objectContaining({ path: 'estimatedMinutes', message: 'is missing' }));
  });

  it('loads resilience settings, and names a misspelt one at any depth', () => {
    const good = loaded(withLine(19, '    - { id: e1, source: users, target: api, resilience: { timeoutMs: 800, retry: { maxRetries: 2 } } }'));
    expect(good.design.edges[0]!.resilience).toEqual({ timeoutMs: 800, retry: { maxRetries: 2 } });
    const typo = issues(withLine(19, '    - { id: e1, source: users, target: api, resilience: { retry: { maxRetrys: 2 } } }'));
    expect(typo).toContainEqual(expect.objectContaining({ path: 'design.edges[0].resilience.retry.maxRetrys', line: 19, message: 'is not a field here (did you mean "maxRetries"?)' }));
    expect(issues(withLine(16, '      position: { x: 260, y: 0 }\n      resilience: { healthCheck: 2 }'))).toContainEqual(
      expect.objectContaining({ path: 'design.nodes[1].resilience.healthCheck', message: 'is not a field here (did you mean "healthCheckS"?)' }),
    );
  });

  it('says a required field is missing, at the line of the part that lacks it', () => {
    const found = issues(LINES.filter((_, i) => i + 1 !== 15).join('\n'));
    expect(found).toContainEqual({ path: 'design.nodes[1].label', line: 13, column: 7, message: 'is missing' });
  });

  it('explains a colon inside unquoted text', () => {
    const [inList] = issues(`${TEXT}\nhints:\n  - Look closer: the database.`);
    expect(inList).toMatchObject({ path: 'hints[0]', line: 26 });
    expect(inList!.message).toMatch(/put the text in quotes/);
    const [inMapping] = issues(withLine(24, '    explanation: Two things: the data and the backups.'));
    expect(inMapping).toMatchObject({ path: '', line: 24 });
    expect(inMapping!.message).toMatch(/^YAML syntax: .*put the text in quotes/);
  });

  it('reports numbers out of range and parameters the kind does not have', () => {
    expect(issues(withLine(6, 'estimatedMinutes: 0'))[0]).toMatchObject({ line: 6, message: 'must be at least 1 (got 0)' });
    const [param] = issues(withLine(16, '      position: { x: 260, y: 0 }\n      params: { hitRatio: 0.5 }'));
    expect(param).toMatchObject({ path: 'design.nodes[1].params.hitRatio', line: 17 });
    expect(param!.message).toMatch(/Service has no setting called "hitRatio"\. \(component "API"\)/);
  });

  it('reports a connection to a component that does not exist', () => {
    expect(issues(withLine(20, '    - { id: e2, source: api, target: dbx }'))).toContainEqual({
      path: 'design.edges[1].target',
      line: 20,
      column: 30,
      message: 'there is no component "dbx"',
    });
  });

  it('reports an answer naming a component that does not exist', () => {
    expect(issues(withLine(23, '    answer: database'))[0]).toMatchObject({ path: 'questions[0].answer', line: 23, message: 'there is no component "database" in the design' });
  });

  it('rejects a naming question whose accepted kinds do not fit the design', () => {
    const [issue] = issues(withLine(23, '    answer: { nodeId: db, acceptedKinds: [cache] }'));
    expect(issue).toMatchObject({ path: 'questions[0].answer.acceptedKinds', line: 23 });
    expect(issue!.message).toMatch(/"DB" is a relational-db/);
  });

  it('reports an unknown mode with the choices', () => {
    expect(issues(withLine(8, 'mode: quiz'))[0]).toMatchObject({ path: 'mode', line: 8, message: 'must be one of: identify, critique, fix, compare (got "quiz")' });
  });

  it('reports failures aimed at the wrong sort of thing', () => {
    const found = issues(`${TEXT}\nfailures:\n  - { atS: 0, durationS: 60, kind: zone-loss, target: db }\n  - { atS: 0, durationS: 60, kind: slow, target: db }`);
    expect(found).toContainEqual(expect.objectContaining({ path: 'failures[0].target', line: 26, message: expect.stringMatching(/needs a zone or region id/) }));
    expect(found).toContainEqual(expect.objectContaining({ path: 'failures[1]', line: 27, message: expect.stringMatching(/needs a factor/) }));
  });

  it('reports workload rates for unknown clients and rates that disagree with trafficRps', () => {
    const found = issues(`${TEXT}\nrequirements: { trafficRps: 100 }\nworkload:\n  rps: { users: 50, bots: 10 }`);
    expect(found.map((i) => i.path)).toEqual(['requirements.trafficRps', 'workload.rps.bots']);
  });

  it('is not a scenario when it is not a mapping', () => {
    expect(issues('- just\n- a list')[0]!.message).toMatch(/does not contain a scenario/);
  });
});

describe('fix scenarios: solution as a patch', () => {
  const fix = (patch: string) =>
    TEXT.replace('mode: identify', 'mode: fix').replace(/questions:[\s\S]*$/, `requirements: { p99LatencyMs: 100 }\nchecks: [p99LatencyMs]\nsolution:\n  patch:\n${patch}`);

  it('applies the patch to a copy of the starting design', () => {
    const s = loaded(fix('    - { op: set-param, node: api, param: instances, value: 4 }\n    - { op: remove-node, node: db }'));
    expect(s.mode).toBe('fix');
    if (s.mode !== 'fix') return;
    expect(s.solution.nodes.find((n) => n.id === 'api')!.params.instances).toBe(4);
    expect(s.solution.nodes.map((n) => n.id)).toEqual(['users', 'api']);
    expect(s.solution.edges.map((e) => e.id)).toEqual(['e1']);
    expect(s.design.nodes.find((n) => n.id === 'api')!.params.instances).toBe(2);
  });

  it('points at the patch step that cannot apply', () => {
    const [issue] = issues(fix('    - { op: set-param, node: api, param: instances, value: 4 }\n    - { op: remove-edge, edge: e9 }'));
    expect(issue).toMatchObject({ path: 'solution.patch[1]', line: 26, message: 'there is no connection "e9" to remove' });
  });

  it('requires a target in requirements for every check', () => {
    const text = fix('    - { op: set-param, node: api, param: instances, value: 4 }').replace('checks: [p99LatencyMs]', 'checks: [p99LatencyMs, availability]');
    expect(issues(text)[0]).toMatchObject({ path: 'checks[1]', message: 'checks availability, but requirements gives no availability target' });
  });

  it('applyPatch leaves its input alone and reports each failing step', () => {
    const s = loaded(TEXT);
    const before = JSON.stringify(s.design);
    const r = applyPatch(s.design, [
      { op: 'set-edge', edge: 'e1', share: 0.5 },
      { op: 'add-node', node: { id: 'api', kind: 'cache', label: 'dup', position: { x: 0, y: 300 } } },
    ]);
    expect(JSON.stringify(s.design)).toBe(before);
    expect(r.design.edges[0]!.share).toBe(0.5);
    expect(r.problems).toEqual([{ index: 1, message: 'a component "api" already exists' }]);
  });
});

describe('migration', () => {
  const DRAFT = [
    'version: 0',
    'id: tiny',
    'name: Tiny draft',
    'level: beginner',
    'minutes: 5',
    'goals: [identify-components]',
    'mode: identify',
    'story: A small app. It has an API.',
    'rps: 80',
    'slo: { p99Ms: 200, costUsd: 300 }',
    'design:',
    '  nodes:',
    '    - { id: users, kind: client, label: Users, at: [0, 0] }',
    '    - { id: api, kind: service, label: API, at: [260, 0] }',
    '  edges:',
    '    - { id: e1, source: users, target: api }',
    'questions:',
    '  - { prompt: Click the API., answer: api, explanation: It answers. }',
  ].join('\n');

  it('brings a version 0 draft up to the current version', () => {
    const r = parseScenarioYaml(DRAFT);
    if (!r.ok) throw new Error(r.issues.map((i) => formatIssue(i)).join('\n'));
    expect(r.migratedFrom).toBe(0);
    expect(r.scenario).toMatchObject({
      version: CURRENT_SCENARIO_VERSION,
      title: 'Tiny draft',
      difficulty: 'beginner',
      estimatedMinutes: 5,
      objectives: ['identify-components'],
      summary: 'A small app.',
      requirements: { trafficRps: 80, p99LatencyMs: 200, monthlyCostUsd: 300 },
    });
    expect(r.scenario.design.nodes[1]!.position).toEqual({ x: 260, y: 0 });
    expect(r.scenario.workload.clientRps).toEqual({ users: 80 });
  });

  it('refuses files that are newer or have no version', () => {
    expect(migrateScenario({ version: 7 }, 1)).toEqual({ error: expect.stringMatching(/version 7, newer than this ArchLab/) });
    expect(issues(TEXT.replace('version: 1\n', ''))[0]).toMatchObject({ path: 'version', message: expect.stringMatching(/no "version" number/) });
  });

  it('leaves current files alone', () => {
    const file = { version: 1, id: 'x' };
    expect(migrateScenario(file, 1)).toEqual({ file });
  });
});

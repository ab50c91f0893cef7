// Every way a design or scenario gets in (a design file, a share link, a scenario file or link, a
// submission, a drawing from another tool, a record stored in the browser), fed random and
// mutated-valid input: each must either load something valid or refuse with a message in words,
// never throw, never hang. Inputs are kept small (bounded sizes; the size limits themselves are
// tested in input-limits.test.ts), so every case finishes fast and a hang shows as a timeout.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesignFile, serializeDesign } from '../../src/model/file';
import { checkDesign } from '../../src/model/validate';
import { exampleDesign } from '../../src/model/example';
import { decodeShareFragment, encodeShareFragment } from '../../src/app/share';
import { mermaidToDesign, designToMermaid } from '../../src/model/mermaid';
import { drawioToDesign } from '../../src/model/drawio';
import { excalidrawToDesign } from '../../src/model/excalidraw';
import { encodeFragment } from '../../src/model/link-codec';
import {
  buildSubmission,
  decodeScenarioLink,
  encodeScenarioLink,
  gradeSubmission,
  issueText,
  parseScenarioObject,
  parseScenarioYaml,
  parseSubmission,
  scenarioToFile,
  type Scenario,
} from '../../src/scenarios';
import * as stored from '../../src/store/persistence';
import { bundledScenario } from './helpers/bundled-scenario';
import { mutatedJson } from './helpers/mutated-json';
import type { Design } from '../../src/model/types';

const fixtures = join(import.meta.dirname, '../fixtures/import');
const RUNS = 120; // cases per property: enough to reach every branch the mutations can, quick on a busy 2-core machine

// ---- what counts as a clear refusal ----

/** Words that mean an error escaped from the code (or the schema library's own wording) instead of being explained to the learner. */
const LEAKED = /\[object Object\]|TypeError|ReferenceError|RangeError|SyntaxError: Unexpected|Cannot read propert|is not a function|is not iterable|Maximum call stack|\bundefined is\b|of undefined|of null\b|Invalid (key|type|value|length)\b|but received\b/;

function expectClearMessages(messages: readonly string[]) {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(typeof m).toBe('string');
    expect(m.trim().length).toBeGreaterThan(0);
    expect(m).not.toMatch(LEAKED);
  }
}

/** A design that loaded must pass the one design checker and survive a save and reload. */
function expectValidDesign(design: Design) {
  expect(checkDesign(design)).toEqual([]);
  const again = parseDesignFile(serializeDesign(design));
  expect(again.ok).toBe(true);
}

type Loaded = { ok: true; design: Design } | { ok: false; errors: string[] };
function expectDesignOrRefusal(result: Loaded) {
  if (result.ok) expectValidDesign(result.design);
  else expectClearMessages(result.errors);
}

// ---- mutations of valid input ----

/** Pieces that break parsers in interesting ways: structure, escapes, odd numbers, YAML tags and anchors, odd line breaks, prototype keys. */
const TOKENS = [
  '{', '}', '[', ']', '"', "'", ':', ',', '\\', '\\u', '\u2028', '\r', '\t', '\u0000', '\uD800', '#', '---', '- ', '&a ', '*a', '<<: *a', '!!js/function ', '!!binary ',
  '1e308', '-1e308', '-0', '0x10', '.nan', '.inf', 'NaN', 'null', '~', 'true', '"__proto__":', '__proto__: ', 'constructor', 'prototype',
  '"nodes": [', '"edges":', 'id: ', 'kind: ', '999999999999999999999', '<', '</mxCell>', '<![CDATA[', '&lt;', '-->', 'A-->B', 'subgraph ', 'end',
];

type Edit = { at: number; cut: number; insert: string };
const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  cut: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(60)),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 })),
});

/** The text with a few cuts and insertions at random places. */
function mutatedText(valid: string): fc.Arbitrary<string> {
  return fc.array(editArb, { minLength: 1, maxLength: 6 }).map((edits) => {
    let t = valid;
    for (const { at, cut, insert } of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + insert + t.slice(i + cut);
    }
    return t;
  });
}

const example = exampleDesign();
const exampleFile = JSON.parse(serializeDesign(example)) as unknown;

// ---- the loaders ----

describe('design file', () => {
  it('arbitrary text loads or is refused in words', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (text) => expectDesignOrRefusal(parseDesignFile(text))), { numRuns: RUNS });
  });
  it('arbitrary JSON values load or are refused in words', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => expectDesignOrRefusal(parseDesignFile(JSON.stringify(value)))), { numRuns: RUNS });
  });
  it('a valid file with its text cut and spliced loads or is refused in words', () => {
    fc.assert(fc.property(mutatedText(serializeDesign(example)), (text) => expectDesignOrRefusal(parseDesignFile(text))), { numRuns: RUNS });
  });
  it('a valid file with one value replaced or removed loads or is refused in words', () => {
    fc.assert(fc.property(mutatedJson(exampleFile), (value) => expectDesignOrRefusal(parseDesignFile(JSON.stringify(value)))), { numRuns: RUNS * 2 });
  });
});

describe('design share link', () => {
  it('an arbitrary fragment opens a design, is refused in words, or is not a design link', () => {
    const fragment = fc.oneof(fc.string({ maxLength: 500 }).map((s) => `#design=${s}`), mutatedText(encodeShareFragment(example)), fc.string({ maxLength: 200 }));
    fc.assert(
      fc.property(fragment, (hash) => {
        const result = decodeShareFragment(hash);
        if (result) expectDesignOrRefusal(result);
      }),
      { numRuns: RUNS },
    );
  });
  it('a well-formed link carrying a mutated design opens it or is refused in words', () => {
    fc.assert(fc.property(mutatedJson(exampleFile), (value) => expectDesignOrRefusal(decodeShareFragment(encodeFragment('design', value))!)), { numRuns: RUNS });
  });
});

/** A scenario that loaded has what the app reads first, and exports and reloads. */
function expectScenarioOrRefusal(result: { ok: true; scenario: Scenario } | { ok: false; messages: string[] }) {
  if (!result.ok) return expectClearMessages(result.messages);
  expect(result.scenario.id).toMatch(/^[a-z0-9-]+$/);
  expect(checkDesign(result.scenario.design)).toEqual([]);
  expect(parseScenarioObject(scenarioToFile(result.scenario)).ok).toBe(true);
}

const yamlResult = (text: string) => {
  const r = parseScenarioYaml(text);
  return r.ok ? r : { ok: false as const, messages: r.issues.map(issueText) };
};

describe('scenario file (YAML)', () => {
  const sources = ['url-shortener', 'multi-zone-failover'].map((id) => readFileSync(join(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8'));
  it('arbitrary text loads or is refused in words', () => {
    fc.assert(fc.property(fc.string({ maxLength: 1500 }), (text) => expectScenarioOrRefusal(yamlResult(text))), { numRuns: RUNS });
  });
  it('a bundled file with its text cut and spliced loads or is refused in words', () => {
    fc.assert(fc.property(fc.constantFrom(...sources).chain(mutatedText), (text) => expectScenarioOrRefusal(yamlResult(text))), { numRuns: RUNS });
  });
  it('a bundled scenario with one value replaced or removed loads or is refused in words', () => {
    const file = JSON.parse(JSON.stringify(scenarioToFile(bundledScenario('url-shortener')))) as unknown;
    fc.assert(
      fc.property(mutatedJson(file), (value) => {
        const r = parseScenarioObject(value);
        expectScenarioOrRefusal(r.ok ? r : { ok: false, messages: r.issues.map(issueText) });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('scenario link', () => {
  const file = JSON.parse(JSON.stringify(scenarioToFile(bundledScenario('url-shortener')))) as unknown;
  it('an arbitrary or damaged fragment opens a scenario, is refused in words, or is not a scenario link', () => {
    const fragment = fc.oneof(fc.string({ maxLength: 500 }).map((s) => `#scenario=${s}`), mutatedText(encodeScenarioLink(scenarioToFile(bundledScenario('url-shortener')))));
    fc.assert(
      fc.property(fragment, (hash) => {
        const r = decodeScenarioLink(hash);
        if (r) expectScenarioOrRefusal(r.ok ? r : { ok: false, messages: r.problems });
      }),
      { numRuns: RUNS },
    );
  });
  it('a well-formed link carrying a mutated scenario opens it or is refused in words', () => {
    fc.assert(
      fc.property(mutatedJson(file), (value) => {
        const r = decodeScenarioLink(encodeFragment('scenario', value))!;
        expectScenarioOrRefusal(r.ok ? r : { ok: false, messages: r.problems });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('submission file', () => {
  const scenario = bundledScenario('url-shortener');
  const valid = buildSubmission(scenario, { mode: 'identify', answers: { entry: 'load-balancer', 'fast-path': 'cache' }, attempts: { entry: 1, 'fast-path': 2 } }, { learner: 'Ida', submittedAt: '2026-12-03T12:00:00Z' });
  it('arbitrary and mutated submissions are read and graded, or refused in words', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutatedJson(valid)), (raw) => {
        const parsed = parseSubmission(raw);
        if (!parsed.ok) return expectClearMessages([parsed.error]);
        const graded = gradeSubmission(scenario, parsed.submission);
        if (!graded.ok) expectClearMessages([graded.error]);
        else expect(graded.grade).toBeTruthy();
      }),
      { numRuns: RUNS },
    );
  });
});

describe('drawings from other tools', () => {
  const mermaid = designToMermaid(example);
  const drawio = readFileSync(join(fixtures, 'three-tier.drawio'), 'utf8');
  const excalidraw = readFileSync(join(fixtures, 'three-tier.excalidraw'), 'utf8');
  const readers: [string, (text: string) => Loaded, string][] = [
    ['Mermaid flowchart', (t) => mermaidToDesign(t), mermaid],
    ['draw.io diagram', (t) => drawioToDesign(t), drawio],
    ['Excalidraw drawing', (t) => excalidrawToDesign(t), excalidraw],
  ];
  for (const [name, read, valid] of readers) {
    it(`${name}: arbitrary and cut-and-spliced text becomes a valid design or is refused in words`, () => {
      expectDesignOrRefusal(read(valid)); // the fixture itself reads
      fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 1500 }), mutatedText(valid)), (text) => expectDesignOrRefusal(read(text))), { numRuns: RUNS });
    });
  }
});

describe('records stored in the browser', () => {
  let serial = 0;
  it('whatever a design record holds, it opens as a valid design or is listed as needing repair with reasons', async () => {
    const anyRecord = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      mutatedJson({ format: 'archlab-design', version: JSON.parse(serializeDesign(example)).version, revision: 3, design: example }),
    );
    await fc.assert(
      fc.asyncProperty(anyRecord, async (raw) => {
        serial += 1;
        const id = `fuzz-${serial}`;
        const { set, createStore } = await import('idb-keyval');
        try {
          await set(`design:${id}`, raw, createStore('archlab', 'designs'));
        } catch {
          return; // a value IndexedDB cannot store cannot be found there either
        }
        const record = await stored.readStoredDesign(id);
        if (raw === undefined) {
          expect(record).toBeNull(); // a stored undefined reads as no record
          await stored.deleteDesign(id);
          return;
        }
        expect(record).not.toBeNull();
        if (record!.ok) expectValidDesign(record!.design);
        else expectClearMessages(record!.problems);
        const listed = (await stored.listDesigns()).find((d) => d.id === id);
        expect(listed).toBeDefined();
        expect(typeof listed!.name).toBe('string');
        if (!record!.ok) expectClearMessages(listed!.needsRepair ?? []);
        await stored.deleteDesign(id);
      }),
      { numRuns: 60 },
    );
  });
});

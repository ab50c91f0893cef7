// A design handed to the scenario door (or a scenario to the design door) says so in the
// learner's words and gives the way to open it through the right one; schema messages carry no
// library wording, and a field suggestion comes from the fields allowed where the word stands.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment } from '../../src/app/share';
import { exampleDesign } from '../../src/model/example';
import { parseDesignFile, serializeDesign } from '../../src/model/file';
import { kindOfData, kindOfText } from '../../src/model/file-kind';
import { encodeFragment, relink } from '../../src/model/link-codec';
import { withArticle } from '../../src/model/format';
import { fieldNamesAt, nearestField } from '../../src/model/issue-words';
import { decodeScenarioLink, encodeScenarioLink, parseScenarioYaml, scenarioToFile } from '../../src/scenarios';
import { ScenarioFileSchema } from '../../src/scenarios/modes';
import { bundledScenario } from './helpers/bundled-scenario';

const folder = join(import.meta.dirname, '../../scenarios');
const urlShortenerYaml = readFileSync(join(folder, 'url-shortener.yaml'), 'utf8');
const urlShortener = bundledScenario('url-shortener');

describe('a link given to the wrong door', () => {
  it('a design in a scenario link says it is a design, names it, and its design link opens that design', () => {
    const design = exampleDesign();
    const hash = encodeShareFragment(design).replace('#design=', '#scenario=');
    const decoded = decodeScenarioLink(hash);
    if (decoded?.ok !== false) throw new Error('a design must not open as a scenario');
    expect(decoded.problems).toEqual([`This is a link to a design, not to a scenario: it holds the design “${design.name}”. Open it as a design to get your own copy of it.`]);
    expect(decoded.problems.join(' ')).not.toMatch(/Mode|must be one of|newer|Update ArchLab/);
    const opened = decodeShareFragment(decoded.designHash!);
    expect(opened?.ok && opened.design).toEqual(design);
  });

  it('a scenario in a design link says it is a scenario, names it, and its scenario link opens that scenario', () => {
    const hash = encodeScenarioLink(scenarioToFile(urlShortener)).replace('#scenario=', '#design=');
    const decoded = decodeShareFragment(hash);
    if (decoded?.ok !== false || !('scenarioHash' in decoded)) throw new Error(`a scenario must be recognised: ${JSON.stringify(decoded)}`);
    expect(decoded.errors).toEqual([`This is a link to a scenario, not to a design: it holds the scenario “${urlShortener.title}”. Open it as a scenario to work through it.`]);
    const opened = decodeScenarioLink(decoded.scenarioHash);
    expect(opened?.ok && opened.scenario).toEqual(urlShortener);
  });

  it('something that is neither gets the door’s own reasons, and no offer of the other door', () => {
    for (const junk of [{ version: 2, nodes: [] }, { title: 'no mode' }, { mode: 'fix' }, [1, 2], 'text', { format: 'other', mode: 'fix', title: 't' }]) {
      const asDesign = decodeShareFragment(encodeFragment('design', junk));
      const asScenario = decodeScenarioLink(encodeFragment('scenario', junk));
      expect(asDesign?.ok, JSON.stringify(junk)).toBe(false);
      expect(asScenario?.ok).toBe(false);
      expect(asDesign && 'scenarioHash' in asDesign).toBe(false);
      expect(asScenario && !asScenario.ok && asScenario.designHash).toBeUndefined();
    }
  });

  it('a damaged design in a scenario link is still called a design: its own faults are told by the design door', () => {
    const file = JSON.parse(serializeDesign(exampleDesign())) as { design: { nodes: { params: Record<string, unknown> }[] } };
    file.design.nodes[1]!.params.instances = 0;
    const decoded = decodeScenarioLink(encodeFragment('scenario', file));
    expect(decoded?.ok === false && decoded.designHash).toBeTruthy();
    const asDesign = decodeShareFragment((decoded as { designHash: string }).designHash);
    expect(asDesign?.ok === false && asDesign.errors.join(' ')).toMatch(/Instances must be a whole number from 1 to 1000 \(got 0\)/);
  });

  it('relink keeps the payload and changes only the door', () => {
    expect(relink('#design=AbC+$-', 'scenario')).toBe('#scenario=AbC+$-');
    expect(relink('scenario=x%2B', 'design')).toBe('#design=x%2B');
  });
});

describe('a file given to the wrong door', () => {
  it('every bundled scenario file reads as a scenario with its title, and does not open as a design', () => {
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(join(folder, name), 'utf8');
      const parsed = parseScenarioYaml(text);
      if (!parsed.ok) throw new Error(name);
      expect(kindOfText(text), name).toEqual({ kind: 'scenario', name: parsed.scenario.title });
      expect(parseDesignFile(text).ok).toBe(false);
    }
  });

  it('a design file reads as a design with its name, and does not open as a scenario', () => {
    const text = serializeDesign(exampleDesign());
    expect(kindOfText(text)).toEqual({ kind: 'design', name: exampleDesign().name });
    expect(parseScenarioYaml(text).ok).toBe(false);
    expect(kindOfData(JSON.parse(text))).toEqual({ kind: 'design', name: exampleDesign().name });
  });

  it('text that merely mentions the fields is neither', () => {
    const nested = urlShortenerYaml.replace(/^mode:/m, '  mode:');
    expect(kindOfText(nested)).toBeNull();
    expect(kindOfText('flowchart LR\n  A-->B\nmode: fix')).toBeNull(); // no title: not a scenario
    expect(kindOfText('{"name": "x", "mode": "fix"}')).toBeNull();
    expect(kindOfText('<mxfile><diagram name="archlab-design"/></mxfile>')).toBeNull();
    expect(kindOfData({ format: 'archlab-designs', design: {} })).toBeNull();
  });
});

describe('schema messages in plain words', () => {
  it('a design file missing fields or holding the wrong types says "is missing" and "must be", never the library’s wording', () => {
    const file = JSON.parse(serializeDesign(exampleDesign())) as { design: Record<string, unknown> & { nodes: Record<string, unknown>[] } };
    delete file.design.id;
    file.design.nodes[0]!.label = 5;
    (file.design.nodes[1]!.params as Record<string, unknown>).instances = 'abc';
    const r = parseDesignFile(JSON.stringify(file));
    if (r.ok) throw new Error('must be refused');
    expect(r.errors).toEqual([
      'Field "id" is missing.',
      `Component "${exampleDesign().nodes[0]!.id}" (nodes[0]): label must be text (got 5).`,
      `Component "${exampleDesign().nodes[1]!.label}" (nodes[1]): params.instances must be a number (got "abc").`,
    ]);
  });

  it('an unknown field is matched only against the fields allowed where it stands, and never against itself', () => {
    const topLevel = fieldNamesAt(ScenarioFileSchema, []);
    expect(topLevel).toEqual(expect.arrayContaining(['id', 'title', 'story', 'mode']));
    expect(topLevel).not.toContain('maxRetries');
    // "a" is a field somewhere in a scenario (the issue's message suggested it for itself), but not at the top.
    const withA = parseScenarioYaml(`${urlShortenerYaml}\na: 1\n`);
    expect(withA.ok === false && withA.issues.map((i) => i.message)).toEqual(['is not a field here']);
    const withTypo = parseScenarioYaml(`${urlShortenerYaml}\nstoryy: 1\n`);
    expect(withTypo.ok === false && withTypo.issues.map((i) => i.message)).toEqual(['is not a field here (did you mean "story"?)']);
    expect(nearestField('title', ['title', 'titles'])).toBe('');
    expect(nearestField('Title', ['title'])).toBe(' (did you mean "title"?)');
    expect(nearestField('maxRetrys', topLevel)).toBe('');
  });

  it('articles follow the sound of the word', () => {
    expect(['service', 'error-rate', 'API gateway', 'object-storage', 'Excalidraw drawing', 'unique ID', 'identify', 'one-way call'].map(withArticle)).toEqual([
      'a service',
      'an error-rate',
      'an API gateway',
      'an object-storage',
      'an Excalidraw drawing',
      'a unique ID',
      'an identify',
      'a one-way call',
    ]);
  });
});

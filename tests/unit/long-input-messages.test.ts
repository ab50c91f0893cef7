// A file may hold a megabyte-long name, value or field name (the file limit is 20 MB). The
// messages that refuse it quote what the learner wrote, but only the start of it: a refusal of
// nine such fields once came to 36 MB of text for the error dialog to lay out. A short quote is
// kept whole, and a message's own words (where, and what is wrong) are never cut.
import { describe, expect, it } from 'vitest';
import { exampleDesign } from '../../src/model/example';
import { parseDesignFile, serializeDesign } from '../../src/model/file';
import { boundedMessage } from '../../src/model/issue-words';
import { parseScenarioYaml, scenarioToFile } from '../../src/scenarios';
import { stringify } from 'yaml';
import { bundledScenario } from './helpers/bundled-scenario';

const LONG = 1_000_000; // characters: a long field, well under the 20 MB file limit
const MESSAGE_MOST = 600; // characters: a few lines of a dialog

function designFile(change: (design: Record<string, unknown> & { nodes: Array<Record<string, unknown> & { params: Record<string, unknown> }> }) => void): string {
  const file = JSON.parse(serializeDesign(exampleDesign())) as { design: Parameters<typeof change>[0] };
  change(file.design);
  return JSON.stringify(file);
}

function refusal(text: string): string[] {
  const r = parseDesignFile(text);
  if (r.ok) throw new Error('the file must be refused');
  return r.errors;
}

describe('messages about very long input quote only its start', () => {
  it('a long label, value and setting name are each refused in a message of a few lines that still says where and what', () => {
    const errors = refusal(
      designFile((d) => {
        d.nodes[1]!.label = 'L'.repeat(LONG);
        d.nodes[2]!.params.serviceMs = 'z'.repeat(LONG);
        d.nodes[3]!.params['p'.repeat(LONG)] = 1;
      }),
    );
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.length).toBeLessThanOrEqual(MESSAGE_MOST);
    const all = errors.join('\n');
    expect(all).toMatch(/label is longer than 200 characters/);
    expect(all).toMatch(/\(nodes\[1\]\)/);
    expect(all).toMatch(/1,000,000 characters/);
  });

  it('a scenario whose design holds a very long setting name is refused in a short message and path', () => {
    const file = scenarioToFile(bundledScenario('url-shortener')) as unknown as { design: { nodes: Array<{ params: Record<string, unknown> }> } };
    file.design.nodes[0]!.params['T'.repeat(LONG - 100_000)] = 1; // under the 2 MB scenario file limit
    const yaml = stringify(file, { lineWidth: 0 });
    const r = parseScenarioYaml(yaml);
    if (r.ok) throw new Error('a million-character label must be refused');
    expect(r.issues.length).toBeGreaterThan(0);
    for (const issue of r.issues) {
      expect(issue.message.length).toBeLessThanOrEqual(MESSAGE_MOST);
      expect(issue.path.length).toBeLessThanOrEqual(MESSAGE_MOST);
    }
    expect(r.issues[0]!.path).toMatch(/^design\.nodes\[0\]\.params\.T+/);
  });

  it('keeps short quotes and short messages exactly as written', () => {
    const short = 'Component "Orders DB" (nodes[3]), params.instances: Instances must be a whole number from 1 to 1000 (got 0).';
    expect(boundedMessage(short)).toBe(short);
    const quote = 'q'.repeat(80);
    expect(boundedMessage(`Component "${quote}" (nodes[0]): x.`)).toBe(`Component "${quote}" (nodes[0]): x.`);
  });

  it('cuts a long quote to its start with its length, and a long unquoted run in the middle, keeping the end', () => {
    const m = boundedMessage(`Component "${'x'.repeat(5000)}" (nodes[2]): label is longer than 200 characters.`);
    expect(m).toMatch(/^Component "x{40,80}…" \(5,000 characters\) \(nodes\[2\]\): label is longer than 200 characters\.$/);
    const unquoted = boundedMessage(`Start ${'y'.repeat(5000)} end of the reason.`);
    expect(unquoted.length).toBeLessThanOrEqual(MESSAGE_MOST);
    expect(unquoted.startsWith('Start ')).toBe(true);
    expect(unquoted.endsWith('end of the reason.')).toBe(true);
    // Quotes inside the long text do not let it through in short pieces.
    const quoted = boundedMessage(`Component "${'a"b'.repeat(3000)}" (nodes[2]): bad.`);
    expect(quoted.length).toBeLessThanOrEqual(MESSAGE_MOST);
    expect(quoted.endsWith('(nodes[2]): bad.')).toBe(true);
  });
});

describe('a version that is there but is not a version number is called that, not missing', () => {
  it('design files and scenario files alike', () => {
    for (const version of [1.5, '2', -1]) {
      const file = JSON.parse(serializeDesign(exampleDesign())) as Record<string, unknown>;
      const errors = refusal(JSON.stringify({ ...file, version }));
      expect(errors).toEqual([`The file has "version" ${JSON.stringify(version)}, which is not a version number (those are whole numbers from 1, such as 2).`]);
      const scenario = { ...(scenarioToFile(bundledScenario('url-shortener')) as unknown as Record<string, unknown>), version };
      const r = parseScenarioYaml(stringify(scenario));
      if (r.ok) throw new Error(`version ${String(version)} must be refused`);
      expect(r.issues.map((i) => i.message)).toEqual([`The file has "version" ${JSON.stringify(version)}, which is not a version number (those are whole numbers from 0, such as 2).`]);
    }
    expect(refusal(JSON.stringify({ format: 'archlab-design', design: exampleDesign() }))).toEqual(['The file has no "version" number, so it is not an ArchLab design file.']);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError, readTextFile } from '../../src/cli/cli-error';
import { parseDesignFile, serializeDesign } from '../../src/model/file';
import { exampleDesign } from '../../src/model/example';
import { jsonTooDeep, MAX_NESTING_DEPTH, yamlTooDeep } from '../../src/model/nesting';
import { parseScenarioYaml } from '../../src/scenarios';
import { readScenarioSources } from '../../src/cli/scenario-files';

const readError = (path: string, maxBytes?: number): string => {
  try {
    readTextFile(path, maxBytes);
  } catch (e) {
    if (e instanceof CliError) return e.message;
    throw e;
  }
  return 'read without error';
};

describe('reading CLI input with a size cap', () => {
  it('stops an endless stream at the cap with a message naming the limit', () => {
    expect(readError('/dev/zero', 3_000_000)).toBe('cannot read "/dev/zero": it is larger than 3 MB, the most ArchLab reads');
  });

  it('reads a file at the cap in full, and refuses one byte more', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archlab-read-'));
    const path = join(dir, 'design.json');
    writeFileSync(path, 'é'.repeat(500)); // 1000 bytes of two-byte characters
    expect(readTextFile(path, 1000)).toBe('é'.repeat(500));
    expect(readError(path, 999)).toMatch(/larger than/);
  });
});

describe('nesting depth is checked before parsing', () => {
  const deepJson = (depth: number) => `{"format":"archlab-design","version":2,"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

  it('JSON: counts brackets outside strings only', () => {
    expect(jsonTooDeep(deepJson(MAX_NESTING_DEPTH - 1))).toBeNull();
    expect(jsonTooDeep(deepJson(MAX_NESTING_DEPTH))).toEqual({ line: 1, depth: MAX_NESTING_DEPTH + 1 });
    expect(jsonTooDeep(`{"label":"${'['.repeat(500)}\\"${'{'.repeat(500)}"}`)).toBeNull();
    expect(parseDesignFile(deepJson(1_000_000))).toEqual({ ok: false, errors: [expect.stringMatching(/^The file nests lists or maps more than 100 levels deep/)] });
    expect(parseDesignFile(serializeDesign(exampleDesign())).ok).toBe(true);
  });

  it('YAML: flow brackets, indentation and "- - -" each count, with one message', () => {
    const indented = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    const dashes = `a:\n  ${'- '.repeat(300)}x`;
    const flow = `a: ${'['.repeat(100_000)}`;
    for (const text of [indented, dashes, flow]) {
      const parsed = parseScenarioYaml(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      expect(parsed.issues).toHaveLength(1);
      expect(parsed.issues[0]!.message).toMatch(/more than 100 levels deep/);
    }
    const shallowList = Array.from({ length: 2000 }, (_, i) => `  - item ${i}`).join('\n');
    expect(yamlTooDeep(`list:\n${shallowList}\nstory: |\n  [a] {b}\n    indented prose\n  back`)).toBeNull();
  });

  it('every bundled scenario is well within the limit', () => {
    for (const source of readScenarioSources(join(__dirname, '../../scenarios'))) {
      expect(yamlTooDeep(source.text, 20), source.file).toBeNull();
    }
  });
});

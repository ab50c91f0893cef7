import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesignFile } from '../../src/model/file';
import { runCli } from './helpers/run-cli';

const importCli = (...args: string[]) => runCli('import', args);

describe('npm run import', () => {
  it('writes a Mermaid flowchart as a design file ArchLab opens, with the unknown shapes noted', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'archlab-import-')), 'shop.json');
    const r = await importCli('tests/fixtures/import/shop.mmd', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('7 components, 6 connections');
    expect(r.stderr).toContain('“Thumbnailer”');
    const parsed = parseDesignFile(readFileSync(out, 'utf8'));
    expect(parsed.ok).toBe(true);
  }, 60_000);

  it('names the line of a malformed flowchart and refuses other files', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'archlab-import-')), 'bad.mmd');
    writeFileSync(bad, 'flowchart LR\n  a --> b[unclosed\n');
    const r = await importCli(bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 2: the shape of “b” is not closed');
    const other = await importCli('package.json');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('Mermaid');
  }, 60_000);

  it('writes draw.io and Excalidraw drawings as design files, and refuses a .json file that is neither', async () => {
    for (const [file, summary] of [
      ['tests/fixtures/import/three-tier.drawio', '5 components, 4 connections, 1 region, 1 zone'],
      ['tests/fixtures/import/three-tier.excalidraw', '4 components, 3 connections, 1 zone'],
    ] as const) {
      const out = join(mkdtempSync(join(tmpdir(), 'archlab-import-')), 'out.json');
      const r = await importCli(file, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(summary);
      expect(parseDesignFile(readFileSync(out, 'utf8')).ok).toBe(true);
    }
    const broken = join(mkdtempSync(join(tmpdir(), 'archlab-import-')), 'broken.drawio');
    writeFileSync(broken, '<mxfile><diagram name="x"></diagram></mxfile>');
    const r = await importCli(broken);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('as a draw.io diagram');
    expect(r.stderr).toContain('the first page is empty');
  }, 60_000);
});

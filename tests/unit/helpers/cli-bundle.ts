// Vitest global setup: compiles each CLI (src/cli/<name>.ts) once per test run, so the tests that
// run a CLI as a person at the terminal would start a plain `node` process (about 0.1 s) instead
// of `npx tsx` (about 1 s of CPU each: npx, then tsx's loader compiling the whole import graph in
// every process). About a hundred such processes run in a full `npm test`.
//
// Same compiler as `npm run sim` / `npm run scenario`: the esbuild that tsx itself runs on. The
// packages (commander, yaml, valibot, ...) are left out of the bundle and loaded by node from
// node_modules, as under tsx. Where a bundle could differ is import.meta, which would name the
// bundle instead of the source file: each file's import.meta.url, .dirname and .filename are
// written in as that source file's own, and a bundle still reading import.meta is refused, naming
// the CLI, so a new use cannot silently point elsewhere.
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder holding <name>.mjs for each CLI in CLI_NAMES. */
    cliBundleDir: string;
  }
}

export const CLI_NAMES = ['sim', 'scenario', 'import', 'bench'] as const;
const ROOT = join(import.meta.dirname, '../../..');

interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<unknown>;
}

interface OnLoadBuild {
  onLoad(options: { filter: RegExp }, load: (args: { path: string }) => { contents: string; loader: string }): void;
}

/** import.meta as the source file sees it under tsx, written into the file before bundling. */
const sourceImportMeta = {
  name: 'source-import-meta',
  setup(build: OnLoadBuild) {
    build.onLoad({ filter: /\.(ts|tsx|mjs|js)$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
        .replaceAll('import.meta.filename', JSON.stringify(path));
      const ext = extname(path).slice(1);
      return { contents: text, loader: ext === 'mjs' ? 'js' : ext };
    });
  },
};

export default async function setup(project: TestProject): Promise<() => void> {
  const requireFromTsx = createRequire(createRequire(join(ROOT, 'package.json')).resolve('tsx/package.json'));
  const esbuild = requireFromTsx('esbuild') as EsbuildApi;
  const dir = mkdtempSync(join(tmpdir(), 'archlab-cli-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    // Bare imports in the bundles resolve from here, to the project's own packages.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: CLI_NAMES.map((name) => ({ in: `src/cli/${name}.ts`, out: name })),
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: `node${process.versions.node}`,
      keepNames: true,
      plugins: [sourceImportMeta],
      logLevel: 'error',
    });
    for (const name of CLI_NAMES) {
      const code = readFileSync(join(dir, `${name}.mjs`), 'utf8');
      if (/\bimport\.meta\b/.test(code)) {
        throw new Error(`tests/unit/helpers/cli-bundle.ts: the bundle of src/cli/${name}.ts reads import.meta, which names the bundle's folder, not the source's; write that value in as sourceImportMeta does for import.meta.url`);
      }
    }
  } catch (e) {
    removeDir();
    throw e;
  }
  project.provide('cliBundleDir', dir);
  return removeDir;
}

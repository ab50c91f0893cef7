// `npm test` step "imports": the source keeps the shape STYLE.md describes.
// - no import cycles among src/ files (each cycle printed with its files);
// - imports point one way between floors: engine/, scenarios/ and model/ never reach React, the
//   DOM-facing floors or the store, and panels/canvas/store never import the app shell.
// Reads import specifiers with a regex (type-only imports count too: they tie files together
// for readers even when the compiler erases them).
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

function listSources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

function resolveLocal(fromFile, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), spec.replace(/\?.*$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.(ts|tsx)$/.test(candidate)) return candidate;
  }
  return null;
}

const files = listSources(src);
/** file -> [{ spec, target|null }] */
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const deps = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    deps.push({ spec, target: resolveLocal(file, spec) });
  }
  graph.set(file, deps);
}

const rel = (f) => relative(root, f);
const floorOf = (f) => relative(src, f).split('/')[0];

// ---- layers ----
const PURE = new Set(['model', 'engine', 'scenarios']);
/** What each floor may not import (floors are the first folder under src/). */
const FORBIDDEN_FLOORS = {
  model: ['engine', 'scenarios', 'store', 'canvas', 'panels', 'app', 'workers', 'cli'],
  engine: ['scenarios', 'store', 'canvas', 'panels', 'app', 'workers', 'cli'],
  scenarios: ['store', 'canvas', 'panels', 'app', 'workers', 'cli'],
  store: ['canvas', 'panels', 'app', 'cli'],
  canvas: ['app', 'cli'],
  panels: ['app', 'cli'],
  workers: ['store', 'canvas', 'panels', 'app', 'cli'],
};
const PURE_FORBIDDEN_PACKAGES = /^(react|react-dom|@xyflow\/|zustand|zundo|idb-keyval)/;

const problems = [];
for (const [file, deps] of graph) {
  const floor = floorOf(file);
  for (const { spec, target } of deps) {
    if (target) {
      const to = floorOf(target);
      if (to !== floor && FORBIDDEN_FLOORS[floor]?.includes(to)) problems.push(`${rel(file)} imports ${rel(target)}: src/${floor} must not import src/${to}`);
    } else if (PURE.has(floor) && PURE_FORBIDDEN_PACKAGES.test(spec)) {
      problems.push(`${rel(file)} imports "${spec}": src/${floor} is pure TypeScript (no React, DOM or store)`);
    }
  }
}

// ---- cycles (Tarjan's strongly connected components, iterative) ----
const index = new Map();
const low = new Map();
const onStack = new Set();
const stack = [];
let counter = 0;
const cycles = [];
for (const start of graph.keys()) {
  if (index.has(start)) continue;
  const work = [[start, 0]];
  index.set(start, counter); low.set(start, counter); counter++;
  stack.push(start); onStack.add(start);
  while (work.length) {
    const frame = work[work.length - 1];
    const [node, i] = frame;
    const deps = graph.get(node).map((d) => d.target).filter((t) => t && graph.has(t));
    if (i < deps.length) {
      frame[1]++;
      const next = deps[i];
      if (!index.has(next)) {
        index.set(next, counter); low.set(next, counter); counter++;
        stack.push(next); onStack.add(next);
        work.push([next, 0]);
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), index.get(next)));
      }
    } else {
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        const selfLoop = graph.get(node).some((d) => d.target === node);
        if (component.length > 1 || selfLoop) cycles.push(component.map(rel).sort());
      }
    }
  }
}
for (const cycle of cycles) problems.push(`import cycle among: ${cycle.join(', ')}`);

if (problems.length) {
  console.error(`${problems.length} import problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`imports: ${files.length} files, no cycles, floors import one way`);

// `npm test`: type-check, lint, import check and scenario checks, then unit tests, then
// end-to-end tests in Chromium. Each step stops the run on failure with the step's name.
//
// The first four steps run side by side: each is one process on one core (the scenario check, the
// longest, about 45 s on an idle 2-core machine), so one after the other they left a core idle
// for over a minute. Their output is held and printed whole, step by step, as each one ends. The
// unit tests and the browser tests spread over the cores themselves and run alone.
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
    console.log('Chromium is missing: installing Debian package "chromium" with apt-get...');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (install && install.status === 0 && existsSync(chromium)) return;
  }
  console.error(`Missing browser: ${chromium} not found; install it with "sudo apt-get install chromium" (or set CHROMIUM_PATH) and run npm test again.`);
  process.exit(1);
}

/** Steps in a stage run side by side; stages run one after the other. */
const stages = [
  [
    ['type-check', 'npx tsc --noEmit -p tsconfig.json'],
    ['lint', 'npx eslint . --max-warnings=0'],
    // No import cycles, and floors import one way (STYLE.md): app -> panels, canvas -> store -> scenarios -> engine -> model.
    ['imports', 'node scripts/check-imports.mjs'],
    // --simulate: each fix scenario's reference solution is also simulated through its timeline.
    ['scenario check', 'npx tsx src/cli/scenario.ts check scenarios/ --simulate --replications 2'],
    // The build the browser tests run against, made here beside the others (playwright.config.ts
    // then only serves it, told by E2E_PREBUILT).
    ['end-to-end build', 'npx vite build --logLevel warn'],
  ],
  [['unit tests', 'npx vitest run']],
  [['end-to-end tests', 'npx playwright test']],
];

/** Side-by-side steps still running (each its own process group), stopped when another step fails or the run is interrupted. */
const running = new Set();

function stopAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already ended
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

function fail(name) {
  stopAll();
  console.error(`\nnpm test failed at step: ${name}`);
  process.exit(1);
}

/** One step with the terminal to itself: its output as it comes. */
function runAlone(name, cmd) {
  console.log(`\n== ${name}: ${cmd}`);
  return new Promise((resolve) => {
    // In the terminal's process group, as before: Ctrl-C reaches it directly.
    const env = built ? { ...process.env, E2E_PREBUILT: '1' } : process.env;
    const child = spawn(cmd, { shell: true, stdio: 'inherit', env });
    child.on('exit', (code, signal) => {
      if (code !== 0 || signal) fail(name);
      resolve();
    });
  });
}

/** One step beside others: its output (stdout and stderr in order) printed whole when it ends. */
function runBeside(name, cmd) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, { shell: true, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.add(child);
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      running.delete(child);
      console.log(`\n== ${name}: ${cmd} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      process.stdout.write(Buffer.concat(output));
      if (code !== 0 || signal) fail(name);
      resolve();
    });
  });
}

const only = process.argv.slice(2);
/** Whether this run has built the app (dist/) for the browser tests. */
let built = false;
for (const stage of stages) {
  const steps = stage.filter(([name]) => !only.length || only.some((o) => name.startsWith(o)));
  const builds = steps.some(([name]) => name === 'end-to-end build');
  if (steps.some(([name]) => name === 'end-to-end tests')) ensureChromium();
  if (steps.length === 1) await runAlone(...steps[0]);
  else if (steps.length > 1) {
    console.log(`\n== side by side: ${steps.map(([name]) => name).join(', ')}`);
    await Promise.all(steps.map(([name, cmd]) => runBeside(name, cmd)));
  }
  built ||= builds;
}
console.log('\nAll checks passed.');

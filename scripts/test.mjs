// `npm test`: type-check, lint, unit tests, scenario checks, then end-to-end tests in Chromium.
// Each step stops the run on failure with the step's name.
import { existsSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

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

const steps = [
  ['type-check', 'npx tsc --noEmit -p tsconfig.json'],
  ['lint', 'npx eslint . --max-warnings=0'],
  // No import cycles, and floors import one way (STYLE.md): app -> panels, canvas -> store -> scenarios -> engine -> model.
  ['imports', 'node scripts/check-imports.mjs'],
  ['unit tests', 'npx vitest run'],
  // --simulate: each fix scenario's reference solution is also simulated through its timeline (about 1.5 min).
  ['scenario check', 'npx tsx src/cli/scenario.ts check scenarios/ --simulate --replications 2'],
  ['end-to-end tests', 'npx playwright test'],
];

const only = process.argv.slice(2);
for (const [name, cmd] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  if (name === 'end-to-end tests') ensureChromium();
  console.log(`\n== ${name}: ${cmd}`);
  try {
    execSync(cmd, { stdio: 'inherit' });
  } catch {
    console.error(`\nnpm test failed at step: ${name}`);
    process.exit(1);
  }
}
console.log('\nAll checks passed.');

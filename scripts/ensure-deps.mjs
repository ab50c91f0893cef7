// Installs npm dependencies when they are missing or older than the lockfile,
// so `npm start` and `npm test` work on a fresh clone with no other step.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
const missing = !existsSync('node_modules') || !existsSync(marker);
const stale = !missing && existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000;
if (missing || stale) {
  console.log(missing ? 'Installing dependencies (first run)...' : 'package-lock.json changed: updating dependencies...');
  execSync(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund', { stdio: 'inherit' });
}

/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The built app's Content-Security-Policy: scripts, workers and connections only from the app's
 * own origin, no inline or eval'd script, no plugins, no forms, no <base> tricks. Inline styles
 * stay allowed (React Flow and the picture export set them); images may be data: and blob: URLs
 * (exported pictures), and fetch may read them back. Added at build time only: the dev server's
 * hot reload needs an inline script. Workers loaded by URL get their own (same-origin) policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy: Plugin = {
  name: 'archlab-content-security-policy',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
};

export default defineConfig({
  plugins: [react(), contentSecurityPolicy],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/unit/setup-fast-check.ts'],
    // The CLIs, compiled once for the tests that run them as separate processes.
    globalSetup: ['tests/unit/helpers/cli-bundle.ts'],
    // Test files at once: one per core. Vitest's own default is one fewer than the cores, which on
    // a 2-core machine ran every file one after the other, with a core idle.
    maxWorkers: availableParallelism(),
    // A guard against hangs, not a speed check: on a busy 2-core machine a simulation test can take ten times its idle time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});

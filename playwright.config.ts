import { defineConfig } from '@playwright/test';

// Playwright cannot download its own browsers here: we drive Debian's Chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// E2E_PORT lets two checkouts run their browser tests side by side.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  // ms per test: heavy browser tests (simulations, fix checks) get room on a slow or busy machine;
  // a hang still fails, with the screenshot of where it stopped.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  // Tests, not files, are shared out to the workers, so one long file does not finish alone at
  // the end; each test has its own browser context, and its files go to its own output folder.
  fullyParallel: true,
  // Two at once, one per core. Four were tried: on a loaded machine the auto-layout and authoring
  // tests then missed their 10 s waits for in-browser work.
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // Less motion, as a person may ask for it: async messages then stand still instead of marching.
    // An idle page with the example's two marching messages kept 15% of a core busy repainting
    // (1.5 CPU-s in 10 s; 0.0 without), while every test runs beside another on two cores.
    // motion.spec.ts checks both settings.
    reducedMotion: 'reduce',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // npm test builds dist/ earlier, beside the type-check (scripts/test.mjs), and says so.
    command: `${process.env.E2E_PREBUILT ? '' : 'npx vite build --logLevel warn && '}npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});

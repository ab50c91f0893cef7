// The production build served and opened in Chromium, for the browser benchmarks (bench-canvas,
// bench-import): builds dist/, starts `vite preview` on `port`, opens the app at 1440 x 900 and
// waits for the example design to be saved; everything is closed after `run`, whatever happens.
import { spawn, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function withAppInChromium<T>(port: number, run: (page: Page) => Promise<T>): Promise<T> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  execSync('npx vite build --logLevel error', { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await page.getByTestId('save-state').filter({ hasText: 'Saved' }).waitFor();
    return await run(page);
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  }
}

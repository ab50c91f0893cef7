import { expect, test } from '@playwright/test';
import { openApp } from './helpers';
import { encodeShareFragment } from '../../src/app/share';
import type { Design } from '../../src/model/types';

test('results follow edits: a starved service is named as the main problem and marked saturated', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('explanation')).toBeVisible();
  await expect(page.locator('.stale-note')).toContainText('Up to date');
  await expect(page.getByTestId('node-api').locator('.badge.util')).toHaveText(/^\d+%$/);

  await page.getByTestId('node-api').click();
  for (const [key, value] of [['instances', '1'], ['concurrency', '1']] as const) {
    await page.getByTestId(`param-${key}`).fill(value);
    await page.getByTestId(`param-${key}`).press('Enter');
  }
  await expect(page.getByTestId('explanation')).toContainText('Photo API');
  await expect(page.getByTestId('node-api').locator('.badge.util')).toHaveText('SATURATED');
  await expect(page.getByTestId('flow-users')).toContainText('saturated');
  await page.screenshot({ path: 'test-results/screens/06-saturated.png' });

  await page.getByRole('tab', { name: 'Components' }).click();
  await expect(page.getByTestId('row-api')).toContainText('saturated');
  await expect(page.locator('.results-table tbody tr').first()).toHaveAttribute('data-testid', 'row-api');
});

test('the load slider is a what-if that can be kept', async ({ page }) => {
  await openApp(page);
  const flow = page.getByTestId('flow-users');
  await expect(flow).toContainText('300 req/s');
  const slider = page.getByTestId('load-users');
  const max = Number(await slider.getAttribute('max'));
  await slider.fill(String(Math.round(max * 0.9)));
  await expect(flow).toContainText('what-if');
  // Far above the headroom: the thumbnailer gives out first.
  await expect(page.getByTestId('explanation')).toContainText('Thumbnailer');
  await flow.getByRole('button', { name: 'Reset' }).click();
  await expect(flow).not.toContainText('what-if');
  await slider.fill('450');
  await flow.getByRole('button', { name: 'Keep' }).click();
  await page.getByTestId('node-users').click();
  await expect(page.getByTestId('param-rps')).toHaveValue('450');
});

test('a load balancer splits: each edge shows its share, and the flow bar shows one visit to one of the services', async ({ page }) => {
  const service = (id: string, label: string, y: number) => ({ id, kind: 'service' as const, label, params: {}, position: { x: 560, y } });
  const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target, mode: 'sync' as const, share: 1, callsPerRequest: 1 });
  const design: Design = {
    id: 'lb-split',
    name: 'Split',
    groups: [],
    nodes: [
      { id: 'users', kind: 'client', label: 'Users', params: { rps: 200 }, position: { x: 0, y: 200 } },
      { id: 'lb', kind: 'load-balancer', label: 'Load balancer', params: {}, position: { x: 280, y: 200 } },
      service('s1', 'Service', 0),
      service('s2', 'Service 2', 200),
      service('s3', 'Service 3', 400),
    ],
    edges: [edge('users', 'lb'), edge('lb', 's1'), edge('lb', 's2'), edge('lb', 's3')],
  };
  await page.goto(`/${encodeShareFragment(design)}`);
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet'); // an opened link joins My designs at its first change
  await expect(page.locator('.react-flow__edge-text', { hasText: '33%' })).toHaveCount(3);
  const bar = page.getByTestId('flow-users').locator('.flow-bar');
  await expect(bar).toHaveAttribute('aria-label', /one of Service, Service 2, Service 3/);
  await expect(bar.locator('.hop')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Components' }).click();
  await expect(page.getByTestId('row-s2')).toContainText('67 req/s');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.screenshot({ path: 'test-results/screens/lb-split.png' });
});

test('cache-aside: the database beside a cache is called on a miss, and the switch makes every request call it', async ({ page }) => {
  const node = (id: string, kind: Design['nodes'][number]['kind'], label: string, x: number, y: number, params: Record<string, number> = {}) => ({ id, kind, label, params, position: { x, y } });
  const design: Design = {
    id: 'aside',
    name: 'Cache-aside',
    groups: [],
    nodes: [node('users', 'client', 'Users', 0, 150, { rps: 200 }), node('api', 'service', 'API', 280, 150), node('cache', 'cache', 'Cache', 560, 0), node('db', 'relational-db', 'Orders DB', 560, 300)],
    edges: [
      { id: 'e-users-api', source: 'users', target: 'api', mode: 'sync', share: 1, callsPerRequest: 1 },
      { id: 'e-api-cache', source: 'api', target: 'cache', mode: 'sync', share: 1, callsPerRequest: 1 },
      { id: 'e-api-db', source: 'api', target: 'db', mode: 'sync', share: 1, callsPerRequest: 1 },
    ],
  };
  await page.goto(`/${encodeShareFragment(design)}`);
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet'); // an opened link joins My designs at its first change
  const missLabel = page.locator('.react-flow__edge-text', { hasText: 'on cache miss' });
  await expect(missLabel).toHaveCount(1);
  await page.getByRole('tab', { name: 'Components' }).click();
  await expect(page.getByTestId('row-db')).toContainText('20 req/s'); // 200 req/s x 10% misses
  await page.locator('.react-flow__edge[data-id="e-api-db"]').click({ force: true });
  const onMiss = page.getByTestId('edge-on-cache-miss');
  await expect(onMiss).toBeChecked();
  await page.screenshot({ path: 'test-results/screens/cache-aside.png' });
  await onMiss.uncheck();
  await expect(missLabel).toHaveCount(0);
  await expect(page.getByTestId('row-db')).toContainText('200 req/s');
});

test('percentiles the engine can only estimate carry ≈ and a note; exact ones do not', async ({ page }) => {
  const design = (name: string, api: Record<string, number>): Design => ({
    id: name,
    name,
    groups: [],
    nodes: [
      { id: 'users', kind: 'client', label: 'Users', params: { rps: 200 }, position: { x: 0, y: 0 } },
      { id: 'api', kind: 'service', label: 'API', params: { serviceMs: 10, instances: 1, queueCapacity: 0, ...api }, position: { x: 280, y: 0 } },
    ],
    edges: [{ id: 'e', source: 'users', target: 'api', mode: 'sync', share: 1, callsPerRequest: 1 }],
  });
  // Four workers with bursty work (SCV 4): M/G/4 has no exact wait distribution.
  await page.goto(`/${encodeShareFragment(design('bursty', { concurrency: 4, serviceScv: 4 }))}`);
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet'); // an opened link joins My designs at its first change
  const flow = page.getByTestId('flow-users');
  await expect(flow.getByTestId('approximate')).toHaveCount(3);
  await expect(flow.getByTestId('approximate').first()).toHaveAttribute('title', /Approximate/);
  await expect(page.locator('.approx-note')).toContainText('approximate percentile');
  // The card on the canvas says so too, with the same explanation.
  const cardP99 = page.locator('.react-flow__node[data-id="api"]').getByTestId('card-p99');
  await expect(cardP99).toContainText('p99 ≈');
  await expect(cardP99).toHaveAttribute('title', /Approximate/);
  await page.screenshot({ path: 'test-results/screens/approximate-percentiles.png' });
  await page.getByRole('tab', { name: 'Components' }).click();
  await expect(page.getByTestId('row-api').getByTestId('approximate')).toHaveCount(2);
  // Exponential work (M/M/4): exact, no mark.
  await page.goto(`/${encodeShareFragment(design('steady', { concurrency: 4, serviceScv: 1 }))}`);
  await expect(page.getByTestId('save-state')).toHaveText('Not in My designs yet'); // an opened link joins My designs at its first change
  await expect(page.getByTestId('row-api')).toBeVisible();
  await expect(page.getByTestId('row-api').getByTestId('approximate')).toHaveCount(0);
  await expect(page.locator('.approx-note')).toHaveCount(0);
  const exactP99 = page.locator('.react-flow__node[data-id="api"]').getByTestId('card-p99');
  await expect(exactP99).toContainText(/p99 \d/);
  await expect(exactP99).not.toContainText('≈');
  await expect(exactP99).not.toHaveAttribute('title', /.*/);
});

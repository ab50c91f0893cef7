// The production build that these tests run against is also checked for its size:
// a first visit must stay light, and the layout engine (elkjs) must not be in it: the app
// fetches it once it has drawn the diagram and is idle (editor.spec.ts checks when).
import { expect, test } from '@playwright/test';
import { initialJs } from '../../scripts/bundle-size.mjs';

test('initial JavaScript is at most 350 KB gzip and holds no elkjs', () => {
  const { files, gzipBytes, text } = initialJs('dist');
  expect(files.length).toBeGreaterThan(0);
  expect(gzipBytes).toBeLessThanOrEqual(350 * 1024);
  expect(text).not.toContain('org.eclipse.elk');
});

// Async messages march along their connection (the dashes move toward the receiver), unless the
// person has asked for less motion: then they stay dashed and still. The other tests run with
// less motion (playwright.config.ts), so this one checks both.
import { expect, test } from '@playwright/test';
import { openApp } from './helpers';

for (const [reducedMotion, marching] of [['no-preference', 'dashdraw'], ['reduce', 'none']] as const) {
  test(`with reduced motion "${reducedMotion}", an async message's dashes have animation ${marching}`, async ({ browser }) => {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    await openApp(page);
    // The example's queue is fed by async messages (e5: API to queue); a sync call (e1) never marches.
    const message = page.getByTestId('rf__edge-e5');
    await expect(message).toHaveClass(/animated/);
    await expect(message.locator('path.react-flow__edge-path')).toHaveCSS('animation-name', marching);
    await expect(message.locator('path.react-flow__edge-path')).toHaveCSS('stroke-dasharray', /\d/);
    await expect(page.getByTestId('rf__edge-e1').locator('path.react-flow__edge-path')).toHaveCSS('animation-name', 'none');
    await context.close();
  });
}

import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

/** Records what the page asks navigator.registerProtocolHandler, instead of the browser's prompt. */
function recordProtocolHandlers(): void {
  const asked: string[][] = [];
  (window as unknown as { protocolHandlers: string[][] }).protocolHandlers = asked;
  navigator.registerProtocolHandler = (scheme: string, url: string | URL) => void asked.push([scheme, String(url)]);
}

describe('Settings › App integration, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  it('asks the browser to open sip:, tel: and web+callto: links with the app, and asks for notifications', async () => {
    const app = await openApp(chromium.browser, appUrl, { user: '1009' }, { initScripts: [recordProtocolHandlers] });
    try {
      const { page, context } = app;
      await page.getByRole('tab', { name: 'Settings' }).click();
      const section = page.getByRole('region', { name: 'App integration' });
      await section.getByRole('button', { name: 'Open call links with Tabphone' }).click();
      const asked = await page.evaluate(() => (window as unknown as { protocolHandlers: string[][] }).protocolHandlers);
      expect(asked).toEqual([
        ['sip', `${appUrl}/?dial=%s`],
        ['tel', `${appUrl}/?dial=%s`],
        ['web+callto', `${appUrl}/?dial=%s`],
      ]);

      await context.grantPermissions(['notifications']);
      await section.getByRole('button', { name: 'Allow notifications' }).click();
      await expect.poll(() => section.textContent()).toContain('Allowed: incoming calls and messages notify you');
      expect(await section.getByRole('button', { name: 'Allow notifications' }).count()).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

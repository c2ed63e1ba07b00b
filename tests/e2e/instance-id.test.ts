import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../server/app-server';
import { startPbx } from '../../server/pbx';
import { openApp, statusText } from './support/app-page';
import { launchChromium } from './support/chromium';
import { e2eContext } from './support/e2e-context';

type Pbx = Awaited<ReturnType<typeof startPbx>>;

describe('the install\'s instance id (RFC 5626 +sip.instance), in Chromium', () => {
  const { distDir } = e2eContext();
  let browser: Browser;
  // Its own PBX, to read the bindings it holds.
  let pbx: Pbx;
  let appServer: AppServer;

  beforeAll(async () => {
    pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
    appServer = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: pbx.url });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await appServer?.close();
    await pbx?.close();
  });

  it('keeps the same instance id across a reload, and leaves one binding', async () => {
    const app = await openApp(browser, appServer.url, { user: '1004' });
    try {
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).toBe('Registered');
      const first = pbx.bindings('1004');
      expect(first).toHaveLength(1);
      expect(first[0]!.instance).toMatch(/^"?<urn:uuid:[0-9a-f-]{36}>"?$/);

      await app.page.reload();
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).toBe('Registered');
      await expect.poll(() => pbx.bindings('1004').map((b) => b.instance)).toEqual([first[0]!.instance]);
    } finally {
      await app.close();
    }
  });
});

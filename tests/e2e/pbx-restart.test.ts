import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../server/app-server';
import { startPbx } from '../../server/pbx';
import { openApp, statusCause, statusText } from './support/app-page';
import { launchChromium } from './support/chromium';
import { e2eContext } from './support/e2e-context';

type Pbx = Awaited<ReturnType<typeof startPbx>>;

describe('the account status across a PBX outage, in Chromium', () => {
  const { distDir } = e2eContext();
  let browser: Browser;
  // This file stops and restarts its own PBX, so it does not disturb the shared one.
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

  it('shows a non-registered state with a cause while the PBX is down, and "Registered" once it is back', async () => {
    const app = await openApp(browser, appServer.url, { user: '1002' });
    try {
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).toBe('Registered');

      const port = pbx.port;
      await pbx.close();
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).not.toBe('Registered');
      await expect.poll(() => statusCause(app.page), { timeout: 15_000 }).toMatch(/\S/);

      pbx = await startPbx({ host: '127.0.0.1', port, logLevel: 'warn' });
      await expect.poll(() => statusText(app.page), { timeout: 45_000, interval: 250 }).toBe('Registered');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

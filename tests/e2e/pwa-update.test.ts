import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../server/app-server';
import { startPbx, type Pbx } from '../../server/pbx';
import { openApp, statusText } from './support/app-page';
import { dial } from './support/call-page';
import { launchChromium } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

/** Marks the running page, so a reload (which loses the mark) can be told apart from no reload. */
const markPage = (page: Page) => page.evaluate(() => void ((window as unknown as { notReloaded?: boolean }).notReloaded = true));
const isMarked = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);
const hasWaitingWorker = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null);

describe('a new version of the app, in Chromium', () => {
  let distDir: string;
  let pbx: Pbx;
  let appServer: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    // A copy of the build, so the test can publish a "new version" of it.
    distDir = await mkdtemp(path.join(os.tmpdir(), 'tabphone-e2e-update-'));
    await cp(e2eContext().distDir, distDir, { recursive: true });
    pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
    appServer = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: pbx.url });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await appServer?.close();
    await pbx?.close();
    await rm(distDir, { recursive: true, force: true });
  });

  it('is offered, waits while a call is live, and reloads the page once the call has ended', async () => {
    const callee = await openApp(browser, appServer.url, { user: '1000' });
    const caller = await openApp(browser, appServer.url, { user: '1001' });
    try {
      const { page } = callee;
      await page.evaluate(async () => void (await navigator.serviceWorker.ready));
      await page.reload();
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 }).toBe(true);
      await expect.poll(() => statusText(page), REGISTER_TIMEOUT).toBe('Registered');
      await expect.poll(() => statusText(caller.page), REGISTER_TIMEOUT).toBe('Registered');

      // Publish a new version: any change to the service worker script makes one.
      await appendFile(path.join(distDir, 'sw.js'), '\n// a new version\n');
      await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())?.update()));
      const offer = page.getByRole('status').filter({ hasText: 'Update available' });
      await expect.poll(() => offer.count(), { timeout: 15_000 }).toBe(1);

      await dial(caller.page, '1000');
      await expect.poll(() => page.getByRole('button', { name: 'Answer', exact: true }).count(), { timeout: 15_000 }).toBe(1);
      await markPage(page);
      await offer.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(() => offer.textContent(), { timeout: 5_000 }).toContain('will update after the call');
      // Nothing was applied: the new worker still waits and the page with the call is the same page.
      expect(await hasWaitingWorker(page)).toBe(true);
      expect(await isMarked(page)).toBe(true);

      await caller.page.getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => isMarked(page).catch(() => true), { timeout: 15_000 }).toBe(false);
      await expect.poll(() => statusText(page), REGISTER_TIMEOUT).toBe('Registered');
      expect(await hasWaitingWorker(page)).toBe(false);
      expect(await offer.count()).toBe(0);
    } finally {
      await caller.close();
      await callee.close();
    }
  });
});

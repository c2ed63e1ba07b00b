import { describe, expect, it } from 'vitest';
import { openApp } from './support/app-page';
import { ownStack } from './support/own-stack';

/** True once the page is controlled by the app's service worker. */
const controlled = (page: import('playwright-core').Page) => page.evaluate(() => navigator.serviceWorker.controller !== null);

describe('the app shell offline, in Chromium', () => {
  // Its own app server, which the test stops.
  const stack = ownStack();

  it('loads from the service worker with the app server stopped, and opens a shortcut screen', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, { user: '1000' });
    try {
      const { page } = app;
      await page.evaluate(async () => void (await navigator.serviceWorker.ready));
      // The first visit installs the worker; from the next load on it serves the page.
      await page.reload();
      await expect.poll(() => controlled(page), { timeout: 10_000 }).toBe(true);

      await stack.appServer.close();
      expect(await fetch(stack.appServer.url).then(() => 'online', () => 'offline')).toBe('offline');

      await page.goto(`${stack.appServer.url}/?user=1000&screen=history`);
      expect(await controlled(page)).toBe(true);
      await expect.poll(() => page.getByRole('heading', { name: 'Tabphone', level: 1 }).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
      // The manifest shortcut's parameter is consumed: a reload stays where the user is.
      expect(new URL(page.url()).search).toBe('?user=1000');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

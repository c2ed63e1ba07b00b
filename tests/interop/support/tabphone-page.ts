import type { Browser, Page } from 'playwright-core';
import { openApp, statusText, type AppPage } from '../../e2e/support/app-page';
import { keepPeerConnections } from '../../e2e/support/peer-connections';
import { interopContext, labPassword } from './interop-context';
import { waitUntil } from './wait';

export interface TabphoneOptions {
  /** Digest password; lab<user> when absent. */
  password?: string;
  /** More URL parameters (dtmf, delayedOffer, stun, …). */
  params?: Record<string, string>;
  /** Wait for "Registered" before returning (default true). */
  waitRegistered?: boolean;
}

/**
 * Opens Tabphone as lab user `user`, registering with Kamailio over ws://, with every
 * RTCPeerConnection kept for getStats (keepPeerConnections). Waits for "Registered".
 */
export async function openTabphone(browser: Browser, user: string, options: TabphoneOptions = {}): Promise<AppPage> {
  const { appUrl, lab } = interopContext();
  const params = {
    server: lab.wsUrl,
    domain: lab.domain,
    user,
    password: options.password ?? labPassword(user),
    ...options.params,
  };
  const app = await openApp(browser, `${appUrl}/`, params, { initScripts: [keepPeerConnections] });
  if (options.waitRegistered !== false) {
    try {
      await waitForStatus(app.page, 'Registered');
    } catch (error) {
      await app.close();
      const thrown = app.errors.map((e) => e.message).join('; ');
      throw thrown ? new Error(`${(error as Error).message}; the page threw: ${thrown}`) : error;
    }
  }
  return app;
}

/** Waits until the account status reads `expected` (or matches it). */
export async function waitForStatus(page: Page, expected: string | RegExp, timeoutMs = 15_000): Promise<void> {
  let last: string | null = null;
  await waitUntil(
    async () => {
      last = await statusText(page);
      return typeof expected === 'string' ? last === expected : last !== null && expected.test(last);
    },
    timeoutMs,
    async () => `account status is "${last}", not ${String(expected)}; the page shows: ${(await page.locator('body').innerText()).slice(0, 300)}`,
  );
}

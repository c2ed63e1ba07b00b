import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openApp, statusText, type AppPage } from '../../support/app-page';
import { repoRoot } from '../../support/build-app';

/** The installed app's window: the size the issue asks the UI to be complete at. */
export const PHONE_SIZE = { width: 360, height: 640 };
export const WAIT = { timeout: 15_000, interval: 100 };

/** Where the README's screenshots live; the tests overwrite them on every run. */
const SCREENSHOTS = path.join(repoRoot, 'docs/screenshots');

export type ScreenName = 'Phone' | 'Messages' | 'History' | 'Contacts' | 'Settings' | 'Diagnostics';

/** A fresh browser context (no saved account, no service worker yet) at the phone size. */
export function openPhone(browser: Browser, appUrl: string, params: Record<string, string> = {}): Promise<AppPage> {
  return openApp(browser, appUrl, params, { viewport: PHONE_SIZE });
}

/** A phone registered as `user` from the URL, the way existing tests and `npm start` open one. */
export async function registeredPhone(browser: Browser, appUrl: string, user: string): Promise<AppPage> {
  const app = await openPhone(browser, appUrl, { user });
  await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
  return app;
}

/** Takes the first-run offer of the embedded PBX's demo account for `user` and waits for Registered. */
export async function useDemoAccount(page: Page, user: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Demo user' }).selectOption(user);
  await page.getByRole('button', { name: `Use demo account ${user}`, exact: true }).click();
  await expect.poll(() => statusText(page), WAIT).toBe('Registered');
}

/** Shows one of the six screens through its tab (the Messages tab's name carries the unread count). */
export async function showScreen(page: Page, screen: ScreenName): Promise<void> {
  await page.getByRole('tab', { name: screen === 'Messages' ? /^Messages/ : screen, exact: screen !== 'Messages' }).click();
}

/** Writes the window as docs/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

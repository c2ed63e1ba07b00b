import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions thrown in the page. */
  errors: Error[];
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Window size; the browser default (1280×720) when absent. */
  viewport?: { width: number; height: number };
  /** prefers-color-scheme as the page sees it; the browser default (light) when absent. */
  colorScheme?: 'light' | 'dark';
  /** Scripts run in the page before the app's own (page.addInitScript), e.g. to watch WebRTC. */
  initScripts?: (() => void)[];
}

/** Opens the app in a fresh browser context (own storage, own service worker). */
export async function openApp(
  browser: Browser,
  appUrl: string,
  params: Record<string, string> = {},
  options: OpenAppOptions = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
  });
  const page = await context.newPage();
  for (const script of options.initScripts ?? []) await page.addInitScript(script);
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const url = new URL(appUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  await page.goto(url.toString());
  return { page, context, errors, close: () => context.close() };
}

/** openApp, then waits (up to 15 s) until the account status says Registered. */
export async function openRegisteredApp(
  browser: Browser,
  appUrl: string,
  params: Record<string, string>,
  options: OpenAppOptions = {},
): Promise<AppPage> {
  const app = await openApp(browser, appUrl, params, options);
  await expect.poll(() => statusText(app.page), { timeout: 15_000, interval: 100 }).toBe('Registered');
  return app;
}

function statusLocator(page: Page) {
  return page.getByRole('status', { name: 'Account status' });
}

/** The account status text as shown, or null before it is rendered (never waits). */
export async function statusText(page: Page): Promise<string | null> {
  const texts = await statusLocator(page).allTextContents();
  return texts[0] ?? null;
}

/** The text that describes the status (its aria-describedby), or null when there is none. */
export async function statusDetail(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const status = document.querySelector('[role="status"][aria-label="Account status"]');
    const id = status?.getAttribute('aria-describedby');
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });
}

/** Why the account is in its state, as shown: the failure's cause in the headline, else the detail line. */
export async function statusCause(page: Page): Promise<string | null> {
  const text = await statusText(page);
  const failed = 'Registration failed: ';
  if (text?.startsWith(failed)) return text.slice(failed.length);
  return statusDetail(page);
}

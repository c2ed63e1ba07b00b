import type { Browser, BrowserContext, Page } from 'playwright-core';

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions thrown in the page. */
  errors: Error[];
  close(): Promise<void>;
}

/** Opens the app in a fresh browser context (own storage, own service worker). */
export async function openApp(browser: Browser, appUrl: string, params: Record<string, string> = {}): Promise<AppPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const url = new URL(appUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  await page.goto(url.toString());
  return { page, context, errors, close: () => context.close() };
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

/**
 * What a first visit fetches before the phone is registered: the first load plus the chunks the app
 * imports at once (the SIP stack) and whatever it preloads early. The first-load figure counts only
 * what index.html references; this one shows the whole price of a cold start.
 */
import type { Browser } from 'playwright-core';
import { openPhone, type PhoneStack } from './call-setup';

/** Same-origin scripts and stylesheets the page of `user` fetched until it showed "Registered", as dist paths. */
export async function scriptsFetchedUntilRegistered(browser: Browser, stack: PhoneStack, user: string): Promise<string[]> {
  const phone = await openPhone(browser, stack, user);
  try {
    const urls = await phone.page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    const origin = new URL(stack.url).origin;
    const paths = urls
      .map((url) => new URL(url))
      .filter((url) => url.origin === origin && /\.(?:js|css)$/.test(url.pathname))
      .map((url) => url.pathname);
    return ['/index.html', ...new Set(paths)];
  } finally {
    await phone.close();
  }
}

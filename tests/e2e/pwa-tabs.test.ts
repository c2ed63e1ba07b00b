import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { statusText } from './support/app-page';
import { ownStack } from './support/own-stack';
import { recordPbxMessages, requestsFrom, type SeenMessage } from './support/pbx-messages';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };
const OTHER_TAB = 'This account is active in another tab';

/** Each REGISTER dialog (one per tab's user agent) of `user`, in order, with its Expires values. */
function registrations(seen: readonly SeenMessage[], user: string): { callId: string; expires: string[] }[] {
  const byCallId = new Map<string, string[]>();
  for (const { message } of requestsFrom(seen, 'REGISTER', user)) {
    byCallId.set(message.callId, [...(byCallId.get(message.callId) ?? []), message.get('Expires') ?? '']);
  }
  return [...byCallId].map(([callId, expires]) => ({ callId, expires }));
}

const banner = (page: Page) => page.getByRole('status').filter({ hasText: OTHER_TAB });

describe('one registered tab per account, in Chromium', () => {
  // Its own PBX, whose REGISTERs the test counts.
  const stack = ownStack();

  it('registers in the first tab only; "Use here" moves the registration, closing the tab moves it back', async () => {
    const seen = recordPbxMessages(stack.pbx);
    // Tabs of one browser profile share Web Locks and BroadcastChannels, as real tabs do.
    const context = await stack.browser.newContext();
    try {
      const first = await context.newPage();
      await first.goto(`${stack.appServer.url}/?user=1000`);
      await expect.poll(() => statusText(first), REGISTER_TIMEOUT).toBe('Registered');

      const second = await context.newPage();
      await second.goto(`${stack.appServer.url}/?user=1000`);
      await expect.poll(() => banner(second).count(), REGISTER_TIMEOUT).toBe(1);
      // Another account in the same profile is not held back.
      const other = await context.newPage();
      await other.goto(`${stack.appServer.url}/?user=1001`);
      await expect.poll(() => statusText(other), REGISTER_TIMEOUT).toBe('Registered');
      expect(registrations(seen, '1000')).toHaveLength(1);
      expect(await statusText(first)).toBe('Registered');
      expect(await banner(first).count()).toBe(0);

      await banner(second).getByRole('button', { name: 'Use here' }).click();
      await expect.poll(() => statusText(second), REGISTER_TIMEOUT).toBe('Registered');
      await expect.poll(() => banner(first).count(), REGISTER_TIMEOUT).toBe(1);
      expect(await banner(second).count()).toBe(0);

      const [firstTab, secondTab] = registrations(seen, '1000');
      // The first tab un-registered (Expires: 0) before the second one's first REGISTER.
      expect(firstTab?.expires.at(-1)).toBe('0');
      const unregisteredAt = seen.findIndex(({ message }) => message.callId === firstTab?.callId && message.get('Expires') === '0');
      const registeredAt = seen.findIndex(({ message }) => message.callId === secondTab?.callId);
      expect(unregisteredAt).toBeGreaterThanOrEqual(0);
      expect(registeredAt).toBeGreaterThan(unregisteredAt);
      expect(secondTab?.expires.every((value) => value !== '0')).toBe(true);

      // Closing the registered tab hands the account to the tab that waited.
      await second.close({ runBeforeUnload: true });
      await expect.poll(() => statusText(first), REGISTER_TIMEOUT).toBe('Registered');
      expect(await banner(first).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { statusText } from './support/app-page';
import { dial } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

/** A window in the background, which headless Chromium never has: every page counts as visible. */
function pretendHidden(): void {
  Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
  Object.defineProperty(document, 'hidden', { get: () => true });
}

interface ShownNotification {
  title: string;
  body: string;
  actions: string[];
  callId: string;
}

describe('incoming-call notifications, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  it('notifies a call that rings in the background, answers from its Answer action and closes it', async () => {
    const calleeContext = await chromium.browser.newContext({ permissions: ['notifications'] });
    const callerContext = await chromium.browser.newContext();
    try {
      const callee = await calleeContext.newPage();
      await callee.addInitScript(pretendHidden);
      await callee.goto(`${appUrl}/?user=1002`);
      const caller = await callerContext.newPage();
      await caller.goto(`${appUrl}/?user=1003`);
      await callee.evaluate(async () => void (await navigator.serviceWorker.ready));
      await expect.poll(() => statusText(callee), REGISTER_TIMEOUT).toBe('Registered');
      await expect.poll(() => statusText(caller), REGISTER_TIMEOUT).toBe('Registered');

      await dial(caller, '1002');
      const shown = () =>
        callee.evaluate(async () =>
          (await (await navigator.serviceWorker.ready).getNotifications()).map(
            (n): ShownNotification => ({
              title: n.title,
              body: n.body,
              actions: (n as Notification & { actions: { title: string }[] }).actions.map((a) => a.title),
              callId: (n.data as { callId: string }).callId,
            }),
          ),
        );
      await expect.poll(shown, { timeout: 15_000 }).toHaveLength(1);
      const [notification] = await shown();
      expect(notification).toMatchObject({ title: 'Incoming call', body: '1003', actions: ['Answer', 'Decline'] });

      // What public/sw-call-actions.js posts for a click on Answer (headless Chromium cannot click one).
      const [worker] = calleeContext.serviceWorkers();
      await worker!.evaluate(async (callId) => {
        const scope = self as unknown as { clients: { matchAll(o: object): Promise<{ postMessage(m: unknown): void }[]> } };
        for (const client of await scope.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
          client.postMessage({ type: 'tabphone:call-action', action: 'answer', callId });
        }
      }, notification!.callId);
      await expect.poll(() => callee.getByRole('button', { name: 'Hang up', exact: true }).count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(shown, { timeout: 5_000 }).toEqual([]);
      await callee.getByRole('button', { name: 'Hang up', exact: true }).click();
    } finally {
      await callerContext.close();
      await calleeContext.close();
    }
  });
});

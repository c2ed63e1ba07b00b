import { describe, expect, it } from 'vitest';
import { startPbx } from '../../server/pbx';
import { parseMessage, SipRequest } from '../../src/sip';
import { openRegisteredApp, statusText, type AppPage } from './support/app-page';
import { ownStack } from './support/own-stack';
import {
  conversationEntry,
  countMessages,
  deliveryStates,
  messageLog,
  openMessages,
  sendMessage,
  startConversation,
  unreadOnTab,
} from './support/messages-page';

const PHONE_SIZE = { width: 360, height: 640 };
const WAIT = { timeout: 15_000, interval: 100 };
const XSS = '<img src=x onerror=alert(1)>';

describe('text messages between two tabs through the embedded PBX, in Chromium', () => {
  // A PBX of our own: one test stops and restarts it.
  const stack = ownStack();

  async function phone(user: string): Promise<AppPage> {
    return openRegisteredApp(stack.browser, stack.appServer.url, { user }, { viewport: PHONE_SIZE });
  }

  async function reload(app: AppPage): Promise<void> {
    await app.page.reload();
    await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
  }

  it('shows a message from 1000 on 1001 with an unread badge, and both keep it after a reload', async () => {
    const sender = await phone('1000');
    const receiver = await phone('1001');
    try {
      await openMessages(sender.page);
      await startConversation(sender.page, '1001');
      await sendMessage(sender.page, 'Hello from 1000');
      await expect.poll(() => deliveryStates(sender.page), WAIT).toEqual(['Delivered']);

      await expect.poll(() => unreadOnTab(receiver.page), WAIT).toBe(1);
      await openMessages(receiver.page);
      expect(await conversationEntry(receiver.page, '1000').getAttribute('aria-label')).toBe('Conversation with 1000, 1 unread');
      await conversationEntry(receiver.page, '1000').click();
      expect(await countMessages(receiver.page, 'Hello from 1000')).toBe(1);
      expect(await unreadOnTab(receiver.page)).toBe(0);

      await reload(sender);
      await reload(receiver);
      await openMessages(sender.page);
      await openMessages(receiver.page);
      await expect.poll(() => conversationEntry(sender.page, '1001').count(), WAIT).toBe(1);
      expect(await sender.page.getByText('You: Hello from 1000', { exact: true }).count()).toBe(1);
      await expect.poll(() => conversationEntry(receiver.page, '1000').getAttribute('aria-label'), WAIT).toBe('Conversation with 1000');
      await conversationEntry(receiver.page, '1000').click();
      expect(await countMessages(receiver.page, 'Hello from 1000')).toBe(1);
      await conversationEntry(sender.page, '1001').click();
      expect(await deliveryStates(sender.page)).toEqual(['Delivered']);
      expect(sender.errors).toEqual([]);
      expect(receiver.errors).toEqual([]);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });

  it('shows a body that looks like markup literally and runs nothing', async () => {
    const sender = await phone('1004');
    const receiver = await phone('1005');
    const dialogs: string[] = [];
    for (const app of [sender, receiver]) {
      app.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    }
    try {
      await openMessages(sender.page);
      await startConversation(sender.page, '1005');
      await sendMessage(sender.page, XSS);
      await expect.poll(() => deliveryStates(sender.page), WAIT).toEqual(['Delivered']);

      await openMessages(receiver.page);
      await expect.poll(() => conversationEntry(receiver.page, '1004').count(), WAIT).toBe(1);
      await conversationEntry(receiver.page, '1004').click();
      await expect.poll(() => countMessages(receiver.page, XSS), WAIT).toBe(1);
      expect(await messageLog(receiver.page).getByText(XSS, { exact: true }).isVisible()).toBe(true);
      expect(await countMessages(sender.page, XSS)).toBe(1);

      for (const app of [sender, receiver]) {
        expect(await app.page.locator('img[src="x"]').count()).toBe(0);
        expect(await app.page.evaluate(() => document.querySelectorAll('[role="log"] img').length)).toBe(0);
      }
      expect(dialogs).toEqual([]);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });

  it('queues a message written while the PBX is down and delivers it exactly once after the PBX is back', async () => {
    const sender = await phone('1002');
    const receiver = await phone('1003');
    try {
      await openMessages(sender.page);
      await startConversation(sender.page, '1003');

      const port = stack.pbx.port;
      await stack.pbx.close();
      await expect.poll(() => statusText(sender.page), WAIT).not.toBe('Registered');
      await sendMessage(sender.page, 'Written while the PBX was down');
      await expect.poll(() => deliveryStates(sender.page), WAIT).toEqual(['Queued']);
      // Give a wrongly eager outbox the time to try: it must still be waiting.
      await sender.page.waitForTimeout(1_000);
      expect(await deliveryStates(sender.page)).toEqual(['Queued']);

      // The sender's page goes away while the PBX is down: its saved outbox must carry the
      // message over the reload. The receiver re-registers first, so the PBX can route the
      // message to it instead of answering 480.
      const senderUrl = sender.page.url();
      await sender.page.close();

      stack.pbx = await startPbx({ host: '127.0.0.1', port, logLevel: 'warn' });
      const forwarded: string[] = [];
      stack.pbx.events.on('message', ({ direction, text }) => {
        try {
          const message = parseMessage(text);
          // Text only: typing notices (application/im-iscomposing+xml) are not messages.
          const isText = message instanceof SipRequest && message.method === 'MESSAGE' && message.get('Content-Type')?.startsWith('text/plain');
          if (direction === 'out' && isText) forwarded.push(message.body);
        } catch {
          // Keep-alive CRLFs are not messages.
        }
      });
      await expect.poll(() => statusText(receiver.page), { timeout: 45_000, interval: 250 }).toBe('Registered');

      const page = await sender.context.newPage();
      await page.goto(senderUrl);
      await expect.poll(() => statusText(page), WAIT).toBe('Registered');
      await openMessages(page);
      await conversationEntry(page, '1003').click();
      await expect.poll(() => deliveryStates(page), WAIT).toEqual(['Delivered']);

      await openMessages(receiver.page);
      await expect.poll(() => conversationEntry(receiver.page, '1002').count(), WAIT).toBe(1);
      await conversationEntry(receiver.page, '1002').click();
      await expect.poll(() => countMessages(receiver.page, 'Written while the PBX was down'), WAIT).toBe(1);
      await receiver.page.waitForTimeout(1_000);
      expect(await countMessages(receiver.page, 'Written while the PBX was down')).toBe(1);
      expect(forwarded).toEqual(['Written while the PBX was down']);
      expect(receiver.errors).toEqual([]);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });

  it('shows "1006 is typing…" in 1007\'s open conversation while 1006 types, until the message arrives', async () => {
    const sender = await phone('1006');
    const receiver = await phone('1007');
    try {
      await openMessages(sender.page);
      await startConversation(sender.page, '1007');
      await sendMessage(sender.page, 'Are you there?');
      await openMessages(receiver.page);
      await conversationEntry(receiver.page, '1006').click();
      const typing = receiver.page.getByRole('status', { name: 'Typing' });
      expect(await typing.textContent()).toBe('');

      await sender.page.getByLabel('Message', { exact: true }).fill('Yes, I am');
      await expect.poll(() => typing.textContent(), WAIT).toBe('1006 is typing…');
      await sender.page.getByRole('button', { name: 'Send message', exact: true }).click();
      await expect.poll(() => countMessages(receiver.page, 'Yes, I am'), WAIT).toBe(1);
      expect(await typing.textContent()).toBe('');
      expect(await countMessages(receiver.page, 'Are you there?')).toBe(1);
      expect(sender.errors).toEqual([]);
      expect(receiver.errors).toEqual([]);
    } finally {
      await sender.close();
      await receiver.close();
    }
  });
});

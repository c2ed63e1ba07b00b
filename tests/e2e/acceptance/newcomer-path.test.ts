import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { statusText, type AppPage } from '../support/app-page';
import { callLine, dial, lineCount, lineStatus } from '../support/call-page';
import { conversationEntry, countMessages, deliveryStates, openMessages, sendMessage, startConversation } from '../support/messages-page';
import { ownStack } from '../support/own-stack';
import { openPhone, showScreen, useDemoAccount, WAIT } from './support/phone-window';

/** The accessible names of the history entries shown, newest first ("Incoming call from Ada"), never waiting. */
function historyEntries(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Call history' })
    .locator(':scope > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

/** The accessible names of the conversations listed ("Conversation with Ada, 1 unread"), never waiting. */
function conversationNames(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Conversations' })
    .getByRole('button', { name: /^Conversation with / })
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
}

function accountEditor(page: Page): Locator {
  return page.getByRole('form', { name: /^Edit / });
}

async function openAccountEditor(page: Page, aor: string): Promise<Locator> {
  await showScreen(page, 'Settings');
  await page.getByRole('button', { name: `Edit ${aor}`, exact: true }).click();
  const editor = accountEditor(page);
  // The DTMF mode sits in the folded "Calls" group.
  await editor.getByText('Calls', { exact: true }).click();
  return editor;
}

/**
 * The issue's newcomer path, as one person would walk it: two fresh browser profiles on the
 * embedded PBX, the first-run demo account offer, a call with hold and DTMF, a message, and both
 * sides' history; then a reload of each that loses none of it.
 */
describe('acceptance: the newcomer path, in Chromium against the embedded PBX', () => {
  const stack = ownStack();
  // The two people, kept open from the walk into the reload check.
  let ada: AppPage | undefined;
  let bob: AppPage | undefined;

  it('first run → demo account → registered → call with hold, resume and DTMF → hang up → message → history on both sides', async () => {
    ada = await openPhone(stack.browser, stack.appServer.url);
    const offer = ada.page.getByRole('button', { name: 'Use demo account 1000', exact: true });
    await expect.poll(() => offer.count(), WAIT).toBe(1);
    expect(await statusText(ada.page)).toBe('Offline');
    await useDemoAccount(ada.page, '1000');
    expect(await offer.count()).toBe(0);

    // Ada names herself and sends keypad digits as SIP INFO, which the far page can show
    // (a browser cannot read RFC 4733 events out of the RTP it receives).
    const editor = await openAccountEditor(ada.page, 'sip:1000@127.0.0.1');
    await editor.getByRole('textbox', { name: 'Display name', exact: true }).fill('Ada');
    await editor.getByRole('combobox', { name: 'DTMF mode', exact: true }).selectOption('info');
    await editor.getByRole('button', { name: 'Save account', exact: true }).click();
    await expect.poll(() => accountEditor(ada!.page).count(), WAIT).toBe(0);
    await expect.poll(() => statusText(ada!.page), WAIT).toBe('Registered');
    expect(await ada.page.getByRole('region', { name: 'Account', exact: true }).getByText('Ada', { exact: true }).count()).toBe(1);

    bob = await openPhone(stack.browser, stack.appServer.url);
    await useDemoAccount(bob.page, '1001');

    await showScreen(ada.page, 'Phone');
    await dial(ada.page, '1001');
    await expect.poll(() => lineStatus(bob!.page, 'Ada'), WAIT).toBe('Incoming call');
    await callLine(bob.page, 'Ada').getByRole('button', { name: 'Answer', exact: true }).click();
    const adaLine = callLine(ada.page, '1001');
    await expect.poll(() => lineStatus(ada!.page, '1001'), WAIT).toBe('Connected');
    await expect.poll(() => lineStatus(bob!.page, 'Ada'), WAIT).toBe('Connected');

    await adaLine.getByRole('button', { name: 'Hold', exact: true }).click();
    await expect.poll(() => lineStatus(ada!.page, '1001'), WAIT).toBe('On hold');
    await expect.poll(() => lineStatus(bob!.page, 'Ada'), WAIT).toBe('Held by remote');
    await adaLine.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect.poll(() => lineStatus(ada!.page, '1001'), WAIT).toBe('Connected');
    await expect.poll(() => lineStatus(bob!.page, 'Ada'), WAIT).toBe('Connected');

    await adaLine.getByRole('button', { name: 'Keypad', exact: true }).click();
    const keys = adaLine.getByRole('group', { name: 'DTMF keys' });
    for (const key of ['1', '2', '#']) await keys.getByRole('button', { name: key, exact: true }).click();
    const received = callLine(bob.page, 'Ada').getByRole('status', { name: 'Digits received' });
    await expect.poll(() => received.textContent(), WAIT).toBe('Received: 12#');

    await adaLine.getByRole('button', { name: 'Hang up', exact: true }).click();
    await expect.poll(() => lineCount(ada!.page), WAIT).toBe(0);
    await expect.poll(() => lineCount(bob!.page), WAIT).toBe(0);

    await openMessages(ada.page);
    await startConversation(ada.page, '1001');
    await sendMessage(ada.page, 'Thanks for the call!');
    await expect.poll(() => deliveryStates(ada!.page), WAIT).toEqual(['Delivered']);
    await openMessages(bob.page);
    // Bob's list names the conversation after the sender's display name.
    await expect.poll(() => conversationNames(bob!.page), WAIT).toEqual(['Conversation with Ada, 1 unread']);
    await conversationEntry(bob.page, 'Ada').click();
    await expect.poll(() => countMessages(bob!.page, 'Thanks for the call!'), WAIT).toBe(1);

    await showScreen(ada.page, 'History');
    await expect.poll(() => historyEntries(ada!.page), WAIT).toEqual(['Outgoing call to 1001']);
    await showScreen(bob.page, 'History');
    await expect.poll(() => historyEntries(bob!.page), WAIT).toEqual(['Incoming call from Ada']);
    expect(ada.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });

  it('a reload keeps the history, messages, contacts and settings', async () => {
    expect(ada && bob, 'the newcomer path left both pages open').toBeTruthy();
    const [a, b] = [ada!, bob!];
    // A contact to survive the reload too; the history then shows the name.
    await showScreen(a.page, 'Contacts');
    await a.page.getByRole('button', { name: 'New contact', exact: true }).click();
    const form = a.page.getByRole('form', { name: 'New contact' });
    await form.getByLabel('Name', { exact: true }).fill('Bob');
    await form.getByLabel('Number 1', { exact: true }).fill('1001');
    await form.getByRole('button', { name: 'Save contact', exact: true }).click();
    await expect.poll(() => form.count(), WAIT).toBe(0);

    for (const app of [a, b]) {
      await app.page.reload();
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
    }

    await showScreen(a.page, 'History');
    await expect.poll(() => historyEntries(a.page), WAIT).toEqual(['Outgoing call to Bob']);
    await showScreen(b.page, 'History');
    await expect.poll(() => historyEntries(b.page), WAIT).toEqual(['Incoming call from Ada']);

    await showScreen(a.page, 'Contacts');
    await expect
      .poll(() => a.page.getByRole('list', { name: 'Contacts' }).getByRole('listitem', { name: 'Bob', exact: true }).count(), WAIT)
      .toBe(1);

    // Ada's address book names 1001 "Bob"; Bob's page knows Ada by the display name she sent.
    for (const [app, peer] of [[a, 'Bob'], [b, 'Ada']] as const) {
      await openMessages(app.page);
      await expect.poll(() => conversationNames(app.page), WAIT).toEqual([`Conversation with ${peer}`]);
      await conversationEntry(app.page, peer).click();
      await expect.poll(() => countMessages(app.page, 'Thanks for the call!'), WAIT).toBe(1);
    }
    expect(await deliveryStates(a.page)).toEqual(['Delivered']);

    const editor = await openAccountEditor(a.page, 'sip:1000@127.0.0.1');
    expect(await editor.getByRole('textbox', { name: 'Display name', exact: true }).inputValue()).toBe('Ada');
    expect(await editor.getByRole('combobox', { name: 'DTMF mode', exact: true }).inputValue()).toBe('info');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.close();
    await b.close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callLine, lineCount, lineStatus } from '../support/call-page';
import { messageLog, openMessages } from '../support/messages-page';
import { ownStack } from '../support/own-stack';
import { registeredPhone, showScreen, WAIT } from './support/phone-window';
import { startScriptedPhone } from './support/scripted-phone';

// Each payload sets window.__xss if it ever runs, and leaves an element behind if it is ever parsed as markup.
const DISPLAY_NAME = '<img src=x onerror=window.__xss=1>';
const USER_AGENT = '<svg onload=window.__xss=1>';
const SUBJECT = '<script>window.__xss=1</script>';
const BODY = '<script>window.__xss=1</script><img src=x onerror=window.__xss=1>';
const CONTACT = '<img src=x onerror=window.__xss=1> Eve <b>Mallory</b>';

/** Records Content-Security-Policy violations from before the app's first script: a blocked inline handler shows up here. */
function watchCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
}

/**
 * Whether anything ran or was parsed: window.__xss, elements the payloads would create, and CSP
 * violations (the app's policy would block an inline handler, so the flag alone could stay unset
 * even if markup got through).
 */
function traces(page: Page) {
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    elements: document.querySelectorAll('img[src="x"], svg[onload], b, script:not([src])').length,
    cspViolations: (window as unknown as { cspViolations: string[] }).cspViolations,
  }));
}

const CLEAN = { xss: undefined, elements: 0, cspViolations: [] };

describe('acceptance: markup from the network and the user stays text, in Chromium', () => {
  const stack = ownStack();

  it('shows a hostile display name, message body, contact name and SIP headers literally, and runs none of them', async () => {
    const app = await registeredPhone(stack.browser, stack.appServer.url, '1000');
    await app.page.addInitScript(watchCspViolations);
    await app.page.reload();
    await expect.poll(() => app.page.getByRole('status', { name: 'Account status' }).textContent(), WAIT).toBe('Registered');
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const far = await startScriptedPhone(stack.pbx.url, '1001', { displayName: DISPLAY_NAME, userAgent: USER_AGENT });
    const { page } = app;
    try {
      // A call whose From carries the display name, declined from its ringing line.
      far.agent.call('sip:1000@127.0.0.1', { extraHeaders: [['Subject', SUBJECT]] });
      await expect.poll(() => lineStatus(page, DISPLAY_NAME), WAIT).toBe('Incoming call');
      expect(await callLine(page, DISPLAY_NAME).getByText(DISPLAY_NAME, { exact: true }).isVisible()).toBe(true);
      expect(await traces(page)).toEqual(CLEAN);
      await callLine(page, DISPLAY_NAME).getByRole('button', { name: 'Decline', exact: true }).click();
      await expect.poll(() => lineCount(page), WAIT).toBe(0);

      await showScreen(page, 'History');
      const entry = page.getByRole('list', { name: 'Call history' }).getByRole('listitem', { name: `Declined call from ${DISPLAY_NAME}`, exact: true });
      await expect.poll(() => entry.count(), WAIT).toBe(1);
      expect(await entry.getByText(DISPLAY_NAME, { exact: true }).isVisible()).toBe(true);

      const sent = await far.agent.sendMessage('sip:1000@127.0.0.1', BODY).done;
      expect(sent).toMatchObject({ delivered: true, status: 200 });
      await openMessages(page);
      await page.getByRole('button', { name: `Conversation with ${DISPLAY_NAME}, 1 unread`, exact: true }).click();
      await expect.poll(() => messageLog(page).getByText(BODY, { exact: true }).count(), WAIT).toBe(1);
      expect(await messageLog(page).getByText(BODY, { exact: true }).isVisible()).toBe(true);

      await showScreen(page, 'Contacts');
      await page.getByRole('button', { name: 'New contact', exact: true }).click();
      const form = page.getByRole('form', { name: 'New contact' });
      await form.getByLabel('Name', { exact: true }).fill(CONTACT);
      await form.getByLabel('Number 1', { exact: true }).fill('1002');
      await form.getByRole('button', { name: 'Save contact', exact: true }).click();
      const contact = page.getByRole('list', { name: 'Contacts' }).getByRole('listitem', { name: CONTACT, exact: true });
      await expect.poll(() => contact.count(), WAIT).toBe(1);
      expect(await contact.getByText(CONTACT, { exact: true }).isVisible()).toBe(true);

      // The INVITE's raw text on the ladder: the headers as they came.
      await showScreen(page, 'Diagnostics');
      await page.getByRole('list', { name: 'SIP ladder' }).getByRole('button', { name: /^INVITE from Far end to Us/ }).first().click();
      const raw = page.getByLabel('Raw message');
      await expect.poll(async () => (await raw.textContent()) ?? '', WAIT).toMatch(/^INVITE sip:/);
      const text = (await raw.textContent()) ?? '';
      expect(text).toContain(`From: "${DISPLAY_NAME}" <sip:1001@127.0.0.1>`);
      expect(text).toContain(`User-Agent: ${USER_AGENT}`);
      expect(text).toContain(`Subject: ${SUBJECT}`);

      expect(await traces(page)).toEqual(CLEAN);
      expect(dialogs).toEqual([]);
      expect(app.errors).toEqual([]);
    } finally {
      await far.close();
      await app.close();
    }
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accessibilityProblems } from '../support/axe';
import { callLine, dial, lineCount, lineStatus } from '../support/call-page';
import { conversationEntry, countMessages, openMessages, sendMessage, startConversation } from '../support/messages-page';
import { ownStack } from '../support/own-stack';
import { openPhone, registeredPhone, saveScreenshot, showScreen, useDemoAccount, WAIT } from './support/phone-window';

const SCHEMES = ['light', 'dark'] as const;

/** Waits until the page has painted and every finite animation (Tailwind's colour transitions) has run out. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Every screen and state the issue names, in the light and the dark colour scheme: axe-core may
 * find nothing serious or critical. The same walk writes the README's screenshots at 360×640.
 */
describe('acceptance: every screen is accessible in both colour schemes, in Chromium', () => {
  const stack = ownStack();

  it('has no serious or critical axe-core violations on any screen, light or dark, and saves the screenshots', async () => {
    const me = await openPhone(stack.browser, stack.appServer.url);
    const far = await registeredPhone(stack.browser, stack.appServer.url, '1001');
    const { page } = me;
    const problems: string[] = [];
    /** axe on the page as it is, once per colour scheme; `dark` names a screenshot to take in the dark scheme. */
    const check = async (what: string, shots: { light?: string; dark?: string } = {}) => {
      for (const colorScheme of SCHEMES) {
        await page.emulateMedia({ colorScheme });
        await settled(page);
        problems.push(...(await accessibilityProblems(page)).map((problem) => `${what}, ${colorScheme}: ${problem}`));
        const shot = shots[colorScheme];
        if (shot) await saveScreenshot(page, shot);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    };

    try {
      await expect.poll(() => page.getByRole('button', { name: 'Use demo account 1000' }).count(), WAIT).toBe(1);
      await check('first run with the demo account offer');
      await useDemoAccount(page, '1000');
      await check('Phone', { light: 'phone-idle' });

      await page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
      const help = page.getByRole('dialog');
      await expect.poll(() => help.count(), WAIT).toBe(1);
      await check('keyboard help dialog');
      await help.getByRole('button', { name: 'Close', exact: true }).click();
      await expect.poll(() => help.count(), WAIT).toBe(0);

      await dial(far.page, '1000');
      await expect.poll(() => lineStatus(page, '1001'), WAIT).toBe('Incoming call');
      await check('a ringing incoming call');
      const line = callLine(page, '1001');
      await line.getByRole('button', { name: 'Answer', exact: true }).click();
      await expect.poll(() => lineStatus(page, '1001'), WAIT).toBe('Connected');
      await check('an active call', { light: 'call-active', dark: 'call-active-dark' });
      await line.getByRole('button', { name: 'Keypad', exact: true }).click();
      await check('an active call with its keypad');
      await showScreen(page, 'Diagnostics');
      await expect.poll(() => page.getByRole('img', { name: /^Estimated MOS, last minute: now \d/ }).count(), WAIT).toBe(1);
      await check('Diagnostics during a call');
      await line.getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => lineCount(page), WAIT).toBe(0);

      await openMessages(page);
      await startConversation(page, '1001');
      await sendMessage(page, 'Running five minutes late — start without me?');
      await openMessages(far.page);
      await conversationEntry(far.page, 'Demo 1000').click();
      await sendMessage(far.page, 'Sure, see you soon.');
      await expect.poll(() => countMessages(page, 'Sure, see you soon.'), WAIT).toBe(1);
      await check('Messages: a conversation', { light: 'messages-chat' });
      await page.getByRole('button', { name: 'Back to conversations', exact: true }).click();
      await check('Messages: the conversation list');

      await showScreen(page, 'History');
      await expect.poll(() => page.getByRole('list', { name: 'Call history' }).locator(':scope > li').count(), WAIT).toBe(1);
      await check('History', { light: 'history' });

      await showScreen(page, 'Contacts');
      for (const [name, number] of [['Bob Example', '1001'], ['Carol Example', 'sip:carol@example.com']]) {
        await page.getByRole('button', { name: 'New contact', exact: true }).click();
        const form = page.getByRole('form', { name: 'New contact' });
        await form.getByLabel('Name', { exact: true }).fill(name!);
        await form.getByLabel('Number 1', { exact: true }).fill(number!);
        if (name === 'Bob Example') await check('Contacts: the new contact form');
        await form.getByRole('button', { name: 'Save contact', exact: true }).click();
        await expect.poll(() => form.count(), WAIT).toBe(0);
      }
      await check('Contacts', { light: 'contacts' });

      await showScreen(page, 'Settings');
      await check('Settings', { light: 'settings' });
      await page.getByRole('button', { name: 'Edit sip:1000@127.0.0.1', exact: true }).click();
      const editor = page.getByRole('form', { name: /^Edit / });
      for (const group of ['Network', 'Calls']) await editor.getByText(group, { exact: true }).click();
      await check('Settings: the account editor');
      await editor.getByRole('button', { name: 'Cancel', exact: true }).click();

      await showScreen(page, 'Diagnostics');
      const ladder = page.getByRole('list', { name: 'SIP ladder' });
      await ladder.getByRole('button', { name: /^INVITE from Far end to Us/ }).first().click();
      await expect.poll(async () => (await page.getByLabel('Raw message').textContent()) ?? '', WAIT).toMatch(/^INVITE sip:/);
      await check('Diagnostics: the ladder with a message open', { light: 'diagnostics-ladder' });
      // A desktop window: the phone on the left, the chosen screen beside it.
      await page.setViewportSize({ width: 1280, height: 800 });
      await check('the two-pane desktop window');

      expect(problems).toEqual([]);
      expect(me.errors).toEqual([]);
      expect(far.errors).toEqual([]);
    } finally {
      await me.close();
      await far.close();
    }
  });
});

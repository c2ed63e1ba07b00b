import { describe, expect, it } from 'vitest';
import { openRegisteredApp, type AppPage } from './support/app-page';
import { callLine, lineCount, lineStatus } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const WAIT = { timeout: 15_000, interval: 100 };

describe('keyboard shortcuts, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  async function phone(user: string, params: Record<string, string> = {}): Promise<AppPage> {
    return openRegisteredApp(chromium.browser, appUrl, { user, ...params });
  }

  it('dials with digit keys, calls with Enter, answers with Enter, sends DTMF, holds with H and hangs up with Escape', async () => {
    // SIP INFO DTMF, so the callee shows the digits it receives.
    const caller = await phone('1003', { dtmf: 'info' });
    const callee = await phone('1004');
    try {
      const field = caller.page.getByLabel('Number or SIP URI', { exact: true });
      for (const key of ['1', '0', '0', '4']) await caller.page.keyboard.press(key);
      expect(await field.inputValue()).toBe('1004');
      await caller.page.keyboard.press('Enter');
      await expect.poll(() => lineStatus(callee.page, '1003'), WAIT).toBe('Incoming call');

      await callee.page.keyboard.press('Enter');
      await expect.poll(() => lineStatus(caller.page, '1004'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(callee.page, '1003'), WAIT).toBe('Connected');

      // In a call, digit keys go out as DTMF instead of into the dial field.
      await caller.page.keyboard.press('5');
      await caller.page.keyboard.press('#');
      const received = callLine(callee.page, '1003').getByRole('status', { name: 'Digits received' });
      await expect.poll(() => received.textContent(), WAIT).toBe('Received: 5#');
      // The caller's keypad shows them as sent, like digits pressed on it.
      await callLine(caller.page, '1004').getByRole('button', { name: 'Keypad', exact: true }).click();
      expect(await callLine(caller.page, '1004').getByRole('status', { name: 'Digits sent' }).textContent()).toBe('5#');

      await caller.page.keyboard.press('m');
      await expect.poll(() => callLine(caller.page, '1004').getByRole('button', { name: 'Unmute', exact: true }).count(), WAIT).toBe(1);
      await caller.page.keyboard.press('m');
      await caller.page.keyboard.press('h');
      await expect.poll(() => lineStatus(caller.page, '1004'), WAIT).toBe('On hold');
      await caller.page.keyboard.press('h');
      await expect.poll(() => lineStatus(caller.page, '1004'), WAIT).toBe('Connected');

      await caller.page.keyboard.press('Escape');
      await expect.poll(() => lineStatus(callee.page, '1003'), WAIT).toBe('The other party hung up');
      await expect.poll(() => lineCount(caller.page), WAIT).toBe(0);
      for (const app of [caller, callee]) expect(app.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });

  it('declines a ringing call with Escape', async () => {
    const caller = await phone('1005');
    const callee = await phone('1006');
    try {
      await caller.page.getByLabel('Number or SIP URI', { exact: true }).fill('1006');
      await caller.page.getByLabel('Number or SIP URI', { exact: true }).press('Enter');
      await expect.poll(() => lineStatus(callee.page, '1005'), WAIT).toBe('Incoming call');
      await callee.page.keyboard.press('Escape');
      await expect.poll(() => lineStatus(caller.page, '1006'), WAIT).toMatch(/declined/i);
    } finally {
      await caller.close();
      await callee.close();
    }
  });

  it('lists the shortcuts in a help panel opened with ? or its button; ? typed in a field stays text', async () => {
    const app = await phone('1007');
    try {
      const help = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await app.page.keyboard.press('?');
      await expect.poll(() => help.isVisible(), WAIT).toBe(true);
      const rows = await help.getByRole('row').allTextContents();
      for (const keys of ['0–9, *, #', 'Enter', 'Escape', 'H or Alt+H', 'M or Alt+M', 'S or Alt+S', '?']) {
        expect(rows.some((row) => row.startsWith(keys))).toBe(true);
      }
      await app.page.keyboard.press('Escape');
      await expect.poll(() => help.isVisible(), WAIT).toBe(false);

      await app.page.getByRole('button', { name: 'Keyboard shortcuts', exact: true }).click();
      await expect.poll(() => help.isVisible(), WAIT).toBe(true);
      await help.getByRole('button', { name: 'Close', exact: true }).click();
      await expect.poll(() => help.isVisible(), WAIT).toBe(false);

      const field = app.page.getByLabel('Number or SIP URI', { exact: true });
      await field.click();
      await app.page.keyboard.type('12?h');
      expect(await field.inputValue()).toBe('12?h');
      expect(await help.isVisible()).toBe(false);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

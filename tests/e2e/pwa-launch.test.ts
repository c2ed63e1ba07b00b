import type { Dialog } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, statusText } from './support/app-page';
import { lineCount } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

describe('sip: and tel: launch URLs, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  it('pre-fills a sip: link and dials it after the user confirms', async () => {
    const callee = await openApp(chromium.browser, appUrl, { user: '1005' });
    await expect.poll(() => statusText(callee.page), REGISTER_TIMEOUT).toBe('Registered');
    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      const questions: string[] = [];
      page.on('dialog', (dialog: Dialog) => {
        questions.push(dialog.message());
        void dialog.accept();
      });
      // What the protocol handler opens for a click on <a href="sip:1005@127.0.0.1">.
      await page.goto(`${appUrl}/?user=1004&dial=${encodeURIComponent('sip:1005@127.0.0.1')}`);
      await expect.poll(() => questions, REGISTER_TIMEOUT).toEqual(['Call sip:1005@127.0.0.1?']);
      await expect.poll(() => callee.page.getByRole('button', { name: 'Answer', exact: true }).count(), { timeout: 15_000 }).toBe(1);
      // The link is consumed: reloading the page does not dial again.
      expect(new URL(page.url()).searchParams.has('dial')).toBe(false);
      await page.getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => callee.page.getByRole('button', { name: 'Answer', exact: true }).count(), { timeout: 15_000 }).toBe(0);
    } finally {
      await context.close();
      await callee.close();
    }
  });

  it('does not dial a tel: link the user declines, and leaves the number in the dial field', async () => {
    const context = await chromium.browser.newContext();
    try {
      const page = await context.newPage();
      const questions: string[] = [];
      page.on('dialog', (dialog: Dialog) => {
        questions.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${appUrl}/?user=1006&dial=${encodeURIComponent('tel:+1-555-0100')}`);
      await expect.poll(() => questions, REGISTER_TIMEOUT).toEqual(['Call +15550100?']);
      expect(await page.getByLabel('Number or SIP URI', { exact: true }).inputValue()).toBe('+15550100');
      expect(await lineCount(page)).toBe(0);
    } finally {
      await context.close();
    }
  });
});

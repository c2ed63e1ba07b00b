import type { Browser, Dialog } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, statusText } from './support/app-page';
import { lineCount } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

/** Opens `url` in a fresh context, answering its confirm dialogs with `answer` and keeping their questions. */
async function openLink(browser: Browser, url: string, answer: 'accept' | 'dismiss') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const questions: string[] = [];
  page.on('dialog', (dialog: Dialog) => {
    questions.push(dialog.message());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  await page.goto(url);
  return { context, page, questions };
}

describe('sip: and tel: launch URLs, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  it('pre-fills a sip: link and dials it after the user confirms', async () => {
    const callee = await openApp(chromium.browser, appUrl, { user: '1005' });
    await expect.poll(() => statusText(callee.page), REGISTER_TIMEOUT).toBe('Registered');
    // What the protocol handler opens for a click on <a href="sip:1005@127.0.0.1">.
    const link = `${appUrl}/?user=1004&dial=${encodeURIComponent('sip:1005@127.0.0.1')}`;
    const { context, page, questions } = await openLink(chromium.browser, link, 'accept');
    try {
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
    const link = `${appUrl}/?user=1006&dial=${encodeURIComponent('tel:+1-555-0100')}`;
    const { context, page, questions } = await openLink(chromium.browser, link, 'dismiss');
    try {
      await expect.poll(() => questions, REGISTER_TIMEOUT).toEqual(['Call +15550100?']);
      expect(await page.getByLabel('Number or SIP URI', { exact: true }).inputValue()).toBe('+15550100');
      expect(await lineCount(page)).toBe(0);
    } finally {
      await context.close();
    }
  });
});

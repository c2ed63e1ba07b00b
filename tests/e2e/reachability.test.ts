import { describe, expect, it } from 'vitest';
import { openApp, statusText } from './support/app-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

describe('reachability check (OPTIONS) in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  it("shows what another phone answers to OPTIONS, and why an offline one is not there", async () => {
    const caller = await openApp(chromium.browser, appUrl, { user: '1000' });
    const callee = await openApp(chromium.browser, appUrl, { user: '1001' });
    try {
      await expect.poll(() => statusText(caller.page), REGISTER_TIMEOUT).toBe('Registered');
      await expect.poll(() => statusText(callee.page), REGISTER_TIMEOUT).toBe('Registered');
      const page = caller.page;
      // The check lives on the Diagnostics screen.
      await page.getByRole('tab', { name: 'Diagnostics' }).click();
      await page.getByRole('heading', { name: 'Check reachability (OPTIONS)' }).waitFor();
      const result = page.getByRole('status', { name: 'Reachability result' });

      await page.getByLabel('SIP URI to check').fill('1001');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('Reachable: 200 OK');
      const text = (await result.textContent()) ?? '';
      expect(text).toMatch(/Allow.*INVITE.*MESSAGE/);
      expect(text).toContain('Tabphone/');

      // The PBX answers for an offline user: reachable as SIP, with the 480 shown.
      await page.getByLabel('SIP URI to check').fill('1005');
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('480');
      expect(caller.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });
});

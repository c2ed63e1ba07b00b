import { describe, expect, it } from 'vitest';
import { WRONG_CREDENTIALS } from '../../src/sip';
import { openApp, statusDetail, statusText } from './support/app-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

describe('registration with the embedded PBX, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  it('shows "Registered" for demo user 1000', async () => {
    const app = await openApp(chromium.browser, appUrl, { user: '1000' });
    try {
      await expect.poll(() => statusText(app.page), REGISTER_TIMEOUT).toBe('Registered');
      expect(await app.page.getByText('sip:1000@127.0.0.1').count()).toBe(1);
      expect(await statusDetail(app.page)).toBeNull();
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('registers two demo users side by side in two tabs', async () => {
    const first = await openApp(chromium.browser, appUrl, { user: '1000' });
    const second = await openApp(chromium.browser, appUrl, { user: '1001' });
    try {
      await expect.poll(() => statusText(first.page), REGISTER_TIMEOUT).toBe('Registered');
      await expect.poll(() => statusText(second.page), REGISTER_TIMEOUT).toBe('Registered');
      expect(await second.page.getByText('sip:1001@127.0.0.1').count()).toBe(1);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('shows "Registration failed" with the wrong-credentials cause when the password is wrong', async () => {
    const app = await openApp(chromium.browser, appUrl, { user: '1000', password: 'wrong' });
    try {
      await expect
        .poll(() => statusText(app.page), REGISTER_TIMEOUT)
        .toBe(`Registration failed: ${WRONG_CREDENTIALS}`);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

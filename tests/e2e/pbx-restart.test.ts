import { describe, expect, it } from 'vitest';
import { startPbx } from '../../server/pbx';
import { openApp, statusCause, statusText } from './support/app-page';
import { ownStack } from './support/own-stack';

describe('the account status across a PBX outage, in Chromium', () => {
  // This file stops and restarts its own PBX, so it does not disturb the shared one.
  const stack = ownStack();

  it('shows a non-registered state with a cause while the PBX is down, and "Registered" once it is back', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, { user: '1002' });
    try {
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).toBe('Registered');

      const port = stack.pbx.port;
      await stack.pbx.close();
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).not.toBe('Registered');
      await expect.poll(() => statusCause(app.page), { timeout: 15_000 }).toMatch(/\S/);

      stack.pbx = await startPbx({ host: '127.0.0.1', port, logLevel: 'warn' });
      await expect.poll(() => statusText(app.page), { timeout: 45_000, interval: 250 }).toBe('Registered');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

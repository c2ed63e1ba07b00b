import { describe, expect, it } from 'vitest';
import { openApp, statusText } from './support/app-page';
import { ownStack } from './support/own-stack';

describe('the install\'s instance id (RFC 5626 +sip.instance), in Chromium', () => {
  // Its own PBX, to read the bindings it holds.
  const stack = ownStack();

  it('keeps the same instance id across a reload, and leaves one binding', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, { user: '1004' });
    try {
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).toBe('Registered');
      const first = stack.pbx.bindings('1004');
      expect(first).toHaveLength(1);
      expect(first[0]!.instance).toMatch(/^"?<urn:uuid:[0-9a-f-]{36}>"?$/);

      await app.page.reload();
      await expect.poll(() => statusText(app.page), { timeout: 15_000 }).toBe('Registered');
      await expect.poll(() => stack.pbx.bindings('1004').map((b) => b.instance)).toEqual([first[0]!.instance]);
    } finally {
      await app.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import { openApp, statusText } from './support/app-page';
import { dial } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

/**
 * The autoplay policy of a desktop browser, which headless Chromium never applies: an
 * AudioContext starts suspended and resumes only during a user gesture.
 */
function blockAudioUntilGesture(): void {
  const Native = window.AudioContext;
  window.AudioContext = class extends Native {
    private allowed = false;
    constructor(options?: AudioContextOptions) {
      super(options);
      // Chromium starts the context on its own a moment later: put it back to sleep.
      this.addEventListener('statechange', () => {
        if (this.state === 'running' && !this.allowed) void this.suspend();
      });
    }
    override resume(): Promise<void> {
      if (!navigator.userActivation.isActive) return Promise.resolve();
      this.allowed = true;
      return super.resume();
    }
  };
}

describe('a call that rings while the browser blocks sound, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  it('shows "Sound is blocked" with a button that lets the ringtone play', async () => {
    const callee = await openApp(chromium.browser, appUrl, { user: '1007' }, { initScripts: [blockAudioUntilGesture] });
    const caller = await openApp(chromium.browser, appUrl, { user: '1008' });
    try {
      await expect.poll(() => statusText(callee.page), REGISTER_TIMEOUT).toBe('Registered');
      await expect.poll(() => statusText(caller.page), REGISTER_TIMEOUT).toBe('Registered');
      await dial(caller.page, '1007');

      const blocked = callee.page.getByRole('alert').filter({ hasText: 'Sound is blocked' });
      await expect.poll(() => blocked.count(), { timeout: 15_000 }).toBe(1);

      await blocked.getByRole('button', { name: 'Enable sound' }).click();
      await expect.poll(() => blocked.count(), { timeout: 5_000 }).toBe(0);
      // Still ringing, now audibly.
      expect(await callee.page.getByRole('button', { name: 'Answer', exact: true }).count()).toBe(1);
      await caller.page.getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => callee.page.getByRole('button', { name: 'Answer', exact: true }).count(), { timeout: 15_000 }).toBe(0);
      expect(callee.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });
});

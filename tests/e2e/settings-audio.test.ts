import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, statusText, type AppPage } from './support/app-page';
import { callLine, dial, lineStatus } from './support/call-page';
import { ownStack } from './support/own-stack';

const WAIT = { timeout: 15_000, interval: 100 };
const PHONE_SIZE = { width: 360, height: 640 };

/** What the page asked of the audio devices: getUserMedia's audio constraints and every setSinkId. */
interface DeviceUse {
  microphones: unknown[];
  mediaSinks: string[];
  contextSinks: string[];
}

/** Records device use in the page before the app runs (Chromium's fake devices do the rest). */
function recordDeviceUse(): void {
  const use: DeviceUse = { microphones: [], mediaSinks: [], contextSinks: [] };
  (window as unknown as { __deviceUse: DeviceUse }).__deviceUse = use;
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = (constraints) => {
    use.microphones.push(constraints?.audio);
    return getUserMedia(constraints);
  };
  const mediaSink = HTMLMediaElement.prototype.setSinkId;
  HTMLMediaElement.prototype.setSinkId = function (this: HTMLMediaElement, id: string) {
    use.mediaSinks.push(id);
    return mediaSink.call(this, id);
  };
  const context = AudioContext.prototype as unknown as { setSinkId(id: string): Promise<void> };
  const contextSink = context.setSinkId;
  context.setSinkId = function (this: AudioContext, id: string) {
    use.contextSinks.push(id);
    return contextSink.call(this, id);
  };
}

/** The audio settings as written to IndexedDB (what a reload will read back). */
function savedAudio(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tabphone-settings');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('settings').objectStore('settings').get('settings');
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            open.result.close();
            resolve((read.result as { settings?: { audio?: unknown } } | undefined)?.settings?.audio);
          };
        };
      }),
  );
}

function deviceUse(page: Page): Promise<DeviceUse> {
  return page.evaluate(() => (window as unknown as { __deviceUse: DeviceUse }).__deviceUse);
}

/** Picks the option labelled `label` in a device select, waits for the choice to be saved, and returns its device id. */
async function choose(page: Page, select: string, label: string): Promise<string> {
  const field = page.getByRole('combobox', { name: select, exact: true });
  const id = (await field.getByRole('option', { name: label, exact: true }).getAttribute('value'))!;
  await field.selectOption(id);
  await expect.poll(() => field.inputValue(), WAIT).toBe(id);
  return id;
}

async function demoPhone(stack: ReturnType<typeof ownStack>, user: string): Promise<AppPage> {
  const app = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE, initScripts: [recordDeviceUse] });
  await app.page.getByRole('combobox', { name: 'Demo user' }).selectOption(user);
  await app.page.getByRole('button', { name: `Use demo account ${user}` }).click();
  await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
  return app;
}

describe('audio devices chosen in Settings, in Chromium with its fake devices', () => {
  const stack = ownStack();

  it('opens the chosen microphone, plays the call on the chosen speaker and rings on the chosen ringer, and keeps them over a reload', async () => {
    const callee = await demoPhone(stack, '1002');
    const caller = await openApp(stack.browser, stack.appServer.url, { user: '1003' }, { viewport: PHONE_SIZE });
    try {
      await callee.page.getByRole('tab', { name: 'Settings' }).click();
      await expect.poll(() => callee.page.getByRole('option', { name: 'Fake Audio Input 1' }).count(), WAIT).toBe(1);
      const microphone = await choose(callee.page, 'Microphone', 'Fake Audio Input 1');
      const speaker = await choose(callee.page, 'Speaker', 'Fake Audio Output 1');
      const ringer = await choose(callee.page, 'Ringer device', 'Fake Audio Output 2');
      await callee.page.getByRole('combobox', { name: 'Ringtone' }).selectOption({ label: 'Chirp' });
      expect(new Set([microphone, speaker, ringer]).size).toBe(3);
      // The store shows a choice at once; the reload must wait for the write to IndexedDB.
      await expect
        .poll(() => savedAudio(callee.page), WAIT)
        .toMatchObject({ microphoneId: microphone, speakerId: speaker, ringerId: ringer, ringtone: 'chirp' });

      await callee.page.reload();
      await expect.poll(() => statusText(callee.page), WAIT).toBe('Registered');
      await callee.page.getByRole('tab', { name: 'Settings' }).click();
      await expect.poll(() => callee.page.getByRole('combobox', { name: 'Microphone', exact: true }).inputValue(), WAIT).toBe(microphone);
      expect(await callee.page.getByRole('combobox', { name: 'Ringtone' }).inputValue()).toBe('chirp');

      await expect.poll(() => statusText(caller.page), WAIT).toBe('Registered');
      await dial(caller.page, '1002');
      const answer = callee.page.getByRole('region', { name: 'Calls' }).getByRole('button', { name: 'Answer', exact: true });
      await answer.waitFor({ timeout: WAIT.timeout });
      await expect.poll(async () => (await deviceUse(callee.page)).contextSinks, WAIT).toEqual([ringer]);
      await answer.click();
      await expect.poll(() => lineStatus(caller.page, '1002'), WAIT).toBe('Connected');

      const use = await deviceUse(callee.page);
      expect(use.microphones.at(-1)).toMatchObject({ deviceId: { exact: microphone } });
      expect(use.mediaSinks).toContain(speaker);
      await callLine(caller.page, '1002').getByRole('button', { name: 'Hang up', exact: true }).click();
      expect(callee.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });
});

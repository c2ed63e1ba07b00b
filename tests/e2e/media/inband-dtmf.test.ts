import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaSessionOptions, SdpResult } from '../../../src/sip/media-port';
import { launchChromium } from '../support/chromium';
import { assertLoopbackOnlyNetwork } from '../support/network-guard';
import type {} from './harness-api';
import { startHarnessServer, type HarnessServer } from './harness-server';

/**
 * In-band DTMF in real Chromium: session "a" mixes Q.23 tones into its audio, session "b" (same
 * page, over loopback) listens with an AnalyserNode. Run inside a loopback-only network namespace:
 *   bash scripts/netns-run.sh npx vitest run --project e2e tests/e2e/media/inband-dtmf.test.ts
 */

const WEBRTC: MediaSessionOptions = { iceServers: [], profile: 'webrtc' };
const SIPCONNECT: MediaSessionOptions = { iceServers: [], profile: 'sipconnect' };
const POLL = { timeout: 10_000, interval: 50 };
/** "1" is 697 Hz + 1209 Hz; 852 Hz and 1477 Hz belong to other keys. */
const KEY_1 = [697, 1209];
const OTHER = [852, 1477];
/** Analyser levels (dBFS) for "a tone is there" and "nothing is there"; Opus measured about -30 and -145 here. */
const TONE_DB = -50;
const SILENT_DB = -90;

let server: HarnessServer;
let browser: Browser;

function sdpOf(result: SdpResult): string {
  if (!result.ok) throw new Error(`expected SDP, got ${result.failure.code}: ${result.failure.message}`);
  return result.sdp;
}

/** Session "a" calls "b" in a fresh page; both connected, a's microphone muted so only tones reach b. */
async function mutedCall(options: MediaSessionOptions): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === 'media harness ready');
  await page.evaluate((o) => {
    window.mediaHarness.create('a', o);
    window.mediaHarness.create('b', o);
  }, options);
  const offer = sdpOf((await page.evaluate(() => window.mediaHarness.offer('a'))).result);
  const answer = sdpOf(await page.evaluate((s) => window.mediaHarness.answer('b', s), offer));
  expect(await page.evaluate((s) => window.mediaHarness.applyAnswer('a', s), answer)).toEqual({ ok: true });
  for (const name of ['a', 'b']) {
    await expect.poll(() => page.evaluate((n) => window.mediaHarness.state(n), name), POLL).toBe('connected');
  }
  await page.evaluate(() => window.mediaHarness.setMuted('a', true));
  return page;
}

function levels(page: Page, frequencies: number[]): Promise<number[]> {
  return page.evaluate((f) => window.mediaHarness.receivedLevels('b', f), frequencies);
}

/** The loudest level seen at each frequency over `ms`. */
async function peakLevels(page: Page, frequencies: number[], ms: number): Promise<number[]> {
  let peak = frequencies.map(() => -Infinity);
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const now = await levels(page, frequencies);
    peak = peak.map((p, i) => Math.max(p, now[i]!));
    await page.waitForTimeout(50);
  }
  return peak;
}

beforeAll(async () => {
  assertLoopbackOnlyNetwork();
  server = await startHarnessServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('in-band DTMF in Chromium', () => {
  for (const [profile, options] of [
    ['Opus', WEBRTC],
    ['G.711', SIPCONNECT],
  ] as const) {
    it(`puts 697 Hz and 1209 Hz into the audio the far end receives for "1" (${profile}), and stops after the tone`, async () => {
      const page = await mutedCall(options);
      try {
        // a is muted: before the tone b hears (next to) nothing.
        const quiet = await peakLevels(page, [...KEY_1, ...OTHER], 500);
        expect(Math.max(...quiet)).toBeLessThan(SILENT_DB);
        expect(await page.evaluate(() => window.mediaHarness.inbandDtmf('a', '1', 1500))).toBe(true);
        await expect.poll(async () => Math.min(...(await levels(page, KEY_1))), POLL).toBeGreaterThan(TONE_DB);
        // Let the analyser window (85 ms) fill with the tone before comparing frequencies.
        await page.waitForTimeout(200);
        const during = await levels(page, [...KEY_1, ...OTHER]);
        const dB = (values: number[]) => values.map((l) => l.toFixed(0)).join('/');
        console.log(`${profile}: quiet ${dB(quiet)} dB, during "1" ${dB(during)} dB (697/1209/852/1477 Hz)`);
        // The other keys' frequencies stay far below the two of "1".
        expect(Math.max(during[2]!, during[3]!)).toBeLessThan(Math.min(during[0]!, during[1]!) - 20);
        expect(await page.evaluate(() => window.mediaHarness.events('a'))).toContain('dtmf 1');
        // After the tone the sender carries the muted microphone again: silence.
        await expect.poll(async () => Math.max(...(await levels(page, KEY_1))), POLL).toBeLessThan(SILENT_DB);
      } finally {
        await page.close();
      }
    });
  }

  it('refuses tones that are not DTMF and tones before the call is answered', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(server.url);
      await page.waitForFunction(() => document.title === 'media harness ready');
      await page.evaluate((o) => window.mediaHarness.create('a', o), WEBRTC);
      expect(await page.evaluate(() => window.mediaHarness.inbandDtmf('a', '1'))).toBe(false);
      await page.evaluate(() => window.mediaHarness.offer('a'));
      expect(await page.evaluate(() => window.mediaHarness.inbandDtmf('a', '1'))).toBe(false);
      expect(await page.evaluate(() => window.mediaHarness.inbandDtmf('a', 'x'))).toBe(false);
    } finally {
      await page.close();
    }
  });
});

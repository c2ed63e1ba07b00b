import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'sdp-transform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaSessionOptions, MediaStatsSummary, SdpResult } from '../../src/sip/media-port';
import { startDeadStunServer, type DeadStunServer } from './media/dead-stun-server';
import type {} from './media/harness-api';
import { startHarnessServer, type HarnessServer } from './media/harness-server';
import { startStunResponder } from './media/stun-responder';
import { CHROMIUM_ARGS, chromiumPath, launchChromium } from './support/chromium';
import { assertLoopbackOnlyNetwork } from './support/network-guard';

/**
 * The WebRTC media engine in real Chromium (fake microphone), two sessions in one page talking
 * over loopback. Run inside a loopback-only network namespace:
 *   bash scripts/netns-run.sh npx vitest run --project e2e tests/e2e/media-engine.test.ts
 */

const WEBRTC: MediaSessionOptions = { iceServers: [], profile: 'webrtc' };
const SIPCONNECT: MediaSessionOptions = { iceServers: [], profile: 'sipconnect' };
const POLL = { timeout: 10_000, interval: 100 };

let server: HarnessServer;
let browser: Browser;

async function openHarness(on: Browser = browser): Promise<Page> {
  const page = await on.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === 'media harness ready');
  return page;
}

function sdpOf(result: SdpResult): string {
  if (!result.ok) throw new Error(`expected SDP, got ${result.failure.code}: ${result.failure.message} (${result.failure.detail})`);
  return result.sdp;
}

function create(page: Page, name: string, options: MediaSessionOptions): Promise<void> {
  return page.evaluate(([n, o]) => window.mediaHarness.create(n, o), [name, options] as const);
}

function offer(page: Page, name: string, direction?: 'sendrecv' | 'sendonly') {
  return page.evaluate(([n, d]) => window.mediaHarness.offer(n, d ? { direction: d } : {}), [name, direction] as const);
}

function answer(page: Page, name: string, sdp: string) {
  return page.evaluate(([n, s]) => window.mediaHarness.answer(n, s), [name, sdp] as const);
}

function applyAnswer(page: Page, name: string, sdp: string, provisional = false) {
  return page.evaluate(([n, s, p]) => window.mediaHarness.applyAnswer(n, s, p), [name, sdp, provisional] as const);
}

function stats(page: Page, name: string): Promise<MediaStatsSummary> {
  return page.evaluate((n) => window.mediaHarness.stats(n), name);
}

function events(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => window.mediaHarness.events(n), name);
}

/** Session "a" calls session "b": offer, answer, answer applied, both connected. */
async function connect(page: Page, a: MediaSessionOptions = WEBRTC, b: MediaSessionOptions = WEBRTC) {
  await create(page, 'a', a);
  await create(page, 'b', b);
  const offerSdp = sdpOf((await offer(page, 'a')).result);
  const answerSdp = sdpOf(await answer(page, 'b', offerSdp));
  expect(await applyAnswer(page, 'a', answerSdp)).toEqual({ ok: true });
  for (const name of ['a', 'b']) {
    await expect.poll(() => page.evaluate((n) => window.mediaHarness.state(n), name), POLL).toBe('connected');
  }
  return { offerSdp, answerSdp };
}

/** Bytes a session sent and received over `ms`. */
async function flowOver(page: Page, name: string, ms: number) {
  const before = await stats(page, name);
  await page.waitForTimeout(ms);
  const after = await stats(page, name);
  return { sent: after.bytesSent - before.bytesSent, received: after.bytesReceived - before.bytesReceived, after };
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

describe('WebRTC media engine in Chromium', () => {
  it('carries RTP both ways between two sessions and reports it in the stats', async () => {
    const page = await openHarness();
    try {
      const { offerSdp } = await connect(page);
      expect(parse(offerSdp).media[0]!.rtp[0]!.codec).toBe('opus');
      await expect.poll(async () => (await stats(page, 'b')).bytesReceived, POLL).toBeGreaterThan(2000);
      const a = await flowOver(page, 'a', 1000);
      const b = await flowOver(page, 'b', 1000);
      console.log(`RTP over 1 s: a sent ${a.sent} B, received ${a.received} B; b sent ${b.sent} B, received ${b.received} B`);
      console.log('a stats', JSON.stringify(a.after));
      for (const flow of [a, b]) {
        expect(flow.sent).toBeGreaterThan(1000);
        expect(flow.received).toBeGreaterThan(1000);
      }
      expect(a.after.codec).toBe('opus/48000');
      expect(a.after.mos).toBeGreaterThan(4);
      expect(await events(page, 'a')).toEqual(expect.arrayContaining(['state connected', 'remote-audio true']));
    } finally {
      await page.close();
    }
  });

  it('stops the held side sending while on hold and restarts it on resume', async () => {
    const page = await openHarness();
    try {
      await connect(page);
      const hold = sdpOf((await offer(page, 'a', 'sendonly')).result);
      const holdAnswer = sdpOf(await answer(page, 'b', hold));
      expect(parse(holdAnswer).media[0]!.direction).toBe('recvonly');
      expect(await applyAnswer(page, 'a', holdAnswer)).toEqual({ ok: true });
      await page.waitForTimeout(300);
      const heldA = await flowOver(page, 'a', 1000);
      const heldB = await flowOver(page, 'b', 1000);
      console.log(`on hold over 1 s: a sent ${heldA.sent} B, b sent ${heldB.sent} B`);
      expect(heldA.sent).toBeGreaterThan(1000);
      expect(heldB.sent).toBe(0);

      const resume = sdpOf((await offer(page, 'a', 'sendrecv')).result);
      const resumeAnswer = sdpOf(await answer(page, 'b', resume));
      expect(parse(resumeAnswer).media[0]!.direction).toBe('sendrecv');
      expect(await applyAnswer(page, 'a', resumeAnswer)).toEqual({ ok: true });
      await page.waitForTimeout(300);
      const resumedB = await flowOver(page, 'b', 1000);
      expect(resumedB.sent).toBeGreaterThan(1000);
    } finally {
      await page.close();
    }
  });

  it('sends DTMF as RFC 4733 events through RTCDTMFSender', async () => {
    const page = await openHarness();
    try {
      await connect(page);
      expect(await page.evaluate(() => window.mediaHarness.dtmf('a', '12#'))).toBe(true);
      await expect
        .poll(async () => (await events(page, 'a')).filter((e) => e.startsWith('dtmf')), POLL)
        .toEqual(['dtmf 1', 'dtmf 2', 'dtmf #']);
      expect(await page.evaluate(() => window.mediaHarness.dtmf('a', 'x'))).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('negotiates G.711 at ptime 20 under the sipconnect profile', async () => {
    const page = await openHarness();
    try {
      const { offerSdp, answerSdp } = await connect(page, SIPCONNECT, WEBRTC);
      const offered = parse(offerSdp).media[0]!;
      expect(offered.rtp.map((r) => `${r.codec}/${r.rate}`)).toEqual(['PCMU/8000', 'PCMA/8000', 'telephone-event/8000']);
      expect(offered.ptime).toBe(20);
      expect(parse(answerSdp).media[0]!.rtp[0]!.codec).toBe('PCMU');
      await expect.poll(async () => (await stats(page, 'a')).codec, POLL).toBe('PCMU/8000');
    } finally {
      await page.close();
    }
  });

  it('takes a provisional answer, carries early media, then takes the final answer', async () => {
    const page = await openHarness();
    try {
      await create(page, 'a', WEBRTC);
      await create(page, 'b', WEBRTC);
      const offerSdp = sdpOf((await offer(page, 'a')).result);
      const answerSdp = sdpOf(await answer(page, 'b', offerSdp));
      expect(await applyAnswer(page, 'a', answerSdp, true)).toEqual({ ok: true });
      await expect.poll(async () => (await stats(page, 'a')).bytesReceived, POLL).toBeGreaterThan(1000);
      expect(await applyAnswer(page, 'a', answerSdp)).toEqual({ ok: true });
      expect(await applyAnswer(page, 'a', answerSdp)).toEqual({ ok: true });
    } finally {
      await page.close();
    }
  });

  it("makes a fresh page's first offer with no ICE servers once the host candidates are in, not at the cap", async () => {
    const page = await openHarness();
    try {
      await create(page, 'first', WEBRTC);
      const { result, ms } = await offer(page, 'first');
      const [report] = await page.evaluate(() => window.mediaHarness.gathering('first'));
      // libwebrtc allocates UDP, relay, then TCP ports 50 ms apart, so "complete" (after the TCP host
      // candidate) comes ~100 ms after gathering starts; with no servers the UDP host candidates suffice.
      console.log(
        `first offer in a fresh page, no ICE servers: ${ms.toFixed(1)} ms in the page (getUserMedia included), ` +
          `gathering ${report?.outcome} at ${report?.elapsedMs} ms with ${JSON.stringify(report?.candidates)}`,
      );
      expect(result.ok).toBe(true);
      expect(['quiet', 'complete']).toContain(report?.outcome);
      expect(report?.candidates.host).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  describe('with a STUN server that never answers', () => {
    let stun: DeadStunServer;

    beforeAll(async () => {
      stun = await startDeadStunServer();
    });

    afterAll(async () => {
      await stun?.close();
    });

    it('makes the offer at the gathering cap instead of waiting for the STUN timeout', async () => {
      const page = await openHarness();
      try {
        await create(page, 'dead', { ...WEBRTC, iceServers: [{ urls: stun.url }] });
        await create(page, 'none', WEBRTC);
        const { result, ms } = await offer(page, 'dead');
        const sdp = sdpOf(result);
        const [report] = await page.evaluate(() => window.mediaHarness.gathering('dead'));
        const baseline = await offer(page, 'none');
        const [baselineReport] = await page.evaluate(() => window.mediaHarness.gathering('none'));
        console.log(
          `offer with a dead STUN server: ${ms.toFixed(1)} ms in the page (getUserMedia included), ` +
            `gathering ${report?.outcome} at ${report?.elapsedMs} ms with ${JSON.stringify(report?.candidates)}; ` +
            `STUN requests dropped: ${stun.received}; second offer, no STUN: ${baseline.ms.toFixed(1)} ms (${baselineReport?.outcome})`,
        );
        expect(ms).toBeLessThan(1500);
        expect(report?.outcome).toBe('cap');
        expect(baselineReport?.outcome).toBe('complete');
        expect(stun.received).toBeGreaterThan(0);
        expect(parse(sdp).media[0]!.candidates?.some((c) => c.type === 'host' && c.ip === '127.0.0.1')).toBe(true);
      } finally {
        await page.close();
      }
    });

    it('still connects a call with the offer made at the cap', async () => {
      const page = await openHarness();
      try {
        await connect(page, { ...WEBRTC, iceServers: [{ urls: stun.url }] }, WEBRTC);
        await expect.poll(async () => (await stats(page, 'b')).bytesReceived, POLL).toBeGreaterThan(1000);
      } finally {
        await page.close();
      }
    });
  });

  it('offers the server-reflexive candidate of a STUN server that answers, without waiting for the cap', async () => {
    const stun = await startStunResponder();
    const page = await openHarness();
    try {
      await create(page, 'stun', { ...WEBRTC, iceServers: [{ urls: stun.url }] });
      const { result, ms } = await offer(page, 'stun');
      const [report] = await page.evaluate(() => window.mediaHarness.gathering('stun'));
      console.log(`offer with a STUN server that answers: ${ms.toFixed(1)} ms, gathering ${report?.outcome} at ${report?.elapsedMs} ms with ${JSON.stringify(report?.candidates)}`);
      expect(parse(sdpOf(result)).media[0]!.candidates?.some((c) => c.type === 'srflx' && c.ip === '127.0.0.2')).toBe(true);
      expect(['complete', 'quiet']).toContain(report?.outcome);
    } finally {
      await page.close();
      await stun.close();
    }
  });

  it('fails a relay-only offer when no TURN server gives a relay candidate', async () => {
    const page = await openHarness();
    try {
      await create(page, 'relay', { ...WEBRTC, iceTransportPolicy: 'relay' });
      const { result } = await offer(page, 'relay');
      expect(result).toMatchObject({ ok: false, failure: { code: 'no-relay-candidate', message: 'the TURN server gave no relay address' } });
    } finally {
      await page.close();
    }
  });

  it('reports TURN settings without credentials as invalid ICE servers', async () => {
    const page = await openHarness();
    try {
      await create(page, 'bad', { ...WEBRTC, iceServers: [{ urls: 'turn:127.0.0.1:3478' }] });
      const { result } = await offer(page, 'bad');
      expect(result).toMatchObject({ ok: false, failure: { code: 'invalid-ice-servers' } });
    } finally {
      await page.close();
    }
  });

  it('plays ringback as a looping 6 s buffer, busy as a 4 s one-shot and a 100 ms key tone through Web Audio', async () => {
    const page = await openHarness();
    try {
      const started = await page.evaluate(() => {
        const seen: { seconds: number; loop: boolean }[] = [];
        const start = AudioBufferSourceNode.prototype.start;
        AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
          seen.push({ seconds: Math.round(this.buffer!.duration * 10) / 10, loop: this.loop });
          return start.apply(this, args);
        };
        window.mediaHarness.playTone('ringback');
        window.mediaHarness.playTone('busy');
        window.mediaHarness.stopTone();
        window.mediaHarness.playKeyTone('5');
        return seen;
      });
      expect(started).toEqual([
        { seconds: 6, loop: true },
        { seconds: 4, loop: false },
        { seconds: 0.1, loop: false },
      ]);
    } finally {
      await page.close();
    }
  });

  it('routes call audio to the default speaker and reports an unknown one as unavailable', async () => {
    const page = await openHarness();
    try {
      await connect(page);
      expect(await page.evaluate(() => window.mediaHarness.setOutputDevice('default'))).toEqual({ ok: true });
      expect(await page.evaluate(() => window.mediaHarness.setOutputDevice('no-such-speaker'))).toMatchObject({
        ok: false,
        failure: { code: 'output-device-unavailable', message: 'the selected speaker is not available' },
      });
    } finally {
      await page.close();
    }
  });

  it('reports a denied microphone as "microphone blocked"', async () => {
    // Without --use-fake-ui-for-media-stream nobody grants the permission prompt, so it is denied.
    const denying = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_ARGS.filter((arg) => arg !== '--use-fake-ui-for-media-stream'),
    });
    try {
      const page = await openHarness(denying);
      await create(page, 'denied', WEBRTC);
      const { result } = await offer(page, 'denied');
      expect(result).toMatchObject({ ok: false, failure: { code: 'microphone-denied', message: 'microphone blocked' } });
      expect(await page.evaluate(() => window.mediaHarness.answer('denied', 'v=0'))).toMatchObject({
        ok: false,
        failure: { code: 'no-audio-stream' },
      });
    } finally {
      await denying.close();
    }
  });
});

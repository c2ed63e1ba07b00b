import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'sdp-transform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountProfile } from '../../src/sdp';
import type {} from './media/harness-api';
import { startHarnessServer, type HarnessServer } from './media/harness-server';
import type { RemoteOfferOutcome } from './media/remote-offer-check';
import { launchChromium } from './support/chromium';
import { assertLoopbackOnlyNetwork } from './support/network-guard';

/**
 * The SDP corpus against real Chromium: every far-end offer that carries ICE and DTLS, once
 * normalised, must be taken by setRemoteDescription and answered with audio. Run inside a
 * loopback-only network namespace:
 *   bash scripts/netns-run.sh npx vitest run --project e2e tests/e2e/sdp-normalization.test.ts
 */

let server: HarnessServer;
let browser: Browser;
let page: Page;

/** A fixture with CRLF line ends, as it arrives in a SIP body. */
function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/sdp/${name}`, import.meta.url), 'utf8').replace(/\r?\n/g, '\r\n');
}

function acceptRemoteOffer(sdp: string, profile: AccountProfile = 'webrtc'): Promise<RemoteOfferOutcome> {
  return page.evaluate(([s, p]) => window.mediaHarness.acceptRemoteOffer(s, p), [sdp, profile] as const);
}

/** The answer's audio m= line, failing the test when Chromium refused the offer. */
function answeredAudio(outcome: RemoteOfferOutcome) {
  if (!outcome.ok) throw new Error(outcome.stage === 'browser' ? `${outcome.error}\n${outcome.normalized}` : outcome.reason);
  const audio = parse(outcome.answer).media.filter((m) => m.type === 'audio');
  expect(audio).toHaveLength(1);
  return audio[0]!;
}

/** setRemoteDescription of an offer as it is, on a peer connection with the given bundle policy. */
function rawOffer(sdp: string, bundlePolicy: RTCBundlePolicy): Promise<string> {
  return page.evaluate(
    async ([text, policy]) => {
      const pc = new RTCPeerConnection({ bundlePolicy: policy, rtcpMuxPolicy: 'require' });
      try {
        await pc.setRemoteDescription({ type: 'offer', sdp: text });
        return 'accepted';
      } catch (error) {
        return String(error);
      } finally {
        pc.close();
      }
    },
    [sdp, bundlePolicy] as const,
  );
}

beforeAll(async () => {
  assertLoopbackOnlyNetwork();
  server = await startHarnessServer();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === 'media harness ready');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('normalised far-end SDP in Chromium', () => {
  const accepted: [file: string, firstCodec: string][] = [
    ['chrome-156-offer.sdp', 'opus'],
    ['firefox-offer.sdp', 'opus'],
    ['rtpengine-to-browser-offer.sdp', 'PCMU'],
    ['video-t38-offer.sdp', 'PCMU'],
    ['hold-c0-offer.sdp', 'PCMU'],
    ['te-no-fmtp-offer.sdp', 'PCMA'],
    ['static-pt-no-rtpmap-offer.sdp', 'PCMU'],
  ];

  for (const [file, firstCodec] of accepted) {
    it(`accepts ${file} and answers it with an audio stream led by ${firstCodec}`, async () => {
      const audio = answeredAudio(await acceptRemoteOffer(fixture(file)));
      expect(audio.rtp[0]?.codec).toBe(firstCodec);
      expect(audio.rtp.some((r) => r.codec === 'telephone-event')).toBe(true);
      expect(audio.fingerprint?.type).toBe('sha-256');
      expect(audio.rtcpMux).toBe('rtcp-mux');
    });
  }

  it('answers rtpengine’s DTLS=passive offer as the active DTLS side', async () => {
    expect(answeredAudio(await acceptRemoteOffer(fixture('rtpengine-to-browser-offer.sdp'))).setup).toBe('active');
  });

  it('answers the c=0.0.0.0 hold recvonly and an ordinary offer sendrecv', async () => {
    expect(answeredAudio(await acceptRemoteOffer(fixture('hold-c0-offer.sdp'))).direction).toBe('recvonly');
    expect(answeredAudio(await acceptRemoteOffer(fixture('te-no-fmtp-offer.sdp'))).direction).toBe('sendrecv');
  });

  it('answers G.711 only on a SIPconnect account, even to a browser offering Opus', async () => {
    for (const file of ['chrome-156-offer.sdp', 'firefox-offer.sdp']) {
      const audio = answeredAudio(await acceptRemoteOffer(fixture(file), 'sipconnect'));
      expect(audio.rtp.map((r) => r.codec)).toEqual(['PCMU', 'PCMA', 'telephone-event']);
    }
  });

  it('refuses the G.729-only offer before the browser sees it, advising a transcoding gateway', async () => {
    expect(await acceptRemoteOffer(fixture('g729-only-offer.sdp'))).toEqual({
      ok: false,
      stage: 'normalize',
      warning: 305,
      reason:
        'no common codec: the far end offers only G.729 without Annex B' +
        ' (browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine)',
    });
  });

  it('shows why normalisation is needed: Chromium refuses the raw video and T.38 offer', async () => {
    expect(await rawOffer(fixture('video-t38-offer.sdp'), 'balanced')).not.toBe('accepted');
  });

  it('shows why the engine does not use max-bundle: Chromium then refuses an offer without a BUNDLE group', async () => {
    const normalized = await acceptRemoteOffer(fixture('rtpengine-to-browser-offer.sdp'));
    if (!normalized.ok) throw new Error('the rtpengine offer should be accepted');
    expect(await rawOffer(normalized.normalized, 'max-bundle')).toContain('no BUNDLE group');
  });
});

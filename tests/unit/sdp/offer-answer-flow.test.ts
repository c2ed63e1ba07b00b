import { describe, it, expect } from 'vitest';
import { parse, write } from 'sdp-transform';
import {
  LocalOrigin,
  applyRejections,
  codecPreferences,
  inviteBodyRole,
  normalizeRemoteDescription,
  remoteRevision,
  shapeLocalDescription,
} from '../../../src/sdp';
import { seededRandom } from '../support/fake-clock';
import { chromeCapabilities, loadSdp, mediaAt, payloadsOf, sdpText } from './fixtures';

const sipconnect = { profile: 'sipconnect' } as const;
const capabilities = codecPreferences(chromeCapabilities, sipconnect);

describe('where offers and answers travel in an INVITE transaction', () => {
  it('puts the offer in the INVITE and the answer in the response for an early offer', () => {
    expect(inviteBodyRole('invite', true)).toBe('offer');
    expect(inviteBodyRole('response', true)).toBe('answer');
    expect(inviteBodyRole('ack', true)).toBeUndefined();
  });

  it('puts the offer in the 2xx and the answer in the ACK for a delayed offer', () => {
    expect(inviteBodyRole('response', false)).toBe('offer');
    expect(inviteBodyRole('ack', false)).toBe('answer');
  });
});

describe('whole exchanges', () => {
  it('answers an offer with audio, video and T.38 with three m= lines, two of them rejected', () => {
    const remoteText = sdpText('video-t38-offer.sdp');
    const normalized = normalizeRemoteDescription(parse(remoteText), { role: 'offer', capabilities });
    if (!normalized.ok) throw new Error(normalized.reason);
    const browserAnswer = loadSdp('chrome-156-answer-to-video-t38.sdp');
    const full = applyRejections(browserAnswer, parse(remoteText), normalized.rejected);
    const shaped = shapeLocalDescription(full, { ...sipconnect, role: 'answer' });
    if (!shaped.ok) throw new Error(shaped.reason);
    const body = write(new LocalOrigin(seededRandom(3)).stamp(shaped.sdp));
    const mLines = body.split('\r\n').filter((l) => l.startsWith('m='));
    expect(mLines).toEqual(['m=audio 9 UDP/TLS/RTP/SAVPF 0 8 101', 'm=video 0 UDP/TLS/RTP/SAVPF 96', 'm=image 0 udptl t38']);
    expect(body).toContain('a=ptime:20\r\n');
    expect(body).toContain('a=fmtp:101 0-15\r\n');
  });

  it('shapes our delayed offer for the 2xx and takes CUCM’s answer from the ACK', () => {
    const origin = new LocalOrigin(seededRandom(4));
    const role = inviteBodyRole('response', false)!;
    const offer = shapeLocalDescription(loadSdp('chrome-156-offer.sdp'), { ...sipconnect, role });
    if (!offer.ok) throw new Error(offer.reason);
    const sent = origin.stamp(offer.sdp);
    expect(payloadsOf(mediaAt(sent, 0))).toBe('0 8 126');

    const answer = normalizeRemoteDescription(loadSdp('cucm-ack-answer.sdp'), { role: inviteBodyRole('ack', false)!, capabilities });
    expect(answer.ok).toBe(true);
    expect(answer.ok && payloadsOf(mediaAt(answer.sdp, 0))).toBe('0 101');
  });

  it('gives the 488 its Warning code and text for a G.729-only caller', () => {
    const result = normalizeRemoteDescription(loadSdp('g729-only-offer.sdp'), { role: 'offer', capabilities });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(`${result.warning} tabphone.invalid "${result.reason}"`).toBe(
      '305 tabphone.invalid "no common codec: the far end offers only G.729 without Annex B' +
        ' (browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine)"',
    );
  });

  it('refuses an Opus-only caller on a SIPconnect account at normalisation time', () => {
    const opusOnly = sdpText('chrome-156-offer.sdp').replace('UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126', 'UDP/TLS/RTP/SAVPF 111 110');
    expect(normalizeRemoteDescription(parse(opusOnly), { role: 'offer', capabilities })).toMatchObject({
      ok: false,
      warning: 305,
      reason: 'no common codec: the far end offers only Opus',
    });
  });

  it('answers a re-INVITE that repeats the offer with the same version, keeping our version too', () => {
    const origin = new LocalOrigin(seededRandom(5));
    const first = loadSdp('te-no-fmtp-offer.sdp');
    const repeated = loadSdp('te-no-fmtp-offer.sdp');
    expect(remoteRevision(first, repeated)).toEqual({ changed: false, versionChanged: false });
    const normalized = normalizeRemoteDescription(repeated, { role: 'offer', capabilities });
    expect(normalized.ok).toBe(true);
    const answer = loadSdp('chrome-156-answer-to-video-t38.sdp');
    const before = origin.stamp(answer).origin.sessionVersion;
    const again = parse(sdpText('chrome-156-answer-to-video-t38.sdp').replace('o=- 3829091481699768079 2 ', 'o=- 3829091481699768079 3 '));
    expect(origin.stamp(again).origin.sessionVersion).toBe(before);
  });
});

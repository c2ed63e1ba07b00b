import { describe, it, expect } from 'vitest';
import { parse, write } from 'sdp-transform';
import { LocalOrigin, remoteRevision, withAudioDirection } from '../../../src/sdp';
import { seededRandom } from '../support/fake-clock';
import { loadSdp, sdpText } from './fixtures';

describe('our o= line', () => {
  it('replaces the browser’s session id and starts at version 1', () => {
    const origin = new LocalOrigin(seededRandom(7));
    const stamped = origin.stamp(loadSdp('chrome-156-offer.sdp'));
    expect(stamped.origin.username).toBe('-');
    expect(String(stamped.origin.sessionId)).toBe(origin.sessionId);
    expect(origin.sessionId).toMatch(/^\d+$/);
    expect(BigInt(origin.sessionId) < 2n ** 56n).toBe(true);
    expect(stamped.origin.sessionVersion).toBe(1);
    expect(stamped.origin.address).toBe('127.0.0.1');
  });

  it('keeps the version when a re-INVITE carries the same body, whatever version the browser wrote', () => {
    const origin = new LocalOrigin(seededRandom(7));
    origin.stamp(loadSdp('chrome-156-offer.sdp'));
    const again = parse(sdpText('chrome-156-offer.sdp').replace('o=- 1779690189090454298 2 ', 'o=- 1779690189090454298 3 '));
    expect(origin.stamp(again).origin.sessionVersion).toBe(1);
    expect(origin.sessionVersion).toBe(1);
  });

  it('increments the version by one when the body changes', () => {
    const origin = new LocalOrigin(seededRandom(7));
    const offer = loadSdp('chrome-156-offer.sdp');
    origin.stamp(offer);
    expect(origin.stamp(withAudioDirection(offer, 'sendonly')).origin.sessionVersion).toBe(2);
    expect(origin.stamp(withAudioDirection(offer, 'sendrecv')).origin.sessionVersion).toBe(3);
  });

  it('keeps one session id for the whole call', () => {
    const origin = new LocalOrigin(seededRandom(7));
    const offer = loadSdp('chrome-156-offer.sdp');
    const first = origin.stamp(offer);
    const second = origin.stamp(withAudioDirection(offer, 'inactive'));
    expect(second.origin.sessionId).toBe(first.origin.sessionId);
  });

  it('gives different calls different session ids', () => {
    expect(new LocalOrigin(seededRandom(1)).sessionId).not.toBe(new LocalOrigin(seededRandom(2)).sessionId);
  });

  it('writes a valid o= line', () => {
    const origin = new LocalOrigin(seededRandom(7));
    const text = write(origin.stamp(loadSdp('chrome-156-offer.sdp')));
    expect(text).toContain(`\r\no=- ${origin.sessionId} 1 IN IP4 127.0.0.1\r\n`);
  });
});

describe('the far end’s o= line', () => {
  it('sees an offer repeated with the same version as unchanged', () => {
    expect(remoteRevision(loadSdp('microsip-early-offer.sdp'), loadSdp('microsip-early-offer.sdp'))).toEqual({
      changed: false,
      versionChanged: false,
    });
  });

  it('sees a new version with the same body as unchanged media', () => {
    const next = parse(sdpText('microsip-early-offer.sdp').replace('3902655284 3902655284', '3902655284 3902655285'));
    expect(remoteRevision(loadSdp('microsip-early-offer.sdp'), next)).toEqual({ changed: false, versionChanged: true });
  });

  it('sees a changed body even when the far end forgot to raise the version', () => {
    const next = parse(sdpText('microsip-early-offer.sdp').replace('a=sendrecv', 'a=sendonly'));
    expect(remoteRevision(loadSdp('microsip-early-offer.sdp'), next)).toEqual({ changed: true, versionChanged: false });
  });
});

import { describe, it, expect } from 'vitest';
import { write } from 'sdp-transform';
import { applyRejections, normalizeRemoteDescription, rejectedSection } from '../../../src/sdp';
import { chromeCapabilities, loadSdp, mediaAt } from './fixtures';

describe('rejecting offered streams', () => {
  it('builds a port-0 section with the offered media, transport, first format and mid', () => {
    const offer = loadSdp('video-t38-offer.sdp');
    expect(rejectedSection(mediaAt(offer, 1), true)).toEqual({
      type: 'video',
      port: 0,
      protocol: 'UDP/TLS/RTP/SAVPF',
      payloads: '96',
      rtp: [],
      fmtp: [],
      mid: 1,
      connection: { version: 4, ip: '0.0.0.0' },
    });
    expect(rejectedSection(mediaAt(offer, 2), false)).toEqual({
      type: 'image',
      port: 0,
      protocol: 'udptl',
      payloads: 't38',
      rtp: [],
      fmtp: [],
    });
  });

  it('puts rejected streams back at their places in the browser’s answer', () => {
    const offer = loadSdp('video-t38-offer.sdp');
    const normalized = normalizeRemoteDescription(offer, { role: 'offer', capabilities: chromeCapabilities });
    if (!normalized.ok) throw new Error(normalized.reason);
    const answer = applyRejections(loadSdp('chrome-156-answer-to-video-t38.sdp'), offer, normalized.rejected);
    expect(answer.media.map((m) => [m.type, m.port, m.protocol])).toEqual([
      ['audio', 9, 'UDP/TLS/RTP/SAVPF'],
      ['video', 0, 'UDP/TLS/RTP/SAVPF'],
      ['image', 0, 'udptl'],
    ]);
    const text = write(answer);
    expect(text).toContain('m=video 0 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\n');
    expect(text).toContain('m=image 0 udptl t38\r\nc=IN IP4 0.0.0.0\r\n');
    expect(text).toContain('a=group:BUNDLE 0\r\n');
  });

  it('keeps a rejected stream first when the offer had it first', () => {
    const offer = loadSdp('microsip-early-offer.sdp');
    offer.media.unshift({ ...mediaAt(loadSdp('video-t38-offer.sdp'), 2) });
    const answer = applyRejections(loadSdp('microsip-answer.sdp'), offer, [{ index: 0, reason: 'unsupported-media', description: 'T.38 fax' }]);
    expect(answer.media.map((m) => [m.type, m.port])).toEqual([
      ['image', 0],
      ['audio', 4008],
    ]);
  });

  it('throws when the answer does not fit the offer and its rejections', () => {
    const offer = loadSdp('video-t38-offer.sdp');
    expect(() => applyRejections(loadSdp('chrome-156-answer-to-video-t38.sdp'), offer, [])).toThrow(/m= lines/);
  });
});

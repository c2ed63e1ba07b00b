import { describe, it, expect } from 'vitest';
import { parse, write } from 'sdp-transform';
import {
  codecPreferences,
  normalizeRemoteDescription,
  type NormalizedRemote,
  type NormalizeResult,
} from '../../../src/sdp';
import { chromeCapabilities, loadSdp, mediaAt, payloadsOf, rtpmapsOf, sdpText } from './fixtures';

const offer = { role: 'offer', capabilities: chromeCapabilities } as const;
const G729_HINT = ' (browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine)';

function usable(result: NormalizeResult): NormalizedRemote {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('normalising a remote offer', () => {
  it('adds rtpmap lines for static payload types and drops the ones the browser lacks', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('static-pt-no-rtpmap-offer.sdp'), offer));
    const audio = mediaAt(result.sdp, 0);
    expect(payloadsOf(audio)).toBe('0 8 9 13 101');
    expect(rtpmapsOf(audio)).toEqual(['0 PCMU/8000', '8 PCMA/8000', '9 G722/8000', '13 CN/8000', '101 telephone-event/8000']);
    expect(audio.fmtp).toEqual([{ payload: 101, config: '0-16' }]);
  });

  it('writes the completed rtpmap lines into the text for setRemoteDescription', () => {
    const text = write(usable(normalizeRemoteDescription(loadSdp('static-pt-no-rtpmap-offer.sdp'), offer)).sdp);
    expect(text).toContain('m=audio 30040 UDP/TLS/RTP/SAVPF 0 8 9 13 101\r\n');
    expect(text).toContain('a=rtpmap:0 PCMU/8000\r\n');
    expect(text).toContain('a=rtpmap:9 G722/8000\r\n');
    expect(text).not.toContain('G729');
    expect(text).not.toContain('GSM');
  });

  it('gives telephone-event without fmtp the events 0-15', () => {
    const audio = mediaAt(usable(normalizeRemoteDescription(loadSdp('te-no-fmtp-offer.sdp'), offer)).sdp, 0);
    expect(audio.fmtp).toEqual([{ payload: 101, config: '0-15' }]);
    expect(payloadsOf(audio)).toBe('8 0 101');
  });

  it('narrows the far end’s codecs to the profile when given profile capabilities', () => {
    const capabilities = codecPreferences(chromeCapabilities, { profile: 'sipconnect' });
    const audio = mediaAt(usable(normalizeRemoteDescription(loadSdp('static-pt-no-rtpmap-offer.sdp'), { role: 'offer', capabilities })).sdp, 0);
    expect(payloadsOf(audio)).toBe('0 8 101');
  });

  it('drops a dynamic payload type that has no rtpmap', () => {
    const text = sdpText('te-no-fmtp-offer.sdp').replace('RTP/SAVPF 8 0 101', 'RTP/SAVPF 96 8 0 101');
    expect(payloadsOf(mediaAt(usable(normalizeRemoteDescription(parse(text), offer)).sdp, 0))).toBe('8 0 101');
  });

  it('reads c=0.0.0.0 as hold and writes it as a=sendonly for the browser', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('hold-c0-offer.sdp'), offer));
    expect(result.direction).toBe('sendonly');
    expect(mediaAt(result.sdp, 0).direction).toBe('sendonly');
    expect(write(result.sdp)).toContain('a=sendonly\r\n');
  });

  it('reads c=0.0.0.0 with a=recvonly as inactive', () => {
    const text = sdpText('hold-c0-offer.sdp').replace('a=mid:0\r\n', 'a=mid:0\r\na=recvonly\r\n');
    const result = usable(normalizeRemoteDescription(parse(text), offer));
    expect(result.direction).toBe('inactive');
    expect(mediaAt(result.sdp, 0).direction).toBe('inactive');
  });

  it('moves a session-level direction onto the m= line', () => {
    const text = sdpText('te-no-fmtp-offer.sdp').replace('t=0 0\r\n', 't=0 0\r\na=inactive\r\n').replace('a=sendrecv\r\n', '');
    const result = usable(normalizeRemoteDescription(parse(text), offer));
    expect(result.sdp.direction).toBeUndefined();
    expect(mediaAt(result.sdp, 0).direction).toBe('inactive');
    expect(result.direction).toBe('inactive');
  });

  it('lets a media-level direction win over the session-level one', () => {
    const text = sdpText('te-no-fmtp-offer.sdp').replace('t=0 0\r\n', 't=0 0\r\na=sendonly\r\n');
    const result = usable(normalizeRemoteDescription(parse(text), offer));
    expect(result.direction).toBe('sendrecv');
  });

  it('removes video and T.38 from the offer and lists them for rejection', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('video-t38-offer.sdp'), offer));
    expect(result.sdp.media.map((m) => m.type)).toEqual(['audio']);
    expect(result.sdp.groups).toEqual([{ type: 'BUNDLE', mids: '0' }]);
    expect(result.rejected).toEqual([
      { index: 1, reason: 'video', description: 'video (H.264, VP8)' },
      { index: 2, reason: 'unsupported-media', description: 'T.38 fax' },
    ]);
  });

  it('rejects an application stream as unsupported media', () => {
    const text = sdpText('te-no-fmtp-offer.sdp').concat('m=application 30032 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 127.0.0.1\r\na=mid:1\r\n');
    const result = usable(normalizeRemoteDescription(parse(text), offer));
    expect(result.rejected).toEqual([{ index: 1, reason: 'unsupported-media', description: 'application (webrtc-datachannel)' }]);
  });

  it('rejects a second audio stream with no common codec while the first is usable', () => {
    const text = sdpText('te-no-fmtp-offer.sdp').concat('m=audio 30034 RTP/AVP 18\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:18 G729/8000\r\n');
    const result = usable(normalizeRemoteDescription(parse(text), offer));
    expect(result.sdp.media).toHaveLength(1);
    expect(result.rejected).toEqual([{ index: 1, reason: 'no-common-codec', description: 'audio (G.729 with Annex B)' }]);
  });

  it('passes a disabled stream through as it is', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('microsip-delayed-offer.sdp'), offer));
    expect(result.sdp.media.map((m) => [m.type, m.port])).toEqual([
      ['audio', 4028],
      ['video', 0],
    ]);
    expect(result.rejected).toEqual([]);
  });

  it('keeps the MicroSIP offer’s codecs and preference order', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('microsip-early-offer.sdp'), offer));
    expect(payloadsOf(mediaAt(result.sdp, 0))).toBe('8 0 101');
    expect(result.direction).toBe('sendrecv');
    expect(result.offered).toBe('audio (G.711 A-law, G.711 u-law, telephone-event)');
  });

  it('returns 305 and names G.729 when the far end offers only G.729', () => {
    expect(normalizeRemoteDescription(loadSdp('g729-only-offer.sdp'), offer)).toEqual({
      ok: false,
      warning: 305,
      reason: `no common codec: the far end offers only G.729 without Annex B${G729_HINT}`,
      offered: 'audio (G.729 without Annex B, telephone-event)',
    });
  });

  it('describes G.729 without an annexb parameter as G.729 with Annex B', () => {
    const text = sdpText('g729-only-offer.sdp').replace('a=fmtp:18 annexb=no\r\n', '');
    const result = normalizeRemoteDescription(parse(text), offer);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe(`no common codec: the far end offers only G.729 with Annex B${G729_HINT}`);
  });

  it('returns 304 when the offer has no audio stream', () => {
    const text = sdpText('video-t38-offer.sdp').replace('m=audio 30010', 'm=audio 0');
    expect(normalizeRemoteDescription(parse(text), offer)).toMatchObject({
      ok: false,
      warning: 304,
      reason: 'no audio stream: the far end offers only video (H.264, VP8) and T.38 fax',
    });
  });

  it('leaves its input unchanged', () => {
    const original = loadSdp('hold-c0-offer.sdp');
    const before = JSON.stringify(original);
    normalizeRemoteDescription(original, offer);
    expect(JSON.stringify(original)).toBe(before);
  });
});

describe('normalising a remote answer', () => {
  const answer = { role: 'answer', capabilities: chromeCapabilities } as const;

  it('keeps every m= line of CUCM’s answer in the ACK so it still matches our offer', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('cucm-ack-answer.sdp'), answer));
    expect(result.sdp.media.map((m) => [m.type, m.port, payloadsOf(m)])).toEqual([
      ['audio', 4070, '0 101'],
      ['video', 0, '31 34 96 97'],
    ]);
    expect(result.rejected).toEqual([]);
    expect(result.direction).toBe('sendrecv');
  });

  it('takes the MicroSIP answer with its single codec', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('microsip-answer.sdp'), answer));
    expect(payloadsOf(mediaAt(result.sdp, 0))).toBe('8 101');
  });

  it('declines an unusable audio stream in place rather than removing it', () => {
    const text = sdpText('microsip-answer.sdp').concat('m=audio 4010 RTP/AVP 18\r\nc=IN IP4 192.168.80.12\r\n');
    const result = usable(normalizeRemoteDescription(parse(text), answer));
    expect(result.sdp.media.map((m) => [m.type, m.port])).toEqual([
      ['audio', 4008],
      ['audio', 0],
    ]);
  });

  it('reports an answer with no usable codec in answer wording', () => {
    const text = sdpText('microsip-answer.sdp').replace('RTP/AVP 8 101', 'RTP/AVP 18 101').replace('a=rtpmap:8 PCMA/8000', 'a=rtpmap:18 G729/8000');
    expect(normalizeRemoteDescription(parse(text), answer)).toMatchObject({
      ok: false,
      warning: 305,
      reason: `no common codec: the far end answers with only G.729 with Annex B${G729_HINT}`,
    });
  });
});

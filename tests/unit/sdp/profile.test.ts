import { describe, it, expect } from 'vitest';
import { parse, write } from 'sdp-transform';
import { codecPreferences, shapeLocalDescription, type CodecCapability, type ShapeResult } from '../../../src/sdp';
import { chromeCapabilities, loadSdp, mediaAt, payloadsOf, rtpmapsOf, sdpText } from './fixtures';

function shaped(result: ShapeResult) {
  if (!result.ok) throw new Error(result.reason);
  return result.sdp;
}

const names = (list: CodecCapability[]) => list.map((c) => `${c.mimeType}/${c.clockRate}`);

describe('codec preferences for setCodecPreferences', () => {
  it('puts Opus first, then PCMU, PCMA and telephone-event for the webrtc profile', () => {
    expect(names(codecPreferences(chromeCapabilities, { profile: 'webrtc' }))).toEqual([
      'audio/opus/48000',
      'audio/PCMU/8000',
      'audio/PCMA/8000',
      'audio/telephone-event/48000',
      'audio/telephone-event/8000',
    ]);
  });

  it('keeps only PCMU, PCMA and telephone-event/8000 for the sipconnect profile', () => {
    expect(names(codecPreferences(chromeCapabilities, { profile: 'sipconnect' }))).toEqual([
      'audio/PCMU/8000',
      'audio/PCMA/8000',
      'audio/telephone-event/8000',
    ]);
  });

  it('adds CN/8000 only when comfort noise is accepted', () => {
    expect(names(codecPreferences(chromeCapabilities, { profile: 'sipconnect', comfortNoise: true }))).toEqual([
      'audio/PCMU/8000',
      'audio/PCMA/8000',
      'audio/CN/8000',
      'audio/telephone-event/8000',
    ]);
  });

  it('returns the browser’s own objects unchanged', () => {
    const prefs = codecPreferences(chromeCapabilities, { profile: 'webrtc' });
    expect(prefs[0]).toBe(chromeCapabilities[0]);
    expect(prefs[0]?.sdpFmtpLine).toBe('minptime=10;useinbandfec=1');
  });

  it('returns an empty list when the browser has no voice codec of the profile', () => {
    const onlyOpus = chromeCapabilities.filter((c) => c.mimeType !== 'audio/PCMU' && c.mimeType !== 'audio/PCMA');
    expect(codecPreferences(onlyOpus, { profile: 'sipconnect' })).toEqual([]);
  });
});

describe('shaping our offer', () => {
  it('rewrites the Chrome offer to the SIPconnect audio profile', () => {
    const audio = mediaAt(shaped(shapeLocalDescription(loadSdp('chrome-156-offer.sdp'), { profile: 'sipconnect', role: 'offer' })), 0);
    expect(payloadsOf(audio)).toBe('0 8 126');
    expect(rtpmapsOf(audio)).toEqual(['0 PCMU/8000', '8 PCMA/8000', '126 telephone-event/8000']);
    expect(audio.fmtp).toEqual([{ payload: 126, config: '0-15' }]);
    expect(audio.rtcpFb ?? []).toEqual([]);
    expect(audio.ptime).toBe(20);
  });

  it('writes the shaped SIPconnect offer without any trace of Opus, RED, G.722 or CN', () => {
    const text = write(shaped(shapeLocalDescription(loadSdp('chrome-156-offer.sdp'), { profile: 'sipconnect', role: 'offer' })));
    expect(text).toContain('m=audio 56304 UDP/TLS/RTP/SAVPF 0 8 126\r\n');
    expect(text).toContain('a=ptime:20\r\n');
    expect(text).toContain('a=fmtp:126 0-15\r\n');
    expect(text).not.toMatch(/opus|red\/|G722|CN\/|:111 |:63 |:110 /);
  });

  it('keeps ICE, DTLS, mid, extmap, BUNDLE and msid untouched', () => {
    const original = loadSdp('chrome-156-offer.sdp');
    const session = shaped(shapeLocalDescription(original, { profile: 'sipconnect', role: 'offer' }));
    const audio = mediaAt(session, 0);
    const before = mediaAt(original, 0);
    expect(audio.candidates).toEqual(before.candidates);
    expect(audio.fingerprint).toEqual(before.fingerprint);
    expect(audio.iceUfrag).toBe(before.iceUfrag);
    expect(audio.ext).toEqual(before.ext);
    expect(audio.msid).toEqual(before.msid);
    expect(String(audio.mid)).toBe('0');
    expect(session.groups).toEqual(original.groups);
  });

  it('keeps CN 13 in a SIPconnect offer when comfort noise is accepted', () => {
    const audio = mediaAt(
      shaped(shapeLocalDescription(loadSdp('chrome-156-offer.sdp'), { profile: 'sipconnect', comfortNoise: true, role: 'offer' })),
      0,
    );
    expect(payloadsOf(audio)).toBe('0 8 13 126');
  });

  it('keeps a telephone-event range wider than 0-15', () => {
    const text = sdpText('chrome-156-offer.sdp').replace('a=rtpmap:126 telephone-event/8000\r\n', 'a=rtpmap:126 telephone-event/8000\r\na=fmtp:126 0-16\r\n');
    const audio = mediaAt(shaped(shapeLocalDescription(parse(text), { profile: 'sipconnect', role: 'offer' })), 0);
    expect(audio.fmtp).toEqual([{ payload: 126, config: '0-16' }]);
  });

  it('orders the webrtc profile Opus, PCMU, PCMA, telephone-event and keeps Opus parameters', () => {
    const audio = mediaAt(shaped(shapeLocalDescription(loadSdp('chrome-156-offer.sdp'), { profile: 'webrtc', role: 'offer' })), 0);
    expect(payloadsOf(audio)).toBe('111 0 8 110 126');
    expect(audio.fmtp).toEqual([{ payload: 111, config: 'minptime=10;useinbandfec=1' }]);
    expect(audio.rtcpFb).toEqual([{ payload: 111, type: 'transport-cc' }]);
    expect(audio.ptime).toBeUndefined();
  });

  it('puts PCMU before PCMA even when the description lists PCMA first', () => {
    const audio = mediaAt(shaped(shapeLocalDescription(loadSdp('microsip-early-offer.sdp'), { profile: 'sipconnect', role: 'offer' })), 0);
    expect(payloadsOf(audio)).toBe('0 8 101');
    expect(audio.fmtp).toEqual([{ payload: 101, config: '0-16' }]);
  });

  it('drops video from an offer and takes its mid out of the BUNDLE group', () => {
    const text = sdpText('chrome-156-offer.sdp')
      .replace('a=group:BUNDLE 0', 'a=group:BUNDLE 0 1')
      .concat('m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=sendrecv\r\na=rtpmap:96 VP8/90000\r\n');
    const session = shaped(shapeLocalDescription(parse(text), { profile: 'webrtc', role: 'offer' }));
    expect(session.media.map((m) => m.type)).toEqual(['audio']);
    expect(session.groups).toEqual([{ type: 'BUNDLE', mids: '0' }]);
  });

  it('answers video with port 0 so the answer keeps the offer’s m= line count', () => {
    const answer = loadSdp('microsip-delayed-offer.sdp');
    answer.media[1]!.port = 9;
    const session = shaped(shapeLocalDescription(answer, { profile: 'sipconnect', role: 'answer' }));
    expect(session.media.map((m) => [m.type, m.port])).toEqual([
      ['audio', 4028],
      ['video', 0],
    ]);
  });

  it('shapes a delayed offer for a 2xx the same way, leaving an already disabled stream alone', () => {
    const session = shaped(shapeLocalDescription(loadSdp('microsip-delayed-offer.sdp'), { profile: 'sipconnect', role: 'offer' }));
    expect(session.media.map((m) => [m.type, m.port, payloadsOf(m)])).toEqual([
      ['audio', 4028, '0 8 101'],
      ['video', 0, '31'],
    ]);
    expect(mediaAt(session, 0).ptime).toBe(20);
  });

  it('shapes our answer from the browser to the SIPconnect profile', () => {
    const audio = mediaAt(
      shaped(shapeLocalDescription(loadSdp('chrome-156-answer-to-video-t38.sdp'), { profile: 'sipconnect', role: 'answer' })),
      0,
    );
    expect(payloadsOf(audio)).toBe('0 8 101');
    expect(audio.fmtp).toEqual([{ payload: 101, config: '0-15' }]);
    expect(audio.ptime).toBe(20);
  });

  it('reports, not throws, when no voice codec of the profile remains', () => {
    const opusOnly = sdpText('chrome-156-offer.sdp').replace('m=audio 56304 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126', 'm=audio 56304 UDP/TLS/RTP/SAVPF 111 110');
    const result = shapeLocalDescription(parse(opusOnly), { profile: 'sipconnect', role: 'answer' });
    expect(result).toEqual({
      ok: false,
      reason: 'no common codec: the sipconnect profile allows none of ours (Opus and telephone-event)',
    });
  });

  it('leaves its input unchanged', () => {
    const original = loadSdp('chrome-156-offer.sdp');
    const before = JSON.stringify(original);
    shapeLocalDescription(original, { profile: 'sipconnect', role: 'offer' });
    expect(JSON.stringify(original)).toBe(before);
  });
});

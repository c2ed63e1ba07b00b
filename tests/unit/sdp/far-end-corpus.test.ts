import { describe, it, expect } from 'vitest';
import { parse, write } from 'sdp-transform';
import {
  answerDirection,
  codecPreferences,
  isHeldByRemote,
  normalizeRemoteDescription,
  type NormalizedRemote,
  type NormalizeResult,
} from '../../../src/sdp';
import { chromeCapabilities, loadSdp, mediaAt, payloadsOf, rtpmapsOf, sdpText } from './fixtures';

/** Far ends other than MicroSIP and CUCM: browsers, Asterisk, FreeSWITCH and SDP rewritten by rtpengine. */

const webrtc = { role: 'offer', capabilities: codecPreferences(chromeCapabilities, { profile: 'webrtc' }) } as const;
const sipconnect = { role: 'offer', capabilities: codecPreferences(chromeCapabilities, { profile: 'sipconnect' }) } as const;
const browser = { role: 'offer', capabilities: chromeCapabilities } as const;

function usable(result: NormalizeResult): NormalizedRemote {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('a Firefox offer', () => {
  it('keeps Opus, G.722, G.711 and telephone-event in Firefox’s order', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('firefox-offer.sdp'), browser));
    const audio = mediaAt(result.sdp, 0);
    expect(payloadsOf(audio)).toBe('109 9 0 8 101');
    expect(rtpmapsOf(audio)).toEqual(['109 opus/48000', '9 G722/8000', '0 PCMU/8000', '8 PCMA/8000', '101 telephone-event/8000']);
    expect(result.offered).toBe('audio (Opus, G.722, G.711 u-law, G.711 A-law, telephone-event)');
    expect(result.rejected).toEqual([]);
  });

  it('keeps ICE, DTLS and the bundle, and drops the session-level a=sendrecv the m= line repeats', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('firefox-offer.sdp'), browser));
    expect(result.direction).toBe('sendrecv');
    expect(result.sdp.direction).toBeUndefined();
    const text = write(result.sdp);
    expect(text).toContain('a=group:BUNDLE 0\r\n');
    expect(text).toContain('a=setup:actpass\r\n');
    expect(text).toContain('a=candidate:0 1 UDP 2122252543 127.0.0.1 51734 typ host\r\n');
    expect(text).toContain('a=fmtp:109 maxplaybackrate=48000;stereo=1;useinbandfec=1\r\n');
  });

  it('narrows to G.711 and telephone-event for a SIPconnect account', () => {
    const audio = mediaAt(usable(normalizeRemoteDescription(loadSdp('firefox-offer.sdp'), sipconnect)).sdp, 0);
    expect(payloadsOf(audio)).toBe('0 8 101');
    expect(audio.fmtp).toEqual([{ payload: 101, config: '0-15' }]);
  });
});

describe('an Asterisk (chan_pjsip) offer', () => {
  it('drops GSM and keeps G.711 with telephone-event 0-16, ptime and maxptime', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('asterisk-pjsip-offer.sdp'), webrtc));
    const audio = mediaAt(result.sdp, 0);
    expect(payloadsOf(audio)).toBe('0 8 101');
    expect(rtpmapsOf(audio)).toEqual(['0 PCMU/8000', '8 PCMA/8000', '101 telephone-event/8000']);
    expect(audio.fmtp).toEqual([{ payload: 101, config: '0-16' }]);
    expect([audio.ptime, audio.maxptime]).toEqual([20, 150]);
    expect(result.offered).toBe('audio (G.711 u-law, G.711 A-law, GSM, telephone-event)');
  });

  it('reads Asterisk’s a=sendonly re-INVITE as hold and answers it recvonly', () => {
    const held = parse(sdpText('asterisk-pjsip-offer.sdp').replace('a=sendrecv', 'a=sendonly'));
    const result = usable(normalizeRemoteDescription(held, webrtc));
    expect(result.direction).toBe('sendonly');
    expect(isHeldByRemote(held)).toBe(true);
    expect(answerDirection(result.direction, false)).toBe('recvonly');
  });

  it('answers an offer with GSM only as no common codec, naming GSM', () => {
    const gsmOnly = parse(sdpText('asterisk-pjsip-offer.sdp').replace('RTP/AVP 0 8 3 101', 'RTP/AVP 3 101'));
    expect(normalizeRemoteDescription(gsmOnly, webrtc)).toMatchObject({
      ok: false,
      warning: 305,
      reason: 'no common codec: the far end offers only GSM',
    });
  });
});

describe('a FreeSWITCH offer', () => {
  it('drops G.729 and its fmtp and keeps comfort noise where the profile takes it', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('freeswitch-offer.sdp'), browser));
    const audio = mediaAt(result.sdp, 0);
    expect(payloadsOf(audio)).toBe('0 8 101 13');
    expect(audio.fmtp).toEqual([{ payload: 101, config: '0-16' }]);
    expect(result.offered).toBe('audio (G.711 u-law, G.711 A-law, G.729 without Annex B, telephone-event, comfort noise)');
  });

  it('leaves comfort noise out for a SIPconnect account that does not accept it', () => {
    const audio = mediaAt(usable(normalizeRemoteDescription(loadSdp('freeswitch-offer.sdp'), sipconnect)).sdp, 0);
    expect(payloadsOf(audio)).toBe('0 8 101');
  });

  it('keeps the separate RTCP port and attributes it does not know, such as a=zrtp-hash', () => {
    const text = write(usable(normalizeRemoteDescription(loadSdp('freeswitch-offer.sdp'), webrtc)).sdp);
    expect(text).toContain('a=rtcp:24577 IN IP4 127.0.0.1\r\n');
    expect(text).toContain('a=zrtp-hash:1.10 ');
    expect(text).not.toContain('G729');
  });

  it('answers a video stream FreeSWITCH adds with port 0 and keeps the audio', () => {
    const withVideo = parse(
      sdpText('freeswitch-offer.sdp').concat(
        'm=video 24580 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\na=sendrecv\r\na=rtcp:24581 IN IP4 127.0.0.1\r\n',
      ),
    );
    const result = usable(normalizeRemoteDescription(withVideo, webrtc));
    expect(result.sdp.media.map((m) => m.type)).toEqual(['audio']);
    expect(result.rejected).toEqual([{ index: 1, reason: 'video', description: 'video (VP8)' }]);
  });
});

describe('SDP rtpengine bridged to the browser (UDP/TLS/RTP/SAVPF, ICE, DTLS=passive, rtcp-mux)', () => {
  it('keeps G.711 and telephone-event and the DTLS, ICE and rtcp-mux lines', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('rtpengine-to-browser-offer.sdp'), webrtc));
    const audio = mediaAt(result.sdp, 0);
    expect(audio.protocol).toBe('UDP/TLS/RTP/SAVPF');
    expect(payloadsOf(audio)).toBe('0 8 101');
    expect(audio.setup).toBe('passive');
    expect(audio.rtcpMux).toBe('rtcp-mux');
    expect(audio.candidates).toHaveLength(1);
    expect(result.direction).toBe('sendrecv');
  });
});

describe('plain SDP Kamailio and rtpengine made from a WebRTC caller (ICE=remove RTP/AVP rtcp-mux-demux)', () => {
  it('keeps every browser codec on the plain RTP/AVP line', () => {
    const result = usable(normalizeRemoteDescription(loadSdp('kamailio-bridged-webrtc-offer.sdp'), browser));
    const audio = mediaAt(result.sdp, 0);
    expect(audio.protocol).toBe('RTP/AVP');
    expect(payloadsOf(audio)).toBe('111 63 9 0 8 13 110 126');
    expect(audio.rtcp).toEqual({ port: 30071 });
    expect(audio.iceUfrag).toBeUndefined();
  });

  it('narrows to the profile: Opus first for WebRTC, G.711 only for SIPconnect', () => {
    const plain = loadSdp('kamailio-bridged-webrtc-offer.sdp');
    expect(payloadsOf(mediaAt(usable(normalizeRemoteDescription(plain, webrtc)).sdp, 0))).toBe('111 0 8 110 126');
    expect(payloadsOf(mediaAt(usable(normalizeRemoteDescription(plain, sipconnect)).sdp, 0))).toBe('0 8 126');
  });
});

import { describe, it, expect } from 'vitest';
import { parse } from 'sdp-transform';
import {
  isRtpMedia,
  isVoiceCodec,
  matchesCapability,
  payloadTypes,
  rtpFormats,
  staticPayloadType,
  unmappedPayloadTypes,
} from '../../../src/sdp';
import { chromeCapabilities, loadSdp, mediaAt } from './fixtures';

describe('codec identity', () => {
  it('knows the RFC 3551 static payload types', () => {
    expect(staticPayloadType(0)).toEqual({ name: 'PCMU', clockRate: 8000, channels: 1 });
    expect(staticPayloadType(3)).toEqual({ name: 'GSM', clockRate: 8000, channels: 1 });
    expect(staticPayloadType(8)).toEqual({ name: 'PCMA', clockRate: 8000, channels: 1 });
    expect(staticPayloadType(9)).toEqual({ name: 'G722', clockRate: 8000, channels: 1 });
    expect(staticPayloadType(13)).toEqual({ name: 'CN', clockRate: 8000, channels: 1 });
    expect(staticPayloadType(18)).toEqual({ name: 'G729', clockRate: 8000, channels: 1 });
    expect(staticPayloadType(96)).toBeUndefined();
  });

  it('resolves formats in m= line order, from rtpmap or from the static table', () => {
    const audio = mediaAt(loadSdp('static-pt-no-rtpmap-offer.sdp'), 0);
    expect(rtpFormats(audio).map((f) => [f.payload, f.name, f.clockRate, f.implicit])).toEqual([
      [0, 'PCMU', 8000, true],
      [8, 'PCMA', 8000, true],
      [9, 'G722', 8000, true],
      [18, 'G729', 8000, true],
      [3, 'GSM', 8000, true],
      [13, 'CN', 8000, true],
      [101, 'telephone-event', 8000, false],
    ]);
  });

  it('reads channels and fmtp from the Chrome offer', () => {
    const opus = rtpFormats(mediaAt(loadSdp('chrome-156-offer.sdp'), 0))[0];
    expect(opus).toEqual({
      payload: 111,
      name: 'opus',
      clockRate: 48000,
      channels: 2,
      fmtp: 'minptime=10;useinbandfec=1',
      implicit: false,
    });
  });

  it('reads a lone payload type that the parser turned into a number', () => {
    const sdp = parse('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\nc=IN IP4 127.0.0.1\r\n');
    expect(payloadTypes(mediaAt(sdp, 0))).toEqual([0]);
    expect(rtpFormats(mediaAt(sdp, 0)).map((f) => f.name)).toEqual(['PCMU']);
  });

  it('lists dynamic payload types that have no rtpmap', () => {
    const sdp = parse(
      'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0 96 101\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:101 telephone-event/8000\r\n',
    );
    expect(unmappedPayloadTypes(mediaAt(sdp, 0))).toEqual([96]);
    expect(rtpFormats(mediaAt(sdp, 0)).map((f) => f.payload)).toEqual([0, 101]);
  });

  it('matches browser capabilities by name case-insensitively, clock rate and channels', () => {
    const formats = rtpFormats(mediaAt(loadSdp('chrome-156-offer.sdp'), 0));
    const pcmu = formats.find((f) => f.payload === 0)!;
    const te48 = formats.find((f) => f.payload === 110)!;
    expect(matchesCapability(pcmu, { mimeType: 'audio/pcmu', clockRate: 8000 })).toBe(true);
    expect(matchesCapability(pcmu, { mimeType: 'audio/PCMU', clockRate: 16000 })).toBe(false);
    expect(matchesCapability(te48, { mimeType: 'audio/telephone-event', clockRate: 8000 })).toBe(false);
    expect(formats.every((f) => chromeCapabilities.some((c) => matchesCapability(f, c)))).toBe(true);
  });

  it('tells voice codecs from DTMF, comfort noise and redundancy', () => {
    expect(isVoiceCodec('PCMA')).toBe(true);
    expect(isVoiceCodec('G729')).toBe(true);
    expect(isVoiceCodec('telephone-event')).toBe(false);
    expect(isVoiceCodec('CN')).toBe(false);
    expect(isVoiceCodec('red')).toBe(false);
  });

  it('tells RTP m= lines from UDPTL ones', () => {
    const offer = loadSdp('video-t38-offer.sdp');
    expect(offer.media.map(isRtpMedia)).toEqual([true, true, false]);
    expect(isRtpMedia(mediaAt(loadSdp('microsip-early-offer.sdp'), 0))).toBe(true);
  });
});

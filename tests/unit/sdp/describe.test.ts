import { describe, it, expect } from 'vitest';
import { parse } from 'sdp-transform';
import { codecLabel, describeMedia, describeOffer, noAudioStreamReason, noCommonCodecReason, rtpFormats } from '../../../src/sdp';
import { loadSdp, mediaAt, sdpText } from './fixtures';

const g729 = (fmtp: string) =>
  parse(sdpText('g729-only-offer.sdp').replace('a=fmtp:18 annexb=no\r\n', fmtp === '' ? '' : `a=fmtp:18 ${fmtp}\r\n`));

describe('describing what the far end offers', () => {
  it('labels G.729 with its Annex B state', () => {
    expect(codecLabel(rtpFormats(mediaAt(g729('annexb=no'), 0))[0]!)).toBe('G.729 without Annex B');
    expect(codecLabel(rtpFormats(mediaAt(g729('annexb=yes'), 0))[0]!)).toBe('G.729 with Annex B');
    expect(codecLabel(rtpFormats(mediaAt(g729(''), 0))[0]!)).toBe('G.729 with Annex B');
    expect(codecLabel(rtpFormats(mediaAt(g729('ANNEXB=NO'), 0))[0]!)).toBe('G.729 without Annex B');
  });

  it('labels unknown codecs by name and clock rate', () => {
    expect(codecLabel({ payload: 97, name: 'L16', clockRate: 16000, channels: 1, implicit: false })).toBe('L16/16000');
  });

  it('describes the Chrome offer stream by stream', () => {
    expect(describeOffer(loadSdp('chrome-156-offer.sdp'))).toBe(
      'audio (Opus, RED, G.722, G.711 u-law, G.711 A-law, comfort noise, telephone-event)',
    );
  });

  it('describes video, T.38 and disabled streams', () => {
    expect(describeOffer(loadSdp('video-t38-offer.sdp'))).toBe(
      'audio (G.711 u-law, G.711 A-law, telephone-event); video (H.264, VP8); T.38 fax',
    );
    expect(describeMedia(mediaAt(loadSdp('cucm-ack-answer.sdp'), 1))).toBe('video (H.261, H.263, H.263+, H.264)');
    expect(describeOffer(loadSdp('cucm-ack-answer.sdp'))).toBe('audio (G.711 u-law, telephone-event)');
  });

  it('names every voice codec when none is common, joined as a sentence', () => {
    const audio = parse(
      'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18 3 97 101\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:97 iLBC/8000\r\na=rtpmap:101 telephone-event/8000\r\n',
    ).media;
    expect(noCommonCodecReason(audio)).toBe(
      'no common codec: the far end offers only G.729 with Annex B, GSM and iLBC' +
        ' (browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine)',
    );
  });

  it('adds no gateway advice when the far end lacks G.729 too', () => {
    const audio = parse(
      'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 3 97\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:97 iLBC/8000\r\n',
    ).media;
    expect(noCommonCodecReason(audio)).toBe('no common codec: the far end offers only GSM and iLBC');
  });

  it('tells the user that a G.729-only far end needs a transcoding gateway, in a Warning-safe ASCII text', () => {
    const reason = noCommonCodecReason(loadSdp('g729-only-offer.sdp').media);
    expect(reason).toBe(
      'no common codec: the far end offers only G.729 without Annex B' +
        ' (browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine)',
    );
    expect(reason).toMatch(/^[\x20-\x21\x23-\x7e]+$/);
    expect(reason.length).toBeLessThanOrEqual(160);
  });

  it('says so when the far end offers no voice codec at all', () => {
    const audio = parse(
      'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 101\r\nc=IN IP4 127.0.0.1\r\na=rtpmap:101 telephone-event/8000\r\n',
    ).media;
    expect(noCommonCodecReason(audio)).toBe('no common codec: the far end offers no voice codec, only telephone-event');
  });

  it('names a payload type nobody mapped', () => {
    const audio = parse('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 96\r\nc=IN IP4 127.0.0.1\r\n').media;
    expect(noCommonCodecReason(audio)).toBe('no common codec: the far end offers only unknown payload type 96');
  });

  it('names the streams of an offer without audio', () => {
    const t38 = parse('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=image 30012 udptl t38\r\nc=IN IP4 127.0.0.1\r\n');
    expect(noAudioStreamReason(t38)).toBe('no audio stream: the far end offers only T.38 fax');
  });

  it('keeps the text free of double quotes and non-ASCII so it fits a Warning header', () => {
    for (const name of ['chrome-156-offer.sdp', 'video-t38-offer.sdp', 'g729-only-offer.sdp', 'static-pt-no-rtpmap-offer.sdp']) {
      expect(describeOffer(loadSdp(name))).toMatch(/^[\x20-\x21\x23-\x7e]+$/);
    }
  });
});

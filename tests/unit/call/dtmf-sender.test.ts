import { describe, expect, it } from 'vitest';
import type { MediaSessionOptions } from '../../../src/sip/media-port';
import { CallDtmfSender, type DtmfMode } from '../../../src/sip/ua/call/dtmf-sender';
import { FakeClock } from '../support/fake-clock';
import { FakeMediaEngine, type FakeMediaSession } from '../support/fake-media-engine';
import { sdpText } from '../sdp/fixtures';

const WEBRTC: MediaSessionOptions = { iceServers: [], profile: 'webrtc' };

/** MicroSIP's offer with telephone-event, and the same offer without it. */
const WITH_EVENTS = sdpText('microsip-early-offer.sdp');
const WITHOUT_EVENTS = WITH_EVENTS.replace('RTP/AVP 8 0 101', 'RTP/AVP 8 0')
  .replace('a=rtpmap:101 telephone-event/8000\r\n', '')
  .replace('a=fmtp:101 0-16\r\n', '');

/** A fake-engine call that answered `offer`, with a DTMF sender in `mode` whose INFO bodies are recorded. */
async function answeredCall(mode: DtmfMode | undefined, offer = WITH_EVENTS) {
  const media: FakeMediaSession = new FakeMediaEngine().createSession(WEBRTC);
  const answer = await media.createAnswer(offer);
  if (!answer.ok) throw new Error(answer.failure.message);
  const infoBodies: string[] = [];
  const clock = new FakeClock();
  const sender = new CallDtmfSender(
    mode,
    media,
    async (body) => {
      infoBodies.push(body);
      return true;
    },
    clock,
  );
  return { media, sender, infoBodies, clock };
}

/** Lets queued INFO sends (promise chains) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('sending DTMF by the account’s mode', () => {
  it('mixes the tones into the audio in in-band mode, leaving RFC 4733 and INFO unused', async () => {
    const call = await answeredCall('inband');
    expect(call.sender.send('12#')).toBe(true);
    await settle();
    expect(call.media.inbandDtmfSent).toEqual(['12# 100ms']);
    expect(call.media.dtmfSent).toEqual([]);
    expect(call.infoBodies).toEqual([]);
  });

  it('sends in-band tones to a far end that did not negotiate telephone-event', async () => {
    const call = await answeredCall('inband', WITHOUT_EVENTS);
    expect(call.sender.send('5')).toBe(true);
    expect(call.media.inbandDtmfSent).toEqual(['5 100ms']);
  });

  it('refuses in-band tones while the far end holds us, since none of our audio reaches it', async () => {
    const call = await answeredCall('inband', WITH_EVENTS.replace('a=sendrecv', 'a=sendonly'));
    expect(call.sender.send('5')).toBe(false);
    expect(call.media.inbandDtmfSent).toEqual([]);
  });

  it('uses RFC 4733 in Auto mode when telephone-event was negotiated', async () => {
    const call = await answeredCall(undefined);
    expect(call.sender.send('9')).toBe(true);
    expect(call.media.dtmfSent).toEqual(['9']);
    expect(call.infoBodies).toEqual([]);
  });

  it('falls back to one INFO per digit in Auto mode without telephone-event', async () => {
    const call = await answeredCall(undefined, WITHOUT_EVENTS);
    expect(call.sender.send('4*')).toBe(true);
    await settle();
    expect(call.infoBodies).toEqual(['Signal=4\r\nDuration=160\r\n', 'Signal=*\r\nDuration=160\r\n']);
    expect(call.media.dtmfSent).toEqual([]);
  });

  it('refuses RFC 4733 mode when the far end did not negotiate telephone-event', async () => {
    const call = await answeredCall('rfc4733', WITHOUT_EVENTS);
    expect(call.sender.send('1')).toBe(false);
    expect(call.infoBodies).toEqual([]);
  });

  it('sends INFO in INFO mode even when telephone-event was negotiated', async () => {
    const call = await answeredCall('info');
    expect(call.sender.send('0')).toBe(true);
    await settle();
    expect(call.infoBodies).toEqual(['Signal=0\r\nDuration=160\r\n']);
    expect(call.media.dtmfSent).toEqual([]);
  });

  it('refuses characters that are not DTMF in every mode', async () => {
    for (const mode of ['rfc4733', 'info', 'inband', undefined] as const) {
      const call = await answeredCall(mode);
      expect(call.sender.send('1x')).toBe(false);
      expect([...call.media.dtmfSent, ...call.media.inbandDtmfSent, ...call.infoBodies]).toEqual([]);
    }
  });

  it('drops INFO digits still queued when stopped', async () => {
    const call = await answeredCall('info');
    let answerInfo: (ok: boolean) => void = () => {};
    const bodies: string[] = [];
    const sender = new CallDtmfSender(
      'info',
      call.media,
      (body) => {
        bodies.push(body);
        return new Promise((resolve) => (answerInfo = resolve));
      },
      call.clock,
    );
    sender.send('123');
    await settle();
    sender.stop();
    answerInfo(true);
    await settle();
    expect(bodies).toEqual(['Signal=1\r\nDuration=160\r\n']);
  });
});

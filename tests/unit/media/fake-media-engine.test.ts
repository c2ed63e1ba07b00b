import { readFileSync } from 'node:fs';
import { parse } from 'sdp-transform';
import { describe, expect, it } from 'vitest';
import type { MediaSessionOptions, SdpResult } from '../../../src/sip/media-port';
import { FakeClock } from '../support/fake-clock';
import { FakeMediaEngine, type FakeMediaSession } from '../support/fake-media-engine';

const WEBRTC: MediaSessionOptions = { iceServers: [], profile: 'webrtc' };
const SIPCONNECT: MediaSessionOptions = { iceServers: [], profile: 'sipconnect' };

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/sdp/${name}`, import.meta.url), 'utf8').replace(/\r?\n/g, '\r\n');
}

function sdpOf(result: SdpResult): string {
  if (!result.ok) throw new Error(`expected SDP, got ${result.failure.code}: ${result.failure.message}`);
  return result.sdp;
}

function codecsOf(sdp: string): string[] {
  return parse(sdp).media[0]!.rtp.map((r) => `${r.codec}/${r.rate}`);
}

/** Caller and callee with their own engines, the call set up with a full offer/answer. */
async function connectedPair(caller = WEBRTC, callee = WEBRTC) {
  const a = new FakeMediaEngine().createSession(caller);
  const b = new FakeMediaEngine().createSession(callee);
  const offer = sdpOf(await a.createOffer());
  const answer = sdpOf(await b.createAnswer(offer));
  expect(await a.setRemoteAnswer(answer)).toEqual({ ok: true });
  return { a, b, offer, answer };
}

describe('FakeMediaEngine', () => {
  it('offers Opus, G.711 and telephone-event like Chromium under the webrtc profile', async () => {
    const session = new FakeMediaEngine().createSession(WEBRTC);
    const sdp = sdpOf(await session.createOffer());
    expect(codecsOf(sdp)).toEqual(['opus/48000', 'PCMU/8000', 'PCMA/8000', 'telephone-event/48000', 'telephone-event/8000']);
    const audio = parse(sdp).media[0]!;
    expect(audio.direction).toBe('sendrecv');
    expect(audio.candidates?.[0]).toMatchObject({ ip: '127.0.0.1', type: 'host' });
    expect(session.calls).toEqual(['createOffer sendrecv']);
  });

  it('offers PCMU and PCMA at ptime 20 with telephone-event 0-15 under the sipconnect profile', async () => {
    const sdp = sdpOf(await new FakeMediaEngine().createSession(SIPCONNECT).createOffer());
    expect(codecsOf(sdp)).toEqual(['PCMU/8000', 'PCMA/8000', 'telephone-event/8000']);
    expect(parse(sdp).media[0]).toMatchObject({ ptime: 20, fmtp: [{ payload: 126, config: '0-15' }] });
  });

  it('answers with the codecs both sides have, in the payload types of the offer', async () => {
    const { answer } = await connectedPair(SIPCONNECT, WEBRTC);
    expect(codecsOf(answer)).toEqual(['PCMU/8000', 'PCMA/8000', 'telephone-event/8000']);
    expect(parse(answer).media[0]!.payloads).toBe('0 8 126');
  });

  it('answers a MicroSIP offer in profile order with its payload types, telephone-event 101 included', async () => {
    const session = new FakeMediaEngine().createSession(SIPCONNECT);
    const answer = sdpOf(await session.createAnswer(fixture('microsip-early-offer.sdp')));
    expect(parse(answer).media[0]!.payloads).toBe('0 8 101');
    expect(session.remoteDirection).toBe('sendrecv');
  });

  it('fails an offer with only G.729 as "no common codec" with Warning 305', async () => {
    const result = await new FakeMediaEngine().createSession(WEBRTC).createAnswer(fixture('g729-only-offer.sdp'));
    expect(result).toEqual({
      ok: false,
      failure: {
        code: 'no-common-codec',
        message:
          'no common codec: the far end offers only G.729 without Annex B' +
          ' (browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine)',
        warning: 305,
      },
    });
  });

  it('fails with "microphone blocked" when the microphone is denied', async () => {
    const engine = new FakeMediaEngine();
    engine.microphoneFailure = 'microphone-denied';
    const session = engine.createSession(WEBRTC);
    expect(await session.prepare()).toEqual({ ok: false, failure: { code: 'microphone-denied', message: 'microphone blocked' } });
    expect(await session.createOffer()).toMatchObject({ ok: false, failure: { code: 'microphone-denied' } });
    expect(session.microphoneOpen).toBe(false);
  });

  it('sends DTMF once telephone-event is negotiated, one event per tone', async () => {
    const engine = new FakeMediaEngine();
    const a = engine.createSession(WEBRTC);
    const b = new FakeMediaEngine().createSession(WEBRTC);
    const offer = sdpOf(await a.createOffer());
    expect(a.sendDtmf('1')).toBe(false);
    await a.setRemoteAnswer(sdpOf(await b.createAnswer(offer)));
    const tones: string[] = [];
    a.on('dtmf', (tone) => tones.push(tone));
    expect(a.sendDtmf('12,#')).toBe(true);
    expect(tones).toEqual(['1', '2', '#']);
    expect(a.dtmfSent).toEqual(['12,#']);
  });

  it('refuses DTMF when the far end did not accept telephone-event', async () => {
    const a = new FakeMediaEngine().createSession(WEBRTC);
    const offer = sdpOf(await a.createOffer());
    const answerWithout = sdpOf(await new FakeMediaEngine({ codecs: [{ mimeType: 'audio/PCMU', clockRate: 8000 }] }).createSession(WEBRTC).createAnswer(offer));
    await a.setRemoteAnswer(answerWithout);
    expect(a.sendDtmf('1')).toBe(false);
  });

  it('records in-band DTMF without telephone-event, with the clamped tone duration, once audio goes out', async () => {
    const a = new FakeMediaEngine().createSession(WEBRTC);
    const offer = sdpOf(await a.createOffer());
    expect(a.sendInbandDtmf('1')).toBe(false);
    const answerWithout = sdpOf(await new FakeMediaEngine({ codecs: [{ mimeType: 'audio/PCMU', clockRate: 8000 }] }).createSession(WEBRTC).createAnswer(offer));
    await a.setRemoteAnswer(answerWithout);
    const tones: string[] = [];
    a.on('dtmf', (tone) => tones.push(tone));
    expect(a.sendInbandDtmf('4,a')).toBe(true);
    expect(a.sendInbandDtmf('9', 10)).toBe(true);
    expect(a.sendInbandDtmf('9x')).toBe(false);
    expect(a.inbandDtmfSent).toEqual(['4,A 100ms', '9 40ms']);
    expect(tones).toEqual(['4', 'A', '9']);
    expect(a.dtmfSent).toEqual([]);
  });

  it('negotiates hold as sendonly against recvonly, and only the holding side can still send', async () => {
    const { a, b } = await connectedPair();
    const hold = sdpOf(await a.createOffer({ direction: 'sendonly' }));
    const reply = sdpOf(await b.createAnswer(hold));
    await a.setRemoteAnswer(reply);
    expect(parse(reply).media[0]!.direction).toBe('recvonly');
    expect(b.remoteDirection).toBe('sendonly');
    expect(a.sendDtmf('5')).toBe(true);
    expect(b.sendDtmf('5')).toBe(false);
  });

  it('keeps the o= version for an identical offer and increments it when the SDP changes', async () => {
    const session = new FakeMediaEngine().createSession(WEBRTC);
    const versionOf = (sdp: string) => Number(parse(sdp).origin!.sessionVersion);
    const first = sdpOf(await session.createOffer());
    await session.cancelOffer();
    const same = sdpOf(await session.createOffer());
    await session.cancelOffer();
    const held = sdpOf(await session.createOffer({ direction: 'sendonly' }));
    expect(versionOf(same)).toBe(versionOf(first));
    expect(versionOf(held)).toBe(versionOf(first) + 1);
  });

  it('restores the previous direction when an offer is cancelled', async () => {
    const { a } = await connectedPair();
    await a.createOffer({ direction: 'sendonly' });
    expect(a.localDirection).toBe('sendonly');
    expect(await a.cancelOffer()).toEqual({ ok: true });
    expect(a.localDirection).toBe('sendrecv');
    expect(a.signalingState).toBe('stable');
  });

  it('takes an answer from a 183 as provisional and the same SDP again from the 200', async () => {
    const a = new FakeMediaEngine().createSession(WEBRTC);
    const offer = sdpOf(await a.createOffer());
    const answer = sdpOf(await new FakeMediaEngine().createSession(WEBRTC).createAnswer(offer));
    expect(await a.setRemoteAnswer(answer, { provisional: true })).toEqual({ ok: true });
    expect(a.signalingState).toBe('have-remote-pranswer');
    expect(await a.setRemoteAnswer(answer)).toEqual({ ok: true });
    expect(await a.setRemoteAnswer(answer)).toEqual({ ok: true });
    expect(a.signalingState).toBe('stable');
  });

  it('rejects an answer that arrives with no offer outstanding', async () => {
    const { a, b } = await connectedPair();
    const other = sdpOf(await b.createOffer());
    expect(await a.setRemoteAnswer(other)).toMatchObject({ ok: false, failure: { code: 'remote-description-rejected' } });
  });

  it('runs operations one at a time on the fake clock and fails those pending at close', async () => {
    const clock = new FakeClock();
    const session = new FakeMediaEngine({ latency: { timers: clock, ms: 50 } }).createSession(WEBRTC);
    let settled = 0;
    const offer = session.createOffer().then((r) => (settled++, r));
    const cancel = session.cancelOffer().then((r) => (settled++, r));
    await Promise.resolve();
    clock.advance(50);
    expect(await offer).toMatchObject({ ok: true });
    expect(settled).toBe(1);
    session.close();
    clock.advance(50);
    expect(await cancel).toEqual({ ok: false, failure: { code: 'closed', message: 'the call media was closed' } });
    expect(session.state).toBe('closed');
  });

  it('lets a test drive the connection state and remote audio', () => {
    const session: FakeMediaSession = new FakeMediaEngine().createSession(WEBRTC);
    const events: string[] = [];
    session.on('state', (state, failure) => events.push(failure ? `${state}: ${failure.message}` : state));
    session.on('remote-audio', (flowing) => events.push(`audio ${flowing}`));
    session.connect();
    session.remoteAudio(true);
    session.fail();
    expect(events).toEqual(['connecting', 'connected', 'audio true', 'failed: no media path to the far end (ICE failed)']);
  });

  it('records local tones and the output device', async () => {
    const engine = new FakeMediaEngine();
    engine.playTone('ringback');
    engine.stopTone();
    engine.playTone('busy');
    engine.playKeyTone('5');
    expect(await engine.setOutputDevice('headset')).toEqual({ ok: true });
    expect(engine.toneLog).toEqual(['ringback', 'stop', 'busy', 'key 5']);
    expect(engine.tone).toBe('busy');
    expect(engine.outputDeviceId).toBe('headset');
  });
});

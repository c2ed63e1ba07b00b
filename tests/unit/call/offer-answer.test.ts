import { describe, expect, it } from 'vitest';
import { OfferAnswer } from '../../../src/sip/ua/call/offer-answer';
import { FakeMediaEngine } from '../support/fake-media-engine';
import { fixture } from './scripted-call';

const CHROME_OFFER = fixture('sdp/chrome-156-offer.sdp');

function machine() {
  const engine = new FakeMediaEngine();
  const media = engine.createSession({ iceServers: [], profile: 'webrtc' });
  return { media, oa: new OfferAnswer(media) };
}

describe('OfferAnswer', () => {
  it('is in have-local-offer from the moment our offer is asked for until the answer is applied', async () => {
    const { oa } = machine();
    const offer = oa.createOffer('sendrecv');
    expect(oa.state).toBe('have-local-offer');
    expect((await offer).ok).toBe(true);
    const early = await oa.receiveAnswer(fixture('sdp/microsip-answer.sdp'), { provisional: true });
    expect(early.ok).toBe(true);
    expect(oa.state).toBe('have-local-offer');
    await oa.receiveAnswer(fixture('sdp/microsip-answer.sdp'));
    expect(oa.state).toBe('stable');
    expect(oa.remoteDescription).toBe(fixture('sdp/microsip-answer.sdp'));
  });

  it('goes back to stable when our offer fails or is withdrawn', async () => {
    const engine = new FakeMediaEngine();
    engine.microphoneFailure = 'microphone-denied';
    const oa = new OfferAnswer(engine.createSession({ iceServers: [], profile: 'webrtc' }));
    const offer = await oa.createOffer('sendrecv');
    expect(offer.ok).toBe(false);
    expect(oa.state).toBe('stable');
    engine.microphoneFailure = undefined;
    await oa.createOffer('sendonly');
    await oa.cancelOffer();
    expect(oa.state).toBe('stable');
    expect(engine.lastSession.calls).toEqual(['createOffer sendrecv', 'createOffer sendonly', 'cancelOffer']);
  });

  it('holds a remote offer in have-remote-offer until it is answered or refused', async () => {
    const { oa, media } = machine();
    oa.receiveOffer(CHROME_OFFER);
    expect(oa.state).toBe('have-remote-offer');
    const answer = await oa.createAnswer('sendrecv');
    expect(answer.ok).toBe(true);
    expect(oa.state).toBe('stable');
    expect(media.calls).toEqual(['createAnswer sendrecv']);
    oa.receiveOffer(CHROME_OFFER);
    oa.rejectOffer();
    expect(oa.state).toBe('stable');
  });

  it('throws on exchanges the model forbids: a second offer while one is open, an answer without an offer', async () => {
    const { oa } = machine();
    void oa.createOffer('sendrecv');
    expect(() => oa.receiveOffer(CHROME_OFFER)).toThrow(/have-local-offer → have-remote-offer/);
    await oa.cancelOffer();
    await expect(oa.receiveAnswer('v=0\r\n')).rejects.toThrow(/needs our offer outstanding/);
    await expect(oa.createAnswer('sendrecv')).rejects.toThrow(/no remote offer/);
  });
});

import { describe, expect, it } from 'vitest';
import type { SipRequest } from '../../../src/sip';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';
import { elapse, phoneOn, recordEvents, settle, twoPhones, type PhoneOptions } from './call-harness';
import { fixture, ScriptedCall } from './scripted-call';

const ANSWER_SDP = fixture('sdp/microsip-answer.sdp');
const CHALLENGE: [string, string] = ['Proxy-Authenticate', 'Digest realm="tabphone", nonce="abc", algorithm=MD5, qop="auth"'];

/** Alice (a real UA) calls 1002, a scripted phone the test answers by hand. */
async function aliceCallsScripted(options: PhoneOptions = {}, target = '1002') {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const alice = phoneOn(pbx, clock, '1000', options);
  const far = pbx.scriptedPhone('1002');
  const uas = new ScriptedCall(far);
  await settle(clock);
  const call = alice.ua.call(target);
  const events = recordEvents(call);
  await settle(clock);
  const lastInvite = (): SipRequest => {
    const invite = far.requests('INVITE').at(-1);
    if (!invite) throw new Error('no INVITE reached the far end');
    return invite;
  };
  const respond = async (status: number, options: Parameters<ScriptedCall['respond']>[2] = {}, request = lastInvite()) => {
    uas.respond(request, status, options);
    await settle(clock);
  };
  return { clock, pbx, alice, far, uas, call, events, lastInvite, respond };
}

describe('outgoing calls', () => {
  it('sends an INVITE with the media engine offer, our Contact, Allow and Supported', async () => {
    const { call, lastInvite, alice } = await aliceCallsScripted();
    const invite = lastInvite();
    expect(invite.uri.toString()).toBe('sip:1002@127.0.0.1');
    expect(invite.to.tag).toBeUndefined();
    expect(invite.contentType).toBe('application/sdp');
    expect(invite.body).toMatch(/^m=audio \d+ UDP\/TLS\/RTP\/SAVPF/m);
    expect(invite.allow).toEqual(['INVITE', 'ACK', 'CANCEL', 'BYE', 'INFO', 'UPDATE', 'PRACK', 'REFER', 'NOTIFY', 'OPTIONS']);
    expect(invite.supported).toEqual(['outbound', '100rel', 'timer', 'replaces', 'norefersub']);
    expect(invite.get('Session-Expires')).toBe('1800');
    expect(invite.get('Min-SE')).toBe('90');
    expect(invite.contact[0]!.uri.host).toMatch(/\.invalid$/);
    expect(alice.engine.lastSession.calls).toEqual(['createOffer sendrecv']);
    expect(call.direction).toBe('outgoing');
    expect(call.state).toBe('calling');
    expect(call.remote).toEqual({ uri: 'sip:1002@127.0.0.1', user: '1002' });
  });

  it('plays local ringback after a 180 without SDP until the 200, then ACKs and applies the answer', async () => {
    const { call, events, far, alice, clock, respond } = await aliceCallsScripted();
    await respond(100);
    await respond(180);
    expect(call.state).toBe('early');
    expect(alice.engine.tone).toBe('ringback');
    clock.advance(1500);
    await respond(200, { body: ANSWER_SDP });
    expect(events).toEqual(['state early', 'progress 180 Ringing', 'ringback true', 'ringback false', 'state established']);
    expect(far.requests('ACK')).toHaveLength(1);
    expect(far.requests('ACK')[0]!.cseq).toEqual({ seq: far.requests('INVITE')[0]!.cseq.seq, method: 'ACK' });
    expect(alice.engine.toneLog).toEqual(['ringback', 'stop']);
    expect(alice.engine.lastSession.calls).toEqual(['createOffer sendrecv', 'setRemoteAnswer']);
    expect(call.startedAt).toBe(1500);
  });

  it('hands the answer in the 200 to the media before reporting the call established, so media starts while the UI redraws', async () => {
    const { call, alice, respond } = await aliceCallsScripted();
    let mediaAtEstablished: string[] = [];
    call.on('state', (state) => {
      if (state === 'established') mediaAtEstablished = [...alice.engine.lastSession.calls];
    });
    await respond(200, { body: ANSWER_SDP });
    expect(mediaAtEstablished).toEqual(['createOffer sendrecv', 'setRemoteAnswer']);
  });

  it('applies the SDP of a 183 as early media and takes it as the answer when the 200 has none', async () => {
    const { events, alice, respond } = await aliceCallsScripted();
    await respond(180);
    await respond(183, { body: ANSWER_SDP });
    expect(events).toEqual(['state early', 'progress 180 Ringing', 'ringback true', 'progress 183 Session Progress', 'ringback false']);
    await respond(200);
    expect(events.at(-1)).toBe('state established');
    expect(alice.engine.lastSession.calls).toEqual(['createOffer sendrecv', 'setRemoteAnswer provisional', 'setRemoteAnswer']);
  });

  it('never plays ringback when the first 18x already brings early media', async () => {
    const { events, alice, respond } = await aliceCallsScripted();
    await respond(183, { body: ANSWER_SDP });
    await respond(180);
    expect(events).not.toContain('ringback true');
    expect(alice.engine.toneLog).toEqual([]);
  });

  it('stops the local ringback when the far end audio starts flowing (SIPconnect 2.0 §14.9)', async () => {
    const { events, alice, respond } = await aliceCallsScripted();
    await respond(180);
    alice.engine.lastSession.remoteAudio(true);
    expect(events.slice(-2)).toEqual(['ringback true', 'ringback false']);
    expect(alice.engine.tone).toBeUndefined();
  });

  it('sends the same ACK again for every retransmission of the 200', async () => {
    const { far, respond } = await aliceCallsScripted();
    await respond(200, { body: ANSWER_SDP });
    await respond(200, { body: ANSWER_SDP });
    const acks = far.requests('ACK');
    expect(acks).toHaveLength(2);
    expect(acks[1]!.toString()).toBe(acks[0]!.toString());
  });

  it('takes the far end identity from P-Asserted-Identity when the network sends one', async () => {
    const { call, respond } = await aliceCallsScripted();
    await respond(200, { body: ANSWER_SDP, headers: [['P-Asserted-Identity', '"Front Desk" <sip:200@127.0.0.1>']] });
    expect(call.remote).toEqual({ uri: 'sip:200@127.0.0.1', user: '200', displayName: 'Front Desk' });
  });

  it('re-sends the INVITE with Proxy-Authorization after a 407, with the same Call-ID and CSeq + 1', async () => {
    const { clock, pbx, alice, bob } = await twoPhones();
    pbx.challengeInvites = true;
    alice.ua.call('1001');
    await settle(clock);
    const [first, second] = pbx.requests('INVITE');
    expect(pbx.responses('INVITE', 407)).toHaveLength(1);
    expect(first!.has('Proxy-Authorization')).toBe(false);
    expect(second!.get('Proxy-Authorization')).toContain('username="1000"');
    expect(second!.callId).toBe(first!.callId);
    expect(second!.from.tag).toBe(first!.from.tag);
    expect(second!.cseq.seq).toBe(first!.cseq.seq + 1);
    expect(second!.via[0]!.branch).not.toBe(first!.via[0]!.branch);
    expect(bob.ringing.state).toBe('incoming');
  });

  it('sends the cached credentials with the next call, so the proxy need not challenge again', async () => {
    const { clock, pbx, alice, bob } = await twoPhones();
    pbx.challengeInvites = true;
    alice.ua.call('1001').hangup();
    alice.ua.call('1001');
    await settle(clock);
    bob.ringing.decline();
    const next = alice.ua.call('1001');
    await settle(clock);
    expect(pbx.requests('INVITE').at(-1)!.has('Proxy-Authorization')).toBe(true);
    expect(pbx.responses('INVITE', 407)).toHaveLength(1);
    expect(next.state).toBe('early');
  });

  it('gives up with a credentials message when the authorized INVITE is challenged again', async () => {
    const { call, respond } = await aliceCallsScripted();
    await respond(407, { headers: [CHALLENGE] });
    await respond(407, { headers: [CHALLENGE] });
    expect(call.end).toMatchObject({ cause: 'failed', status: 407, message: 'Call refused: wrong user name or password' });
  });

  it('cancels a ringing call with a CANCEL on the INVITE branch and ends cancelled on the 487', async () => {
    const { call, events, far, alice, clock, respond, lastInvite } = await aliceCallsScripted();
    await respond(180);
    call.hangup();
    expect(call.state).toBe('terminating');
    await settle(clock);
    const cancel = far.requests('CANCEL')[0]!;
    expect(cancel.via[0]!.branch).toBe(lastInvite().via[0]!.branch);
    expect(cancel.cseq).toEqual({ seq: lastInvite().cseq.seq, method: 'CANCEL' });
    await respond(200, {}, cancel);
    await respond(487);
    expect(events.slice(-2)).toEqual(['state ended', 'ended cancelled']);
    expect(call.end).toMatchObject({ originator: 'local', cause: 'cancelled' });
    expect(alice.engine.toneLog).toEqual(['ringback', 'stop']);
    expect(alice.engine.lastSession.calls.at(-1)).toBe('close');
  });

  it('holds the CANCEL back until a provisional response arrives (RFC 3261 §9.1)', async () => {
    const { call, far, clock, respond } = await aliceCallsScripted();
    call.hangup();
    await settle(clock);
    expect(far.requests('CANCEL')).toHaveLength(0);
    expect(call.state).toBe('terminating');
    await respond(100);
    expect(far.requests('CANCEL')).toHaveLength(1);
  });

  it('ends at once and sends nothing when hung up before the INVITE left', async () => {
    const clock = new FakeClock();
    const pbx = new LoopbackPbx(clock);
    const alice = phoneOn(pbx, clock, '1000');
    await settle(clock);
    const call = alice.ua.call('1001');
    const events = recordEvents(call);
    call.hangup();
    await settle(clock);
    expect(events).toEqual(['state ended', 'ended cancelled']);
    expect(pbx.requests('INVITE')).toHaveLength(0);
  });

  it('acknowledges and hangs up a 200 that crosses its CANCEL', async () => {
    const { call, far, uas, clock, respond } = await aliceCallsScripted();
    await respond(180);
    call.hangup();
    await settle(clock);
    await respond(200, { body: ANSWER_SDP });
    expect(far.requests('ACK')).toHaveLength(1);
    const bye = far.requests('BYE')[0]!;
    expect(bye.to.tag).toBe('scripted-uas');
    expect(call.state).toBe('terminating');
    uas.respond(bye, 200);
    await settle(clock);
    expect(call.end).toMatchObject({ originator: 'local', cause: 'cancelled' });
  });

  it.each([
    [486, 'busy', 'Busy', 'busy'],
    [600, 'busy', 'Busy everywhere', 'busy'],
    [603, 'declined', 'Declined', 'failure'],
    [404, 'not-found', 'Number not found', 'failure'],
    [604, 'not-found', 'Number does not exist anywhere', 'failure'],
    [480, 'unavailable', 'Unavailable', 'failure'],
    [487, 'cancelled', 'Cancelled', 'failure'],
    [488, 'no-common-codec', 'No common codec: the far end accepts none of our audio codecs', 'failure'],
    [606, 'no-common-codec', 'No common codec: the far end accepts none of our audio codecs', 'failure'],
    [500, 'failed', 'Call failed: 500 Server Internal Error', 'failure'],
  ])('ends a call refused with %i as %s ("%s") and plays the %s tone', async (status, cause, message, tone) => {
    const { call, alice, respond } = await aliceCallsScripted();
    await respond(status);
    expect(call.end).toEqual({ originator: 'remote', cause, status, reason: expect.any(String), message });
    expect(alice.engine.toneLog).toEqual([tone]);
  });

  it('quotes the Warning of a 488 in the message', async () => {
    const { call, respond } = await aliceCallsScripted();
    await respond(488, { headers: [['Warning', '305 far.invalid "no common codec: the far end offers only Opus"']] });
    expect(call.end?.message).toBe('No common codec (the far end says: no common codec: the far end offers only Opus)');
  });

  it('reads a 408 after ringing as no answer', async () => {
    const { call, respond } = await aliceCallsScripted();
    await respond(180);
    await respond(408);
    expect(call.end).toMatchObject({ originator: 'remote', cause: 'no-answer', status: 408, message: 'No answer' });
  });

  it('ends with request-timeout when nothing answers the INVITE within Timer B (64·T1)', async () => {
    const { call, clock } = await aliceCallsScripted();
    await elapse(clock, 31_900, 500);
    expect(call.state).toBe('calling');
    await elapse(clock, 200);
    expect(call.end).toMatchObject({ originator: 'system', cause: 'request-timeout', status: 408 });
  });

  it('connects to the first fork that answers and hangs up a 200 from a second fork', async () => {
    const clock = new FakeClock();
    const pbx = new LoopbackPbx(clock);
    const alice = phoneOn(pbx, clock, '1000');
    const desk = phoneOn(pbx, clock, '1001');
    const mobile = phoneOn(pbx, clock, '1001');
    await settle(clock);
    const call = alice.ua.call('1001');
    await settle(clock);
    await desk.ringing.answer();
    await settle(clock);
    await mobile.ringing.answer();
    await settle(clock);
    expect(pbx.requests('ACK')).toHaveLength(2);
    expect(pbx.requests('BYE').map((b) => b.to.tag)).toEqual([pbx.responses('INVITE', 200)[1]!.to.tag]);
    expect(mobile.ringing.end).toMatchObject({ originator: 'remote', cause: 'hangup' });
    expect(call.state).toBe('established');
    expect(desk.ringing.state).toBe('established');
  });

  it('ends with microphone-blocked and sends nothing when the microphone is refused', async () => {
    const clock = new FakeClock();
    const pbx = new LoopbackPbx(clock);
    const alice = phoneOn(pbx, clock, '1000');
    alice.engine.microphoneFailure = 'microphone-denied';
    await settle(clock);
    const call = alice.ua.call('1001');
    await settle(clock);
    expect(call.end).toEqual({ originator: 'system', cause: 'microphone-blocked', message: 'microphone blocked' });
    expect(pbx.requests('INVITE')).toHaveLength(0);
  });

  it('ends a call to something that is neither a number nor a SIP address, after call() returned it', async () => {
    const { clock, alice, pbx } = await twoPhones();
    const call = alice.ua.call('<<nobody>>');
    const events = recordEvents(call);
    expect(call.state).toBe('calling');
    await settle(clock);
    expect(events).toEqual(['state ended', 'ended failed']);
    expect(call.end?.message).toBe('Not a number or SIP address: "<<nobody>>"');
    expect(pbx.requests('INVITE')).toHaveLength(0);
  });

  it('sends a delayed-offer INVITE without SDP and puts its answer to the 2xx offer in the ACK', async () => {
    const { clock, pbx, alice, bob } = await twoPhones({ alice: { media: { delayedOffer: true } } });
    const call = alice.ua.call('1001');
    await settle(clock);
    const invite = pbx.requests('INVITE')[0]!;
    expect(invite.body).toBe('');
    expect(invite.has('Content-Type')).toBe(false);
    await bob.ringing.answer();
    await settle(clock);
    const ok = pbx.responses('INVITE', 200)[0]!;
    const ack = pbx.requests('ACK')[0]!;
    expect(ok.body).toMatch(/^m=audio/m);
    expect(ack.contentType).toBe('application/sdp');
    expect(ack.body).toMatch(/^m=audio/m);
    expect(alice.engine.lastSession.calls).toEqual(['prepare', 'createAnswer sendrecv']);
    expect(bob.engine.lastSession.calls).toEqual(['createOffer sendrecv', 'setRemoteAnswer']);
    expect(call.state).toBe('established');
    expect(bob.ringing.state).toBe('established');
  });

  it('keeps working when a listener throws in its ended handler', async () => {
    const { clock, alice, bob } = await twoPhones();
    const first = alice.ua.call('1001');
    const seen: string[] = [];
    first.on('ended', () => {
      throw new Error('app bug');
    });
    first.on('ended', (end) => seen.push(end.cause));
    await settle(clock);
    bob.ringing.decline(486);
    await settle(clock);
    expect(seen).toEqual(['busy']);
    const second = alice.ua.call('1001');
    await settle(clock);
    await bob.ringing.answer();
    await settle(clock);
    expect(second.state).toBe('established');
  });
});

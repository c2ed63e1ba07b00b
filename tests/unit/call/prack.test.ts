import { describe, expect, it } from 'vitest';
import { PRACK_WAIT } from '../../../src/sip/ua/call/reliable-provisional';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';
import { elapse, phoneOn, settle, twoPhones } from './call-harness';
import { aliceCallsScripted } from './call-to-scripted';
import { fixture, ScriptedCall, sipText } from './scripted-call';

const ANSWER_SDP = fixture('sdp/microsip-answer.sdp');
const CHROME_OFFER = fixture('sdp/chrome-156-offer.sdp');

const reliable = (rseq: number): [string, string][] => [
  ['Require', '100rel'],
  ['RSeq', String(rseq)],
];

/** 1002 (scripted) calls Bob with Require: 100rel; Bob rings. */
async function reliableCallToBob() {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const bob = phoneOn(pbx, clock, '1001');
  const far = pbx.scriptedPhone('1002');
  const caller = new ScriptedCall(far);
  await settle(clock);
  const invite = caller.sendInvite({ body: CHROME_OFFER, headers: ['Supported: 100rel', 'Require: 100rel'] });
  await settle(clock);
  const ringing = () => far.responses('INVITE').filter((r) => r.status === 180);
  return { clock, bob, far, caller, invite, ringing, call: bob.ringing };
}

describe('reliable provisional responses we receive (RFC 3262 §4)', () => {
  it('sends a PRACK for a reliable 180 with RAck of its RSeq and the INVITE CSeq, in the early dialog', async () => {
    const { far, events, respond, last } = await aliceCallsScripted();
    const invite = last();
    await respond(180, { headers: [['Record-Route', '<sip:proxy.invalid;transport=ws;lr>'], ...reliable(7)] });
    const [prack] = far.requests('PRACK');
    expect(prack!.get('RAck')).toBe(`7 ${invite.cseq.seq} INVITE`);
    expect(prack!.cseq).toEqual({ seq: invite.cseq.seq + 1, method: 'PRACK' });
    expect(prack!.callId).toBe(invite.callId);
    expect(prack!.to.tag).toBe('scripted-uas');
    expect(prack!.uri.host).toBe('script1002.invalid');
    expect(prack!.getAll('Route')).toEqual(['<sip:proxy.invalid;transport=ws;lr>']);
    expect(events).toEqual(['state early', 'progress 180 Ringing', 'ringback true']);
  });

  it('sends no PRACK for a retransmission or an out-of-order RSeq, and one for the next in order', async () => {
    const { far, events, respond } = await aliceCallsScripted();
    await respond(180, { headers: reliable(7) });
    await respond(180, { headers: reliable(7) });
    await respond(183, { headers: reliable(9) });
    expect(far.requests('PRACK')).toHaveLength(1);
    expect(events.filter((e) => e.startsWith('progress'))).toEqual(['progress 180 Ringing']);
    await respond(183, { headers: reliable(8) });
    expect(far.requests('PRACK').map((p) => p.get('RAck')?.split(' ')[0])).toEqual(['7', '8']);
  });

  it('applies the SDP of a reliable 183 as early media, confirms it with the 200, and keeps its later CSeqs above the PRACK', async () => {
    const { clock, far, call, alice, respond, last } = await aliceCallsScripted();
    await respond(183, { body: ANSWER_SDP, headers: reliable(1) });
    expect(alice.engine.lastSession.calls).toEqual(['createOffer sendrecv', 'setRemoteAnswer provisional']);
    await respond(200, {}, last('INVITE'));
    expect(call.state).toBe('established');
    expect(alice.engine.lastSession.calls).toEqual(['createOffer sendrecv', 'setRemoteAnswer provisional', 'setRemoteAnswer']);
    call.hangup();
    await settle(clock);
    const prack = far.requests('PRACK')[0]!;
    expect(far.requests('BYE')[0]!.cseq.seq).toBe(prack.cseq.seq + 1);
  });
});

describe('early dialogs of our calls', () => {
  it('answers an UPDATE without SDP in the early dialog with 200 rather than 481, and one with SDP with 500', async () => {
    const { clock, far, respond, last } = await aliceCallsScripted();
    const invite = last();
    await respond(180, { headers: reliable(1) });
    const update = (seq: number, body = '') =>
      far.send(
        sipText(
          [
            `UPDATE ${invite.contact[0]!.uri.toString()} SIP/2.0`,
            `Via: SIP/2.0/WS script1002.invalid;branch=z9hG4bKearly${seq}`,
            'Max-Forwards: 70',
            'From: <sip:1002@127.0.0.1>;tag=scripted-uas',
            `To: ${invite.get('From')}`,
            `Call-ID: ${invite.callId}`,
            `CSeq: ${seq} UPDATE`,
            'Contact: <sip:1002@script1002.invalid;transport=ws>',
            ...(body ? ['Content-Type: application/sdp'] : []),
          ],
          body,
        ),
      );
    update(1);
    update(2, CHROME_OFFER);
    await settle(clock);
    expect(far.responses('UPDATE').map((r) => r.status)).toEqual([200, 500]);
  });
});

describe('reliable provisional responses we send (RFC 3262 §3)', () => {
  it('rings with a reliable 180 when the INVITE requires 100rel, re-sent at T1, 2·T1, 4·T1 until the PRACK, which gets 200', async () => {
    const { clock, far, caller, invite, ringing } = await reliableCallToBob();
    const [first] = ringing();
    expect(first!.require).toEqual(['100rel']);
    const rseq = first!.rseq!;
    await elapse(clock, 3600);
    expect(ringing().map((r) => r.rseq)).toEqual([rseq, rseq, rseq, rseq]);
    caller.learnDialog();
    caller.send('PRACK', { headers: [`RAck: ${rseq} ${invite.cseq.seq} INVITE`] });
    await settle(clock);
    expect(far.responses('PRACK').map((r) => r.status)).toEqual([200]);
    await elapse(clock, 10_000, 500);
    expect(ringing()).toHaveLength(4);
  });

  it('answers a PRACK that matches no reliable response with 481', async () => {
    const { clock, far, caller, invite, ringing } = await reliableCallToBob();
    caller.learnDialog();
    caller.send('PRACK', { headers: [`RAck: ${ringing()[0]!.rseq! + 1} ${invite.cseq.seq} INVITE`] });
    await settle(clock);
    expect(far.responses('PRACK').map((r) => r.status)).toEqual([481]);
  });

  it('stops re-sending the 180 once the call is answered', async () => {
    const { clock, call, ringing } = await reliableCallToBob();
    await call.answer();
    await settle(clock);
    await elapse(clock, 5000, 500);
    expect(ringing()).toHaveLength(1);
  });

  it('gives up with 500 to the INVITE when no PRACK comes within 64·T1', async () => {
    const { clock, far, call } = await reliableCallToBob();
    await elapse(clock, PRACK_WAIT + 500, 500);
    expect(far.responses('INVITE').at(-1)!.status).toBe(500);
    expect(call.end).toMatchObject({ originator: 'system', cause: 'failed' });
  });

  it('lets two user agents ring reliably: the caller PRACKs the 180 and the callee answers 200', async () => {
    const { clock, pbx, alice, bob } = await twoPhones();
    const call = alice.ua.call('1001', { extraHeaders: [['Require', '100rel']] });
    await settle(clock);
    expect(pbx.responses('INVITE', 180)[0]!.rseq).toBeDefined();
    expect(pbx.responses('PRACK', 200)).toHaveLength(1);
    await bob.ringing.answer();
    await settle(clock);
    expect(call.state).toBe('established');
    expect(pbx.responses('INVITE', 180)).toHaveLength(1);
  });
});

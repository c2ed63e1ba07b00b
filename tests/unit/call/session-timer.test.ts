import { parse } from 'sdp-transform';
import { describe, expect, it } from 'vitest';
import { parseMessage, type SipRequest, type SipResponse } from '../../../src/sip';
import { agreeAsUac, agreeAsUas, expiryDelay, intervalTooSmall, refreshDelay } from '../../../src/sip/ua/call/session-timer';
import { elapse, establishedCall, settle, twoPhones } from './call-harness';
import { aliceCallsScripted, scriptedCallsBob } from './call-to-scripted';
import { fixture, sipText } from './scripted-call';

const ANSWER_SDP = fixture('sdp/microsip-answer.sdp');

function originVersion(sdp: string): string {
  return String(parse(sdp).origin?.sessionVersion);
}

function invite(headers: string[]): SipRequest {
  return parseMessage(
    sipText([
      'INVITE sip:1001@127.0.0.1 SIP/2.0',
      'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1',
      'Max-Forwards: 70',
      'From: <sip:1002@127.0.0.1>;tag=a',
      'To: <sip:1001@127.0.0.1>',
      'Call-ID: c',
      'CSeq: 1 INVITE',
      'Contact: <sip:1002@a.invalid>',
      ...headers,
    ]),
  ) as SipRequest;
}

describe('session timer negotiation (RFC 4028)', () => {
  it('refreshes at half the interval and gives up min(32 s, a third) before it ends', () => {
    expect(refreshDelay(1800)).toBe(900_000);
    expect(expiryDelay(1800)).toBe(1_768_000);
    expect(expiryDelay(90)).toBe(60_000);
  });

  it('asks a UAC that supports timers for a longer interval with 422, and raises one that does not instead', () => {
    expect(intervalTooSmall(invite(['Session-Expires: 60', 'Supported: timer']), 90)).toBe(90);
    expect(intervalTooSmall(invite(['Session-Expires: 60']), 90)).toBeUndefined();
    expect(intervalTooSmall(invite(['Session-Expires: 90', 'Supported: timer']), 90)).toBeUndefined();
    expect(agreeAsUas(invite(['Session-Expires: 60']), { expires: 1800, minSe: 90 })).toEqual({ interval: 90, refresher: 'uas' });
  });

  it('lets a UAC that supports timers refresh unless it chose otherwise, and refreshes itself for one that does not', () => {
    const ours = { expires: 1800, minSe: 90 };
    expect(agreeAsUas(invite(['Supported: timer', 'Session-Expires: 600']), ours)).toEqual({ interval: 600, refresher: 'uac' });
    expect(agreeAsUas(invite(['Supported: timer', 'Session-Expires: 600;refresher=uas']), ours)).toEqual({ interval: 600, refresher: 'uas' });
    expect(agreeAsUas(invite(['Supported: timer', 'Min-SE: 1900']), ours)).toEqual({ interval: 1900, refresher: 'uac' });
    expect(agreeAsUas(invite([]), ours)).toEqual({ interval: 1800, refresher: 'uas' });
  });

  it('agrees with the MicroSIP trace: its INVITE gets 1800 s refreshed by the caller, as its peer answered', () => {
    const microsipInvite = parseMessage(fixture('sip/microsip-invite-early-offer.sip')) as SipRequest;
    const peerAnswer = parseMessage(fixture('sip/microsip-200-ok-invite-answer.sip')) as SipResponse;
    expect(agreeAsUas(microsipInvite, { expires: 1800, minSe: 90 })).toEqual({ interval: 1800, refresher: 'uac' });
    expect(agreeAsUac(peerAnswer)).toEqual({ interval: 1800, refresher: 'uac' });
  });

  it('reads no Session-Expires in a 2xx as no expiry and one without refresher as ours to refresh', () => {
    const ok = (headers: string[]) => parseMessage(sipText(['SIP/2.0 200 OK', 'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1', 'From: <sip:a@b>;tag=1', 'To: <sip:c@d>;tag=2', 'Call-ID: c', 'CSeq: 1 INVITE', ...headers])) as SipResponse;
    expect(agreeAsUac(ok([]))).toBeUndefined();
    expect(agreeAsUac(ok(['Session-Expires: 300']))).toEqual({ interval: 300, refresher: 'uac' });
    expect(agreeAsUac(ok(['Session-Expires: 300;refresher=uas']))).toEqual({ interval: 300, refresher: 'uas' });
  });
});

describe('session timers in calls', () => {
  it('retries an INVITE refused with 422 once, asking for the Min-SE of the response', async () => {
    const { far, call, respond } = await aliceCallsScripted();
    await respond(422, { headers: [['Min-SE', '3600']] });
    const [first, second] = far.requests('INVITE');
    expect(second!.get('Session-Expires')).toBe('3600');
    expect(second!.get('Min-SE')).toBe('3600');
    expect(second!.callId).toBe(first!.callId);
    expect(second!.cseq.seq).toBe(first!.cseq.seq + 1);
    await respond(422, { headers: [['Min-SE', '7200']] });
    expect(far.requests('INVITE')).toHaveLength(2);
    expect(call.end).toMatchObject({ cause: 'failed', status: 422 });
  });

  it('answers with Session-Expires, refresher=uac and Require: timer when the caller supports timers', async () => {
    const { ok } = await scriptedCallsBob(['Supported: timer', 'Session-Expires: 600']);
    expect(ok.get('Session-Expires')).toBe('600;refresher=uac');
    expect(ok.require).toEqual(['timer']);
  });

  it('refuses an INVITE asking for less than 90 s with 422 and Min-SE: 90, and rings nobody', async () => {
    const { clock, pbx } = await establishedCall();
    const far = pbx.scriptedPhone('1002');
    far.send(
      sipText([
        'INVITE sip:1001@127.0.0.1 SIP/2.0',
        'Via: SIP/2.0/WS script1002.invalid;branch=z9hG4bKshort',
        'Max-Forwards: 70',
        'From: <sip:1002@127.0.0.1>;tag=short',
        'To: <sip:1001@127.0.0.1>',
        'Call-ID: short-call',
        'CSeq: 1 INVITE',
        'Contact: <sip:1002@script1002.invalid;transport=ws>',
        'Supported: timer',
        'Session-Expires: 60',
      ]),
    );
    await settle(clock);
    const [refusal] = far.responses('INVITE');
    expect(refusal!.status).toBe(422);
    expect(refusal!.get('Min-SE')).toBe('90');
  });

  it('refreshes with a re-INVITE at half the interval, offering the same SDP with an unchanged o= version', async () => {
    const { clock, far, call, respond, last } = await aliceCallsScripted();
    const first = last();
    await respond(200, { body: ANSWER_SDP, headers: [['Session-Expires', '90;refresher=uac'], ['Require', 'timer']] });
    await elapse(clock, 44_900);
    expect(far.requests('INVITE')).toHaveLength(1);
    await elapse(clock, 200);
    const refresh = last();
    expect(far.requests('INVITE')).toHaveLength(2);
    expect(refresh.to.tag).toBe('scripted-uas');
    expect(refresh.get('Session-Expires')).toBe('90;refresher=uac');
    expect(originVersion(refresh.body)).toBe(originVersion(first.body));
    expect(refresh.body).toBe(first.body);
    await respond(200, { body: ANSWER_SDP, headers: [['Session-Expires', '90;refresher=uac'], ['Require', 'timer']] }, refresh);
    expect(far.requests('ACK')).toHaveLength(2);
    await elapse(clock, 45_000);
    expect(far.requests('INVITE')).toHaveLength(3);
    expect(call.state).toBe('established');
  });

  it('refreshes with an UPDATE without body when the far end allows UPDATE', async () => {
    const { clock, pbx, outgoing, incoming } = await establishedCall({ alice: { ua: { sessionExpires: 90 } } });
    await elapse(clock, 200_000, 1000);
    const updates = pbx.requests('UPDATE');
    expect(updates.length).toBe(4);
    expect(updates.every((u) => u.body === '' && u.get('Session-Expires') === '90;refresher=uac')).toBe(true);
    expect(pbx.responses('UPDATE', 200).every((r) => r.get('Session-Expires') === '90;refresher=uac' && r.require.includes('timer'))).toBe(true);
    expect([outgoing.state, incoming.state]).toEqual(['established', 'established']);
  });

  it('sends BYE when no refresh came by the interval minus a third, as the side that does not refresh', async () => {
    const { clock, far, call } = await scriptedCallsBob(['Supported: timer', 'Session-Expires: 90']);
    await elapse(clock, 59_900);
    expect(far.requests('BYE')).toHaveLength(0);
    await elapse(clock, 200);
    expect(far.requests('BYE')).toHaveLength(1);
    expect(call.state).toBe('terminating');
    expect(call.end).toBeUndefined();
  });

  it('restarts the expiry when the far end refreshes with an UPDATE, answering with its interval and Require: timer', async () => {
    const { clock, far, caller, call } = await scriptedCallsBob(['Supported: timer', 'Session-Expires: 90']);
    await elapse(clock, 50_000);
    caller.send('UPDATE', { headers: ['Supported: timer', 'Session-Expires: 90;refresher=uac'] });
    await settle(clock);
    const ok = far.responses('UPDATE').at(-1)!;
    expect(ok.status).toBe(200);
    expect(ok.get('Session-Expires')).toBe('90;refresher=uac');
    expect(ok.require).toEqual(['timer']);
    await elapse(clock, 59_900);
    expect(far.requests('BYE')).toHaveLength(0);
    expect(call.state).toBe('established');
    await elapse(clock, 200);
    expect(far.requests('BYE')).toHaveLength(1);
  });

  it('switched off (0): asks for no interval, drops timer from Supported, and ignores one in the 2xx', async () => {
    const off = { ua: { sessionExpires: 0 } };
    const { clock, far, call, respond, last } = await aliceCallsScripted(off);
    const invite = last();
    expect(invite.has('Session-Expires')).toBe(false);
    expect(invite.has('Min-SE')).toBe(false);
    expect(invite.supported).not.toContain('timer');
    await respond(200, { body: ANSWER_SDP, headers: [['Session-Expires', '90;refresher=uac']] });
    await elapse(clock, 200_000, 1000);
    expect(far.requests('INVITE')).toHaveLength(1);
    expect(far.requests('BYE')).toHaveLength(0);
    expect(call.state).toBe('established');
  });

  it('switched off (0): answers a caller that supports timers without Session-Expires, never refuses a short one, never expires', async () => {
    const { clock, far, call, ok } = await scriptedCallsBob(['Supported: timer', 'Session-Expires: 60'], { ua: { sessionExpires: 0 } });
    expect(ok.status).toBe(200);
    expect(ok.has('Session-Expires')).toBe(false);
    expect(ok.require).not.toContain('timer');
    expect(ok.supported).not.toContain('timer');
    await elapse(clock, 200_000, 1000);
    expect(far.requests('BYE')).toHaveLength(0);
    expect(call.state).toBe('established');
  });

  it('leaves no timer behind when the call ends', async () => {
    const { clock, alice, bob } = await twoPhones({ alice: { ua: { sessionExpires: 90 } } });
    const idle = clock.pendingCount;
    const outgoing = alice.ua.call('1001');
    await settle(clock);
    await bob.ringing.answer();
    await settle(clock);
    expect(clock.pendingCount).toBeGreaterThan(idle);
    outgoing.hangup();
    // Past Timer L (64·T1), which keeps the INVITE server transaction after its 2xx (RFC 6026).
    await elapse(clock, 40_000, 1000);
    expect(clock.pendingCount).toBe(idle);
  });
});

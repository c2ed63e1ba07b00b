import { describe, expect, it } from 'vitest';
import type { SipRequest } from '../../../src/sip';
import { MAX_REDIRECTS } from '../../../src/sip/ua/call/redirect-targets';
import type { ScriptedPhone } from '../support/loopback-pbx';
import { elapse, phoneOn, settle } from './call-harness';
import { aliceCallsScripted } from './call-to-scripted';
import { fixture, ScriptedCall } from './scripted-call';

const ANSWER_SDP = fixture('sdp/microsip-answer.sdp');
const CHALLENGE: [string, string] = ['WWW-Authenticate', 'Digest realm="forward", nonce="fwd1", algorithm=MD5, qop="auth"'];

/** Alice calls 1002 (scripted), which redirects; `forwardTo` are further scripted phones the redirects may name. */
async function redirectedCall(...forwardTo: string[]) {
  const h = await aliceCallsScripted();
  const phones = new Map<string, { phone: ScriptedPhone; uas: ScriptedCall }>();
  for (const user of forwardTo) {
    const phone = h.pbx.scriptedPhone(user);
    phones.set(user, { phone, uas: new ScriptedCall(phone) });
  }
  const at = (user: string) => {
    const entry = phones.get(user);
    if (!entry) throw new Error(`no scripted phone ${user}`);
    return entry;
  };
  /** The INVITEs that reached `user`. */
  const invites = (user: string): SipRequest[] => (user === '1002' ? h.far : at(user).phone).requests('INVITE');
  /** `user` answers its last INVITE with `status` (its own To tag). */
  const answer = async (user: string, status: number, options: Parameters<ScriptedCall['respond']>[2] = {}) => {
    const uas = user === '1002' ? h.uas : at(user).uas;
    const invite = invites(user).at(-1);
    if (!invite) throw new Error(`no INVITE reached ${user}`);
    uas.respond(invite, status, { toTag: `tag-${user}`, ...options });
    await settle(h.clock);
  };
  const moved = (user: string, status: number, contact: string) => answer(user, status, { headers: [['Contact', contact]] });
  return { ...h, at, invites, answer, moved };
}

describe('redirected outgoing calls (RFC 3261 §8.1.3.4)', () => {
  it('follows a 302 with a new INVITE to the Contact, reusing the offer, and connects there', async () => {
    const { call, events, far, alice, invites, answer, moved } = await redirectedCall('1003');
    await answer('1002', 180);
    await moved('1002', 302, '<sip:1003@127.0.0.1;method=INVITE?Subject=forwarded>');
    const [first] = invites('1002');
    const [second] = invites('1003');
    expect(second!.uri.toString()).toBe('sip:1003@127.0.0.1');
    expect(second!.callId).toBe(first!.callId);
    expect(second!.from.tag).toBe(first!.from.tag);
    expect(second!.to.toString()).toBe('<sip:1002@127.0.0.1>');
    expect(second!.cseq).toEqual({ seq: first!.cseq.seq + 1, method: 'INVITE' });
    expect(second!.via[0]!.branch).not.toBe(first!.via[0]!.branch);
    expect(second!.body).toBe(first!.body);
    expect(second!.has('Subject')).toBe(false);
    // The ACK for the 302 comes from the INVITE transaction, on its branch (§17.1.1.3).
    const [ack] = far.requests('ACK');
    expect(ack!.via[0]!.branch).toBe(first!.via[0]!.branch);
    expect(ack!.cseq).toEqual({ seq: first!.cseq.seq, method: 'ACK' });
    expect(call.remote).toEqual({ uri: 'sip:1003@127.0.0.1', user: '1003' });
    expect(events).toEqual(['state early', 'progress 180 Ringing', 'ringback true', 'ringback false', 'progress 302 Moved Temporarily']);
    await answer('1003', 180);
    expect(alice.engine.tone).toBe('ringback');
    await answer('1003', 200, { body: ANSWER_SDP });
    expect(call.state).toBe('established');
    expect(invites('1002')).toHaveLength(1);
    expect(alice.engine.lastSession.calls).toEqual(['createOffer sendrecv', 'setRemoteAnswer']);
  });

  it('connects a call forwarded to a real phone, which answers as usual', async () => {
    const { pbx, clock, call, moved } = await redirectedCall();
    const bob = phoneOn(pbx, clock, '1001');
    await settle(clock);
    await moved('1002', 301, 'Bob <sip:1001@127.0.0.1>');
    expect(bob.ringing.state).toBe('incoming');
    await bob.ringing.answer();
    await settle(clock);
    expect(call.state).toBe('established');
    expect(call.remote.uri).toBe('sip:1001@127.0.0.1');
    // One ACK for the 301 (to 1002), one for Bob's 200 (to his Contact).
    expect(pbx.requests('ACK').map((ack) => ack.uri.user === '1002')).toEqual([true, false]);
    expect(bob.ringing.state).toBe('established');
  });

  it('tries the Contacts of a 300 by q: when the preferred one fails, the next one', async () => {
    const { call, at, invites, answer, moved } = await redirectedCall('1003', '1004');
    await moved('1002', 300, '<sip:1003@127.0.0.1>;q=0.5, <sip:1004@127.0.0.1>;q=0.9');
    expect(invites('1003')).toHaveLength(0);
    await answer('1004', 404);
    expect(at('1004').phone.requests('ACK')).toHaveLength(1);
    expect(call.remote.user).toBe('1003');
    expect(invites('1003')[0]!.cseq.seq).toBe(invites('1002')[0]!.cseq.seq + 2);
    await answer('1003', 200, { body: ANSWER_SDP });
    expect(call.state).toBe('established');
  });

  it('says where the call was sent when no address of a 300 could be reached', async () => {
    const { call, answer, moved } = await redirectedCall('1003', '1004');
    await moved('1002', 300, '<sip:1004@127.0.0.1>, <sip:1003@127.0.0.1>');
    await answer('1004', 486);
    await answer('1003', 480);
    expect(call.end).toEqual({
      originator: 'remote',
      cause: 'unavailable',
      status: 480,
      reason: 'Temporarily Unavailable',
      message: 'Call failed: the far end redirected the call to sip:1003@127.0.0.1, which could not be reached',
    });
  });

  it('keeps the message of a redirected address that was reached but busy', async () => {
    const { call, answer, moved } = await redirectedCall('1003');
    await moved('1002', 302, '<sip:1003@127.0.0.1>');
    await answer('1003', 486);
    expect(call.end).toMatchObject({ cause: 'busy', status: 486, message: 'Busy' });
  });

  it('ends at a 6xx from a redirected address without trying the other Contacts', async () => {
    const { call, invites, answer, moved } = await redirectedCall('1003', '1004');
    await moved('1002', 300, '<sip:1003@127.0.0.1>, <sip:1004@127.0.0.1>');
    await answer('1003', 603);
    expect(call.end).toMatchObject({ cause: 'declined', status: 603 });
    expect(invites('1004')).toHaveLength(0);
  });

  it('stops a redirect loop at the address it already tried', async () => {
    const { call, invites, moved } = await redirectedCall('1003');
    await moved('1002', 302, '<sip:1003@127.0.0.1>');
    await moved('1003', 302, '<sip:1002@127.0.0.1;transport=ws>');
    expect(invites('1002')).toHaveLength(1);
    expect(call.end).toEqual({
      originator: 'remote',
      cause: 'failed',
      status: 302,
      reason: 'Moved Temporarily',
      message: 'Call failed: the far end redirected the call to sip:1002@127.0.0.1;transport=ws, which could not be reached',
    });
  });

  it(`gives up after ${MAX_REDIRECTS} redirects through ever-new addresses`, async () => {
    const chain = ['1003', '1004', '1005', '1006', '1007', '1008'];
    const { call, invites, moved } = await redirectedCall(...chain);
    await moved('1002', 302, '<sip:1003@127.0.0.1>');
    for (let i = 0; i < chain.length - 1; i++) await moved(chain[i]!, 302, `<sip:${chain[i + 1]}@127.0.0.1>`);
    expect(chain.map((user) => invites(user).length)).toEqual([1, 1, 1, 1, 1, 0]);
    expect(call.end).toMatchObject({ cause: 'failed', status: 302, message: `Call failed: too many redirects (${MAX_REDIRECTS} addresses tried)` });
  });

  it.each([
    [305, 'Use Proxy'],
    [380, 'Alternative Service'],
  ])('does not follow a %i but fails with it', async (status, reason) => {
    const { call, pbx, moved } = await redirectedCall('1003');
    await moved('1002', status, '<sip:1003@127.0.0.1>');
    expect(pbx.requests('INVITE')).toHaveLength(1);
    expect(call.end).toEqual({ originator: 'remote', cause: 'failed', status, reason, message: `Call failed: ${status} ${reason}` });
  });

  it.each([
    ['no Contact', undefined],
    ['only addresses we cannot call', '<mailto:desk@127.0.0.1>, <http://127.0.0.1/moved>'],
    ['a malformed Contact', '<sip:1003@127.0.0.1'],
  ])('ends a 302 with %s as moved with no usable address', async (_, contact) => {
    const { call, pbx, answer } = await redirectedCall();
    await answer('1002', 302, contact === undefined ? {} : { headers: [['Contact', contact]] });
    expect(pbx.requests('INVITE')).toHaveLength(1);
    expect(call.end).toMatchObject({ cause: 'failed', status: 302, message: 'Call failed: the far end moved the call with no usable address' });
  });

  it('maps a tel: Contact to a number in our domain', async () => {
    const { pbx, moved } = await redirectedCall();
    await moved('1002', 302, '<tel:+15550100>');
    expect(pbx.requests('INVITE').at(-1)!.uri.toString()).toBe('sip:+15550100@127.0.0.1;user=phone');
  });

  it('cancels the redirected INVITE, not the first one, when hung up while the new address rings', async () => {
    const { call, events, far, clock, at, invites, answer, moved } = await redirectedCall('1003');
    await moved('1002', 302, '<sip:1003@127.0.0.1>');
    call.hangup();
    await settle(clock);
    // §9.1: no CANCEL before a provisional response.
    expect(at('1003').phone.requests('CANCEL')).toHaveLength(0);
    await answer('1003', 180);
    const [cancel] = at('1003').phone.requests('CANCEL');
    const redirected = invites('1003')[0]!;
    expect(cancel!.via[0]!.branch).toBe(redirected.via[0]!.branch);
    expect(cancel!.cseq).toEqual({ seq: redirected.cseq.seq, method: 'CANCEL' });
    expect(cancel!.uri.toString()).toBe('sip:1003@127.0.0.1');
    expect(far.requests('CANCEL')).toHaveLength(0);
    at('1003').uas.respond(cancel!, 200);
    await answer('1003', 487);
    expect(call.end).toMatchObject({ originator: 'local', cause: 'cancelled' });
    expect(events.slice(-2)).toEqual(['state ended', 'ended cancelled']);
  });

  it('answers a 401 challenge to the redirected INVITE with credentials for the new address', async () => {
    const { call, invites, answer, moved } = await redirectedCall('1003');
    await moved('1002', 302, '<sip:1003@127.0.0.1>');
    await answer('1003', 401, { headers: [CHALLENGE] });
    const [redirected, authorized] = invites('1003');
    expect(authorized!.get('Authorization')).toContain('uri="sip:1003@127.0.0.1"');
    expect(authorized!.callId).toBe(redirected!.callId);
    expect(authorized!.cseq.seq).toBe(redirected!.cseq.seq + 1);
    await answer('1003', 200, { body: ANSWER_SDP });
    expect(call.state).toBe('established');
  });

  it('answers a proxy 407 to the redirected INVITE and reaches the new address', async () => {
    const { pbx, clock, call, moved } = await redirectedCall();
    const bob = phoneOn(pbx, clock, '1001');
    await settle(clock);
    pbx.challengeInvites = true;
    await moved('1002', 302, '<sip:1001@127.0.0.1>');
    const [challenged, authorized] = pbx.requests('INVITE').filter((invite) => invite.uri.user === '1001');
    expect(pbx.responses('INVITE', 407)).toHaveLength(1);
    expect(challenged!.has('Proxy-Authorization')).toBe(false);
    expect(authorized!.get('Proxy-Authorization')).toContain('uri="sip:1001@127.0.0.1"');
    await bob.ringing.answer();
    await settle(clock);
    expect(call.state).toBe('established');
  });

  it('moves on to the next address when a redirected INVITE gets no answer within Timer B', async () => {
    const { call, clock, invites, answer, moved } = await redirectedCall('1003', '1004');
    await moved('1002', 300, '<sip:1003@127.0.0.1>, <sip:1004@127.0.0.1>');
    await elapse(clock, 32_500, 500);
    expect(invites('1004')).toHaveLength(1);
    expect(call.state).toBe('calling');
    await answer('1004', 200, { body: ANSWER_SDP });
    expect(call.state).toBe('established');
  });

  it('does not follow a 3xx that answers an INVITE we are cancelling', async () => {
    const { call, clock, invites, moved } = await redirectedCall('1003');
    call.hangup();
    await settle(clock);
    await moved('1002', 302, '<sip:1003@127.0.0.1>');
    expect(invites('1003')).toHaveLength(0);
    expect(call.end).toMatchObject({ originator: 'local', cause: 'cancelled' });
  });

  it('sends a delayed-offer call on without SDP and answers the new address offer in the ACK', async () => {
    const h = await aliceCallsScripted({ media: { delayedOffer: true } });
    const fwd = h.pbx.scriptedPhone('1003');
    const uas = new ScriptedCall(fwd);
    await h.respond(302, { headers: [['Contact', '<sip:1003@127.0.0.1>']] });
    const [redirected] = fwd.requests('INVITE');
    expect(redirected!.body).toBe('');
    uas.respond(redirected!, 200, { body: fixture('sdp/chrome-156-offer.sdp') });
    await settle(h.clock);
    expect(fwd.requests('ACK')[0]!.body).toMatch(/^m=audio/m);
    expect(h.call.state).toBe('established');
  });
});

import { describe, expect, it } from 'vitest';
import { ACK_WAIT, type SipResponse } from '../../../src/sip';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx, type ScriptedPhone } from '../support/loopback-pbx';
import { elapse, phoneOn, settle, type PhoneOptions } from './call-harness';
import { fixture, ScriptedCall, type ScriptedRequest } from './scripted-call';

const CHROME_OFFER = fixture('sdp/chrome-156-offer.sdp');
const G729_OFFER = fixture('sdp/g729-only-offer.sdp');

/** Bob (a real UA) is called by 1002, a scripted phone; the INVITE has been delivered. */
async function scriptedCallsBob(invite: ScriptedRequest = { body: CHROME_OFFER }, options: PhoneOptions = {}) {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const bob = phoneOn(pbx, clock, '1001', options);
  const far = pbx.scriptedPhone('1002');
  const caller = new ScriptedCall(far);
  await settle(clock);
  caller.sendInvite(invite);
  await settle(clock);
  const responses = (status?: number): SipResponse[] => far.responses('INVITE').filter((r) => status === undefined || r.status === status);
  return { clock, pbx, bob, far, caller, responses, events: () => bob.events.get(bob.ringing)! };
}

/** A captured CUCM message moved onto the loopback: CUCM's address becomes the scripted phone's host. */
function fromCucm(name: string, requestUri: string, toTag?: string): string {
  let text = fixture(`sip/${name}`)
    .replace(/^(INVITE|ACK|BYE) sip:10001@192\.168\.80\.11:50952;ob SIP\/2\.0/, `$1 ${requestUri} SIP/2.0`)
    .replaceAll('192.168.80.100:5060', 'cucm.invalid');
  if (toTag) text = text.replace('tag=5613b666f44041689c0c96620ef7e026', `tag=${toTag}`);
  return text;
}

function lastResponse(phone: ScriptedPhone, method: string, status: number): SipResponse {
  const response = phone.responses(method).filter((r) => r.status === status).at(-1);
  if (!response) throw new Error(`no ${status} to ${method}`);
  return response;
}

describe('incoming calls', () => {
  it('rings at once with 180 Ringing carrying our To tag and Contact, and gets the media ready with the microphone closed', async () => {
    const { bob, responses, events } = await scriptedCallsBob({ body: CHROME_OFFER, headers: ['Record-Route: <sip:127.0.0.1:5070;transport=ws;lr>'] });
    const [ringing] = responses();
    expect(responses().map((r) => r.status)).toEqual([180]);
    expect(ringing!.to.tag).toMatch(/^[0-9a-f]{16}$/);
    expect(ringing!.contact[0]!.uri.host).toMatch(/\.invalid$/);
    expect(ringing!.getAll('Record-Route')).toEqual(['<sip:127.0.0.1:5070;transport=ws;lr>']);
    const call = bob.ringing;
    expect(call.direction).toBe('incoming');
    expect(call.state).toBe('incoming');
    expect(call.remote).toEqual({ uri: 'sip:1002@127.0.0.1', user: '1002' });
    expect(bob.engine.lastSession.calls).toEqual(['prepareAnswer']);
    // Nobody has answered: the microphone must not listen yet.
    expect(bob.engine.lastSession.microphoneOpen).toBe(false);
    expect(events()).toEqual([]);
  });

  it('shows the identity in P-Asserted-Identity rather than From', async () => {
    const { bob } = await scriptedCallsBob({ body: CHROME_OFFER, headers: ['P-Asserted-Identity: "Alice Smith" <sip:+15550100@127.0.0.1>'] });
    expect(bob.ringing.remote).toEqual({ uri: 'sip:+15550100@127.0.0.1', user: '+15550100', displayName: 'Alice Smith' });
  });

  it('answers with a 200 carrying the SDP answer, re-sent until the ACK arrives', async () => {
    const { clock, bob, caller, responses, events } = await scriptedCallsBob();
    clock.advance(2000);
    await bob.ringing.answer();
    await settle(clock);
    const [ok] = responses(200);
    expect(ok!.contentType).toBe('application/sdp');
    expect(ok!.body).toMatch(/^a=sendrecv/m);
    expect(ok!.to.tag).toBe(responses(180)[0]!.to.tag);
    expect(ok!.contact).toHaveLength(1);
    expect(bob.ringing.state).toBe('established');
    expect(bob.ringing.startedAt).toBe(2000);
    await elapse(clock, 1600);
    expect(responses(200)).toHaveLength(3);
    caller.learnDialog();
    caller.sendAck();
    await elapse(clock, 10_000, 500);
    expect(responses(200)).toHaveLength(3);
    expect(events()).toEqual(['state established']);
    expect(bob.engine.lastSession.calls).toEqual(['prepareAnswer', 'createAnswer sendrecv']);
    expect(bob.engine.lastSession.microphoneOpen).toBe(true);
  });

  it('hangs up with a BYE and ends failed when no ACK comes within 64·T1', async () => {
    const { clock, bob, far, caller } = await scriptedCallsBob();
    await bob.ringing.answer();
    await elapse(clock, ACK_WAIT - 100, 500);
    expect(far.requests('BYE')).toHaveLength(0);
    await elapse(clock, 100);
    const bye = far.requests('BYE')[0]!;
    caller.respond(bye, 200);
    await settle(clock);
    expect(bob.ringing.end).toEqual({ originator: 'system', cause: 'failed', message: 'Call failed: the far end never confirmed the answer (no ACK)' });
  });

  it.each([
    [603, 'declined', 'Declined'],
    [486, 'busy', 'Rejected as busy'],
  ] as const)('declines with %i and ends %s', async (status, cause, message) => {
    const { clock, bob, responses, events } = await scriptedCallsBob();
    bob.ringing.decline(status);
    await settle(clock);
    expect(responses().map((r) => r.status)).toEqual([180, status]);
    expect(bob.ringing.end).toMatchObject({ originator: 'local', cause, status, message });
    expect(events()).toEqual(['state ended', `ended ${cause} ${status}`]);
    expect(bob.engine.lastSession.calls.at(-1)).toBe('close');
  });

  it('declines with 603 when hung up while ringing', async () => {
    const { clock, bob, responses } = await scriptedCallsBob();
    bob.ringing.hangup();
    await settle(clock);
    expect(responses().map((r) => r.status)).toEqual([180, 603]);
  });

  it('answers a CANCEL with 487 to the INVITE and ends cancelled by the caller', async () => {
    const { clock, bob, far, caller, responses, events } = await scriptedCallsBob();
    caller.sendCancel();
    await settle(clock);
    expect(far.responses('CANCEL').map((r) => r.status)).toEqual([200]);
    expect(responses().map((r) => r.status)).toEqual([180, 487]);
    expect(events()).toEqual(['state ended', 'ended cancelled']);
    expect(bob.ringing.end).toEqual({ originator: 'remote', cause: 'cancelled', message: 'Missed call: the caller hung up' });
  });

  it('reads a CANCEL with "Reason: SIP;cause=200" as answered elsewhere', async () => {
    const { clock, bob, caller } = await scriptedCallsBob();
    caller.sendCancel(['Reason: SIP;cause=200;text="Call completed elsewhere"']);
    await settle(clock);
    expect(bob.ringing.end).toMatchObject({ originator: 'remote', cause: 'answered-elsewhere', message: 'Answered elsewhere' });
  });

  it('ignores answer() once the caller has cancelled', async () => {
    const { clock, bob, caller, responses } = await scriptedCallsBob();
    caller.sendCancel();
    await settle(clock);
    await bob.ringing.answer();
    await settle(clock);
    expect(responses().map((r) => r.status)).toEqual([180, 487]);
  });

  it('refuses a G.729-only offer with 488 and a Warning naming the codec, and ends no-common-codec', async () => {
    const { bob, responses, events } = await scriptedCallsBob({ body: G729_OFFER });
    const [refusal] = responses();
    expect(responses().map((r) => r.status)).toEqual([488]);
    // The SDP module may append a remedy (a transcoding gateway) after the codec list.
    expect(refusal!.get('Warning')).toMatch(new RegExp(`^305 ${bob.ua.transport.viaHost} "no common codec: the far end offers only G\\.729 without Annex B[^"]*"$`));
    expect(events()).toEqual(['state ended', 'ended no-common-codec 488']);
    expect(bob.ringing.end?.message).toMatch(/^no common codec: the far end offers only G\.729 without Annex B/);
  });

  it('refuses an INVITE whose body is not SDP with 415 and no call', async () => {
    const { responses, bob } = await scriptedCallsBob({ body: 'hello', contentType: 'text/plain' });
    expect(responses()[0]).toMatchObject({ status: 415 });
    expect(responses()[0]!.get('Accept')).toBe('application/sdp');
    expect(bob.incoming).toHaveLength(0);
  });

  it('takes the CUCM delayed offer: our offer in the 200, CUCM’s answer in the ACK, then CUCM’s BYE', async () => {
    const clock = new FakeClock();
    const pbx = new LoopbackPbx(clock);
    const bob = phoneOn(pbx, clock, '1001');
    const cucm = pbx.scriptedPhone('cucm', 'cucm.invalid');
    await settle(clock);
    cucm.send(fromCucm('cucm-invite-delayed-offer.sip', 'sip:1001@127.0.0.1'));
    await settle(clock);
    const call = bob.ringing;
    expect(call.remote).toEqual({ uri: 'sip:192.168.80.100' });
    expect(bob.engine.lastSession.calls).toEqual([]);
    expect(bob.engine.lastSession.microphoneOpen).toBe(false);
    await call.answer();
    await settle(clock);
    const ok = lastResponse(cucm, 'INVITE', 200);
    expect(ok.contentType).toBe('application/sdp');
    expect(ok.body).toMatch(/^m=audio /m);
    expect(bob.engine.lastSession.calls).toEqual(['createOffer sendrecv']);
    const contact = ok.contact[0]!.uri.toString();
    cucm.send(fromCucm('cucm-ack-answer.sip', contact, ok.to.tag));
    await settle(clock);
    expect(bob.engine.lastSession.calls).toEqual(['createOffer sendrecv', 'setRemoteAnswer']);
    expect(bob.engine.lastSession.remoteDirection).toBe('sendrecv');
    expect(call.state).toBe('established');
    await elapse(clock, 5000, 500);
    expect(cucm.responses('INVITE').filter((r) => r.status === 200)).toHaveLength(1);
    cucm.send(fromCucm('cucm-bye.sip', contact, ok.to.tag));
    await settle(clock);
    expect(lastResponse(cucm, 'BYE', 200).cseq.seq).toBe(102);
    expect(call.end).toMatchObject({ originator: 'remote', cause: 'hangup' });
  });

  it('hangs up with a BYE and ends failed when the ACK to our delayed-offer 200 has no SDP', async () => {
    const { clock, bob, far, caller } = await scriptedCallsBob({});
    await bob.ringing.answer();
    await settle(clock);
    caller.learnDialog();
    caller.sendAck();
    await settle(clock);
    const bye = far.requests('BYE')[0]!;
    expect(bye.to.tag).toBe(caller.fromTag);
    caller.respond(bye, 200);
    await settle(clock);
    expect(bob.ringing.end).toMatchObject({ cause: 'failed', message: 'Call failed: the caller sent no SDP answer in its ACK' });
  });

  it('answers 480 and ends microphone-blocked when the microphone is refused at Answer', async () => {
    const { clock, bob, responses } = await scriptedCallsBob();
    bob.engine.microphoneFailure = 'microphone-denied';
    await bob.ringing.answer();
    await settle(clock);
    expect(responses().map((r) => r.status)).toEqual([180, 480]);
    expect(bob.ringing.end).toEqual({ originator: 'system', cause: 'microphone-blocked', message: 'microphone blocked' });
  });

  it('can be answered from inside the incomingCall listener', async () => {
    const clock = new FakeClock();
    const pbx = new LoopbackPbx(clock);
    const bob = phoneOn(pbx, clock, '1001');
    bob.ua.on('incomingCall', (call) => void call.answer());
    const caller = new ScriptedCall(pbx.scriptedPhone('1002'));
    await settle(clock);
    caller.sendInvite({ body: CHROME_OFFER });
    await settle(clock);
    expect(caller.phone.responses('INVITE').map((r) => r.status)).toEqual([180, 200]);
  });

  it('answers the INVITE retransmission with the 180 again', async () => {
    const { clock, far, caller, responses } = await scriptedCallsBob();
    far.send(caller.invite!.toString());
    await settle(clock);
    expect(responses().map((r) => r.status)).toEqual([180, 180]);
    expect(responses()[1]!.to.tag).toBe(responses()[0]!.to.tag);
  });
});

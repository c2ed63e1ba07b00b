import { parse } from 'sdp-transform';
import { describe, expect, it } from 'vitest';
import { glareRetryDelay } from '../../../src/sip';
import { FAKE_BROWSER_CODECS } from '../support/fake-media-engine';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';
import { elapse, establishedCall, phoneOn, recordEvents, settle, type PhoneOptions } from './call-harness';
import { scriptedRingsBob } from './call-to-scripted';
import { fixture, ScriptedCall } from './scripted-call';

const CHROME_OFFER = fixture('sdp/chrome-156-offer.sdp');
const ANSWER_SDP = fixture('sdp/microsip-answer.sdp');
const C0_HOLD_OFFER = fixture('sdp/hold-c0-offer.sdp');

/** The a= direction of the first m= line of an SDP body. */
function directionOf(sdp: string): string | undefined {
  return parse(sdp).media[0]?.direction;
}

function originVersion(sdp: string): string {
  return String(parse(sdp).origin?.sessionVersion);
}

/** 1002 (scripted) called Bob, Bob answered and the ACK came: a call the test drives from the far end. */
async function scriptedCallToBob(options: PhoneOptions = {}, inviteHeaders: string[] = []) {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const bob = phoneOn(pbx, clock, '1001', options);
  const far = pbx.scriptedPhone('1002');
  const caller = new ScriptedCall(far);
  await settle(clock);
  caller.sendInvite({ body: CHROME_OFFER, headers: inviteHeaders });
  await settle(clock);
  const call = bob.ringing;
  await call.answer();
  await settle(clock);
  caller.learnDialog();
  caller.sendAck();
  await settle(clock);
  const events = recordEvents(call);
  /** Bob's final responses to `method`. */
  const answers = (method: string) => far.responses(method).filter((r) => r.status >= 200);
  return { clock, pbx, bob, far, caller, call, events, answers };
}

describe('BYE and in-dialog checks', () => {
  it('hangs up with a BYE, answered 200, and both sides end with hangup', async () => {
    const { clock, pbx, outgoing, incoming } = await establishedCall();
    const events = recordEvents(outgoing);
    outgoing.hangup();
    expect(outgoing.state).toBe('terminating');
    await settle(clock);
    expect(pbx.ladder().slice(-2)).toEqual(['1000 → 1001 BYE', '1001 → 1000 200 OK']);
    expect(events).toEqual(['state terminating', 'state ended', 'ended hangup']);
    expect(outgoing.end).toEqual({ originator: 'local', cause: 'hangup', message: 'Call ended' });
    expect(incoming.end).toEqual({ originator: 'remote', cause: 'hangup', message: 'The other party hung up' });
  });

  it('sends its BYE to the remote target through the route set the INVITE recorded', async () => {
    const { clock, far, call } = await scriptedCallToBob({}, ['Record-Route: <sip:proxy.invalid;transport=ws;lr>']);
    call.hangup();
    await settle(clock);
    const bye = far.requests('BYE')[0]!;
    expect(bye.uri.toString()).toBe('sip:1002@script1002.invalid;transport=ws');
    expect(bye.getAll('Route')).toEqual(['<sip:proxy.invalid;transport=ws;lr>']);
    expect(bye.to.tag).toBe('scripted-tag');
  });

  it('answers an in-dialog request whose CSeq is below the last one with 500', async () => {
    const { clock, caller, answers } = await scriptedCallToBob();
    caller.send('INFO', { cseq: caller.cseq - 1 });
    await settle(clock);
    expect(answers('INFO').map((r) => r.status)).toEqual([500]);
  });

  it('answers a request for a dialog it does not know with 481', async () => {
    const { clock, caller, answers, call } = await scriptedCallToBob();
    caller.remoteTag = 'not-ours';
    caller.send('BYE');
    await settle(clock);
    expect(answers('BYE').map((r) => r.status)).toEqual([481]);
    expect(call.state).toBe('established');
  });

  it('answers a method the call does not take inside its dialog with 405 and Allow', async () => {
    const { clock, caller, answers } = await scriptedCallToBob();
    caller.send('MESSAGE', { body: 'hi', contentType: 'text/plain' });
    await settle(clock);
    const [refusal] = answers('MESSAGE');
    expect(refusal!.status).toBe(405);
    expect(refusal!.allow).toEqual(['INVITE', 'ACK', 'CANCEL', 'BYE', 'INFO', 'UPDATE', 'PRACK', 'REFER', 'NOTIFY', 'OPTIONS']);
  });
});

describe('re-INVITE and UPDATE from the far end', () => {
  it('answers a re-INVITE with SDP in its 200 and sends later requests to its new Contact', async () => {
    const { clock, pbx, caller, answers, call } = await scriptedCallToBob();
    caller.send('INVITE', { body: CHROME_OFFER, contact: '<sip:1002@moved.invalid;transport=ws>' });
    await settle(clock);
    const [, reanswer] = answers('INVITE');
    expect(reanswer!.status).toBe(200);
    expect(reanswer!.body).toMatch(/^m=audio/m);
    caller.sendAck();
    await settle(clock);
    call.hangup();
    await settle(clock);
    expect(pbx.requests('BYE')[0]!.uri.host).toBe('moved.invalid');
  });

  it('gives a valid answer to a re-INVITE that repeats the same SDP and o= version (SIPconnect 2.0 §14.1)', async () => {
    const { clock, caller, answers, bob } = await scriptedCallToBob();
    caller.send('INVITE', { body: CHROME_OFFER });
    await settle(clock);
    const [first, second] = answers('INVITE');
    expect(second!.status).toBe(200);
    expect(second!.body).toBe(first!.body);
    expect(originVersion(second!.body)).toBe(originVersion(first!.body));
    expect(bob.engine.lastSession.calls).toEqual(['prepareAnswer', 'createAnswer sendrecv', 'createAnswer sendrecv']);
  });

  it('puts our offer in the 200 to a re-INVITE without SDP and takes the answer from the ACK', async () => {
    const { clock, caller, answers, bob } = await scriptedCallToBob();
    caller.send('INVITE');
    await settle(clock);
    const [, offer] = answers('INVITE');
    expect(offer!.status).toBe(200);
    expect(directionOf(offer!.body)).toBe('sendrecv');
    caller.sendAck({ body: ANSWER_SDP });
    await settle(clock);
    expect(bob.engine.lastSession.calls.slice(-2)).toEqual(['createOffer sendrecv', 'setRemoteAnswer']);
  });

  it('answers a second re-INVITE while the first is still open with 500 and Retry-After (RFC 3261 §14.2)', async () => {
    const { clock, caller, answers } = await scriptedCallToBob();
    caller.send('INVITE');
    await settle(clock);
    caller.send('INVITE', { body: CHROME_OFFER });
    await settle(clock);
    const refusal = answers('INVITE').at(-1)!;
    expect(refusal.status).toBe(500);
    expect(Number(refusal.get('Retry-After'))).toBeLessThanOrEqual(10);
  });

  it('reads an offer with c=0.0.0.0 as the far end holding us, and its next offer as resuming', async () => {
    const { clock, caller, events, call, answers } = await scriptedCallToBob();
    caller.send('INVITE', { body: C0_HOLD_OFFER });
    await settle(clock);
    caller.sendAck();
    await settle(clock);
    expect(call.hold).toEqual({ local: false, remote: true });
    expect(directionOf(answers('INVITE').at(-1)!.body)).toBe('recvonly');
    caller.send('INVITE', { body: CHROME_OFFER });
    await settle(clock);
    expect(events).toEqual(['hold local=false remote=true', 'hold local=false remote=false']);
  });

  it('answers an UPDATE without SDP with 200, and one with SDP with an answer in its 200', async () => {
    const { clock, caller, answers, bob } = await scriptedCallToBob();
    caller.send('UPDATE');
    await settle(clock);
    caller.send('UPDATE', { body: CHROME_OFFER });
    await settle(clock);
    const [refresh, answer] = answers('UPDATE');
    expect(refresh!.status).toBe(200);
    expect(refresh!.body).toBe('');
    expect(answer!.status).toBe(200);
    expect(answer!.body).toMatch(/^m=audio/m);
    expect(bob.engine.lastSession.calls.at(-1)).toBe('createAnswer sendrecv');
  });
});

describe('hold and resume', () => {
  it('holds with a sendonly re-INVITE and resumes with sendrecv; the far end sees remote hold', async () => {
    const { clock, pbx, outgoing, incoming } = await establishedCall();
    const aliceEvents = recordEvents(outgoing);
    const bobEvents = recordEvents(incoming);
    const held = outgoing.holdCall();
    await settle(clock);
    expect(await held).toBe(true);
    const [initial, hold] = pbx.requests('INVITE');
    expect(directionOf(hold!.body)).toBe('sendonly');
    expect(originVersion(hold!.body)).toBe(String(Number(originVersion(initial!.body)) + 1));
    expect(directionOf(pbx.responses('INVITE', 200).at(-1)!.body)).toBe('recvonly');
    expect(outgoing.hold).toEqual({ local: true, remote: false });
    expect(incoming.hold).toEqual({ local: false, remote: true });
    const resumed = outgoing.resumeCall();
    await settle(clock);
    expect(await resumed).toBe(true);
    expect(directionOf(pbx.requests('INVITE').at(-1)!.body)).toBe('sendrecv');
    expect(aliceEvents).toEqual(['hold local=true remote=false', 'hold local=false remote=false']);
    expect(bobEvents).toEqual(['hold local=false remote=true', 'hold local=false remote=false']);
    expect(pbx.requests('ACK')).toHaveLength(3);
  });

  it('offers inactive to hold a call the far end already holds, and recvonly to resume while still held', async () => {
    const { clock, pbx, outgoing, incoming } = await establishedCall();
    void incoming.holdCall();
    await settle(clock);
    void outgoing.holdCall();
    await settle(clock);
    expect(directionOf(pbx.requests('INVITE').at(-1)!.body)).toBe('inactive');
    expect(outgoing.hold).toEqual({ local: true, remote: true });
    void outgoing.resumeCall();
    await settle(clock);
    expect(directionOf(pbx.requests('INVITE').at(-1)!.body)).toBe('recvonly');
  });

  it('keeps the far end on hold when answering its offers while we hold the call (RFC 6337 §5.2)', async () => {
    const { clock, far, caller, call, answers } = await scriptedCallToBob();
    const held = call.holdCall();
    await settle(clock);
    caller.respond(far.requests('INVITE').at(-1)!, 200, { body: ANSWER_SDP });
    await settle(clock);
    expect(await held).toBe(true);
    caller.send('INVITE', { body: CHROME_OFFER });
    await settle(clock);
    expect(directionOf(answers('INVITE').at(-1)!.body)).toBe('sendonly');
    expect(call.hold).toEqual({ local: true, remote: false });
  });

  it('answers a challenge to its re-INVITE with credentials and the next CSeq', async () => {
    const { clock, far, caller, call } = await scriptedCallToBob();
    const held = call.holdCall();
    await settle(clock);
    const first = far.requests('INVITE').at(-1)!;
    caller.respond(first, 407, { headers: [['Proxy-Authenticate', 'Digest realm="tabphone", nonce="r1", algorithm=MD5, qop="auth"']] });
    await settle(clock);
    const retry = far.requests('INVITE').at(-1)!;
    expect(retry.cseq.seq).toBe(first.cseq.seq + 1);
    expect(retry.get('Proxy-Authorization')).toContain('username="1001"');
    expect(retry.body).toBe(first.body);
    caller.respond(retry, 200, { body: ANSWER_SDP });
    await settle(clock);
    expect(await held).toBe(true);
    expect(far.requests('ACK').at(-1)!.get('Proxy-Authorization')).toBe(retry.get('Proxy-Authorization'));
  });

  it('leaves the hold state as it was when the far end refuses the re-INVITE', async () => {
    const { clock, far, caller, call, bob } = await scriptedCallToBob();
    const held = call.holdCall();
    await settle(clock);
    caller.respond(far.requests('INVITE').at(-1)!, 488);
    await settle(clock);
    expect(await held).toBe(false);
    expect(call.hold).toEqual({ local: false, remote: false });
    expect(call.state).toBe('established');
    expect(bob.engine.lastSession.calls.slice(-2)).toEqual(['createOffer sendonly', 'cancelOffer']);
  });

  it('ends the call with a BYE when its re-INVITE gets 481: the far end lost the dialog', async () => {
    const { clock, far, caller, call } = await scriptedCallToBob();
    const held = call.holdCall();
    await settle(clock);
    caller.respond(far.requests('INVITE').at(-1)!, 481);
    await settle(clock);
    expect(await held).toBe(false);
    caller.respond(far.requests('BYE')[0]!, 200);
    await settle(clock);
    expect(call.end).toMatchObject({ originator: 'system', cause: 'failed', status: 481 });
  });

  it('answers a crossing re-INVITE with 491 and retries after the RFC 3261 §14.1 delay', async () => {
    const { clock, pbx, outgoing, incoming } = await establishedCall();
    const aliceHold = outgoing.holdCall();
    const bobHold = incoming.holdCall();
    await settle(clock);
    const glare = pbx.responses('INVITE', 491);
    expect(glare).toHaveLength(2);
    const refusedAt = pbx.frames.find((f) => f.message === glare[1])!.at;
    await elapse(clock, 4100, 10);
    expect([await aliceHold, await bobHold]).toEqual([true, true]);
    const retries = pbx.frames.filter((f) => f.at > refusedAt && 'method' in f.message && f.message.method === 'INVITE');
    expect(retries.map((f) => f.from)).toEqual(['1001', '1000']);
    // Bob did not send the initial INVITE: 0–2 s; Alice owns the Call-ID: 2.1–4 s.
    expect(retries[0]!.at - refusedAt).toBeLessThanOrEqual(2000);
    expect(retries[1]!.at - refusedAt).toBeGreaterThanOrEqual(2100);
    expect(retries[1]!.at - refusedAt).toBeLessThanOrEqual(4000);
    // Bob held first, so Alice's hold offer is inactive.
    expect(directionOf((retries[1]!.message as { body: string }).body)).toBe('inactive');
    expect(outgoing.hold).toEqual({ local: true, remote: true });
    expect(incoming.hold).toEqual({ local: true, remote: true });
  });
});

describe('DTMF', () => {
  it('sends one INFO per digit with an application/dtmf-relay body, each after the previous was answered', async () => {
    const { clock, pbx, outgoing, incoming } = await establishedCall({ alice: { media: { dtmfMode: 'info' } } });
    const bobEvents = recordEvents(incoming);
    pbx.latency = 20;
    expect(outgoing.sendDtmf('1#')).toBe(true);
    await elapse(clock, 200, 10);
    const infos = pbx.requests('INFO');
    expect(infos.map((i) => i.body)).toEqual(['Signal=1\r\nDuration=160\r\n', 'Signal=#\r\nDuration=160\r\n']);
    expect(infos[0]!.contentType).toBe('application/dtmf-relay');
    expect(pbx.ladder().slice(-4)).toEqual(['1000 → 1001 INFO', '1001 → 1000 200 OK', '1000 → 1001 INFO', '1001 → 1000 200 OK']);
    expect(bobEvents).toEqual(['dtmf 1', 'dtmf #']);
  });

  it('sends DTMF in the media (RFC 4733) when telephone-event was negotiated', async () => {
    const { pbx, outgoing, alice } = await establishedCall();
    expect(outgoing.sendDtmf('5')).toBe(true);
    expect(alice.engine.lastSession.dtmfSent).toEqual(['5']);
    expect(pbx.requests('INFO')).toHaveLength(0);
  });

  it('falls back to INFO when the far end did not negotiate telephone-event, unless RFC 4733 was asked for', async () => {
    const noEvents = FAKE_BROWSER_CODECS.filter((c) => !c.mimeType.endsWith('telephone-event'));
    const auto = await establishedCall({ bob: { codecs: noEvents } });
    expect(auto.outgoing.sendDtmf('9')).toBe(true);
    await settle(auto.clock);
    expect(auto.pbx.requests('INFO').map((i) => i.body)).toEqual(['Signal=9\r\nDuration=160\r\n']);
    const strict = await establishedCall({ alice: { media: { dtmfMode: 'rfc4733' } }, bob: { codecs: noEvents } });
    expect(strict.outgoing.sendDtmf('9')).toBe(false);
  });

  it('refuses DTMF before the call is up and tones that are not DTMF', async () => {
    const { clock, alice, outgoing } = await establishedCall();
    expect(outgoing.sendDtmf('12x')).toBe(false);
    const ringing = alice.ua.call('1001');
    await settle(clock);
    expect(ringing.sendDtmf('1')).toBe(false);
  });

  it('reports digits received in INFO as dtmf-relay or dtmf, answers 200, and refuses other INFO bodies with 415', async () => {
    const { clock, caller, answers, events } = await scriptedCallToBob();
    caller.send('INFO', { body: 'Signal=5\r\nDuration=160\r\n', contentType: 'application/dtmf-relay' });
    caller.send('INFO', { body: 'Signal=11\r\nDuration=100\r\n', contentType: 'application/dtmf-relay' });
    caller.send('INFO', { body: '7', contentType: 'application/dtmf' });
    caller.send('INFO');
    caller.send('INFO', { body: '<xml/>', contentType: 'application/media_control+xml' });
    await settle(clock);
    expect(answers('INFO').map((r) => r.status)).toEqual([200, 200, 200, 200, 415]);
    expect(answers('INFO')[4]!.get('Accept')).toBe('application/dtmf-relay, application/dtmf');
    expect(events).toEqual(['dtmf 5', 'dtmf #', 'dtmf 7']);
  });
});

describe('mute and media', () => {
  it('mutes the microphone through the media session and reports it once per change', async () => {
    const { outgoing, alice } = await establishedCall();
    const events = recordEvents(outgoing);
    outgoing.setMuted(true);
    outgoing.setMuted(true);
    expect(outgoing.muted).toBe(true);
    expect(alice.engine.lastSession.muted).toBe(true);
    expect(events).toEqual(['muted true']);
  });

  it('hangs up with media-failed when ICE fails during the call', async () => {
    const { clock, outgoing, incoming, alice } = await establishedCall();
    alice.engine.lastSession.fail();
    await settle(clock);
    expect(outgoing.end).toEqual({ originator: 'system', cause: 'media-failed', message: 'no media path to the far end (ICE failed)' });
    expect(incoming.end).toMatchObject({ originator: 'remote', cause: 'hangup' });
  });
});

describe('glare back-off', () => {
  it('draws 2.1–4 s in 10 ms steps for the Call-ID owner and 0–2 s for the other side', () => {
    const random = { bytes: (n: number) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256)) };
    const owner = Array.from({ length: 2000 }, () => glareRetryDelay(random, true));
    const other = Array.from({ length: 2000 }, () => glareRetryDelay(random, false));
    expect(Math.min(...owner)).toBeGreaterThanOrEqual(2100);
    expect(Math.max(...owner)).toBeLessThanOrEqual(4000);
    expect(Math.max(...other)).toBeLessThanOrEqual(2000);
    expect(Math.min(...other)).toBeGreaterThanOrEqual(0);
    expect([...owner, ...other].every((d) => d % 10 === 0)).toBe(true);
    expect(new Set(owner).size).toBeGreaterThan(100);
  });

  it('waits exactly 2.1 s, or no time at all, on the lowest draw', () => {
    const fixed = (value: number) => ({ bytes: (n: number) => new Uint8Array(n).fill(value) });
    expect(glareRetryDelay(fixed(0), true)).toBe(2100);
    expect(glareRetryDelay(fixed(0), false)).toBe(0);
  });
});

describe('BYE after answering', () => {
  it('waits for the ACK of its 200 before sending BYE (RFC 3261 §15)', async () => {
    const { clock, bob, far, caller } = await scriptedRingsBob();
    const call = bob.ringing;
    await call.answer();
    call.hangup();
    await settle(clock);
    expect(call.state).toBe('terminating');
    expect(far.requests('BYE')).toHaveLength(0);
    caller.learnDialog();
    caller.sendAck();
    await settle(clock);
    caller.respond(far.requests('BYE')[0]!, 200);
    await settle(clock);
    expect(call.end).toMatchObject({ originator: 'local', cause: 'hangup' });
  });
});

import { describe, expect, it } from 'vitest';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';
import { establishedCall, phoneOn, settle } from './call-harness';
import { fixture, ScriptedCall, sipText } from './scripted-call';

async function bobAndScripted(withMedia: boolean) {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const bob = phoneOn(pbx, clock, '1001', withMedia ? {} : { ua: { media: undefined } });
  const far = pbx.scriptedPhone('1002');
  await settle(clock);
  return { clock, pbx, bob, far };
}

function options(): string {
  return sipText([
    'OPTIONS sip:1001@127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/WS script1002.invalid;branch=z9hG4bKoptions1',
    'Max-Forwards: 70',
    'From: <sip:1002@127.0.0.1>;tag=o1',
    'To: <sip:1001@127.0.0.1>',
    'Call-ID: options-1',
    'CSeq: 1 OPTIONS',
  ]);
}

describe('calls in the user agent', () => {
  it('announces INVITE and its in-dialog methods in Allow, and SDP, INFO DTMF and sipfrag in Accept', async () => {
    const { clock, far } = await bobAndScripted(true);
    far.send(options());
    await settle(clock);
    const [ok] = far.responses('OPTIONS');
    expect(ok!.allow).toEqual(['INVITE', 'ACK', 'CANCEL', 'BYE', 'INFO', 'UPDATE', 'PRACK', 'REFER', 'NOTIFY', 'OPTIONS']);
    expect(ok!.getAll('Accept')).toEqual(['application/sdp', 'application/dtmf-relay', 'application/dtmf', 'message/sipfrag']);
  });

  it('takes no calls without media: INVITE gets 405 and call() is a programming error', async () => {
    const { clock, far, bob } = await bobAndScripted(false);
    new ScriptedCall(far).sendInvite({ body: fixture('sdp/chrome-156-offer.sdp') });
    await settle(clock);
    const [refusal] = far.responses('INVITE');
    expect(refusal!.status).toBe(405);
    expect(refusal!.allow).toEqual(['OPTIONS']);
    expect(() => bob.ua.call('1002')).toThrow(/needs UserAgentOptions.media/);
  });

  it('hangs up every call before it unregisters on stop()', async () => {
    const { clock, pbx, alice, outgoing, incoming } = await establishedCall();
    const stopped = alice.ua.stop();
    await settle(clock);
    await stopped;
    const ladder = pbx.ladder();
    expect(ladder.indexOf('1000 → 1001 BYE')).toBeLessThan(ladder.lastIndexOf('pbx → 1000 200 OK'));
    expect(outgoing.end?.cause).toBe('hangup');
    expect(incoming.end?.originator).toBe('remote');
  });
});

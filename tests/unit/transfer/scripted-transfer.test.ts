import { describe, expect, it } from 'vitest';
import { FIRST_NOTIFY_WAIT } from '../../../src/sip/ua/transfer/refer-sender';
import { elapse, settle } from '../call/call-harness';
import { scriptedCallsBob, scriptedRingsBob } from '../call/call-to-scripted';
import { fixture, ScriptedCall } from '../call/scripted-call';

const CHROME_OFFER = fixture('sdp/chrome-156-offer.sdp');

/** Bob transfers the scripted caller to 1003; the far end refuses to be held (488), so the REFER follows at once. */
async function bobTransfers(h: Awaited<ReturnType<typeof scriptedCallsBob>>) {
  const done = h.call.transfer('1003');
  await settle(h.clock);
  h.caller.respond(h.far.requests('INVITE').at(-1)!, 488);
  await settle(h.clock);
  const refer = h.far.requests('REFER').at(-1)!;
  return { done, refer };
}

describe('transfers against a far end written by hand', () => {
  it('takes a 2xx with Refer-Sub: false as success: no NOTIFY will come (RFC 4488)', async () => {
    const h = await scriptedCallsBob([], );
    const { done, refer } = await bobTransfers(h);
    h.caller.respond(refer, 202, { headers: [['Refer-Sub', 'false']] });
    await settle(h.clock);
    expect(await done).toMatchObject({ state: 'succeeded', message: 'Transferred (the other party reports no progress)' });
    const [bye] = h.far.requests('BYE');
    h.caller.respond(bye!, 200);
    await settle(h.clock);

    expect(h.call.end?.cause).toBe('transferred');
  });

  it('counts a far end that answers 202 and hangs up without NOTIFY, as CUCM does, as transferred', async () => {
    const h = await scriptedCallsBob([], );
    const { done, refer } = await bobTransfers(h);
    h.caller.respond(refer, 202);
    await settle(h.clock);
    h.caller.send('BYE');
    await settle(h.clock);

    expect(await done).toMatchObject({ state: 'succeeded', message: 'Transferred (the other party hung up)' });
    expect(h.call.end).toMatchObject({ originator: 'remote', cause: 'hangup' });
  });

  it('gives up and keeps the call when no NOTIFY arrives within 64·T1 of the 202 (RFC 6665 §4.1.2.4)', async () => {
    const h = await scriptedCallsBob([], );
    const { done, refer } = await bobTransfers(h);
    h.caller.respond(refer, 202);
    await settle(h.clock);
    await elapse(h.clock, FIRST_NOTIFY_WAIT, 1000);

    expect(await done).toMatchObject({ state: 'failed', message: 'Transfer failed: the other party never reported progress' });
    expect(h.call.state).toBe('established');
  });

  it('reports a REFER the far end cannot handle', async () => {
    const h = await scriptedCallsBob([], );
    const { done, refer } = await bobTransfers(h);
    h.caller.respond(refer, 405);
    await settle(h.clock);

    expect(await done).toMatchObject({ state: 'failed', status: 405, message: 'Transfer failed: the other party cannot transfer calls' });
  });

  it('answers a NOTIFY of another event package 489 and one outside any transfer 481', async () => {
    const h = await scriptedCallsBob([], );
    h.caller.send('NOTIFY', { headers: ['Event: dialog', 'Subscription-State: active'] });
    h.caller.send('NOTIFY', { headers: ['Event: refer', 'Subscription-State: active'], contentType: 'message/sipfrag', body: 'SIP/2.0 100 Trying\r\n' });
    await settle(h.clock);

    expect(h.far.responses('NOTIFY').map((r) => r.status)).toEqual([489, 481]);
  });

  it('accepts a REFER that asks for no subscription with Refer-Sub: false and sends no NOTIFY', async () => {
    const h = await scriptedCallsBob([], );
    h.caller.send('REFER', { headers: ['Refer-To: <sip:1003@127.0.0.1>', 'Refer-Sub: false', 'Supported: norefersub'] });
    await settle(h.clock);

    const [accepted] = h.far.responses('REFER');
    expect(accepted!.status).toBe(202);
    expect(accepted!.get('Refer-Sub')).toBe('false');
    expect(h.pbx.requests('INVITE').at(-1)!.uri.toString()).toBe('sip:1003@127.0.0.1');
    expect(h.far.requests('NOTIFY')).toHaveLength(0);
  });

  it('reports the new call’s failure in the final NOTIFY', async () => {
    const h = await scriptedCallsBob([], );
    h.caller.send('REFER', { headers: ['Refer-To: <sip:1003@127.0.0.1>', 'Referred-By: <sip:1002@127.0.0.1>'] });
    await settle(h.clock);

    h.caller.respond(h.far.requests('NOTIFY')[0]!, 200);
    await settle(h.clock);

    // 1003 exists but is not registered: the PBX answers 480.
    const notifies = h.far.requests('NOTIFY');
    expect(notifies.map((n) => n.body.trim())).toEqual(['SIP/2.0 100 Trying', 'SIP/2.0 480 Temporarily Unavailable']);
    expect(notifies.at(-1)!.get('Subscription-State')).toBe('terminated;reason=noresource');
    expect(h.call.state).toBe('established');
  });

  it('calls a tel: Refer-To in our domain', async () => {
    const h = await scriptedCallsBob([], );
    h.caller.send('REFER', { headers: ['Refer-To: <tel:+15550100>'] });
    await settle(h.clock);

    expect(h.far.responses('REFER')[0]!.status).toBe(202);
    expect(h.pbx.requests('INVITE').at(-1)!.uri.toString()).toBe('sip:+15550100@127.0.0.1;user=phone');
  });

  it('answers a REFER without Refer-To 400 and one with two 400', async () => {
    const h = await scriptedCallsBob([], );
    h.caller.send('REFER');
    await settle(h.clock);
    h.caller.send('REFER', { headers: ['Refer-To: <sip:1003@127.0.0.1>', 'Refer-To: <sip:1004@127.0.0.1>'] });
    await settle(h.clock);

    expect(h.far.responses('REFER').map((r) => r.status)).toEqual([400, 400]);
  });
});

describe('an INVITE with Replaces', () => {
  function replacer(h: Awaited<ReturnType<typeof scriptedCallsBob>>, replaces: string) {
    const invite = new ScriptedCall(h.far, 'sip:1001@127.0.0.1', 'replacer');
    invite.sendInvite({ body: CHROME_OFFER, headers: [`Replaces: ${replaces}`] });
    return invite;
  }

  it('takes over the call it names: answered at once, without ringing, and the old call gets a BYE', async () => {
    const replacingCalls: string[] = [];
    const h = await scriptedCallsBob([], );
    h.bob.ua.on('replacingCall', (call, replaced) => replacingCalls.push(`${call.remote.user} replaces ${replaced === h.call}`));
    replacer(h, `${h.caller.callId};to-tag=${h.caller.remoteTag};from-tag=${h.caller.fromTag}`);
    await settle(h.clock);

    const responses = h.far.responses('INVITE').filter((r) => r.callId === 'replacer-call').map((r) => r.status);
    expect(responses).toEqual([200]);
    expect(replacingCalls).toEqual(['1002 replaces true']);
    expect(h.bob.incoming).toHaveLength(1);
    const byes = h.far.requests('BYE');
    expect(byes.map((b) => b.callId)).toEqual([h.caller.callId]);
    h.caller.respond(byes[0]!, 200);
    await settle(h.clock);
    expect(h.call.end).toMatchObject({ cause: 'replaced' });
  });

  it('gets 481 when it names no dialog of ours', async () => {
    const h = await scriptedCallsBob([], );
    replacer(h, 'unknown-call;to-tag=a;from-tag=b');
    await settle(h.clock);

    expect(h.far.responses('INVITE').at(-1)!.status).toBe(481);
    expect(h.call.state).toBe('established');
  });

  it('gets 486 when it is early-only and the call it names is answered', async () => {
    const h = await scriptedCallsBob([], );
    replacer(h, `${h.caller.callId};to-tag=${h.caller.remoteTag};from-tag=${h.caller.fromTag};early-only`);
    await settle(h.clock);

    expect(h.far.responses('INVITE').at(-1)!.status).toBe(486);
    expect(h.call.state).toBe('established');
  });

  it('gets 481 when it names a call still ringing at us: only the caller may replace an early dialog (RFC 3891 §3)', async () => {
    const { clock, bob, far, caller } = await scriptedRingsBob();
    caller.learnDialog();
    const invite = new ScriptedCall(far, 'sip:1001@127.0.0.1', 'replacer');
    invite.sendInvite({ body: CHROME_OFFER, headers: [`Replaces: ${caller.callId};to-tag=${caller.remoteTag};from-tag=${caller.fromTag}`] });
    await settle(clock);

    expect(far.responses('INVITE').at(-1)!.status).toBe(481);
    expect(bob.ringing.state).toBe('incoming');
  });
});

describe('a REFER outside a connected call', () => {
  it('is refused 403 while the call still rings', async () => {
    const { clock, far, caller } = await scriptedRingsBob();
    caller.learnDialog();
    caller.send('REFER', { headers: ['Refer-To: <sip:1003@127.0.0.1>'] });
    await settle(clock);

    expect(far.responses('REFER').map((r) => r.status)).toEqual([403]);
  });
});

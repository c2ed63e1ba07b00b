import { describe, expect, it } from 'vitest';
import { parseMessage, SipRequest } from '../../../src/sip';
import { recordEvents, settle } from '../call/call-harness';
import { connect, recordTransfer, threePhones } from './transfer-harness';

describe('attended transfer', () => {
  it('replaces the target’s call with us by the transferee’s, without ringing, and ends both our calls', async () => {
    const { clock, pbx, alice, bob, carol } = await threePhones();
    const [aliceToBob, bobFromAlice] = await connect(clock, alice, bob);
    const held = aliceToBob.holdCall();
    await settle(clock);
    expect(await held).toBe(true);
    const [aliceToCarol, carolFromAlice] = await connect(clock, alice, carol);
    const carolOld = recordEvents(carolFromAlice);
    const steps = recordTransfer(aliceToBob);
    const ringsBefore = pbx.responses('INVITE', 180).length;

    const done = aliceToBob.transferTo(aliceToCarol);
    await settle(clock);
    const result = await done;
    await settle(clock);

    const [refer] = pbx.requests('REFER');
    const replaces = refer!.referTo!.uri.headers.get('Replaces');
    const consultation = pbx.requests('INVITE').find((i) => i.from.uri.user === '1000' && i.to.uri.user === '1002')!;
    const carolTag = pbx.responses('INVITE', 200).find((r) => r.callId === consultation.callId)!.to.tag;
    expect(replaces).toBe(`${consultation.callId};to-tag=${carolTag};from-tag=${consultation.from.tag}`);
    expect(refer!.get('Refer-To')).toContain('?Replaces=');
    expect(refer!.get('Refer-To')).toContain('%3Bto-tag%3D');

    const replacing = pbx.requests('INVITE').at(-1)!;
    expect(replacing.from.uri.user).toBe('1001');
    expect(replacing.replaces).toMatchObject({ callId: consultation.callId, toTag: carolTag, fromTag: consultation.from.tag, earlyOnly: false });
    expect(pbx.responses('INVITE', 180)).toHaveLength(ringsBefore);
    expect(carol.incoming).toHaveLength(1);
    expect(carol.replacingCalls).toHaveLength(1);
    const [carolNew, replaced] = carol.replacingCalls[0]!;
    expect(replaced).toBe(carolFromAlice);
    expect(carolNew.state).toBe('established');
    expect(carolOld.at(-1)).toBe('ended replaced');

    expect(result).toMatchObject({ state: 'succeeded', status: 200 });
    expect(steps.at(-1)).toBe('succeeded 200');
    expect(aliceToBob.end?.cause).toBe('transferred');
    expect(aliceToCarol.state).toBe('ended');
    expect(bobFromAlice.state).toBe('ended');
    expect(bob.transferCalls[0]![0].state).toBe('established');
  });

  it('transfers to a target that still rings by a blind REFER and cancels the consultation call', async () => {
    const { clock, pbx, alice, bob, carol } = await threePhones();
    const [aliceToBob] = await connect(clock, alice, bob);
    const aliceToCarol = alice.ua.call('1002');
    await settle(clock);
    expect(aliceToCarol.state).toBe('early');

    const done = aliceToBob.transferTo(aliceToCarol);
    await settle(clock);

    const [refer] = pbx.requests('REFER');
    expect(refer!.get('Refer-To')).toBe('<sip:1002@127.0.0.1>');
    expect(pbx.ladder()).toContain('1000 → 1002 CANCEL');
    expect(aliceToCarol.end).toMatchObject({ originator: 'local', cause: 'transferred' });
    expect(carol.incoming).toHaveLength(2);
    expect(carol.incoming[0]!.end?.cause).toBe('cancelled');

    await carol.ringing.answer();
    await settle(clock);
    expect(await done).toMatchObject({ state: 'succeeded' });
    expect(aliceToBob.end?.cause).toBe('transferred');
    expect(bob.transferCalls[0]![0].state).toBe('established');
  });

  it('writes Replaces into Refer-To escaped, and the parser gives it back unchanged', async () => {
    const { clock, pbx, alice, bob, carol } = await threePhones();
    const [aliceToBob] = await connect(clock, alice, bob);
    const [aliceToCarol] = await connect(clock, alice, carol);

    void aliceToBob.transferTo(aliceToCarol);
    await settle(clock);

    const frame = pbx.frames.find((f) => f.message instanceof SipRequest && f.message.method === 'REFER')!;
    const reparsed = parseMessage(frame.message.toString()) as SipRequest;
    const value = reparsed.get('Refer-To')!;
    expect(value).toMatch(/^<sip:1002@127\.0\.0\.1\?Replaces=[^;=@>]+%3Bto-tag%3D[^;=]+%3Bfrom-tag%3D[^;=]+>$/);
    const replaces = reparsed.referTo!.uri.headers.get('Replaces')!;
    expect(reparsed.referTo!.uri.toString()).toBe(value.slice(1, -1));
    expect(replaces.split(';')).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { settle } from '../call/call-harness';
import { connect, recordTransfer, threePhones } from './transfer-harness';

describe('blind transfer', () => {
  it('connects the transferee with the target and ends our leg with a BYE once the target answers', async () => {
    const { clock, pbx, alice, bob, carol } = await threePhones();
    const [aliceToBob, bobFromAlice] = await connect(clock, alice, bob);
    const steps = recordTransfer(aliceToBob);

    const done = aliceToBob.transfer('1002');
    await settle(clock);
    const [refer] = pbx.requests('REFER');
    expect(refer!.referTo!.uri.toString()).toBe('sip:1002@127.0.0.1');
    expect(refer!.referredBy!.uri.toString()).toBe('sip:1000@127.0.0.1');
    expect(pbx.responses('REFER')[0]!.status).toBe(202);
    expect(bob.transferCalls).toHaveLength(1);
    const [bobToCarol, from] = bob.transferCalls[0]!;
    expect(from).toBe(bobFromAlice);
    expect(pbx.requests('INVITE').at(-1)!.get('Referred-By')).toBe('<sip:1000@127.0.0.1>');

    await carol.ringing.answer();
    await settle(clock);
    const result = await done;

    expect(result).toMatchObject({ state: 'succeeded', status: 200, message: 'Transferred' });
    // The 202 and the first NOTIFY arrive together: "100 Trying" already says more than "accepted".
    expect(steps).toEqual(['trying', 'trying 100', 'ringing 180', 'succeeded 200']);
    const notifies = pbx.requests('NOTIFY');
    expect(notifies.map((n) => n.body.trim())).toEqual(['SIP/2.0 100 Trying', 'SIP/2.0 180 Ringing', 'SIP/2.0 200 OK']);
    expect(notifies.map((n) => n.subscriptionState!.state)).toEqual(['active', 'active', 'terminated']);
    expect(notifies.every((n) => n.event!.type === 'refer' && n.event!.id === String(refer!.cseq.seq))).toBe(true);
    expect(notifies[0]!.contentType).toBe('message/sipfrag');
    expect(pbx.responses('NOTIFY', 200)).toHaveLength(3);
    expect(aliceToBob.end).toMatchObject({ originator: 'local', cause: 'transferred' });
    expect(bobFromAlice.end).toMatchObject({ originator: 'remote', cause: 'transferred', message: 'Transferred' });
    expect(bobToCarol.state).toBe('established');
    expect(carol.ringing.state).toBe('established');
    expect(pbx.ladder()).toContain('1000 → 1001 BYE');
  });

  it('keeps the call and says why when the target is busy, taking it off hold again', async () => {
    const { clock, alice, bob, carol } = await threePhones();
    const [aliceToBob, bobFromAlice] = await connect(clock, alice, bob);
    const steps = recordTransfer(aliceToBob);

    const done = aliceToBob.transfer('1002');
    await settle(clock);
    expect(aliceToBob.hold.local).toBe(true);
    carol.ringing.decline(486);
    await settle(clock);
    const result = await done;
    await settle(clock);

    expect(result).toMatchObject({ state: 'failed', status: 486, message: 'Transfer failed: Busy' });
    expect(steps.at(-1)).toBe('failed 486');
    expect(aliceToBob.state).toBe('established');
    expect(aliceToBob.hold.local).toBe(false);
    expect(bobFromAlice.state).toBe('established');
    expect(bob.transferCalls[0]![0].end?.cause).toBe('busy');
  });

  it('is declined with 603 when the confirm hook says no, and the call goes on', async () => {
    const asked: string[] = [];
    const { clock, pbx, alice, bob } = await threePhones({
      bob: {
        ua: {
          transfer: {
            confirm: (request) => {
              asked.push(`${request.target} by ${request.referredBy?.user} attended=${request.attended}`);
              return Promise.resolve(false);
            },
          },
        },
      },
    });
    const [aliceToBob] = await connect(clock, alice, bob);

    const result = await Promise.all([aliceToBob.transfer('1002'), settle(clock)]).then(([r]) => r);

    expect(asked).toEqual(['sip:1002@127.0.0.1 by 1000 attended=false']);
    expect(pbx.responses('REFER')[0]!.status).toBe(603);
    expect(result).toMatchObject({ state: 'failed', status: 603, message: 'Transfer failed: the other party declined it' });
    expect(bob.transferCalls).toHaveLength(0);
    expect(pbx.requests('NOTIFY')).toHaveLength(0);
    expect(aliceToBob.state).toBe('established');
  });

  it('fails at once for a target that is not a number or SIP address', async () => {
    const { clock, pbx, alice, bob } = await threePhones();
    const [aliceToBob] = await connect(clock, alice, bob);
    const steps = recordTransfer(aliceToBob);

    const result = await aliceToBob.transfer('not a number!');

    expect(result.state).toBe('failed');
    expect(result.message).toMatch(/not a number or SIP address/);
    expect(steps).toEqual(['failed']);
    expect(pbx.requests('REFER')).toHaveLength(0);
  });
});

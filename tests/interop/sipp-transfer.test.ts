import { describe, expect, it } from 'vitest';
import { callLine, dial, lineCount } from '../e2e/support/call-page';
import { startBaresip } from './support/baresip';
import { interopContext } from './support/interop-context';
import { waitUntil } from './support/wait';
import { pressOnLine, tabphoneForFile, waitForLine, waitForNoLines } from './sipp/support-call-lines';
import { expectScenarioPassed, receivedRequests, sentResponses, tracedMessages, type FarEnd } from './sipp/support-sipp';

// Transfers between Tabphone (lab user 1018 in Chromium) and far ends through Kamailio and
// rtpengine: we transfer a sipp far end blind and attended, and baresip (lab user 1019) blind to a
// sipp target; a sipp far end transfers us. Each sipp far end runs a scenario that fails unless
// the REFER/NOTIFY exchange it expects takes place.
const US = '1018';
/** baresip as a transferee: a plain SIP phone registered over UDP. */
const BARESIP = '1019';
const tab = tabphoneForFile(US);
const { farEnds } = tab;

async function waitForLineCount(count: number): Promise<void> {
  await waitUntil(async () => (await lineCount(tab.app.page)) === count, 15_000, async () => `${await lineCount(tab.app.page)} call lines, not ${count}`);
}

/** Calls the far end on udp-<port> and waits until it answered. */
async function callFarEnd(far: FarEnd): Promise<string> {
  const party = `udp-${far.port}`;
  await dial(tab.app.page, party);
  await waitForLine(tab.app.page, party, 'Connected');
  return party;
}

describe('call transfer between Tabphone and sipp far ends through Kamailio and rtpengine', () => {
  it('transfers a far end blind: it gets our REFER, calls the target, and our NOTIFY answers end our leg', async () => {
    const target = await farEnds.start('uas-answer.xml');
    const transferee = await farEnds.start('uas-transferee-blind.xml');
    const party = await callFarEnd(transferee);

    await pressOnLine(tab.app.page, party, 'Transfer');
    await callLine(tab.app.page, party).getByLabel('Transfer to', { exact: true }).fill(`udp-${target.port}`);
    await pressOnLine(tab.app.page, party, 'Transfer call');
    await waitForNoLines(tab.app.page);

    const transfereeTrace = await expectScenarioPassed(transferee);
    const [refer] = receivedRequests(transfereeTrace, 'REFER');
    expect(refer?.getLines('Refer-To').join()).toContain(`sip:udp-${target.port}@`);
    // Both NOTIFYs (100 Trying, 200 OK) were answered 200 by us.
    const notifyAnswers = tracedMessages(transfereeTrace).filter(
      ({ direction, message }) => direction === 'received' && 'status' in message && message.cseq.method === 'NOTIFY',
    );
    expect(notifyAnswers.map(({ message }) => ('status' in message ? message.status : 0))).toEqual([200, 200]);
    // The target was called by the transferee, not by us.
    const targetTrace = await expectScenarioPassed(target);
    expect(receivedRequests(targetTrace, 'INVITE')[0]?.from.uri.user).toBe('transferee');
  });

  it('transfers baresip blind to a sipp far end: baresip follows our REFER and calls it', async () => {
    const target = await farEnds.start('uas-answer.xml');
    const baresip = await startBaresip(interopContext().lab, { user: BARESIP });
    try {
      await dial(tab.app.page, BARESIP);
      await waitForLine(tab.app.page, BARESIP, 'Connected');
      await pressOnLine(tab.app.page, BARESIP, 'Transfer');
      await callLine(tab.app.page, BARESIP).getByLabel('Transfer to', { exact: true }).fill(`udp-${target.port}`);
      await pressOnLine(tab.app.page, BARESIP, 'Transfer call');
      // Our leg ends only once baresip's NOTIFY reports the target's 200.
      await waitForLine(tab.app.page, BARESIP, 'Transferred');
      await waitForNoLines(tab.app.page);

      await waitUntil(
        async () => receivedRequests(await target.messages(), 'ACK').length > 0,
        10_000,
        () => 'the target did not get the ACK of a call from baresip',
      );
      await baresip.command('hangup');
      const invite = receivedRequests(await expectScenarioPassed(target), 'INVITE')[0];
      expect(invite?.from.uri.user).toBe(BARESIP);
    } finally {
      await baresip.close();
    }
  });

  it('transfers attended: the REFER\'s Refer-To carries a Replaces naming the consultation call at the target', async () => {
    const target = await farEnds.start('uas-answer.xml');
    const transferee = await farEnds.start('uas-transferee-attended.xml');
    const first = await callFarEnd(transferee);
    await tab.app.page.getByRole('button', { name: 'New call', exact: true }).click();
    await callFarEnd(target);
    await waitForLine(tab.app.page, first, 'On hold');

    await pressOnLine(tab.app.page, first, 'Attended transfer');
    // Once the transferee reports success we end both calls: the target gets our BYE too.
    await waitForNoLines(tab.app.page);

    const refer = receivedRequests(await expectScenarioPassed(transferee), 'REFER')[0];
    const replaces = /[?&]Replaces=([^&>]*)/.exec(refer?.getLines('Refer-To').join() ?? '')?.[1];
    expect(replaces, 'Refer-To has a Replaces header').toBeDefined();
    const [callId, ...params] = decodeURIComponent(replaces!).split(';');
    // The consultation dialog as the target knows it: its Call-ID, its own tag, ours.
    const targetTrace = await expectScenarioPassed(target);
    const invite = receivedRequests(targetTrace, 'INVITE')[0]!;
    const answer = sentResponses(targetTrace, 'INVITE').find((response) => response.status === 200)!;
    expect(callId).toBe(invite.callId);
    expect(params).toContain(`to-tag=${answer.to.tag}`);
    expect(params).toContain(`from-tag=${invite.from.tag}`);
  });

  it('is transferred by a far end\'s REFER: we call the Refer-To target and report 200 OK to the transferor', async () => {
    const target = await farEnds.start('uas-answer.xml');
    const transferor = await farEnds.start('uac-transferor.xml', { calls: US, keys: { refer_to: `sip:udp-${target.port}@127.0.0.1` } });
    await waitForLine(tab.app.page, 'sipp', 'Incoming call');
    await pressOnLine(tab.app.page, 'sipp', 'Answer');

    const party = `udp-${target.port}`;
    await waitForLine(tab.app.page, party, 'Connected');
    // The transferor hangs up after the final NOTIFY, leaving the call with the target.
    await waitForLineCount(1);
    const notifies = receivedRequests(await expectScenarioPassed(transferor), 'NOTIFY');
    expect(notifies.at(-1)?.body).toMatch(/^SIP\/2\.0 200 /);
    expect(notifies.every((notify) => notify.getLines('Event').join().startsWith('refer'))).toBe(true);

    await pressOnLine(tab.app.page, party, 'Hang up');
    const targetTrace = await expectScenarioPassed(target);
    // The target learns who asked for the call (RFC 3892).
    expect(receivedRequests(targetTrace, 'INVITE')[0]?.getLines('Referred-By').join()).toContain('sip:sipp@');
  });
});

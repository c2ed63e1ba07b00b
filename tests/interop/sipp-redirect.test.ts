import { describe, expect, it } from 'vitest';
import { SipRequest, SipResponse } from '../../src/sip';
import { dial, lineCount } from '../e2e/support/call-page';
import { interopContext } from './support/interop-context';
import { readSipDump, type DumpedMessage } from './support/sipdump';
import { waitUntil } from './support/wait';
import { pressOnLine, tabphoneForFile, waitForLine } from './sipp/support-call-lines';
import { expectScenarioPassed, receivedRequests } from './sipp/support-sipp';

// Tabphone (lab user 1020 in Chromium) calls a sipp far end that forwards the call with a 302
// to a second sipp far end, both dialled through Kamailio's udp-<port> plan. Kamailio does not
// follow redirects itself: it ACKs the 302 hop by hop and relays it, and Tabphone sends the new
// INVITE.
const US = '1020';
const { lab } = interopContext();
const tab = tabphoneForFile(US);
const { farEnds } = tab;

/** What Kamailio dumped of call `callId` going to or coming from the browser over WebSocket. */
async function browserLeg(callId: string): Promise<DumpedMessage[]> {
  return (await readSipDump(lab.runDir)).filter(({ proto, message }) => proto === 'ws' && message?.callId === callId);
}

describe('Tabphone follows a 302 from a sipp far end through Kamailio', () => {
  it('calls the Contact of a 302 with the same Call-ID and a higher CSeq, talks to it and hangs up there', async () => {
    const target = await farEnds.start('uas-answer.xml');
    const moved = `udp-${target.port}`;
    const forwarder = await farEnds.start('uas-redirect.xml', { keys: { redirect_to: `sip:${moved}@127.0.0.1:5060` } });
    const dialled = `udp-${forwarder.port}`;

    await dial(tab.app.page, dialled);
    await waitForLine(tab.app.page, moved, 'Connected');
    expect(await lineCount(tab.app.page)).toBe(1);

    // The forwarder got our INVITE and an ACK for its 302: the same CSeq and Via branch, a
    // hop-by-hop ACK (RFC 3261 §17.1.1.3) that Kamailio's transaction sent.
    const forwarderTrace = await expectScenarioPassed(forwarder);
    const [invite, ...moreInvites] = receivedRequests(forwarderTrace, 'INVITE');
    expect(moreInvites).toEqual([]);
    const acks = receivedRequests(forwarderTrace, 'ACK');
    expect(acks).toHaveLength(1);
    expect(acks[0]!.cseq.seq).toBe(invite!.cseq.seq);
    // Only Kamailio's Via: not the browser's ACK relayed.
    expect(acks[0]!.getLines('Via')).toEqual([invite!.getLines('Via')[0]]);

    // Kamailio relayed the 302 to the browser, and Tabphone ACKed it itself.
    const { callId, cseq } = invite!;
    let leg: DumpedMessage[] = [];
    await waitUntil(
      async () =>
        (leg = await browserLeg(callId)).some(
          ({ tag, message }) => tag === 'rcv' && message instanceof SipRequest && message.method === 'ACK' && message.cseq.seq === cseq.seq,
        ),
      10_000,
      () => `Kamailio got no ACK for the 302 from the browser in call ${callId}`,
    );
    const relayed = leg.filter((m) => m.tag === 'snd' && m.message instanceof SipResponse && m.message.status === 302);
    expect(relayed.map(({ message }) => message!.cseq.seq)).toEqual([cseq.seq]);

    // The target got the redirected INVITE: addressed to it, same Call-ID and From tag, later CSeq.
    await pressOnLine(tab.app.page, moved, 'Hang up');
    const targetTrace = await expectScenarioPassed(target);
    const [redirected] = receivedRequests(targetTrace, 'INVITE');
    expect(redirected?.uri.user).toBe(moved);
    expect(redirected?.callId).toBe(callId);
    expect(redirected?.from.tag).toBe(invite!.from.tag);
    expect(redirected!.cseq.seq).toBeGreaterThan(cseq.seq);
    // The hang-up reached the target, in that dialog.
    const byes = receivedRequests(targetTrace, 'BYE');
    expect(byes.map((bye) => bye.callId)).toEqual([callId]);
  });
});

import { describe, expect, it } from 'vitest';
import { SipRequest } from '../../src/sip';
import { dial } from '../e2e/support/call-page';
import { interopContext } from './support/interop-context';
import { waitForRtpBothWays } from './support/media';
import { readSipDump } from './support/sipdump';
import { waitUntil } from './support/wait';
import { inboundCodec, pressOnLine, remoteSdp, tabphoneForFile, waitForLine } from './sipp/support-call-lines';
import { expectScenarioPassed, receivedRequests, sentRequests, type FarEnd } from './sipp/support-sipp';

// Tabphone is lab user 1015 in Chromium; each test's far end is a sipp scenario
// (tests/interop/sipp/*.xml) reached through Kamailio and rtpengine: dialled as udp-<port> or
// g729-<port>, or calling us from UDP. Each scenario fails unless the far end saw what it expects.
const US = '1015';
/** How a sipp UAC appears on our call line (its From user). */
const SIPP_CALLER = 'sipp';
const { lab } = interopContext();
const tab = tabphoneForFile(US);
const { farEnds } = tab;

/** The SDP of the far end's re-INVITE (CSeq 2) as Kamailio relayed it to the browser over WebSocket. */
async function reInviteToBrowser(far: FarEnd): Promise<string> {
  let callId: string | undefined;
  let relayed: string | undefined;
  await waitUntil(
    async () => {
      callId ??= sentRequests(await far.messages(), 'INVITE')[0]?.callId;
      relayed = (await readSipDump(lab.runDir)).find(
        ({ tag, proto, message }) =>
          tag === 'snd' && proto === 'ws' && message instanceof SipRequest && message.method === 'INVITE' && message.callId === callId && message.cseq.seq === 2,
      )?.message?.body;
      return relayed !== undefined;
    },
    10_000,
    () => `Kamailio relayed no re-INVITE of call ${callId} to the browser`,
  );
  return relayed!;
}

describe('Tabphone against sipp far ends through Kamailio and rtpengine', () => {
  it('hangs up while the far end rings: it gets a CANCEL and answers 487', async () => {
    const far = await farEnds.start('uas-ringing-cancel.xml');
    const party = `udp-${far.port}`;
    await dial(tab.app.page, party);
    await waitForLine(tab.app.page, party, 'Ringing');
    await pressOnLine(tab.app.page, party, 'Hang up');
    const trace = await expectScenarioPassed(far);
    expect(receivedRequests(trace, 'CANCEL')).toHaveLength(1);
  });

  it('shows "Busy" when the far end answers 486 Busy Here', async () => {
    const far = await farEnds.start('uas-busy.xml');
    const party = `udp-${far.port}`;
    await dial(tab.app.page, party);
    await waitForLine(tab.app.page, party, 'Busy');
    await expectScenarioPassed(far);
  });

  it('holds and resumes: the far end is offered a=sendonly, then a=sendrecv', async () => {
    const far = await farEnds.start('uas-hold.xml');
    const party = `udp-${far.port}`;
    await dial(tab.app.page, party);
    await waitForLine(tab.app.page, party, 'Connected');
    await pressOnLine(tab.app.page, party, 'Hold');
    await waitForLine(tab.app.page, party, 'On hold');
    await pressOnLine(tab.app.page, party, 'Resume');
    await waitForLine(tab.app.page, party, 'Connected');
    await pressOnLine(tab.app.page, party, 'Hang up');
    const trace = await expectScenarioPassed(far);
    const [, hold, resume] = receivedRequests(trace, 'INVITE');
    expect(hold?.body).toMatch(/^a=sendonly\r?$/m);
    expect(resume?.body).toMatch(/^a=sendrecv\r?$/m);
  });

  for (const variant of [
    { name: 'a=sendonly', keys: { hold_address: '127.0.0.1', hold_direction: 'sendonly' } },
    { name: 'c=0.0.0.0', keys: { hold_address: '0.0.0.0', hold_direction: 'sendrecv' } },
  ]) {
    it(`shows "Held by remote" when the far end re-INVITEs with ${variant.name}, answering recvonly or inactive`, async () => {
      const far = await farEnds.start('uac-remote-hold.xml', { calls: US, keys: variant.keys });
      await waitForLine(tab.app.page, SIPP_CALLER, 'Incoming call');
      await pressOnLine(tab.app.page, SIPP_CALLER, 'Answer');
      // What the gateway made of the hold for the browser: a WebRTC client sees only rtpengine's SDP.
      const reoffer = await reInviteToBrowser(far);
      expect(reoffer, 'the re-INVITE Kamailio relayed to the browser still says hold').toMatch(/^(a=sendonly|a=inactive|c=IN IP4 0\.0\.0\.0)\r?$/m);
      await waitForLine(tab.app.page, SIPP_CALLER, 'Held by remote');
      await pressOnLine(tab.app.page, SIPP_CALLER, 'Hang up');
      await expectScenarioPassed(far);
    });
  }

  it('answers a delayed offer: our offer in the 200, the far end\'s answer in the ACK, audio both ways', async () => {
    const far = await farEnds.start('uac-delayed-offer.xml', { calls: US, rtpEcho: true });
    await waitForLine(tab.app.page, SIPP_CALLER, 'Incoming call');
    await pressOnLine(tab.app.page, SIPP_CALLER, 'Answer');
    await waitForLine(tab.app.page, SIPP_CALLER, 'Connected');
    // The far end echoes what it receives: bytes come back only if both directions work.
    await waitForRtpBothWays(tab.app.page);
    await pressOnLine(tab.app.page, SIPP_CALLER, 'Hang up');
    await expectScenarioPassed(far);
  });

  it('calls a G.729-only far end through rtpengine transcoding and keeps a browser codec', async () => {
    const far = await farEnds.start('uas-g729.xml', { rtpEcho: true });
    const party = `g729-${far.port}`;
    await dial(tab.app.page, party);
    await waitForLine(tab.app.page, party, 'Connected');
    // The echo returns G.729 to rtpengine, which must decode it and re-encode for the browser.
    await waitForRtpBothWays(tab.app.page);
    expect(await inboundCodec(tab.app.page)).toMatch(/^audio\/(opus|PCMU|PCMA)$/i);
    expect(await remoteSdp(tab.app.page)).not.toMatch(/G729/i);
    await pressOnLine(tab.app.page, party, 'Hang up');

    const trace = await expectScenarioPassed(far);
    const offer = receivedRequests(trace, 'INVITE')[0]?.body ?? '';
    // The far end was offered G.729, plus at most telephone-event: nothing it would have to refuse.
    const formats = /^m=audio \d+ RTP\/AVP ([\d ]+)\r?$/m.exec(offer)?.[1]?.split(' ') ?? [];
    expect(formats[0]).toBe('18');
    for (const format of formats.slice(1)) expect(offer).toMatch(new RegExp(`^a=rtpmap:${format} telephone-event/`, 'm'));
  });
});

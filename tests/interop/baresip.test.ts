import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../e2e/support/app-page';
import { callLine, dial, lineCount, lineStatus } from '../e2e/support/call-page';
import { chromiumForFile } from '../e2e/support/chromium';
import { countMessages, deliveryStates, openMessages, sendMessage, startConversation } from '../e2e/support/messages-page';
import { rtpBytes } from '../e2e/support/peer-connections';
import { startBaresip, type Baresip } from './support/baresip';
import { interopContext } from './support/interop-context';
import { waitForRemoteAudio, waitForRtpBothWays } from './support/media';
import { readSipDump, requestsReceived, requestsSentTo, responsesFrom, responsesSent } from './support/sipdump';
import { openTabphone } from './support/tabphone-page';
import { waitUntil } from './support/wait';

// Tabphone is 1004 in Chromium (WebSocket, WebRTC); baresip is 1010, a plain SIP phone on UDP
// with G.711 and a 440 Hz tone as its microphone. Kamailio and rtpengine sit between them.
const US = '1004';
const BARESIP = '1010';
const { lab } = interopContext();
const chromium = chromiumForFile();
let app: AppPage;
let baresip: Baresip;

beforeAll(async () => {
  baresip = await startBaresip(lab, { user: BARESIP, contacts: [`sip:${US}@${lab.domain}`] });
  app = await openTabphone(chromium.browser, US);
});

afterAll(async () => {
  await app?.close();
  await baresip?.close();
});

async function waitForLine(status: string | RegExp): Promise<void> {
  let seen: string | null = null;
  await waitUntil(
    async () => {
      seen = await lineStatus(app.page, BARESIP);
      return typeof status === 'string' ? seen === status : seen !== null && status.test(seen);
    },
    15_000,
    () => `the line with ${BARESIP} shows "${seen}", not ${String(status)}`,
  );
}

async function waitForNoLines(): Promise<void> {
  await waitUntil(async () => (await lineCount(app.page)) === 0, 10_000, () => 'a call line is still shown');
}

/** Calls baresip from Tabphone; it answers by itself. Returns the index of its first event of the call. */
async function callBaresip(): Promise<number> {
  const since = baresip.events.length;
  await dial(app.page, BARESIP);
  await waitForLine('Connected');
  await baresip.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000, since);
  return since;
}

async function hangUpOurSide(since: number): Promise<void> {
  await callLine(app.page, BARESIP).getByRole('button', { name: 'Hang up', exact: true }).click();
  await baresip.waitForEvent((e) => e.type === 'CALL_CLOSED', 10_000, since);
  await waitForNoLines();
}

describe('Tabphone and baresip through Kamailio and rtpengine', () => {
  it('calls baresip: it answers, RTP flows both ways, each hears the other', async () => {
    const audioBefore = await baresip.receivedAudio();
    const since = await callBaresip();

    await waitForRtpBothWays(app.page);
    expect(await waitForRemoteAudio(app.page)).toBeGreaterThan(0.01);

    // baresip was offered plain RTP/AVP G.711 by rtpengine, not the browser's DTLS-SRTP with ICE.
    const invite = requestsSentTo(await readSipDump(lab.runDir), baresip.sipPort, 'INVITE').at(-1)!;
    expect(invite.message.body).toMatch(/^m=audio \d+ RTP\/AVP /m);
    expect(invite.message.body).not.toMatch(/a=(ice-ufrag|fingerprint|crypto):/);

    // What baresip decodes from us (written to its WAV file as it goes): the fake microphone's
    // beeps, not silence.
    let audio = audioBefore;
    await waitUntil(
      async () => {
        audio = await baresip.receivedAudio();
        return audio.bytes > audioBefore.bytes && audio.peak > 1000;
      },
      10_000,
      () => `baresip decoded ${audio.bytes - audioBefore.bytes} bytes from us, peak ${audio.peak}`,
    );
    await hangUpOurSide(since);
  });

  it('is called by baresip: it rings, we answer, audio flows, baresip hangs up', async () => {
    const since = baresip.events.length;
    await baresip.command('dial', `sip:${US}@${lab.domain}`);
    await waitForLine('Incoming call');
    await baresip.waitForEvent((e) => e.type === 'CALL_RINGING', 10_000, since);

    await callLine(app.page, BARESIP).getByRole('button', { name: 'Answer', exact: true }).click();
    await waitForLine('Connected');
    await baresip.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000, since);
    await waitForRtpBothWays(app.page);
    await waitForRemoteAudio(app.page);

    await baresip.command('hangup');
    await waitForNoLines();
    expect((await rtpBytes(app.page)).open).toBe(0);
  });

  it('holds and resumes: baresip is sent a=sendonly, then a=sendrecv, and media comes back', async () => {
    const since = await callBaresip();
    const line = callLine(app.page, BARESIP);
    const invitesBefore = requestsSentTo(await readSipDump(lab.runDir), baresip.sipPort, 'INVITE').length;

    await line.getByRole('button', { name: 'Hold', exact: true }).click();
    await waitForLine('On hold');
    await line.getByRole('button', { name: 'Resume', exact: true }).click();
    await waitForLine('Connected');
    await waitForRtpBothWays(app.page);

    const dump = await readSipDump(lab.runDir);
    const reinvites = requestsSentTo(dump, baresip.sipPort, 'INVITE').slice(invitesBefore);
    expect(reinvites.map((m) => /^a=(sendonly|sendrecv|recvonly|inactive)$/m.exec(m.message.body)?.[1] ?? 'sendrecv')).toEqual([
      'sendonly',
      'sendrecv',
    ]);
    const answers = responsesFrom(dump, baresip.sipPort, 'INVITE').filter((m) => m.message.status === 200);
    expect(answers.at(-2)!.message.body).toMatch(/^a=recvonly$/m);

    await hangUpOurSide(since);
  });

  it('sends DTMF as RFC 4733 events that baresip decodes, with no SIP INFO', async () => {
    const since = await callBaresip();
    const infosBefore = requestsSentTo(await readSipDump(lab.runDir), baresip.sipPort, 'INFO').length;
    const line = callLine(app.page, BARESIP);
    await line.getByRole('button', { name: 'Keypad', exact: true }).click();
    const keys = line.getByRole('group', { name: 'DTMF keys' });
    for (const key of ['1', '5', '#']) await keys.getByRole('button', { name: key, exact: true }).click();

    await waitUntil(
      () => baresip.events.slice(since).filter((e) => e.type === 'CALL_DTMF_START').length >= 3,
      10_000,
      () => `baresip heard: ${JSON.stringify(baresip.events.slice(since).filter((e) => e.type.startsWith('CALL_DTMF')))}`,
    );
    const digits = baresip.events.slice(since).filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param);
    expect(digits).toEqual(['1', '5', '#']);
    expect(requestsSentTo(await readSipDump(lab.runDir), baresip.sipPort, 'INFO').length).toBe(infosBefore);

    await hangUpOurSide(since);
  });

  it('exchanges MESSAGEs with baresip both ways', async () => {
    await openMessages(app.page);
    await startConversation(app.page, BARESIP);
    await sendMessage(app.page, 'Hello baresip, from Tabphone');
    await waitUntil(async () => (await deliveryStates(app.page)).at(-1) === 'Delivered', 10_000, async () => `delivery: ${(await deliveryStates(app.page)).join(', ')}`);
    // baresip was sent the text and answered 200 itself.
    await waitUntil(
      async () => {
        const dump = await readSipDump(lab.runDir);
        const sent = requestsSentTo(dump, baresip.sipPort, 'MESSAGE').filter((m) => m.message.body === 'Hello baresip, from Tabphone');
        return responsesFrom(dump, baresip.sipPort, 'MESSAGE').some((m) => m.message.status === 200 && sent.some((s) => s.message.callId === m.message.callId));
      },
      5000,
      () => 'Kamailio did not send our MESSAGE to baresip, or baresip did not answer it 200',
    );

    expect((await baresip.command('contact_next')).data).toContain(`sip:${US}@`);
    await baresip.command('message', 'Hello Tabphone, from baresip');
    await waitUntil(
      async () => (await countMessages(app.page, 'Hello Tabphone, from baresip')) === 1,
      10_000,
      () => 'the message from baresip is not shown in the conversation',
    );
    await waitUntil(
      async () =>
        requestsReceived(await readSipDump(lab.runDir), 'MESSAGE', 'udp').some(
          (m) => m.srcPort === baresip.sipPort && m.message.body === 'Hello Tabphone, from baresip',
        ),
      5000,
      () => 'Kamailio did not receive the MESSAGE from baresip',
    );
  });

  it('answers OPTIONS from baresip and shows what baresip answers to ours', async () => {
    // Ours: the reachability check (on the Diagnostics screen where there is one).
    const field = app.page.getByLabel('SIP URI to check');
    if (!(await field.isVisible())) await app.page.getByRole('tab', { name: 'Diagnostics' }).click();
    await field.fill(BARESIP);
    await app.page.getByRole('button', { name: 'Check', exact: true }).click();
    const result = app.page.getByRole('status', { name: 'Reachability result' });
    await waitUntil(async () => ((await result.textContent()) ?? '').includes('200'), 10_000, async () => `result: ${await result.textContent()}`);
    expect(await result.textContent()).toMatch(/baresip/);
    await waitUntil(
      async () => responsesFrom(await readSipDump(lab.runDir), baresip.sipPort, 'OPTIONS').some((m) => m.message.status === 200),
      5000,
      () => 'Kamailio has no 200 from baresip to an OPTIONS',
    );

    // baresip's: relayed to us over the WebSocket; our 200 goes back to baresip with what we allow.
    const before = responsesSent(await readSipDump(lab.runDir), 'OPTIONS', 'udp').length;
    await baresip.command('options', `sip:${US}@${lab.domain}`);
    let answer: ReturnType<typeof responsesSent>[number] | undefined;
    await waitUntil(
      async () => (answer = responsesSent(await readSipDump(lab.runDir), 'OPTIONS', 'udp').slice(before).find((m) => m.dstPort === baresip.sipPort)) !== undefined,
      10_000,
      () => 'no answer to baresip\'s OPTIONS went back to it',
    );
    expect(answer!.message.status).toBe(200);
    expect(answer!.message.allow).toEqual(expect.arrayContaining(['INVITE', 'MESSAGE', 'REFER']));
  });
});

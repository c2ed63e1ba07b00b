import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../e2e/support/app-page';
import { callLine, dial, lineCount, lineStatus } from '../e2e/support/call-page';
import { chromiumForFile } from '../e2e/support/chromium';
import { countMessages, deliveryStates, openMessages, sendMessage, startConversation } from '../e2e/support/messages-page';
import { rtpBytes } from '../e2e/support/peer-connections';
import { interopContext } from './support/interop-context';
import { bundleJssip, openJssip, type JssipPeer } from './support/jssip-page';
import { waitForRemoteAudio, waitForRtpBothWays } from './support/media';
import { readSipDump, requestsReceived } from './support/sipdump';
import { openTabphone } from './support/tabphone-page';
import { waitUntil } from './support/wait';

// Tabphone is 1006; JsSIP 3.13 in another page is 1007. Both are WebRTC clients on WebSockets,
// so rtpengine terminates DTLS-SRTP and ICE on both legs.
const US = '1006';
const JSSIP = '1007';
const { lab } = interopContext();
const chromium = chromiumForFile();
let app: AppPage;
let jssip: JssipPeer;

beforeAll(async () => {
  const script = await bundleJssip();
  jssip = await openJssip(chromium.browser, script, JSSIP);
  app = await openTabphone(chromium.browser, US);
});

afterAll(async () => {
  await app?.close();
  await jssip?.close();
});

async function waitForLine(status: string): Promise<void> {
  let seen: string | null = null;
  await waitUntil(async () => (seen = await lineStatus(app.page, JSSIP)) === status, 15_000, () => `the line with ${JSSIP} shows "${seen}", not ${status}`);
}

async function waitForNoLines(): Promise<void> {
  await waitUntil(async () => (await lineCount(app.page)) === 0, 10_000, () => 'a call line is still shown');
}

describe('Tabphone and JsSIP through Kamailio and rtpengine', () => {
  it('calls JsSIP: it answers and both pages send and receive audio', async () => {
    await dial(app.page, JSSIP);
    await waitForLine('Connected');
    await jssip.waitForSession('confirmed');

    await waitForRtpBothWays(app.page);
    await waitForRtpBothWays(jssip.page);
    await waitForRemoteAudio(app.page);
    await waitForRemoteAudio(jssip.page);

    await callLine(app.page, JSSIP).getByRole('button', { name: 'Hang up', exact: true }).click();
    await jssip.waitForSession('ended');
    await waitForNoLines();
  });

  it('is called by JsSIP: it rings, we answer, audio flows, JsSIP hangs up', async () => {
    const endedBefore = (await jssip.state()).sessionEvents.filter((e) => e === 'ended').length;
    await jssip.call(`sip:${US}@${lab.domain}`);
    await waitForLine('Incoming call');
    await callLine(app.page, JSSIP).getByRole('button', { name: 'Answer', exact: true }).click();
    await waitForLine('Connected');
    await waitUntil(
      async () => (await jssip.state()).sessionEvents.filter((e) => e === 'confirmed').length >= 2,
      10_000,
      async () => `JsSIP session events: ${(await jssip.state()).sessionEvents.join(', ')}`,
    );
    await waitForRtpBothWays(app.page);
    await waitForRtpBothWays(jssip.page);

    await jssip.hangup();
    await waitForNoLines();
    expect((await rtpBytes(app.page)).open).toBe(0);
    expect((await jssip.state()).sessionEvents.filter((e) => e === 'ended').length).toBe(endedBefore + 1);
  });

  it('exchanges MESSAGEs with JsSIP both ways', async () => {
    await openMessages(app.page);
    await startConversation(app.page, JSSIP);
    await sendMessage(app.page, 'Hello JsSIP, from Tabphone');
    await waitUntil(async () => (await deliveryStates(app.page)).at(-1) === 'Delivered', 10_000, async () => `delivery: ${(await deliveryStates(app.page)).join(', ')}`);
    await waitUntil(
      async () => (await jssip.state()).received.includes('Hello JsSIP, from Tabphone'),
      10_000,
      async () => `JsSIP received: ${JSON.stringify((await jssip.state()).received)}`,
    );

    await jssip.message(`sip:${US}@${lab.domain}`, 'Hello Tabphone, from JsSIP');
    await waitUntil(async () => (await countMessages(app.page, 'Hello Tabphone, from JsSIP')) === 1, 10_000, () => 'the message from JsSIP is not shown');
    await waitUntil(async () => (await jssip.state()).sent.includes('sent: Hello Tabphone, from JsSIP'), 10_000, async () => `JsSIP sent: ${JSON.stringify((await jssip.state()).sent)}`);
    // Both went through Kamailio over WebSockets, authenticated.
    const messages = requestsReceived(await readSipDump(lab.runDir), 'MESSAGE', 'ws');
    expect(messages.some((m) => m.message.from.uri.user === JSSIP && m.message.get('Proxy-Authorization') !== undefined)).toBe(true);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { AppPage } from '../e2e/support/app-page';
import { callLine, dial } from '../e2e/support/call-page';
import { chromiumForFile } from '../e2e/support/chromium';
import { openTabphone } from './support/tabphone-page';
import { waitUntil } from './support/wait';
import { endAllCalls, pressOnLine, waitForLine, waitForNoLines } from './sipp/support-call-lines';
import { startRtpEndpoint, type RtpEndpoint } from './sipp/support-rtp-endpoint';
import { expectScenarioPassed, FarEnds, freeRtpPort, receivedRequests, sentResponses } from './sipp/support-sipp';

// Tabphone sends DTMF from the line's keypad to a sipp far end reached through Kamailio and
// rtpengine (dialled as udp-<port>): as SIP INFO (lab user 1016, ?dtmf=info) and as RFC 4733
// events (lab user 1017, ?dtmf=rfc4733). The far end checks what it received.
const chromium = chromiumForFile();
let app: AppPage | undefined;
const farEnds = new FarEnds();
let media: RtpEndpoint | undefined;

afterEach(async () => {
  if (app) {
    await endAllCalls(app.page);
    await waitForNoLines(app.page);
    expect(app.errors).toEqual([]);
    await app.close();
  }
  await farEnds.closeAll();
  await media?.close();
  app = media = undefined;
});

/** Presses the line's Keypad, then each of `digits` on it. */
async function pressDigits(page: AppPage['page'], party: string, digits: string): Promise<void> {
  await pressOnLine(page, party, 'Keypad');
  const keys = callLine(page, party).getByRole('group', { name: 'DTMF keys' });
  for (const digit of digits) await keys.getByRole('button', { name: digit, exact: true }).click();
}

describe('DTMF from Tabphone to a sipp far end through Kamailio and rtpengine', () => {
  it('sends SIP INFO digits (application/dtmf-relay) that reach the far end, each answered 200', async () => {
    const far = await farEnds.start('uas-dtmf-info.xml');
    app = await openTabphone(chromium.browser, '1016', { params: { dtmf: 'info' } });
    const party = `udp-${far.port}`;
    await dial(app.page, party);
    await waitForLine(app.page, party, 'Connected');
    await pressDigits(app.page, party, '5#');
    // The scenario takes Signal=5, then Signal=#, and only then waits for the BYE.
    await waitUntil(
      async () => sentResponses(await far.messages(), 'INFO').length === 2,
      10_000,
      async () => `the far end answered ${sentResponses(await far.messages(), 'INFO').length} INFOs, not 2`,
    );
    await pressOnLine(app.page, party, 'Hang up');
    const trace = await expectScenarioPassed(far);
    expect(receivedRequests(trace, 'INFO').map((info) => /Signal=\s*(\S)/.exec(info.body)?.[1])).toEqual(['5', '#']);
  });

  it('sends RFC 4733 events with the negotiated telephone-event payload type, decoded at the far end', async () => {
    media = await startRtpEndpoint(await freeRtpPort());
    const far = await farEnds.start('uas-dtmf-rfc4733.xml', { keys: { rtp_port: String(media.port) } });
    app = await openTabphone(chromium.browser, '1017', { params: { dtmf: 'rfc4733' } });
    const party = `udp-${far.port}`;
    await dial(app.page, party);
    await waitForLine(app.page, party, 'Connected');
    // The payload type the far end answered with: the offer's telephone-event/8000.
    const answer = sentResponses(await far.messages(), 'INVITE').find((response) => response.status === 200);
    const eventType = Number(/^a=rtpmap:(\d+) telephone-event\/8000/m.exec(answer?.body ?? '')?.[1]);
    expect(eventType).toBeGreaterThan(95);

    await pressDigits(app.page, party, '159#');
    await waitUntil(
      () => media!.eventDigits(eventType) === '159#',
      10_000,
      () => `the far end decoded "${media!.eventDigits(eventType)}" from ${media!.packets.length} RTP packets`,
    );
    // Audio went there too, as G.711 µ-law (payload type 0), the codec the far end answered.
    expect(media.packets.filter((packet) => packet.payloadType === 0).length).toBeGreaterThan(10);
    await pressOnLine(app.page, party, 'Hang up');
    expect(receivedRequests(await expectScenarioPassed(far), 'INFO')).toEqual([]);
  });
});

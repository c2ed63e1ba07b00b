import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daemonRunning, startKamailio, stopKamailio } from '../../lab/lab';
import type { AppPage } from '../e2e/support/app-page';
import { callLine, dial, lineCount, lineStatus } from '../e2e/support/call-page';
import { chromiumForFile } from '../e2e/support/chromium';
import { startBaresip, type Baresip } from './support/baresip';
import { interopContext } from './support/interop-context';
import { waitForRtpBothWays } from './support/media';
import { readSipDump, requestsSentTo, responsesSent } from './support/sipdump';
import { openTabphone, waitForStatus } from './support/tabphone-page';
import { waitUntil } from './support/wait';

const US = '1005';
const BARESIP = '1012';
const { lab } = interopContext();
const chromium = chromiumForFile();
let app: AppPage;
let baresip: Baresip;

beforeAll(async () => {
  baresip = await startBaresip(lab, { user: BARESIP });
  app = await openTabphone(chromium.browser, US);
});

afterAll(async () => {
  // The other files share this Kamailio: it must run again whatever happened here.
  if (!(await daemonRunning(lab, 'kamailio'))) await startKamailio(lab);
  await app?.close();
  await baresip?.close();
});

describe('Kamailio restarted during a call', () => {
  it('keeps media flowing, re-registers within seconds of its return, and hang-up still reaches the far end', async () => {
    const since = baresip.events.length;
    await dial(app.page, BARESIP);
    await waitUntil(async () => (await lineStatus(app.page, BARESIP)) === 'Connected', 15_000, () => 'the call did not connect');
    await baresip.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000, since);
    await waitForRtpBothWays(app.page);

    await stopKamailio(lab);
    // Media does not go through Kamailio: rtpengine keeps relaying it.
    await waitForRtpBothWays(app.page);
    expect(await lineStatus(app.page, BARESIP)).toBe('Connected');

    await startKamailio(lab);
    const back = Date.now();
    // Kamailio kept no bindings (usrloc in memory): we must register again on a new connection.
    await waitForStatus(app.page, 'Registered', 30_000);
    let registeredAt: number | undefined;
    await waitUntil(
      async () => {
        const ok = responsesSent(await readSipDump(lab.runDir), 'REGISTER', 'ws').find((m) => m.message.status === 200 && m.time * 1000 >= back);
        registeredAt = ok && ok.time * 1000;
        return registeredAt !== undefined;
      },
      30_000,
      () => 'Kamailio has not accepted a REGISTER since it came back',
    );
    const seconds = (registeredAt! - back) / 1000;
    console.log(`[kamailio restart] re-registered ${seconds.toFixed(2)} s after Kamailio was back`);
    expect(seconds).toBeLessThan(10);
    await waitForRtpBothWays(app.page);

    // Hang-up goes over the new connection, through the restarted Kamailio, to baresip.
    await callLine(app.page, BARESIP).getByRole('button', { name: 'Hang up', exact: true }).click();
    await baresip.waitForEvent((e) => e.type === 'CALL_CLOSED', 10_000, since);
    expect(requestsSentTo(await readSipDump(lab.runDir), baresip.sipPort, 'BYE').length).toBeGreaterThan(0);
    await waitUntil(async () => (await lineCount(app.page)) === 0, 10_000, () => 'the call line is still shown');
  });
});

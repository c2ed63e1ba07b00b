import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppPage } from '../e2e/support/app-page';
import { callLine, dial, lineCount, lineStatus } from '../e2e/support/call-page';
import { chromiumForFile } from '../e2e/support/chromium';
import { startBaresip, type Baresip } from './support/baresip';
import { interopContext } from './support/interop-context';
import { nominatedCandidateTypes, waitForRemoteAudio, waitForRtpBothWays } from './support/media';
import { openTabphone } from './support/tabphone-page';
import { waitUntil } from './support/wait';

// Tabphone 1008 may only use relay candidates from coturn (iceTransportPolicy "relay");
// baresip 1013 is the far end, behind rtpengine.
const US = '1008';
const BARESIP = '1013';
const { lab } = interopContext();
const chromium = chromiumForFile();
let app: AppPage;
let baresip: Baresip;

beforeAll(async () => {
  baresip = await startBaresip(lab, { user: BARESIP });
  app = await openTabphone(chromium.browser, US, {
    params: { turn: lab.turnUrl, turnUser: lab.turnUser, turnPassword: lab.turnPassword, icePolicy: 'relay' },
  });
});

afterAll(async () => {
  await app?.close();
  await baresip?.close();
});

/** coturn's log lines about allocations made for the lab's TURN user. */
async function coturnAllocations(): Promise<string[]> {
  const log = await readFile(path.join(lab.runDir, 'coturn.log'), 'utf8');
  return log.split('\n').filter((line) => line.includes(`user <${lab.turnUser}>`) && line.includes('ALLOCATE processed, success'));
}

describe('TURN only (relay policy via coturn)', () => {
  it('connects a call to baresip through the relay: media flows and coturn allocated for it', async () => {
    const allocationsBefore = (await coturnAllocations()).length;
    const since = baresip.events.length;
    await dial(app.page, BARESIP);
    await waitUntil(async () => (await lineStatus(app.page, BARESIP)) === 'Connected', 15_000, () => 'the call did not connect');
    await baresip.waitForEvent((e) => e.type === 'CALL_ESTABLISHED', 10_000, since);

    await waitForRtpBothWays(app.page);
    await waitForRemoteAudio(app.page);
    const pairs = await nominatedCandidateTypes(app.page);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((pair) => pair.local === 'relay')).toBe(true);
    await waitUntil(async () => (await coturnAllocations()).length > allocationsBefore, 5000, () => 'coturn logged no successful allocation');
    // baresip hears us through the relay: the fake microphone's beeps in what it decodes.
    await waitUntil(async () => (await baresip.receivedAudio()).peak > 1000, 10_000, () => 'baresip decoded only silence');

    await callLine(app.page, BARESIP).getByRole('button', { name: 'Hang up', exact: true }).click();
    await baresip.waitForEvent((e) => e.type === 'CALL_CLOSED', 10_000, since);
    await waitUntil(async () => (await lineCount(app.page)) === 0, 10_000, () => 'the call line is still shown');
  });
});

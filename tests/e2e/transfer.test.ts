import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../server/app-server';
import { startPbx, type Pbx } from '../../server/pbx';
import { openRegisteredApp, type AppPage } from './support/app-page';
import { repoRoot } from './support/build-app';
import { callLine, dial, lineCount, lineStatus } from './support/call-page';
import { launchChromium } from './support/chromium';
import { e2eContext } from './support/e2e-context';
import { keepPeerConnections, rtpBytes } from './support/peer-connections';

const PHONE_SIZE = { width: 360, height: 640 };
const SCREENSHOTS = path.join(repoRoot, '.tmp/screenshots');
const WAIT = { timeout: 15_000, interval: 100 };
/** RTP bytes that prove a direction carries audio: a few tenths of a second of Opus. */
const FLOWING_BYTES = 2_000;

function button(app: AppPage, party: string, name: string) {
  return callLine(app.page, party).getByRole('button', { name, exact: true });
}

/** A line's transfer progress ("Transfer: ringing"), or null when it shows none (never waits). */
async function transferStatus(app: AppPage, party: string): Promise<string | null> {
  const texts = await callLine(app.page, party).getByRole('status', { name: 'Transfer status' }).allTextContents();
  return texts[0] ?? null;
}

describe('call transfer between three tabs through the embedded PBX, in Chromium', () => {
  const { distDir } = e2eContext();
  let browser: Browser;
  // A PBX of our own, so no registration left by another file can take part in these calls.
  let pbx: Pbx;
  let appServer: AppServer;

  beforeAll(async () => {
    pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
    appServer = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: pbx.url });
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await appServer?.close();
    await pbx?.close();
  });

  async function phone(user: string): Promise<AppPage> {
    return openRegisteredApp(browser, appServer.url, { user }, { viewport: PHONE_SIZE, initScripts: [keepPeerConnections] });
  }

  /** Transferor 1000, transferee 1001, target 1002: registered, closed afterwards, with no page errors. */
  async function withPhones(run: (transferor: AppPage, transferee: AppPage, target: AppPage) => Promise<void>): Promise<void> {
    const apps = await Promise.all([phone('1000'), phone('1001'), phone('1002')]);
    try {
      await run(...apps);
      for (const app of apps) expect(app.errors).toEqual([]);
    } finally {
      await Promise.all(apps.map((app) => app.close()));
    }
  }

  /** One call left on the page, carrying audio both ways (its RTP counters grow). */
  async function expectTalking(app: AppPage): Promise<void> {
    await expect.poll(async () => (await rtpBytes(app.page)).open, WAIT).toBe(1);
    const before = await rtpBytes(app.page);
    await expect
      .poll(async () => {
        const now = await rtpBytes(app.page);
        return now.sent - before.sent >= FLOWING_BYTES && now.received - before.received >= FLOWING_BYTES;
      }, WAIT)
      .toBe(true);
  }

  /** 1001 calls 1000, who answers. */
  async function connect(transferor: AppPage, transferee: AppPage): Promise<void> {
    await dial(transferee.page, '1000');
    await button(transferor, '1001', 'Answer').click();
    await expect.poll(() => lineStatus(transferor.page, '1001'), WAIT).toBe('Connected');
    await expect.poll(() => lineStatus(transferee.page, '1000'), WAIT).toBe('Connected');
  }

  /** The transferor's calls are over: their lines went and no peer connection is left. */
  async function expectTransferorDone(transferor: AppPage): Promise<void> {
    await expect.poll(() => lineCount(transferor.page), WAIT).toBe(0);
    expect((await rtpBytes(transferor.page)).open).toBe(0);
  }

  it('blind-transfers a caller to a number the target answers, leaving the caller and the target talking', async () => {
    await withPhones(async (transferor, transferee, target) => {
      await connect(transferor, transferee);

      await button(transferor, '1001', 'Transfer').click();
      await callLine(transferor.page, '1001').getByLabel('Transfer to', { exact: true }).fill('1002');
      await transferor.page.screenshot({ path: path.join(SCREENSHOTS, 'transfer-form.png') });
      await button(transferor, '1001', 'Transfer call').click();

      await expect.poll(() => lineStatus(target.page, '1001'), WAIT).toBe('Incoming call');
      await expect.poll(() => transferStatus(transferor, '1001'), WAIT).toBe('Transfer: ringing');
      await button(target, '1001', 'Answer').click();
      await expect.poll(() => lineStatus(transferor.page, '1001'), WAIT).toBe('Transferred');

      await expect.poll(() => lineStatus(transferee.page, '1002'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(target.page, '1001'), WAIT).toBe('Connected');
      await expectTransferorDone(transferor);
      // The transferee's first call ended with the transfer.
      await expect.poll(() => lineCount(transferee.page), WAIT).toBe(1);
      await expectTalking(transferee);
      await expectTalking(target);
    });
  });

  it('connects a held caller with an answered consultation call, ending both of the transferor\'s calls', async () => {
    await withPhones(async (transferor, transferee, target) => {
      await connect(transferor, transferee);

      // Dialling a second call puts the first on hold.
      await transferor.page.getByRole('button', { name: 'New call', exact: true }).click();
      await dial(transferor.page, '1002');
      await expect.poll(() => lineStatus(transferor.page, '1001'), WAIT).toBe('On hold');
      await button(target, '1000', 'Answer').click();
      await expect.poll(() => lineStatus(transferor.page, '1002'), WAIT).toBe('Connected');

      await transferor.page.screenshot({ path: path.join(SCREENSHOTS, 'transfer-attended.png') });
      await button(transferor, '1001', 'Attended transfer').click();

      // At the target, the transferee's call takes the consultation call's place without ringing.
      await expect.poll(() => lineStatus(target.page, '1001'), WAIT).toBe('Connected');
      await expect.poll(() => lineCount(target.page), WAIT).toBe(1);
      await expect.poll(() => lineStatus(transferee.page, '1002'), WAIT).toBe('Connected');
      await expectTransferorDone(transferor);
      await expect.poll(() => lineCount(transferee.page), WAIT).toBe(1);
      await expectTalking(transferee);
      await expectTalking(target);
    });
  });
});

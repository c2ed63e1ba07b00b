import { chromium as playwrightChromium } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { kamcmd, startKamailio, stopKamailio } from '../../lab/lab';
import { WRONG_CREDENTIALS } from '../../src/sip';
import { statusText, type AppPage } from '../e2e/support/app-page';
import { CHROMIUM_ARGS, chromiumForFile, chromiumPath } from '../e2e/support/chromium';
import { assertLoopbackOnlyNetwork } from '../e2e/support/network-guard';
import { interopContext } from './support/interop-context';
import { readSipDump, requestsReceived, responsesSent, type DumpedRequest } from './support/sipdump';
import { openTabphone, waitForStatus } from './support/tabphone-page';
import { waitUntil } from './support/wait';

const { lab } = interopContext();
const chromium = chromiumForFile();
const pages: AppPage[] = [];

afterEach(async () => {
  for (const app of pages.splice(0)) await app.close();
});

async function open(user: string, options: Parameters<typeof openTabphone>[2] = {}): Promise<AppPage> {
  const app = await openTabphone(chromium.browser, user, options);
  pages.push(app);
  return app;
}

/** REGISTERs of `user` that Kamailio received over WebSocket, and its replies to them, in order. */
async function registerExchange(user: string): Promise<{ requests: DumpedRequest[]; statuses: number[] }> {
  const dump = await readSipDump(lab.runDir);
  const requests = requestsReceived(dump, 'REGISTER', 'ws').filter((m) => m.message.from.uri.user === user);
  const callIds = new Set(requests.map((m) => m.message.callId));
  const statuses = responsesSent(dump, 'REGISTER', 'ws')
    .filter((m) => callIds.has(m.message.callId))
    .map((m) => m.message.status);
  return { requests, statuses };
}

/** registerExchange once the sipdump files show Kamailio's 200 (they are written a moment later). */
async function acceptedExchange(user: string): Promise<{ requests: DumpedRequest[]; statuses: number[] }> {
  await waitUntil(
    async () => (await registerExchange(user)).statuses.includes(200),
    5000,
    async () => `REGISTER replies for ${user} so far: ${(await registerExchange(user)).statuses.join(', ')}`,
  );
  return registerExchange(user);
}

/** Kamailio's location record for `user` (kamcmd ul.lookup), or '' when it has none. */
async function binding(user: string): Promise<string> {
  try {
    return await kamcmd(lab, 'ul.lookup', 'location', `s:${user}`);
  } catch (error) {
    if (/AOR not found/.test((error as Error).message)) return '';
    throw error;
  }
}

describe('registration with Kamailio over WebSocket', () => {
  it('answers the 401 challenge with digest credentials; Kamailio binds the WebSocket contact', async () => {
    const app = await open('1000');
    expect(await statusText(app.page)).toBe('Registered');

    const { requests, statuses } = await acceptedExchange('1000');
    expect(statuses.slice(0, 2)).toEqual([401, 200]);
    expect(requests[0]!.message.get('Authorization')).toBeUndefined();
    expect(requests[1]!.message.get('Authorization')).toMatch(/^Digest .*username="1000"/);

    const record = await binding('1000');
    expect(record).toMatch(/transport=ws/);
    expect(app.errors).toEqual([]);
  });

  it('refreshes the binding before Kamailio lets it expire', async () => {
    // Kamailio grants at most 4 s for this test, so refreshes come every 2 s.
    await kamcmd(lab, 'cfg.seti', 'registrar', 'min_expires', '2');
    await kamcmd(lab, 'cfg.seti', 'registrar', 'max_expires', '4');
    try {
      await open('1001');
      await waitUntil(
        async () => (await registerExchange('1001')).statuses.filter((s) => s === 200).length >= 3,
        20_000,
        async () => `REGISTER replies so far: ${(await registerExchange('1001')).statuses.join(', ')}`,
      );
      const { requests } = await registerExchange('1001');
      expect(requests.every((m) => (m.message.expires ?? 0) > 0)).toBe(true);
      // One registration refreshed (same Call-ID), each refresh answered without a new challenge.
      expect((await registerExchange('1001')).statuses.slice(0, 4)).toEqual([401, 200, 200, 200]);
      expect(new Set(requests.map((m) => m.message.callId)).size).toBe(1);
      expect(await binding('1001')).toMatch(/transport=ws/);
    } finally {
      await kamcmd(lab, 'cfg.seti', 'registrar', 'max_expires', '3600');
      await kamcmd(lab, 'cfg.seti', 'registrar', 'min_expires', '30');
    }
  });

  it('unregisters when the page goes away: Kamailio drops the binding', async () => {
    const app = await open('1002');
    expect(await binding('1002')).toMatch(/transport=ws/);

    await app.page.goto('about:blank');
    await waitUntil(async () => (await binding('1002')) === '', 10_000, async () => `binding still there: ${await binding('1002')}`);
    // sipdump writes a moment after Kamailio acts.
    await waitUntil(
      async () => (await registerExchange('1002')).requests.at(-1)?.message.expires === 0,
      5000,
      async () => `last REGISTER: Expires ${(await registerExchange('1002')).requests.at(-1)?.message.expires}`,
    );
  });

  it('reports a wrong password after Kamailio keeps refusing it', async () => {
    const app = await open('1003', { password: 'not-the-password', waitRegistered: false });
    await waitForStatus(app.page, `Registration failed: ${WRONG_CREDENTIALS}`, 20_000);

    const { statuses } = await registerExchange('1003');
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(await binding('1003')).toBe('');
  });

  it('registers over secure WebSocket (wss://) with the lab\'s self-signed certificate', async () => {
    // A browser of its own that accepts the certificate lab:start made for 127.0.0.1.
    assertLoopbackOnlyNetwork();
    const browser = await playwrightChromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
    });
    try {
      const app = await openTabphone(browser, '1009', { params: { server: lab.wssUrl } });
      expect(await statusText(app.page)).toBe('Registered');
      const dump = await readSipDump(lab.runDir);
      const registers = requestsReceived(dump, 'REGISTER', 'wss').filter((m) => m.message.from.uri.user === '1009');
      expect(registers.length).toBeGreaterThanOrEqual(2);
      expect(await binding('1009')).toMatch(/transport=ws/);
      await app.close();
    } finally {
      await browser.close();
    }
  });

  it('registers when Kamailio challenges with SHA-256 digests (RFC 8760)', async () => {
    await stopKamailio(lab);
    await startKamailio(lab, ['WITH_SHA256']);
    try {
      await open('1014');
      const { requests, statuses } = await acceptedExchange('1014');
      expect(statuses.slice(0, 2)).toEqual([401, 200]);
      const dump = await readSipDump(lab.runDir);
      const challenge = responsesSent(dump, 'REGISTER', 'ws').find((m) => m.message.callId === requests[0]!.message.callId && m.message.status === 401);
      expect(challenge!.message.get('WWW-Authenticate')).toMatch(/algorithm=SHA-256/);
      expect(requests[1]!.message.get('Authorization')).toMatch(/algorithm=SHA-256/);
    } finally {
      await stopKamailio(lab);
      await startKamailio(lab);
    }
  });
});

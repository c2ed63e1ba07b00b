import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegisteredApp, type AppPage } from './support/app-page';
import { callLine, dial, lineStatus } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { repoRoot } from './support/build-app';
import { e2eContext } from './support/e2e-context';

const WAIT = { timeout: 15_000, interval: 100 };
const PHONE_SIZE = { width: 360, height: 640 };
const SCREENSHOTS = path.join(repoRoot, '.tmp/screenshots');

describe('Diagnostics screen, in Chromium', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  async function phone(user: string): Promise<AppPage> {
    return openRegisteredApp(chromium.browser, appUrl, { user }, { viewport: PHONE_SIZE });
  }

  const showDiagnostics = (app: AppPage) => app.page.getByRole('tab', { name: 'Diagnostics' }).click();

  it('draws REGISTER, 401 and 200 between us and the proxy; the raw text shows the digest hash, never the password', async () => {
    const app = await phone('1008');
    try {
      await showDiagnostics(app);
      const ladder = app.page.getByRole('list', { name: 'SIP ladder' });
      // Each arrow's name (its text) reads as a sentence: "REGISTER from Us to Proxy at 14:03:07.215".
      const arrows = async () => (await ladder.getByRole('button').allTextContents()).map((name) => name.replace(/ at \d\d:\d\d:\d\d\.\d{3}$/, ''));
      await expect.poll(async () => (await arrows()).slice(0, 4), WAIT).toEqual([
        'REGISTER from Us to Proxy',
        '401 Unauthorized from Proxy to Us',
        'REGISTER from Us to Proxy',
        '200 OK from Proxy to Us',
      ]);

      const raw = app.page.getByLabel('Raw message');
      await ladder.getByRole('button').nth(2).click();
      const text = (await raw.textContent()) ?? '';
      expect(text).toMatch(/^REGISTER sip:/);
      expect(text).toMatch(/Authorization: Digest username="1008", realm="[^"]+", nonce="[^"]+", uri="[^"]+", response="[0-9a-f]{32,}"/);
      expect(text).not.toContain('secret1008');

      await ladder.getByRole('button').nth(1).click();
      expect(await raw.textContent()).toMatch(/^SIP\/2\.0 401 Unauthorized\r?\n[\s\S]*WWW-Authenticate: Digest/);
      // The password is nowhere on the page.
      expect(await app.page.locator('body').textContent()).not.toContain('secret1008');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('graphs loss, jitter, round trip and MOS of the current call, every second, and draws the call on the ladder', async () => {
    const caller = await phone('1008');
    const callee = await phone('1009');
    try {
      await dial(caller.page, '1009');
      await callLine(callee.page, '1008').getByRole('button', { name: 'Answer', exact: true }).click();
      await expect.poll(() => lineStatus(caller.page, '1009'), WAIT).toBe('Connected');
      await showDiagnostics(caller);

      const graph = caller.page.getByRole('region', { name: 'Call quality graph' });
      const mos = graph.getByRole('img', { name: /^Estimated MOS, last minute: now / });
      await expect.poll(async () => (await mos.getAttribute('aria-label')) ?? '', WAIT).toMatch(/now [1-4]\.\d\d$/);
      for (const name of [/^Packet loss, last minute: now \d+\.\d %$/, /^Jitter, last minute: now \d+ ms$/, /^Round-trip time, last minute: now \d+ ms$/]) {
        await expect.poll(async () => graph.getByRole('img', { name }).count(), WAIT).toBe(1);
      }
      // A second later there are more points on the line.
      const points = async () => ((await mos.locator('polyline').first().getAttribute('points')) ?? '').split(' ').length;
      const before = await points();
      await expect.poll(points, WAIT).toBeGreaterThan(before);
      await mkdir(SCREENSHOTS, { recursive: true });
      await graph.scrollIntoViewIfNeeded();
      await caller.page.screenshot({ path: path.join(SCREENSHOTS, 'diagnostics-call-quality.png') });
      await caller.page.getByRole('list', { name: 'SIP ladder' }).getByRole('button').first().click();
      await caller.page.getByRole('list', { name: 'SIP ladder' }).scrollIntoViewIfNeeded();
      await caller.page.screenshot({ path: path.join(SCREENSHOTS, 'diagnostics-ladder.png'), fullPage: true });

      const ladder = caller.page.getByRole('list', { name: 'SIP ladder' });
      const names = await ladder.getByRole('button').allTextContents();
      expect(names.some((name) => name.startsWith('INVITE from Us to Far end at '))).toBe(true);
      expect(names.some((name) => name.startsWith('200 OK from Far end to Us at '))).toBe(true);
      expect(names.some((name) => name.startsWith('ACK from Us to Far end at '))).toBe(true);
      // The accessible name is the same sentence.
      expect(await ladder.getByRole('button', { name: /^INVITE from Us to Far end at \d\d:\d\d:\d\d\.\d{3}$/ }).count()).toBeGreaterThan(0);

      await callLine(caller.page, '1009').getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => graph.getByText('No call in progress.').count(), WAIT).toBe(1);
      for (const app of [caller, callee]) expect(app.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });
});

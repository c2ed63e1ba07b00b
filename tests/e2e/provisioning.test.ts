import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../server/app-server';
import { startPbx, type Pbx } from '../../server/pbx';
import { openApp, statusDetail, statusText } from './support/app-page';
import { repoRoot } from './support/build-app';
import { launchChromium } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const WAIT = { timeout: 15_000, interval: 100 };
const FIXTURES = path.join(repoRoot, 'tests/fixtures/provisioning');

describe('provisioning links (?config=URL) in Chromium', () => {
  let pbx: Pbx;
  let appServer: AppServer;
  let browser: Browser;
  let distCopy: string;

  beforeAll(async () => {
    pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
    // A copy of the build with the provisioning files in it, served by an app server of our own.
    distCopy = await mkdtemp(path.join(os.tmpdir(), 'tabphone-provisioning-'));
    await cp(e2eContext().distDir, distCopy, { recursive: true });
    await mkdir(path.join(distCopy, 'provision'));
    const port = new URL(pbx.url).port;
    for (const name of ['office.json', 'malformed.json']) {
      const text = await readFile(path.join(FIXTURES, name), 'utf8');
      await writeFile(path.join(distCopy, 'provision', name), text.replaceAll('{{PBX_PORT}}', port));
    }
    appServer = await startAppServer({ host: '127.0.0.1', port: 0, distDir: distCopy, pbxUrl: pbx.url });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await appServer?.close();
    await pbx?.close();
    if (distCopy) await rm(distCopy, { recursive: true, force: true });
  });

  it('pre-fills the accounts, registers the first, warns about the unknown key, and keeps them without the link', async () => {
    const app = await openApp(browser, appServer.url, { config: '/provision/office.json' });
    try {
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
      const account = app.page.getByRole('region', { name: 'Account', exact: true });
      expect(await account.getByText('Reception').count()).toBe(1);
      expect(await account.getByText('sip:1008@127.0.0.1').count()).toBe(1);
      expect(new URL(app.page.url()).searchParams.has('config')).toBe(false);

      await app.page.getByRole('tab', { name: 'Settings' }).click();
      const notices = app.page.getByRole('list', { name: 'Settings notices' });
      await expect.poll(() => notices.textContent(), WAIT).toContain('/provision/office.json: 2 accounts added or updated.');
      expect(await notices.textContent()).toContain('Ignored unknown key "ringGroup" in accounts[0].');
      const saved = app.page.getByRole('list', { name: 'Saved accounts' });
      expect(await saved.getByText(/^sip:100[89]@127\.0\.0\.1$/).allTextContents()).toEqual(['sip:1008@127.0.0.1', 'sip:1009@127.0.0.1']);

      await app.page.getByRole('button', { name: 'Edit sip:1008@127.0.0.1' }).click();
      await app.page.getByText('Calls', { exact: true }).click();
      expect(await app.page.getByRole('combobox', { name: 'DTMF mode' }).inputValue()).toBe('info');
      expect(await app.page.getByRole('combobox', { name: 'Audio profile' }).inputValue()).toBe('sipconnect');

      await app.page.reload();
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
      expect(await account.getByText('sip:1008@127.0.0.1').count()).toBe(1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses a malformed file with a message and changes nothing', async () => {
    const app = await openApp(browser, appServer.url, { config: '/provision/malformed.json' });
    try {
      await expect.poll(() => statusDetail(app.page), WAIT).toBe('No account is set up yet.');
      await app.page.getByRole('tab', { name: 'Settings' }).click();
      const alert = app.page.getByRole('alert');
      await expect.poll(() => alert.textContent(), WAIT).toContain('/provision/malformed.json was refused: accounts[0]: "server" must be a WebSocket URI or a list of them.');
      expect(await app.page.getByText('No saved accounts yet.').count()).toBe(1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

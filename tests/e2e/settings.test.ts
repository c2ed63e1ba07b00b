import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMessage, SipRequest } from '../../src/sip';
import { openApp, statusDetail, statusText, type AppPage } from './support/app-page';
import { accessibilityProblems } from './support/axe';
import { repoRoot } from './support/build-app';
import { callLine, dial, lineStatus } from './support/call-page';
import { ownStack } from './support/own-stack';

const WAIT = { timeout: 15_000, interval: 100 };
const PHONE_SIZE = { width: 360, height: 640 };
const SCREENSHOTS = path.join(repoRoot, '.tmp/screenshots');

/** The REGISTERs the PBX received, as "user expires" ("1003 600", "1003 0" for an un-REGISTER). */
function registersSeen(stack: ReturnType<typeof ownStack>): () => string[] {
  const seen: string[] = [];
  stack.pbx.events.on('message', ({ direction, text }) => {
    if (direction !== 'in' || !text.startsWith('REGISTER ')) return;
    const request = parseMessage(text) as SipRequest;
    // Only the authorized attempt counts: the first of each pair is challenged.
    if (!request.get('Authorization')) return;
    const expires = request.contact[0]?.params.get('expires') ?? String(request.expires);
    seen.push(`${request.from.uri.user} ${expires}`);
  });
  return () => [...seen];
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
}

async function useDemoAccount(app: AppPage, user: string): Promise<void> {
  await app.page.getByRole('combobox', { name: 'Demo user' }).selectOption(user);
  await app.page.getByRole('button', { name: `Use demo account ${user}` }).click();
  await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
}

describe('Settings in Chromium: first run, editing, reload, export', () => {
  const stack = ownStack();
  let registers: () => string[];
  beforeAll(() => {
    registers = registersSeen(stack);
  });

  it('offers the demo account on a first run and registers it', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE });
    try {
      await expect.poll(() => statusDetail(app.page), WAIT).toBe('No account is set up yet.');
      expect(await statusText(app.page)).toBe('Offline');
      await expect.poll(() => app.page.getByRole('button', { name: 'Use demo account 1000' }).count(), WAIT).toBe(1);

      await useDemoAccount(app, '1003');
      expect(await app.page.getByText('sip:1003@127.0.0.1').count()).toBe(1);
      expect(await app.page.getByRole('button', { name: /^Use demo account/ }).count()).toBe(0);
      expect(registers()).toContain('1003 600');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('keeps the account over a reload, and an edit in Settings un-registers the old user and registers the new one', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE });
    try {
      await useDemoAccount(app, '1004');
      await app.page.reload();
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
      expect(await app.page.getByText('sip:1004@127.0.0.1').count()).toBe(1);

      await openSettings(app.page);
      await app.page.getByRole('button', { name: 'Edit sip:1004@127.0.0.1' }).click();
      await app.page.getByRole('textbox', { name: 'User', exact: true }).fill('1005');
      await app.page.getByRole('textbox', { name: 'Password' }).fill('secret1005');
      await app.page.getByRole('textbox', { name: 'Display name' }).fill('Desk 1005');
      const savedAt = Date.now();
      await app.page.getByRole('button', { name: 'Save account' }).click();

      await expect.poll(() => app.page.getByText('sip:1005@127.0.0.1').count(), WAIT).toBeGreaterThan(0);
      await expect.poll(() => statusText(app.page), { timeout: WAIT.timeout, interval: 20 }).toBe('Registered');
      console.log(`Save → un-REGISTER 1004 → "Registered" as 1005: ${Date.now() - savedAt} ms (polled every 20 ms)`);
      expect(await app.page.getByRole('region', { name: 'Account', exact: true }).getByText('Desk 1005').count()).toBe(1);
      await expect.poll(registers, WAIT).toContain('1005 600');
      const seen = registers();
      // The old binding went before the new one came.
      expect(seen.indexOf('1004 0')).toBeGreaterThan(-1);
      expect(seen.indexOf('1004 0')).toBeLessThan(seen.lastIndexOf('1005 600'));

      await app.page.reload();
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
      expect(await app.page.getByRole('region', { name: 'Account', exact: true }).getByText('sip:1005@127.0.0.1').count()).toBe(1);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('refuses an insecure remote server with a message naming it, and saves nothing', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE });
    try {
      await useDemoAccount(app, '1006');
      await openSettings(app.page);
      await app.page.getByRole('button', { name: 'Edit sip:1006@127.0.0.1' }).click();
      await app.page.getByRole('textbox', { name: 'WebSocket servers' }).fill('ws://pbx.example.com:8080');
      await app.page.getByRole('button', { name: 'Save account' }).click();
      const alert = app.page.getByRole('alert');
      await expect.poll(() => alert.textContent(), WAIT).toContain(
        'The server "ws://pbx.example.com:8080" must use wss:// (plain ws:// is allowed only for localhost and 127.0.0.1).',
      );
      await app.page.getByRole('button', { name: 'Cancel' }).click();
      await app.page.reload();
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('exports the configuration without passwords unless asked, and with them when asked, which another profile imports', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE });
    try {
      await useDemoAccount(app, '1007');
      await openSettings(app.page);

      const exported = async () => {
        const download = app.page.waitForEvent('download');
        await app.page.getByRole('button', { name: 'Export settings' }).click();
        return JSON.parse(await readFile((await (await download).path())!, 'utf8')) as { accounts: Record<string, unknown>[] };
      };
      const plain = await exported();
      expect(plain.accounts).toHaveLength(1);
      expect(plain.accounts[0]).toMatchObject({ user: '1007', domain: '127.0.0.1', server: stack.pbx.url });
      expect(plain.accounts[0]).not.toHaveProperty('password');
      expect(JSON.stringify(plain)).not.toContain('secret1007');

      await app.page.getByRole('checkbox', { name: 'Include passwords' }).check();
      const withSecrets = await exported();
      expect(withSecrets.accounts[0]).toMatchObject({ user: '1007', password: 'secret1007' });
      expect(app.errors).toEqual([]);

      // The file with passwords sets up another browser profile in one import.
      const other = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE });
      try {
        await openSettings(other.page);
        await other.page.getByLabel('Settings file to import').setInputFiles({
          name: 'tabphone-settings.json',
          mimeType: 'application/json',
          buffer: Buffer.from(JSON.stringify(withSecrets)),
        });
        await expect.poll(() => statusText(other.page), WAIT).toBe('Registered');
        expect(await other.page.getByRole('region', { name: 'Account', exact: true }).getByText('sip:1007@127.0.0.1').count()).toBe(1);
        expect(await other.page.getByRole('list', { name: 'Settings notices' }).textContent()).toContain('Imported: 1 account added or updated.');
      } finally {
        await other.close();
      }
    } finally {
      await app.close();
    }
  });

  it('holds a saved change back while a call is live, says so, and switches once the call has ended', async () => {
    const caller = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE });
    const callee = await openApp(stack.browser, stack.appServer.url, { user: '1002' }, { viewport: PHONE_SIZE });
    try {
      await useDemoAccount(caller, '1001');
      await expect.poll(() => statusText(callee.page), WAIT).toBe('Registered');
      await dial(caller.page, '1002');
      const answer = callee.page.getByRole('region', { name: 'Calls' }).getByRole('button', { name: 'Answer', exact: true });
      await answer.click();
      await expect.poll(() => lineStatus(caller.page, '1002'), WAIT).toBe('Connected');

      await openSettings(caller.page);
      await caller.page.getByRole('button', { name: 'Edit sip:1001@127.0.0.1' }).click();
      await caller.page.getByRole('textbox', { name: 'Display name' }).fill('Desk 1001');
      await caller.page.getByRole('button', { name: 'Save account' }).click();
      const account = caller.page.getByRole('region', { name: 'Account', exact: true });
      await expect.poll(() => account.textContent(), WAIT).toContain('Settings saved: the phone switches to the changed account when the call ends.');
      expect(await lineStatus(caller.page, '1002')).toBe('Connected');
      expect(registers()).not.toContain('1001 0');

      await callLine(caller.page, '1002').getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => account.getByText('Desk 1001').count(), WAIT).toBe(1);
      await expect.poll(() => statusText(caller.page), WAIT).toBe('Registered');
      const seen = registers();
      expect(seen.lastIndexOf('1001 0')).toBeGreaterThan(-1);
      expect(seen.lastIndexOf('1001 600')).toBeGreaterThan(seen.lastIndexOf('1001 0'));
      expect(await account.textContent()).not.toContain('Settings saved');
      expect(caller.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });

  it.each(['light', 'dark'] as const)('has no serious accessibility problems on a first run and in Settings (%s), and fits 360 px', async (colorScheme) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const app = await openApp(stack.browser, stack.appServer.url, {}, { viewport: PHONE_SIZE, colorScheme });
    try {
      await app.page.getByRole('button', { name: 'Use demo account 1000' }).waitFor();
      await app.page.screenshot({ path: path.join(SCREENSHOTS, `first-run-${colorScheme}.png`) });
      expect(await accessibilityProblems(app.page)).toEqual([]);

      await useDemoAccount(app, '1008');
      await openSettings(app.page);
      await app.page.getByRole('button', { name: 'Edit sip:1008@127.0.0.1' }).click();
      await app.page.getByText('Network', { exact: true }).click();
      await app.page.getByRole('button', { name: 'Add STUN/TURN server' }).click();
      await app.page.getByText('Calls', { exact: true }).click();
      expect(await accessibilityProblems(app.page)).toEqual([]);
      // Nothing sticks out sideways at the installed app's size.
      expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE_SIZE.width);
      await app.page.screenshot({ path: path.join(SCREENSHOTS, `settings-account-${colorScheme}.png`), fullPage: true });
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('puts the phone and the chosen screen side by side on a wide window', async () => {
    const app = await openApp(stack.browser, stack.appServer.url, { user: '1009' }, { viewport: { width: 1280, height: 800 } });
    try {
      await expect.poll(() => statusText(app.page), WAIT).toBe('Registered');
      await openSettings(app.page);
      const dialField = await app.page.getByLabel('Number or SIP URI', { exact: true }).boundingBox();
      const accounts = await app.page.getByRole('heading', { name: 'Accounts' }).boundingBox();
      expect(dialField).not.toBeNull();
      expect(accounts!.x).toBeGreaterThan(dialField!.x + dialField!.width);
      expect(await accessibilityProblems(app.page)).toEqual([]);
      await app.page.screenshot({ path: path.join(SCREENSHOTS, 'settings-wide.png') });
    } finally {
      await app.close();
    }
  });
});

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openRegisteredApp, statusText, type AppPage } from './support/app-page';
import { accessibilityProblems } from './support/axe';
import { repoRoot } from './support/build-app';
import { callLine, dial, lineCount, lineStatus } from './support/call-page';
import { chromiumForFile } from './support/chromium';
import { e2eContext } from './support/e2e-context';

const PHONE_SIZE = { width: 360, height: 640 };
const SCREENSHOTS = path.join(repoRoot, '.tmp/screenshots');
const WAIT = { timeout: 15_000, interval: 100 };

function historyList(page: Page): Locator {
  return page.getByRole('list', { name: 'Call history' });
}

/** The accessible names of the history entries shown, newest first ("Missed call from 1000"), never waiting. */
function historyEntries(page: Page): Promise<string[]> {
  return historyList(page)
    .locator(':scope > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

async function showHistory(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^History/ }).click();
}

describe('call history, in Chromium against the embedded PBX', () => {
  const { appUrl } = e2eContext();
  const chromium = chromiumForFile();

  async function phone(user: string, colorScheme: 'light' | 'dark' = 'light'): Promise<AppPage> {
    return openRegisteredApp(chromium.browser, appUrl, { user }, { viewport: PHONE_SIZE, colorScheme });
  }

  it('lists a missed and an answered call with their kinds, keeps them over a reload, and calls back from an entry', async () => {
    const caller = await phone('1006');
    const callee = await phone('1007', 'dark');
    try {
      // Missed: the caller gives up while it rings.
      await dial(caller.page, '1007');
      await expect.poll(() => lineStatus(callee.page, '1006'), WAIT).toBe('Incoming call');
      await callLine(caller.page, '1007').getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(0);

      // Answered, then hung up by the callee.
      await dial(caller.page, '1007');
      await expect.poll(() => lineStatus(callee.page, '1006'), WAIT).toBe('Incoming call');
      await callLine(callee.page, '1006').getByRole('button', { name: 'Answer', exact: true }).click();
      await expect.poll(() => lineStatus(caller.page, '1007'), WAIT).toBe('Connected');
      await callLine(callee.page, '1006').getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => lineCount(caller.page), WAIT).toBe(0);

      await showHistory(callee.page);
      await expect.poll(() => historyEntries(callee.page), WAIT).toEqual(['Incoming call from 1006', 'Missed call from 1006']);
      const answered = historyList(callee.page).getByRole('listitem', { name: 'Incoming call from 1006' });
      expect(await answered.getByText(/^Incoming · \d\d:\d\d$/).count()).toBe(1);
      await showHistory(caller.page);
      await expect.poll(() => historyEntries(caller.page), WAIT).toEqual(['Outgoing call to 1007', 'Outgoing call to 1007']);
      expect(await historyList(caller.page).getByText('Outgoing · Cancelled', { exact: true }).count()).toBe(1);

      await callee.page.getByRole('button', { name: 'Missed', exact: true }).click();
      expect(await historyEntries(callee.page)).toEqual(['Missed call from 1006']);
      await mkdir(SCREENSHOTS, { recursive: true });
      await callee.page.getByRole('button', { name: 'All', exact: true }).click();
      await callee.page.screenshot({ path: path.join(SCREENSHOTS, 'history.png') });
      expect(await accessibilityProblems(callee.page)).toEqual([]);

      await callee.page.reload();
      await expect.poll(() => statusText(callee.page), WAIT).toBe('Registered');
      await showHistory(callee.page);
      await expect.poll(() => historyEntries(callee.page), WAIT).toEqual(['Incoming call from 1006', 'Missed call from 1006']);

      // Call back from the missed call: it dials 1006 and shows the Phone screen with the call.
      const missed = historyList(callee.page).getByRole('listitem', { name: 'Missed call from 1006' });
      await missed.getByRole('button', { name: 'Call back 1006', exact: true }).click();
      await expect.poll(() => lineStatus(caller.page, '1007'), WAIT).toBe('Incoming call');
      expect(await callee.page.getByRole('tab', { name: 'Phone', exact: true }).getAttribute('aria-selected')).toBe('true');
      await callLine(caller.page, '1007').getByRole('button', { name: 'Decline', exact: true }).click();
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(0);

      await showHistory(caller.page);
      await expect.poll(() => historyEntries(caller.page), WAIT).toEqual(['Declined call from 1007', 'Outgoing call to 1007', 'Outgoing call to 1007']);

      // Redial, beside the empty number field, calls the last number dialled: the call back to 1006.
      await callee.page.getByRole('tab', { name: 'Phone', exact: true }).click();
      await callee.page.getByRole('button', { name: 'Redial 1006', exact: true }).click();
      await expect.poll(() => lineStatus(caller.page, '1007'), WAIT).toBe('Incoming call');
      await callLine(caller.page, '1007').getByRole('button', { name: 'Decline', exact: true }).click();
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(0);
      expect(caller.errors).toEqual([]);
      expect(callee.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });

  it('messages from an entry, saves the caller as a contact whose name the history then shows, deletes and clears', async () => {
    const caller = await phone('1008');
    const callee = await phone('1009');
    try {
      await dial(caller.page, '1009');
      await expect.poll(() => lineStatus(callee.page, '1008'), WAIT).toBe('Incoming call');
      await callLine(callee.page, '1008').getByRole('button', { name: 'Decline', exact: true }).click();
      await expect.poll(() => lineCount(caller.page), WAIT).toBe(0);
      await dial(caller.page, '1009');
      await expect.poll(() => lineStatus(callee.page, '1008'), WAIT).toBe('Incoming call');
      await callLine(caller.page, '1009').getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(0);

      await showHistory(callee.page);
      await expect.poll(() => historyEntries(callee.page), WAIT).toEqual(['Missed call from 1008', 'Declined call from 1008']);

      await historyList(callee.page).getByRole('button', { name: 'Message 1008', exact: true }).first().click();
      await expect.poll(() => callee.page.getByRole('tab', { name: /^Messages/ }).getAttribute('aria-selected'), WAIT).toBe('true');
      expect(await callee.page.getByLabel('Message', { exact: true }).count()).toBe(1);

      await showHistory(callee.page);
      await historyList(callee.page).getByRole('button', { name: 'Add contact for 1008', exact: true }).first().click();
      const form = callee.page.getByRole('form', { name: 'New contact' });
      expect(await form.getByLabel('Number 1', { exact: true }).inputValue()).toBe('1008');
      await form.getByLabel('Name', { exact: true }).fill('Grace <b>Hopper</b>');
      await form.getByRole('button', { name: 'Save contact', exact: true }).click();
      await expect.poll(() => callee.page.getByRole('list', { name: 'Contacts' }).getByRole('listitem', { name: 'Grace <b>Hopper</b>' }).count(), WAIT).toBe(1);

      await showHistory(callee.page);
      await expect.poll(() => historyEntries(callee.page), WAIT).toEqual(['Missed call from Grace <b>Hopper</b>', 'Declined call from Grace <b>Hopper</b>']);
      expect(await historyList(callee.page).locator('b').count()).toBe(0);
      expect(await historyList(callee.page).getByRole('button', { name: /^Add contact/ }).count()).toBe(0);

      await historyList(callee.page).getByRole('button', { name: 'Delete declined call from Grace <b>Hopper</b>', exact: true }).click();
      await expect.poll(() => historyEntries(callee.page), WAIT).toEqual(['Missed call from Grace <b>Hopper</b>']);

      await callee.page.getByRole('button', { name: 'Clear history', exact: true }).click();
      await callee.page.getByRole('group', { name: 'Delete all 1 call?' }).getByRole('button', { name: 'Cancel', exact: true }).click();
      expect(await historyEntries(callee.page)).toHaveLength(1);
      await callee.page.getByRole('button', { name: 'Clear history', exact: true }).click();
      await callee.page.getByRole('button', { name: 'Delete all', exact: true }).click();
      await expect.poll(() => historyList(callee.page).count(), WAIT).toBe(0);
      expect(await callee.page.getByText(/^No calls yet\./).count()).toBe(1);
      expect(await accessibilityProblems(callee.page)).toEqual([]);

      await callee.page.reload();
      await expect.poll(() => statusText(callee.page), WAIT).toBe('Registered');
      await showHistory(callee.page);
      await expect.poll(() => callee.page.getByText(/^No calls yet\./).count(), WAIT).toBe(1);
      expect(callee.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });

  it('upgrades an account database from version 1 to 2 and keeps its conversations', async () => {
    const { browser } = chromium;
    // The database name for user 1005, as the app spells it.
    const probe = await phone('1005');
    const name = (await probe.page.evaluate(() => indexedDB.databases())).map((db) => db.name).find((n) => n?.includes('1005'));
    await probe.close();
    expect(name).toMatch(/^tabphone:sip:1005@/);

    const context = await browser.newContext({ viewport: PHONE_SIZE });
    try {
      const page = await context.newPage();
      // Any page of the app's origin that does not start the app.
      await page.goto(new URL('/embedded-pbx.json', appUrl).toString());
      await page.evaluate(async (dbName) => {
        // Version 1 as it shipped: conversations, messages (by-peer index) and the outbox.
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName, 1);
          request.onupgradeneeded = () => {
            const v1 = request.result;
            v1.createObjectStore('conversations', { keyPath: 'peer' });
            v1.createObjectStore('messages', { keyPath: 'id' }).createIndex('by-peer', 'peer');
            v1.createObjectStore('outbox', { keyPath: 'id' });
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const tx = db.transaction(['conversations', 'messages'], 'readwrite');
        tx.objectStore('conversations').put({ peer: '1004', unread: 1 });
        tx.objectStore('messages').put({ id: 'm1', peer: '1004', direction: 'incoming', body: 'Saved before the upgrade', time: Date.now(), state: 'delivered' });
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      }, name!);

      await page.goto(new URL('/?user=1005', appUrl).toString());
      await expect.poll(() => statusText(page), WAIT).toBe('Registered');
      await page.getByRole('tab', { name: /^Messages/ }).click();
      await page.getByRole('list', { name: 'Conversations' }).getByRole('button', { name: /^Conversation with 1004/ }).click();
      await expect.poll(() => page.getByRole('log', { name: 'Messages' }).getByText('Saved before the upgrade', { exact: true }).count(), WAIT).toBe(1);

      const upgraded = await page.evaluate(async (dbName) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open(dbName);
          request.onsuccess = () => resolve(request.result);
        });
        const result = { version: db.version, stores: [...db.objectStoreNames].sort() };
        db.close();
        return result;
      }, name!);
      expect(upgraded).toEqual({ version: 2, stores: ['calls', 'conversations', 'messages', 'outbox'] });
      await page.getByRole('tab', { name: /^History/ }).click();
      expect(await page.getByText(/^No calls yet\./).count()).toBe(1);
    } finally {
      await context.close();
    }
  });
});

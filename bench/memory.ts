/**
 * JS heap of a phone page in Chromium: idle and registered, with one live call, with four. Each
 * figure is the page's used V8 heap right after a forced garbage collection (CDP
 * HeapProfiler.collectGarbage, then Runtime.getHeapUsage), so it is what the page keeps alive.
 */
import type { Browser, Page } from 'playwright-core';
import { lineStatus, dial } from '../tests/e2e/support/call-page';
import { openPhone, type PhoneStack } from './call-setup';
import { waitFor } from './wait-for';

export interface HeapFigures {
  idle: number;
  oneCall: number;
  fourCalls: number;
}

async function usedHeapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Tabphone hides its dial field during a call behind "New call"; the JsSIP page always shows it. */
async function showDialField(page: Page): Promise<void> {
  if ((await page.getByLabel('Number or SIP URI', { exact: true }).count()) > 0) return;
  await page.getByRole('button', { name: 'New call', exact: true }).click();
}

/** Lets timers, stats polling and the like settle before a reading. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_000));

/** Bytes of used JS heap of `user`'s page idle, then calling `callees` (answering at once) one by one. */
export async function measureHeap(browser: Browser, stack: PhoneStack, user: string, callees: string[]): Promise<HeapFigures> {
  if (callees.length !== 4) throw new Error('measureHeap needs four callees');
  const [phone, ...answering] = await Promise.all([
    openPhone(browser, stack, user),
    ...callees.map((callee) => openPhone(browser, stack, callee, undefined, true)),
  ]);
  try {
    await settle();
    const idle = await usedHeapAfterGc(phone.page);
    const readings: number[] = [];
    for (const callee of callees) {
      await showDialField(phone.page);
      await dial(phone.page, callee);
      await waitFor(`the call to ${callee} to connect`, async () => (await lineStatus(phone.page, callee)) === 'Connected', 20_000, 50);
      if (callee === callees[0] || callee === callees.at(-1)) {
        await settle();
        readings.push(await usedHeapAfterGc(phone.page));
      }
    }
    return { idle, oneCall: readings[0]!, fourCalls: readings[1]! };
  } finally {
    await Promise.all([phone, ...answering].map((page) => page.close()));
  }
}

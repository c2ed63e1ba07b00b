import type { Locator, Page } from 'playwright-core';

/** The calls panel's line for a call with `party` (display name or number). */
export function callLine(page: Page, party: string): Locator {
  return page.getByRole('listitem', { name: `Call with ${party}`, exact: true });
}

/** A line's state text ("Ringing", "On hold" …), or null when the line is not shown (never waits). */
export async function lineStatus(page: Page, party: string): Promise<string | null> {
  const texts = await callLine(page, party).getByRole('status', { name: 'Call status' }).allTextContents();
  return texts[0] ?? null;
}

/** A line's talk time ("00:07"), or null before the answer (never waits). */
export async function lineTimer(page: Page, party: string): Promise<string | null> {
  const texts = await callLine(page, party).getByRole('timer').allTextContents();
  return texts[0] ?? null;
}

/** How many call lines the page shows. */
export function lineCount(page: Page): Promise<number> {
  return page.getByRole('region', { name: 'Calls' }).getByRole('listitem').count();
}

/** Seconds of a "mm:ss" or "h:mm:ss" timer. */
export function timerSeconds(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Types `target` into the dial field and presses Call. */
export async function dial(page: Page, target: string): Promise<void> {
  await page.getByLabel('Number or SIP URI', { exact: true }).fill(target);
  await page.getByRole('button', { name: 'Call', exact: true }).click();
}

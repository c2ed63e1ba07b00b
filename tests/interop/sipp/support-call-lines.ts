import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { AppPage } from '../../e2e/support/app-page';
import { callLine, lineCount, lineStatus } from '../../e2e/support/call-page';
import { chromiumForFile } from '../../e2e/support/chromium';
import { openTabphone } from '../support/tabphone-page';
import { waitUntil } from '../support/wait';
import { FarEnds } from './support-sipp';

/**
 * One Tabphone page registered as lab user `user` for a whole test file, with the file's sipp far
 * ends: after each test every call and far end is ended; at the end the page must have thrown nothing.
 */
export function tabphoneForFile(user: string): { readonly app: AppPage; readonly farEnds: FarEnds } {
  const chromium = chromiumForFile();
  const farEnds = new FarEnds();
  let app: AppPage | undefined;

  beforeAll(async () => {
    app = await openTabphone(chromium.browser, user);
  });

  afterEach(async () => {
    await endAllCalls(app!.page);
    await farEnds.closeAll();
    await waitForNoLines(app!.page);
  });

  afterAll(async () => {
    expect(app?.errors ?? []).toEqual([]);
    await app?.close();
  });

  return {
    get app() {
      if (!app) throw new Error('The Tabphone page is opened in beforeAll');
      return app;
    },
    farEnds,
  };
}

/** Waits until the line with `party` shows `status` ("Ringing", "Held by remote" …). */
export async function waitForLine(page: Page, party: string, status: string, timeoutMs = 15_000): Promise<void> {
  let seen: string | null = null;
  await waitUntil(
    async () => (seen = await lineStatus(page, party)) === status,
    timeoutMs,
    () => `the line with ${party} shows "${seen}", not "${status}"`,
  );
}

/** Presses a control ("Answer", "Hold", "Hang up" …) on the line with `party`. */
export async function pressOnLine(page: Page, party: string, control: string): Promise<void> {
  await callLine(page, party).getByRole('button', { name: control, exact: true }).click();
}

/** Ends whatever calls a failed test left: hangs up or declines every line. */
export async function endAllCalls(page: Page): Promise<void> {
  const controls = page.getByRole('region', { name: 'Calls' }).getByRole('button', { name: /^(Hang up|Decline)$/ });
  for (let left = await controls.count(); left > 0; left = await controls.count()) {
    await controls.first().click();
    await page.waitForTimeout(100);
    if ((await controls.count()) >= left) break;
  }
}

/** Waits until no call line is left (ended lines go after a moment). */
export async function waitForNoLines(page: Page, timeoutMs = 15_000): Promise<void> {
  await waitUntil(async () => (await lineCount(page)) === 0, timeoutMs, () => 'a call line is still shown');
}

/** The SDP the page's newest peer connection got from the far end (its remote description). */
export function remoteSdp(page: Page): Promise<string> {
  return page.evaluate(() => (window.__testPeerConnections ?? []).at(-1)?.remoteDescription?.sdp ?? '');
}

/** The codec (mimeType, e.g. "audio/opus") of the newest peer connection's inbound audio, per getStats. */
export function inboundCodec(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const pc = (window.__testPeerConnections ?? []).at(-1);
    if (!pc) return undefined;
    const report = await pc.getStats();
    let codecId: string | undefined;
    report.forEach((entry: { type: string; kind?: string; codecId?: string }) => {
      if (entry.type === 'inbound-rtp' && entry.kind === 'audio') codecId = entry.codecId;
    });
    const codec = codecId ? (report.get(codecId) as { mimeType?: string } | undefined) : undefined;
    return codec?.mimeType;
  });
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../server/app-server';
import { startPbx, type Pbx } from '../../server/pbx';
import type { PbxMessageEvent } from '../../server/pbx-events';
import { parseMessage, SipRequest, type SipMessage } from '../../src/sip';
import { openRegisteredApp, type AppPage } from './support/app-page';
import { repoRoot } from './support/build-app';
import { callLine, dial, lineCount, lineStatus, lineTimer, timerSeconds } from './support/call-page';
import { launchChromium } from './support/chromium';
import { lastClickAt, recordClickTimes } from './support/click-times';
import { e2eContext } from './support/e2e-context';
import { keepPeerConnections, rtpBytes } from './support/peer-connections';

const PHONE_SIZE = { width: 360, height: 640 };
const SCREENSHOTS = path.join(repoRoot, '.tmp/screenshots');
const WAIT = { timeout: 15_000, interval: 100 };

/** One SIP message the PBX saw, with when. */
interface Seen {
  at: number;
  direction: PbxMessageEvent['direction'];
  message: SipMessage;
}

function isInvite(seen: Seen, direction: Seen['direction']): boolean {
  return seen.direction === direction && seen.message instanceof SipRequest && seen.message.method === 'INVITE';
}

function isInviteResponse(seen: Seen, direction: Seen['direction'], status: number): boolean {
  const { message } = seen;
  return seen.direction === direction && !(message instanceof SipRequest) && message.status === status && message.cseq.method === 'INVITE';
}

describe('calls between two tabs through the embedded PBX, in Chromium', () => {
  const { distDir } = e2eContext();
  let browser: Browser;
  // A PBX of our own: the test reads its message events to time the signalling.
  let pbx: Pbx;
  let appServer: AppServer;
  const seen: Seen[] = [];

  beforeAll(async () => {
    pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
    pbx.events.on('message', ({ direction, text }) => {
      try {
        seen.push({ at: Date.now(), direction, message: parseMessage(text) });
      } catch {
        // Keep-alive CRLFs and the like are not messages.
      }
    });
    appServer = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: pbx.url });
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await appServer?.close();
    await pbx?.close();
  });

  async function phone(user: string, colorScheme: 'light' | 'dark' = 'light'): Promise<AppPage> {
    return openRegisteredApp(browser, appServer.url, { user }, { viewport: PHONE_SIZE, colorScheme, initScripts: [keepPeerConnections, recordClickTimes] });
  }

  async function screenshot(app: AppPage, name: string): Promise<void> {
    await app.page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  /**
   * Checks that both directions of RTP grow on a page over about a second. A ringing call has
   * its own peer connection already (gathering starts before the answer), hence `connections`.
   */
  async function expectRtpFlowing(app: AppPage, connections = 1): Promise<void> {
    const before = await rtpBytes(app.page);
    expect(before.open).toBe(connections);
    await app.page.waitForTimeout(1000);
    const after = await rtpBytes(app.page);
    expect(after.sent).toBeGreaterThan(before.sent);
    expect(after.received).toBeGreaterThan(before.received);
  }

  it('calls, answers, carries audio both ways, holds, resumes and hangs up', async () => {
    const caller = await phone('1000');
    // The far end in the dark theme, so the screenshots show both.
    const callee = await phone('1001', 'dark');
    try {
      const from = seen.length;
      await dial(caller.page, '1001');
      await expect.poll(() => lineStatus(caller.page, '1001'), WAIT).toMatch(/^(Calling…|Ringing)$/);

      await expect.poll(() => lineStatus(callee.page, '1000'), WAIT).toBe('Incoming call');
      await expect.poll(() => lineStatus(caller.page, '1001'), WAIT).toBe('Ringing');
      await screenshot(callee, 'call-incoming');

      await callLine(callee.page, '1000').getByRole('button', { name: 'Answer', exact: true }).click();
      for (const [app, party] of [[caller, '1001'], [callee, '1000']] as const) {
        await expect.poll(() => lineStatus(app.page, party), WAIT).toBe('Connected');
        await expect.poll(async () => timerSeconds((await lineTimer(app.page, party)) ?? '0'), WAIT).toBeGreaterThanOrEqual(1);
      }

      // The signalling, timed: from the caller's click to the INVITE at the PBX, and on to the answer.
      const calledAt = await lastClickAt(caller.page, 'Call');
      const answeredAt = await lastClickAt(callee.page, 'Answer');
      const signalling = seen.slice(from);
      const invite = signalling.find((s) => isInvite(s, 'in'));
      const ringing = signalling.find((s) => isInviteResponse(s, 'in', 180));
      const ok = signalling.find((s) => isInviteResponse(s, 'in', 200));
      expect(invite && ringing && ok).toBeTruthy();
      console.log(
        `[call timing] click → INVITE at PBX ${(invite!.at - calledAt).toFixed(0)} ms; ` +
          `INVITE → 180 ${ringing!.at - invite!.at} ms; INVITE → 200 ${ok!.at - invite!.at} ms (includes the test's wait before Answer); ` +
          `Answer click → 200 at PBX ${(ok!.at - answeredAt).toFixed(0)} ms`,
      );

      await expectRtpFlowing(caller);
      await expectRtpFlowing(callee);
      await screenshot(caller, 'call-active');

      const callerLine = callLine(caller.page, '1001');
      await callerLine.getByRole('button', { name: 'Mute', exact: true }).click();
      await expect.poll(() => callerLine.getByRole('button', { name: 'Unmute', exact: true }).count(), WAIT).toBe(1);
      await callerLine.getByRole('button', { name: 'Unmute', exact: true }).click();

      await callerLine.getByRole('button', { name: 'Keypad', exact: true }).click();
      const dtmfKeys = callerLine.getByRole('group', { name: 'DTMF keys' });
      for (const key of ['5', '#']) await dtmfKeys.getByRole('button', { name: key, exact: true }).click();
      expect(await callerLine.getByRole('status', { name: 'Digits sent' }).textContent()).toBe('5#');
      expect(await callerLine.getByRole('alert').count()).toBe(0);
      await screenshot(caller, 'call-keypad');
      await callerLine.getByRole('button', { name: 'Keypad', exact: true }).click();

      await callerLine.getByRole('button', { name: 'Hold', exact: true }).click();
      await expect.poll(() => lineStatus(caller.page, '1001'), WAIT).toBe('On hold');
      await expect.poll(() => lineStatus(callee.page, '1000'), WAIT).toBe('Held by remote');
      await screenshot(caller, 'call-held');
      await screenshot(callee, 'call-held-by-remote');

      await callerLine.getByRole('button', { name: 'Resume', exact: true }).click();
      await expect.poll(() => lineStatus(caller.page, '1001'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(callee.page, '1000'), WAIT).toBe('Connected');
      await expectRtpFlowing(caller);

      await callLine(callee.page, '1000').getByRole('button', { name: 'Hang up', exact: true }).click();
      for (const [app, party] of [[caller, '1001'], [callee, '1000']] as const) {
        await expect.poll(() => callLine(app.page, party).getByRole('button', { name: 'Hang up' }).count(), WAIT).toBe(0);
        await expect.poll(() => lineCount(app.page), WAIT).toBe(0);
        expect((await rtpBytes(app.page)).open).toBe(0);
      }
      expect(caller.errors).toEqual([]);
      expect(callee.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });

  it('says why a call failed: the far end is not online, or declined', async () => {
    const caller = await phone('1002');
    const callee = await phone('1003');
    try {
      // 1005 has no registration on this PBX.
      await dial(caller.page, '1005');
      await expect.poll(() => lineStatus(caller.page, '1005'), WAIT).toMatch(/unavailable|not online/i);
      await screenshot(caller, 'call-failed-unavailable');
      await expect.poll(() => lineCount(caller.page), WAIT).toBe(0);

      await dial(caller.page, '1003');
      await callLine(callee.page, '1002').getByRole('button', { name: 'Decline', exact: true }).click();
      await expect.poll(() => lineStatus(caller.page, '1003'), WAIT).toMatch(/declined/i);
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(0);
      expect(caller.errors).toEqual([]);
      expect(callee.errors).toEqual([]);
    } finally {
      await caller.close();
      await callee.close();
    }
  });

  it('cleans a number pasted into the dial field and explains an empty one', async () => {
    const app = await phone('1008');
    try {
      const field = app.page.getByLabel('Number or SIP URI', { exact: true });
      await field.focus();
      await field.evaluate((input) => {
        const data = new DataTransfer();
        data.setData('text/plain', 'tel:+1 (555) 010-9999');
        input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await expect.poll(() => field.inputValue(), WAIT).toBe('+15550109999');

      await field.fill('');
      await app.page.getByRole('button', { name: 'Call', exact: true }).click();
      expect(await app.page.getByRole('alert').textContent()).toBe('Enter a number or SIP URI');
      expect(await lineCount(app.page)).toBe(0);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows a second incoming call as a second line without disturbing the call in progress', async () => {
    const first = await phone('1004');
    const callee = await phone('1006');
    const second = await phone('1007');
    try {
      await dial(first.page, '1006');
      await callLine(callee.page, '1004').getByRole('button', { name: 'Answer', exact: true }).click();
      await expect.poll(() => lineStatus(callee.page, '1004'), WAIT).toBe('Connected');

      await dial(second.page, '1006');
      await expect.poll(() => lineStatus(callee.page, '1007'), WAIT).toBe('Incoming call');
      expect(await lineCount(callee.page)).toBe(2);
      expect(await lineStatus(callee.page, '1004')).toBe('Connected');
      await screenshot(callee, 'call-waiting');
      await expectRtpFlowing(callee, 2);

      await callLine(callee.page, '1007').getByRole('button', { name: 'Decline', exact: true }).click();
      await expect.poll(() => lineStatus(second.page, '1006'), WAIT).toMatch(/declined/i);
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(1);
      expect(await lineStatus(callee.page, '1004')).toBe('Connected');

      await callLine(first.page, '1006').getByRole('button', { name: 'Hang up', exact: true }).click();
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(0);
      for (const app of [first, callee, second]) expect(app.errors).toEqual([]);
    } finally {
      await first.close();
      await callee.close();
      await second.close();
    }
  });
});

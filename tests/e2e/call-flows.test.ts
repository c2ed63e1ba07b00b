import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from '../../server/app-server';
import { startPbx, type Pbx } from '../../server/pbx';
import { startDeadStunServer, type DeadStunServer } from './media/dead-stun-server';
import { openRegisteredApp, type AppPage } from './support/app-page';
import { startBusyFarEnd, type BusyFarEnd } from './support/busy-far-end';
import { callLine, dial, lineCount, lineStatus } from './support/call-page';
import { launchChromium } from './support/chromium';
import { lastClickAt, recordClickTimes } from './support/click-times';
import { e2eContext } from './support/e2e-context';
import { countMicrophoneOpens, microphoneOpens } from './support/microphone-opens';
import { recordPbxMessages, requestsFrom, responsesIn, type SeenMessage } from './support/pbx-messages';
import { firstInboundAudio, keepPeerConnections, rtpBytes, watchFirstInboundAudio, type RtpBytes } from './support/peer-connections';

const PHONE_SIZE = { width: 360, height: 640 };
const WAIT = { timeout: 15_000, interval: 50 };
/** RTP bytes that prove a direction carries audio: a few tenths of a second of Opus. */
const FLOWING_BYTES = 2_000;
const BUSY_USER = '1009';

function button(app: AppPage, party: string, name: string) {
  return callLine(app.page, party).getByRole('button', { name, exact: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface RtpGrowth {
  sent: number;
  received: number;
}

function growth(before: RtpBytes, after: RtpBytes): RtpGrowth {
  return { sent: after.sent - before.sent, received: after.received - before.received };
}

describe('call flows between tabs through the embedded PBX, in Chromium', () => {
  const { distDir } = e2eContext();
  let browser: Browser;
  // A PBX of our own: the tests read its messages (CANCEL, 486, a body-less INVITE, INFO, timings).
  let pbx: Pbx;
  let appServer: AppServer;
  let busy: BusyFarEnd;
  let seen: SeenMessage[];

  beforeAll(async () => {
    pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
    seen = recordPbxMessages(pbx);
    appServer = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: pbx.url });
    [browser, busy] = await Promise.all([launchChromium(), startBusyFarEnd(pbx.url, BUSY_USER)]);
  });

  afterAll(async () => {
    await browser?.close();
    await busy?.close();
    await appServer?.close();
    await pbx?.close();
  });

  async function phone(user: string, params: Record<string, string> = {}): Promise<AppPage> {
    return openRegisteredApp(browser, appServer.url, { user, ...params }, { viewport: PHONE_SIZE, initScripts: [keepPeerConnections, recordClickTimes, countMicrophoneOpens] });
  }

  /** Two registered phones; `run` gets them and both are closed afterwards, with no page errors. */
  async function withPhones(
    [callerUser, callerParams]: [string, Record<string, string>?],
    calleeUser: string,
    run: (caller: AppPage, callee: AppPage) => Promise<void>,
  ): Promise<void> {
    const [caller, callee] = await Promise.all([phone(callerUser, callerParams), phone(calleeUser)]);
    try {
      await run(caller, callee);
      expect(caller.errors).toEqual([]);
      expect(callee.errors).toEqual([]);
    } finally {
      await Promise.all([caller.close(), callee.close()]);
    }
  }

  /**
   * Dials, answers on the callee and waits until both lines are connected. Returns the time from
   * the Answer click (in the callee's page) to the first audio packet in the caller's page.
   */
  async function connect(caller: AppPage, callerUser: string, callee: AppPage, calleeUser: string) {
    await dial(caller.page, calleeUser);
    await expect.poll(() => lineStatus(callee.page, callerUser), WAIT).toBe('Incoming call');
    await expect.poll(() => lineStatus(caller.page, calleeUser), WAIT).toBe('Ringing');
    await watchFirstInboundAudio(caller.page);
    await button(callee, callerUser, 'Answer').click();
    for (const [app, party] of [[caller, calleeUser], [callee, callerUser]] as const) {
      await expect.poll(() => lineStatus(app.page, party), WAIT).toBe('Connected');
    }
    await expect.poll(async () => (await firstInboundAudio(caller.page)).statsAt, WAIT).toBeDefined();
    const answeredAt = await lastClickAt(callee.page, 'Answer');
    const first = await firstInboundAudio(caller.page);
    return {
      statsMs: first.statsAt! - answeredAt,
      unmuteMs: first.unmuteAt === undefined ? undefined : first.unmuteAt - answeredAt,
    };
  }

  /**
   * Waits until every direction in `flowing` has carried FLOWING_BYTES more RTP on its page, then
   * returns how much every counter grew meanwhile. Counters on the two pages are read together.
   */
  async function rtpWhile(pages: AppPage[], flowing: (g: RtpGrowth[]) => boolean): Promise<RtpGrowth[]> {
    const before = await Promise.all(pages.map((app) => rtpBytes(app.page)));
    let grown: RtpGrowth[] = [];
    await expect
      .poll(async () => {
        const after = await Promise.all(pages.map((app) => rtpBytes(app.page)));
        grown = after.map((a, i) => growth(before[i]!, a));
        return flowing(grown);
      }, WAIT)
      .toBe(true);
    return grown;
  }

  const bothWays = ([a, b]: RtpGrowth[]) =>
    a!.sent > FLOWING_BYTES && a!.received > FLOWING_BYTES && b!.sent > FLOWING_BYTES && b!.received > FLOWING_BYTES;

  it('lets the callee hold and resume: both sides show it and RTP follows the directions', async () => {
    await withPhones(['1000'], '1001', async (caller, callee) => {
      const firstAudio = await connect(caller, '1000', callee, '1001');
      console.log(
        `[answer → first audio, early offer] Answer click → first inbound audio packet on the caller: ` +
          `${firstAudio.statsMs.toFixed(0)} ms by getStats every 10 ms, ${firstAudio.unmuteMs?.toFixed(0) ?? '—'} ms by the remote track's unmute`,
      );
      await rtpWhile([caller, callee], bothWays);
      // The callee's microphone opened once, on Answer, and its audio is what flows.
      expect(await microphoneOpens(callee.page)).toBe(1);

      await button(callee, '1000', 'Hold').click();
      await expect.poll(() => lineStatus(callee.page, '1000'), WAIT).toBe('On hold');
      await expect.poll(() => lineStatus(caller.page, '1001'), WAIT).toBe('Held by remote');
      // The callee's hold offers sendonly: audio goes on from the callee (it may play music on
      // hold), but the caller, who answered recvonly, stops sending.
      const [held, holder] = await rtpWhile([caller, callee], ([c, h]) => c!.received > FLOWING_BYTES && h!.sent > FLOWING_BYTES);
      expect(held!.sent).toBeLessThan(FLOWING_BYTES / 4);
      expect(holder!.received).toBeLessThan(FLOWING_BYTES / 4);

      await button(callee, '1000', 'Resume').click();
      await expect.poll(() => lineStatus(callee.page, '1000'), WAIT).toBe('Connected');
      await expect.poll(() => lineStatus(caller.page, '1001'), WAIT).toBe('Connected');
      await rtpWhile([caller, callee], bothWays);

      await button(caller, '1001', 'Hang up').click();
      await expect.poll(() => lineStatus(callee.page, '1000'), WAIT).toBe('The other party hung up');
    });
  });

  it('cancels a call that is still ringing: the callee sees a missed call, the caller "Cancelled", and never opened its microphone', async () => {
    await withPhones(['1002'], '1003', async (caller, callee) => {
      const from = seen.length;
      await dial(caller.page, '1003');
      await expect.poll(() => lineStatus(callee.page, '1002'), WAIT).toBe('Incoming call');
      await expect.poll(() => lineStatus(caller.page, '1003'), WAIT).toBe('Ringing');

      await button(caller, '1003', 'Hang up').click();
      await expect.poll(() => lineStatus(caller.page, '1003'), WAIT).toBe('Cancelled');
      await expect.poll(() => lineStatus(callee.page, '1002'), WAIT).toBe('Missed call: the caller hung up');
      expect(await button(callee, '1002', 'Answer').count()).toBe(0);
      expect(requestsFrom(seen.slice(from), 'CANCEL', '1002')).toHaveLength(1);
      expect(responsesIn(seen.slice(from), 'INVITE', 487)).toHaveLength(1);
      // Privacy: nobody answered, so the callee's microphone stayed closed the whole time it rang.
      expect(await microphoneOpens(callee.page)).toBe(0);
      expect(await microphoneOpens(caller.page)).toBe(1);
      // An ordinary ending: the missed call leaves the panel after a short while.
      await expect.poll(() => lineCount(callee.page), WAIT).toBe(0);
    });
  });

  it('shows "Busy" when the far end answers 486 Busy Here', async () => {
    const caller = await phone('1004');
    try {
      const from = seen.length;
      const declinedBefore = busy.declined;
      await dial(caller.page, BUSY_USER);
      await expect.poll(() => lineStatus(caller.page, BUSY_USER), WAIT).toBe('Busy');
      expect(busy.declined).toBe(declinedBefore + 1);
      expect(responsesIn(seen.slice(from), 'INVITE', 486)).toHaveLength(1);
      expect(await button(caller, BUSY_USER, 'Hang up').count()).toBe(0);
      expect(caller.errors).toEqual([]);
    } finally {
      await caller.close();
    }
  });

  it('sends the INVITE within the gathering cap when the STUN server never answers', async () => {
    let stun: DeadStunServer | undefined;
    let caller: AppPage | undefined;
    try {
      stun = await startDeadStunServer();
      caller = await phone('1005', { stun: stun.url });
      const delays: number[] = [];
      for (let call = 1; call <= 5; call++) {
        const from = seen.length;
        await dial(caller.page, BUSY_USER);
        // Each call meets the busy far end; the next starts once this one has failed.
        await expect.poll(() => responsesIn(seen.slice(from), 'INVITE', 486).length, WAIT).toBe(1);
        const invite = requestsFrom(seen.slice(from), 'INVITE', '1005')[0];
        expect(invite).toBeDefined();
        delays.push(invite!.at - (await lastClickAt(caller.page, 'Call')));
      }
      // The browser did ask the dead server; a caller that waited for it would wait tens of seconds.
      expect(stun.received).toBeGreaterThan(0);
      console.log(
        `[click → INVITE, dead STUN server] Call click → first INVITE at the PBX over 5 calls: ` +
          `median ${median(delays).toFixed(0)} ms (each: ${delays.map((d) => d.toFixed(0)).join(', ')} ms)`,
      );
      expect(median(delays)).toBeLessThan(1_000);
      expect(caller.errors).toEqual([]);
    } finally {
      await caller?.close();
      await stun?.close();
    }
  });

  it('carries DTMF sent by SIP INFO from a caller configured for it to the callee, who shows the digits', async () => {
    await withPhones(['1006', { dtmf: 'info' }], '1007', async (caller, callee) => {
      await connect(caller, '1006', callee, '1007');
      const from = seen.length;
      await button(caller, '1007', 'Keypad').click();
      const keys = callLine(caller.page, '1007').getByRole('group', { name: 'DTMF keys' });
      for (const key of ['1', '#']) await keys.getByRole('button', { name: key, exact: true }).click();

      const received = callLine(callee.page, '1006').getByRole('status', { name: 'Digits received' });
      await expect.poll(() => received.textContent(), WAIT).toBe('Received: 1#');
      const infos = requestsFrom(seen.slice(from), 'INFO', '1006');
      expect(infos.map((s) => s.message.contentType)).toEqual(['application/dtmf-relay', 'application/dtmf-relay']);
      expect(infos.map((s) => /^Signal=(.)/m.exec(s.message.body)?.[1])).toEqual(['1', '#']);
      await button(callee, '1006', 'Hang up').click();
    });
  });

  it('connects a caller configured for delayed offer: no SDP in the INVITE, the answer in the ACK, RTP both ways', async () => {
    await withPhones(['1008', { delayedOffer: '1' }], '1002', async (caller, callee) => {
      const from = seen.length;
      const firstAudio = await connect(caller, '1008', callee, '1002');
      console.log(
        `[answer → first audio, delayed offer] Answer click → first inbound audio packet on the caller: ` +
          `${firstAudio.statsMs.toFixed(0)} ms by getStats every 10 ms, ${firstAudio.unmuteMs?.toFixed(0) ?? '—'} ms by the remote track's unmute`,
      );
      await rtpWhile([caller, callee], bothWays);

      const signalling = seen.slice(from);
      const invites = requestsFrom(signalling, 'INVITE', '1008');
      expect(invites.length).toBeGreaterThan(0);
      for (const { message } of invites) expect(message.body).toBe('');
      // The offer comes in the callee's 200 (retransmitted until the ACK, so maybe more than once) …
      const ok = responsesIn(signalling, 'INVITE', 200);
      expect(ok.length).toBeGreaterThan(0);
      for (const { message } of ok) expect(message.body).toMatch(/^m=audio /m);
      // … and the caller's answer in the ACK (one per 200 it saw).
      const acks = requestsFrom(signalling, 'ACK', '1008').filter((s) => s.message.cseq.seq === ok[0]!.message.cseq.seq);
      expect(acks.length).toBeGreaterThan(0);
      for (const { message } of acks) {
        expect(message.contentType).toBe('application/sdp');
        expect(message.body).toMatch(/^m=audio /m);
      }

      await button(caller, '1002', 'Hang up').click();
      await expect.poll(() => lineStatus(callee.page, '1008'), WAIT).toBe('The other party hung up');
    });
  });
});

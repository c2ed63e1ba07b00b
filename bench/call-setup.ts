/**
 * Call set-up in Chromium, Tabphone's app and a JsSIP phone (bench/jssip-page) side by side, each
 * calling its own kind through the same embedded PBX in one run:
 *   click → INVITE   the Call click in the caller's page to the first INVITE at the PBX, with no STUN
 *                    server, with one that answers, and with one that never answers;
 *   INVITE → 200     that INVITE to the callee's 200 at the PBX, the callee answering at once;
 *   answer → audio   the Answer click in the callee's page to the first inbound audio packet on the caller.
 * With the dead STUN server the call goes to a far end that is always busy (only the INVITE matters).
 */
import type { Browser, Page } from 'playwright-core';
import { openApp, statusText, type AppPage } from '../tests/e2e/support/app-page';
import { callLine, dial } from '../tests/e2e/support/call-page';
import { lastClickAt, recordClickTimes } from '../tests/e2e/support/click-times';
import { requestsFrom, responsesIn, type SeenMessage } from '../tests/e2e/support/pbx-messages';
import { firstInboundAudio, keepPeerConnections, rtpBytes, watchFirstInboundAudio } from '../tests/e2e/support/peer-connections';
import { autoAnswer } from './auto-answer';
import { defineEsbuildNameHelper } from './esbuild-names';
import { waitFor } from './wait-for';

/** A phone implementation under test: where its page is and how to point it at a user and STUN server. */
export interface PhoneStack {
  name: string;
  url: string;
  params(user: string, stun: string | undefined): Record<string, string>;
}

export interface CallSetupUsers {
  caller: string;
  callee: string;
}

export type StunCase = 'no STUN' | 'reachable STUN' | 'dead STUN';

export interface CallSetupSamples {
  clickToInvite: Record<StunCase, number[]>;
  inviteTo200: number[];
  answerToAudio: number[];
}

export interface CallSetupEnv {
  /** Where the callers run. */
  browser: Browser;
  /**
   * Where the callees run: a browser of their own, as on another machine. In one browser, the
   * caller's ringback and the callee's microphone share one audio service and slow each other.
   */
  calleeBrowser: Browser;
  /** Everything the PBX received and sent, in order (recordPbxMessages). */
  seen: SeenMessage[];
  /** A user that answers every INVITE with 486 Busy Here. */
  busyUser: string;
  stunUrl: string;
  deadStunUrl: string;
}

const PHONE_SIZE = { width: 360, height: 640 };

export async function openPhone(browser: Browser, stack: PhoneStack, user: string, stun?: string, answering = false): Promise<AppPage> {
  const initScripts = [defineEsbuildNameHelper, keepPeerConnections, recordClickTimes, ...(answering ? [autoAnswer] : [])];
  const phone = await openApp(browser, stack.url, stack.params(user, stun), { viewport: PHONE_SIZE, initScripts });
  await waitFor(`${stack.name} ${user} registered`, async () => (await statusText(phone.page)) === 'Registered', 20_000);
  return phone;
}

/** Hangs up the caller's line and waits until neither page has a live peer connection or call line. */
export async function hangUp(caller: Page, party: string, pages: Page[]): Promise<void> {
  const hangUpButton = callLine(caller, party).getByRole('button', { name: 'Hang up', exact: true });
  if ((await hangUpButton.count()) > 0) await hangUpButton.click();
  for (const page of pages) {
    await waitFor('the call to end', async () => (await rtpBytes(page)).open === 0 && (await callLine(page, party).count()) === 0, 15_000);
  }
}

/** The first INVITE from `caller` in `seen` and the response with `status` the PBX received for its call. */
function finalResponse(seen: SeenMessage[], caller: string, status: number) {
  const invite = requestsFrom(seen, 'INVITE', caller)[0];
  const response = invite && responsesIn(seen, 'INVITE', status).find((r) => r.message.callId === invite.message.callId);
  return invite && response ? { invite, response } : undefined;
}

/** One answered call; returns its three delays in ms. */
async function answeredCall(env: CallSetupEnv, caller: AppPage, callee: AppPage, users: CallSetupUsers) {
  const from = env.seen.length;
  await watchFirstInboundAudio(caller.page, 30_000);
  await dial(caller.page, users.callee);
  await waitFor('answer and first audio', async () => {
    const answered = finalResponse(env.seen.slice(from), users.caller, 200) !== undefined;
    return answered && (await firstInboundAudio(caller.page)).statsAt !== undefined;
  }, 30_000);
  const { invite, response: ok } = finalResponse(env.seen.slice(from), users.caller, 200)!;
  const clickedAt = await lastClickAt(caller.page, 'Call');
  const answeredAt = await lastClickAt(callee.page, 'Answer');
  const audioAt = (await firstInboundAudio(caller.page)).statsAt!;
  await hangUp(caller.page, users.callee, [caller.page, callee.page]);
  return { clickToInvite: invite.at - clickedAt, inviteTo200: ok.at - invite.at, answerToAudio: audioAt - answeredAt };
}

/** Calls the busy user and returns click → INVITE; waits for the 486 so the next call starts clean. */
async function busyCall(env: CallSetupEnv, caller: AppPage, callerUser: string, timeoutMs: number): Promise<number> {
  const from = env.seen.length;
  await dial(caller.page, env.busyUser);
  await waitFor('486 from the busy far end', async () => finalResponse(env.seen.slice(from), callerUser, 486) !== undefined, timeoutMs);
  const { invite } = finalResponse(env.seen.slice(from), callerUser, 486)!;
  const delay = invite.at - (await lastClickAt(caller.page, 'Call'));
  await waitFor('the busy call to end', async () => (await rtpBytes(caller.page)).open === 0, 15_000);
  return delay;
}

/** One stack in a side-by-side measurement: its users, and how its dead-STUN calls run. */
export interface ContestantSetup {
  stack: PhoneStack;
  users: CallSetupUsers;
  /**
   * For a stack that waits out ICE gathering (tens of seconds with a dead STUN server): more callers
   * that call at the same time as `users.caller`, one dead-STUN call each, so the waits overlap.
   * Without them the stack makes `runs` dead-STUN calls in turn.
   */
  parallelDeadCallers?: string[];
}

function emptySamples(): CallSetupSamples {
  return { clickToInvite: { 'no STUN': [], 'reachable STUN': [], 'dead STUN': [] }, inviteTo200: [], answerToAudio: [] };
}

/**
 * `runs` answered calls per stack with no STUN server and with a reachable one, the stacks taking
 * turns call by call so that load changes on the machine hit them alike; then click → INVITE with
 * a dead STUN server, stack by stack. Returns the samples in the order of `contestants`; each list
 * starts with the first call of freshly opened pages.
 */
export async function measureCallSetup(env: CallSetupEnv, contestants: ContestantSetup[], runs: number): Promise<CallSetupSamples[]> {
  // One call per stack first, not counted, so that Chromium's own first-WebRTC-call start-up does
  // not land on whichever stack happens to go first. Each page's first call is still counted below.
  for (const { stack, users } of contestants) {
    const pair = await Promise.all([openPhone(env.browser, stack, users.caller), openPhone(env.calleeBrowser, stack, users.callee, undefined, true)]);
    try {
      await answeredCall(env, pair[0], pair[1], users);
    } finally {
      await Promise.all(pair.map((phone) => phone.close()));
    }
  }
  const samples = contestants.map(emptySamples);
  for (const [stunCase, stun] of [['no STUN', undefined], ['reachable STUN', env.stunUrl]] as const) {
    const pairs = await Promise.all(
      contestants.map(({ stack, users }) =>
        Promise.all([openPhone(env.browser, stack, users.caller, stun), openPhone(env.calleeBrowser, stack, users.callee, stun, true)]),
      ),
    );
    try {
      for (let run = 0; run < runs; run++) {
        for (const [i, { users }] of contestants.entries()) {
          const [caller, callee] = pairs[i]!;
          const call = await answeredCall(env, caller, callee, users);
          samples[i]!.clickToInvite[stunCase].push(call.clickToInvite);
          if (stunCase === 'no STUN') {
            samples[i]!.inviteTo200.push(call.inviteTo200);
            samples[i]!.answerToAudio.push(call.answerToAudio);
          }
        }
      }
    } finally {
      await Promise.all(pairs.flat().map((phone) => phone.close()));
    }
  }

  for (const [i, { stack, users, parallelDeadCallers }] of contestants.entries()) {
    const callers = [users.caller, ...(parallelDeadCallers ?? [])];
    const phones = await Promise.all(callers.map((user) => openPhone(env.browser, stack, user, env.deadStunUrl)));
    const dead = samples[i]!.clickToInvite['dead STUN'];
    try {
      if (parallelDeadCallers) dead.push(...(await Promise.all(phones.map((phone, j) => busyCall(env, phone, callers[j]!, 90_000)))));
      else for (let run = 0; run < runs; run++) dead.push(await busyCall(env, phones[0]!, users.caller, 90_000));
    } finally {
      await Promise.all(phones.map((phone) => phone.close()));
    }
  }
  return samples;
}

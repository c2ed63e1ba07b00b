import type { CallEnd, CallSession, TransferProgress, TransferResult } from '../sip';
import type { MediaEngine, MediaStatsSummary } from '../sip/media-port';
import type { Logger, TimerHandle, Timers } from '../sip/ports';
import { swapPair, type CallLine, type CallRemote, type CallsStore } from '../stores/calls';
import { parseDialTarget, type DialTarget } from './dial-target';
import type { Ringer } from './ringer';

/** The slice of a call session the service drives (a fake can stand in for it in tests). */
export type PhoneCall = Pick<
  CallSession,
  | 'id'
  | 'direction'
  | 'state'
  | 'remote'
  | 'startedAt'
  | 'hold'
  | 'muted'
  | 'on'
  | 'answer'
  | 'decline'
  | 'hangup'
  | 'holdCall'
  | 'resumeCall'
  | 'sendDtmf'
  | 'setMuted'
  | 'transfer'
  | 'stats'
> & {
  /** CallSession.transferTo, over this slice: the service hands it the other call's session. */
  transferTo(other: PhoneCall): Promise<TransferResult>;
};

/** The slice of the user agent that places and receives calls. */
export interface CallAgent {
  call(target: string): PhoneCall;
  on(event: 'incomingCall', listener: (call: PhoneCall) => void): () => void;
  /** We accepted a transfer in `fromCall`: `newCall` is our call to the target. */
  on(event: 'transferCall', listener: (newCall: PhoneCall, fromCall: PhoneCall) => void): () => void;
  /** An attended transfer's INVITE with Replaces: `newCall` takes over `replacedCall`, answered without ringing. */
  on(event: 'replacingCall', listener: (newCall: PhoneCall, replacedCall: PhoneCall) => void): () => void;
}

/** Key clicks for the dialpad and DTMF keys (the media engine). */
export type KeyTones = Pick<MediaEngine, 'playKeyTone'>;

export interface CallServiceOptions {
  agent: CallAgent;
  store: CallsStore;
  keyTones: KeyTones;
  ringer: Ringer;
  timers: Timers;
  logger: Logger;
}

export interface CallService {
  /** Cleans the dial field's text and calls it; the result says what was dialled or why not. */
  call(input: string): DialTarget;
  answer(id: string): Promise<void>;
  decline(id: string): void;
  hangup(id: string): void;
  hold(id: string): Promise<void>;
  resume(id: string): Promise<void>;
  setMuted(id: string, muted: boolean): void;
  /** Sends DTMF on a call and clicks the key tone locally. */
  sendDtmf(id: string, digits: string): void;
  /** Blind transfer to what was typed (cleaned like the dial field); the line shows how it goes. */
  transfer(id: string, input: string): DialTarget;
  /** Attended transfer: connects the far end of `id` with the far end of `otherId`, our other call. */
  attendedTransfer(id: string, otherId: string): Promise<void>;
  /** With one call talking and another held: holds the first, then resumes the other. */
  swap(): Promise<void>;
  /** A live call's quality figures from getStats; undefined when the call is gone. */
  stats(id: string): Promise<MediaStatsSummary | undefined>;
  select(id: string): void;
  /** The short tone of a dialpad key, as feedback for a press. */
  keyTone(key: string): void;
  /** Hangs up every live call and stops listening to the agent. */
  dispose(): void;
}

/**
 * How long an ended line stays in the panel. A failure says why (SIPconnect 2.0 §14.8: the
 * endpoint indicates a failed call locally; the core plays the tone), so it stays long enough to
 * be read.
 */
export const ENDED_LINE_MS = 2_500;
export const FAILED_LINE_MS = 6_000;

/** Endings that are not a failure: the line goes after the short linger. */
const ORDINARY_ENDS = new Set<CallEnd['cause']>(['hangup', 'cancelled', 'answered-elsewhere', 'transferred', 'replaced']);

function isFailure(end: CallEnd): boolean {
  return end.originator !== 'local' && !ORDINARY_ENDS.has(end.cause);
}

/** A transfer step as its line shows it. */
export function transferStatusText(progress: TransferProgress): string {
  switch (progress.state) {
    case 'trying':
      return 'Transferring…';
    case 'ringing':
      return 'Transfer: ringing';
    case 'succeeded':
      return 'Transferred';
    case 'failed':
      return progress.message;
  }
}

/** The far end as the line shows it: P-Asserted-Identity when the network gave one (the core picks it), else From or To. */
function remoteOf(call: PhoneCall): CallRemote {
  const { remote } = call;
  return {
    displayName: remote.displayName || undefined,
    number: remote.user ?? remote.uri.replace(/^[a-z]+:/i, ''),
    uri: remote.uri,
  };
}

function lineOf(call: PhoneCall): CallLine {
  return {
    id: call.id,
    direction: call.direction,
    state: call.state,
    remote: remoteOf(call),
    hold: call.hold,
    holdPending: undefined,
    muted: call.muted,
    startedAt: call.startedAt,
    endedAt: undefined,
    end: undefined,
    notice: undefined,
    receivedDigits: '',
    transferStatus: undefined,
  };
}

/**
 * Wires calls into the calls store: every session the agent places or receives becomes a line,
 * its events update the line, and the user's actions on a line go to its session. Rings for
 * incoming calls. (The call session itself plays local ringback after a 180 without SDP and the
 * failure tone, SIPconnect 2.0 §14.8/§14.9, through the media engine.)
 */
export function createCallService(options: CallServiceOptions): CallService {
  const { agent, store, keyTones, ringer, timers, logger } = options;
  const calls = new Map<string, PhoneCall>();
  const unsubscribes = new Map<string, (() => void)[]>();
  const removals = new Set<unknown>();
  let ringing: 'ringtone' | 'call-waiting' | undefined;
  /** A ring about to start; see refreshRinger. */
  let ringStart: TimerHandle | undefined;
  /**
   * Calls that do not ring: those that replace one of ours (RFC 3891), answered at once, and those
   * the user has pressed Answer on, silent from the press rather than from the 200.
   */
  const silent = new Set<string>();

  const update = (id: string, patch: Partial<Omit<CallLine, 'id'>>) => store.getState().updateLine(id, patch);

  function wantedRing(): typeof ringing {
    const lines = store.getState().lines;
    const ringingIn = lines.some((l) => l.direction === 'incoming' && (l.state === 'incoming' || l.state === 'early') && !silent.has(l.id));
    // During a call, a loud ringtone would drown the conversation: a call-waiting beep instead.
    return !ringingIn ? undefined : lines.some((l) => l.state === 'established') ? 'call-waiting' : 'ringtone';
  }

  function applyRing(next: typeof ringing): void {
    if (next === ringing) return;
    ringing = next;
    if (next) ringer.ring(next);
    else ringer.stop();
  }

  /**
   * Stops ringing at once; starts it one task later, so that the ringing line is drawn first (the
   * ringer renders its tone and starts audio output) and a call answered at once does not ring.
   */
  function refreshRinger(): void {
    const next = wantedRing();
    if (next === undefined) return applyRing(undefined);
    if (next === ringing || ringStart !== undefined) return;
    ringStart = timers.setTimeout(() => {
      ringStart = undefined;
      applyRing(wantedRing());
    }, 0);
  }

  function ended(call: PhoneCall, end: CallEnd): void {
    for (const off of unsubscribes.get(call.id) ?? []) off();
    unsubscribes.delete(call.id);
    calls.delete(call.id);
    silent.delete(call.id);
    update(call.id, {
      state: 'ended',
      end: { originator: end.originator, cause: end.cause, message: end.message },
      endedAt: timers.now(),
      holdPending: undefined,
      notice: undefined,
      transferStatus: undefined,
    });
    refreshRinger();
    const handle = timers.setTimeout(() => {
      removals.delete(handle);
      store.getState().removeLine(call.id);
    }, isFailure(end) ? FAILED_LINE_MS : ENDED_LINE_MS);
    removals.add(handle);
  }

  /** Follows a call's events into its line; `place` puts the new line in the store. */
  function track(call: PhoneCall, place: (line: CallLine) => void = (line) => store.getState().addLine(line)): void {
    calls.set(call.id, call);
    place(lineOf(call));
    unsubscribes.set(call.id, [
      call.on('state', (state) => {
        if (state === 'ended') return; // 'ended' carries the reason; handled there
        // A 18x or 2xx may have brought a P-Asserted-Identity for the far end we called.
        update(call.id, { state, startedAt: call.startedAt, remote: remoteOf(call) });
        refreshRinger();
      }),
      // A redirect (3xx) changes whom we are calling while the state stays where it was.
      call.on('progress', () => update(call.id, { remote: remoteOf(call) })),
      call.on('hold', (hold) => update(call.id, { hold })),
      call.on('muted', (muted) => update(call.id, { muted })),
      // DTMF by SIP INFO (RFC 4733 events stay in the media and are not reported).
      call.on('dtmf', (digit) => store.getState().addReceivedDigit(call.id, digit)),
      call.on('transfer', (progress) => update(call.id, { transferStatus: transferStatusText(progress) })),
      call.on('ended', (end) => ended(call, end)),
    ]);
    refreshRinger();
  }

  /** Every other answered call that is not held or being held. */
  function othersToHold(id: string | undefined): CallLine[] {
    return store.getState().lines.filter((l) => l.id !== id && l.state === 'established' && !l.hold.local && l.holdPending === undefined);
  }

  /** Puts every other answered, not yet held call on hold: only one call talks at a time. */
  async function holdOthers(id: string | undefined): Promise<void> {
    await Promise.all(othersToHold(id).map((l) => hold(l.id)));
  }

  async function hold(id: string): Promise<void> {
    const call = calls.get(id);
    if (!call) return;
    update(id, { holdPending: 'hold', notice: undefined });
    const ok = await call.holdCall();
    // The call may have ended meanwhile; its line then shows why, not this.
    if (calls.has(id)) update(id, { holdPending: undefined, notice: ok ? undefined : 'The far end did not accept hold' });
  }

  /** Resumes a held call; any other talking call goes on hold first. */
  async function resume(id: string): Promise<void> {
    const call = calls.get(id);
    if (!call) return;
    store.getState().select(id);
    await holdOthers(id);
    update(id, { holdPending: 'resume', notice: undefined });
    const ok = await call.resumeCall();
    if (calls.has(id)) update(id, { holdPending: undefined, notice: ok ? undefined : 'The far end did not accept resume' });
  }

  /** Runs a transfer of `id`; its 'transfer' events keep the line's status, the outcome needs nothing more here. */
  function startTransfer(id: string, run: (call: PhoneCall) => Promise<TransferResult>): Promise<void> {
    const call = calls.get(id);
    if (!call) return Promise.resolve();
    update(id, { transferStatus: 'Transferring…', notice: undefined });
    return run(call).then(() => undefined);
  }

  const offs = [
    agent.on('incomingCall', (call) => track(call)),
    // The transferee's new call: a line of its own; the old one ends when the transferor hangs up.
    agent.on('transferCall', (call) => track(call)),
    agent.on('replacingCall', (call, replaced) => {
      silent.add(call.id);
      track(call, (line) => store.getState().replaceLine(replaced.id, line));
      // The core ends the replaced call only once the new one is answered: if that fails, the old call goes on and gets its line back.
      call.on('ended', () => {
        if (call.startedAt === undefined && calls.has(replaced.id)) store.getState().addLine(lineOf(replaced));
      });
    }),
  ];

  return {
    call(input) {
      const dialled = parseDialTarget(input);
      if (!dialled.ok) return dialled;
      void holdOthers(undefined);
      track(agent.call(dialled.target));
      return dialled;
    },

    async answer(id) {
      const call = calls.get(id);
      if (!call) return;
      silent.add(id);
      refreshRinger();
      // With no other call to hold first, answering starts before the selection is drawn.
      // A failure (microphone blocked, no common codec) ends the call with its reason.
      const answered = othersToHold(id).length === 0 ? call.answer() : undefined;
      store.getState().select(id);
      if (answered) return answered;
      await holdOthers(id);
      await call.answer();
    },

    decline: (id) => calls.get(id)?.decline(),

    hangup: (id) => calls.get(id)?.hangup(),

    hold,

    resume,

    setMuted(id, muted) {
      const call = calls.get(id);
      if (!call) return;
      call.setMuted(muted);
      update(id, { muted: call.muted });
    },

    sendDtmf(id, digits) {
      const call = calls.get(id);
      if (!call) return;
      for (const digit of digits) keyTones.playKeyTone(digit);
      const sent = call.sendDtmf(digits);
      if (sent) {
        const before = store.getState().lines.find((l) => l.id === id)?.sentDigits ?? '';
        update(id, { notice: undefined, sentDigits: before + digits });
        return;
      }
      update(id, { notice: `Could not send "${digits}": the call does not carry DTMF` });
      logger.log('warn', `DTMF "${digits}" not sent on call ${id}`);
    },

    transfer(id, input) {
      const target = parseDialTarget(input);
      if (target.ok) void startTransfer(id, (call) => call.transfer(target.target));
      return target;
    },

    attendedTransfer(id, otherId) {
      const other = calls.get(otherId);
      if (!other) {
        update(id, { transferStatus: 'Transfer failed: the other call has ended' });
        return Promise.resolve();
      }
      return startTransfer(id, (call) => call.transferTo(other));
    },

    async swap() {
      const pair = swapPair(store.getState().lines);
      // resume() holds the talking call first, so the two far ends never hear each other.
      if (pair) await resume(pair.held.id);
    },

    stats: (id) => calls.get(id)?.stats() ?? Promise.resolve(undefined),

    select: (id) => store.getState().select(id),

    keyTone: (key) => keyTones.playKeyTone(key),

    dispose() {
      for (const off of offs) off();
      for (const call of [...calls.values()]) call.hangup();
      for (const handle of removals) timers.clearTimeout(handle);
      removals.clear();
      if (ringStart !== undefined) timers.clearTimeout(ringStart);
      ringStart = undefined;
      ringer.stop();
    },
  };
}

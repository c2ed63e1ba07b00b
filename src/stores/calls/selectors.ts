import type { CallLine, CallsState } from './state';

export const selectLines = (state: CallsState): CallLine[] => state.lines;

export const selectSelectedId = (state: CallsState): string | undefined => state.selectedId;

/** True while any call is not yet over: the dialpad then makes room for the calls. */
export const selectHasLiveCall = (state: CallsState): boolean => state.lines.some(isLive);

export function isLive(line: CallLine): boolean {
  return line.state !== 'ended';
}

/** The one-line state of a call, as the calls panel shows it under the remote party. */
export function lineStatusText(line: CallLine): string {
  switch (line.state) {
    case 'calling':
      return 'Calling…';
    case 'early':
      return line.direction === 'incoming' ? 'Incoming call' : 'Ringing';
    case 'incoming':
      return 'Incoming call';
    case 'terminating':
      return 'Ending…';
    case 'ended':
      return line.end?.message ?? 'Call ended';
    case 'established':
      if (line.holdPending === 'hold') return 'Putting on hold…';
      if (line.holdPending === 'resume') return 'Resuming…';
      if (line.hold.local) return 'On hold';
      if (line.hold.remote) return 'Held by remote';
      return 'Connected';
  }
}

export type LineTone = 'ringing' | 'active' | 'held' | 'ended' | 'failed';

/** How a line is coloured: failures stand out from ordinary endings. */
export function lineTone(line: CallLine): LineTone {
  switch (line.state) {
    case 'calling':
    case 'early':
    case 'incoming':
      return 'ringing';
    case 'established':
      return line.hold.local || line.hold.remote ? 'held' : 'active';
    case 'terminating':
      return 'ended';
    case 'ended':
      return line.end && line.end.cause !== 'hangup' && line.end.originator !== 'local' ? 'failed' : 'ended';
  }
}

/** The name to show first: the display name, else the number. */
export function lineTitle(line: CallLine, contactName?: string): string {
  return contactName ?? line.remote.displayName ?? line.remote.number;
}

/** The number under the name; undefined when the title already is the number. */
export function lineSubtitle(line: CallLine, contactName?: string): string | undefined {
  return lineTitle(line, contactName) !== line.remote.number ? line.remote.number : undefined;
}

/** "mm:ss" (or "h:mm:ss" past an hour) of talk time; undefined until answered. Ended calls stop counting. */
export function lineTimer(line: CallLine, now: number): string | undefined {
  if (line.startedAt === undefined) return undefined;
  return formatDuration((line.endedAt ?? now) - line.startedAt);
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Which controls a line offers in its current state. */
export interface LineControls {
  answer: boolean;
  decline: boolean;
  hangup: boolean;
  /** "hold" or "resume"; undefined when neither applies. */
  hold: 'hold' | 'resume' | undefined;
  mute: boolean;
  keypad: boolean;
}

export function lineControls(line: CallLine): LineControls {
  const ringingIn = line.direction === 'incoming' && (line.state === 'incoming' || line.state === 'early');
  const established = line.state === 'established';
  return {
    answer: ringingIn,
    decline: ringingIn,
    hangup: !ringingIn && (line.state === 'calling' || line.state === 'early' || established),
    hold: established ? (line.hold.local ? 'resume' : 'hold') : undefined,
    mute: established,
    // Digits sent while we hold the far end go nowhere it can hear.
    keypad: established && !line.hold.local,
  };
}

/** Blind or attended transfer: only an answered call can be transferred (RFC 5589 §6, §7). */
export function canTransfer(line: CallLine): boolean {
  return line.state === 'established';
}

/**
 * The call an attended transfer of `line` would connect its far end with: the newest other call
 * that is answered, or one we placed that still rings (semi-attended, RFC 5589 §7.3).
 */
export function transferPartner(lines: readonly CallLine[], line: CallLine): CallLine | undefined {
  const candidates = lines.filter(
    (other) =>
      other.id !== line.id &&
      (other.state === 'established' || (other.direction === 'outgoing' && (other.state === 'calling' || other.state === 'early'))),
  );
  return candidates.at(-1);
}

/** The two calls "Swap" exchanges: the one we talk on and the newest one we hold. */
export interface SwapPair {
  active: CallLine;
  held: CallLine;
}

/**
 * Swap applies with exactly one answered call we are not holding and at least one we hold; not
 * while a hold or resume is still on its way (the pair would be stale by the time it lands).
 */
export function swapPair(lines: readonly CallLine[]): SwapPair | undefined {
  const answered = lines.filter((line) => line.state === 'established');
  if (answered.some((line) => line.holdPending !== undefined)) return undefined;
  const talking = answered.filter((line) => !line.hold.local);
  const held = answered.filter((line) => line.hold.local);
  if (talking.length !== 1 || held.length === 0) return undefined;
  return { active: talking[0]!, held: held.at(-1)! };
}

/** The line keyboard shortcuts act on: the selected one while it is live, else the newest live one. */
export function selectCurrentLine(state: CallsState): CallLine | undefined {
  const selected = state.lines.find((line) => line.id === state.selectedId && isLive(line));
  return selected ?? state.lines.filter(isLive).at(-1);
}

/** A call rings in and waits for Answer or Decline. */
export function isRingingIn(line: CallLine): boolean {
  return line.direction === 'incoming' && (line.state === 'incoming' || line.state === 'early');
}

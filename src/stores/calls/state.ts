import type { CallEndCause, CallState, HoldState } from '../../sip';
import type { LineQuality } from './quality';

/** Who is on the other end, as the user should see it. */
export interface CallRemote {
  /** From P-Asserted-Identity or From/To; shown as text only. */
  displayName: string | undefined;
  /** The user part ("1001", "+15551234567"), else the URI without its scheme. */
  number: string;
  uri: string;
}

/** Why the call ended, kept on the line while it lingers. */
export interface CallLineEnd {
  originator: 'local' | 'remote' | 'system';
  cause: CallEndCause;
  /** User-facing: "Busy", "Declined", "Unavailable" … */
  message: string;
}

/** One live call as the calls panel shows it. */
export interface CallLine {
  /** The call session's id. */
  id: string;
  direction: 'outgoing' | 'incoming';
  state: CallState;
  remote: CallRemote;
  hold: HoldState;
  /** A hold or resume re-INVITE is in flight; the hold state changes only when it succeeds. */
  holdPending: 'hold' | 'resume' | undefined;
  muted: boolean;
  /** When the call was answered (ms, the UA's clock); undefined before. */
  startedAt: number | undefined;
  /** When the call ended (ms); freezes the timer of a lingering line. */
  endedAt: number | undefined;
  end: CallLineEnd | undefined;
  /** A passing problem on a live call ("The far end refused hold"); cleared by the next action. */
  notice: string | undefined;
  /** DTMF digits the far end sent us by SIP INFO, oldest first ("" when none). */
  receivedDigits: string;
  /** DTMF digits we sent on this call, from the keypad or the keyboard, oldest first; absent before the first. */
  sentDigits?: string;
  /** How a transfer of this call goes ("Transferring…", "Transfer failed: Busy"); undefined when none was tried. */
  transferStatus: string | undefined;
  /** The latest quality figures while audio flows; absent before the first measurement. */
  quality?: LineQuality | undefined;
}

export interface CallsState {
  /** In the order the calls started. */
  lines: CallLine[];
  /** The line the user works with (keypad, keyboard shortcuts); undefined when there is none. */
  selectedId: string | undefined;
}

export const initialCallsState: CallsState = { lines: [], selectedId: undefined };

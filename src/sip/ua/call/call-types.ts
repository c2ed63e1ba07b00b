/** The Call API's plain-data types (the contract between the core and the phone service). */
import type { TransferProgress } from '../transfer/transfer-types';

export type CallState = 'calling' | 'incoming' | 'early' | 'established' | 'terminating' | 'ended';

export type CallDirection = 'outgoing' | 'incoming';

/** Who is on the other end: P-Asserted-Identity when the network vouches for it, else From (incoming) or To (outgoing). */
export interface CallParty {
  uri: string;
  user?: string;
  displayName?: string;
}

/** `local`: we put the call on hold; `remote`: the far end holds us. */
export interface HoldState {
  local: boolean;
  remote: boolean;
}

export type CallEndCause =
  | 'hangup'
  | 'cancelled'
  | 'busy'
  | 'declined'
  | 'not-found'
  | 'unavailable'
  | 'no-answer'
  | 'request-timeout'
  | 'no-common-codec'
  | 'microphone-blocked'
  | 'media-failed'
  | 'answered-elsewhere'
  | 'transport-error'
  /** We transferred the call (RFC 5589): the far end now talks to someone else. */
  | 'transferred'
  /** An INVITE with Replaces (RFC 3891) took this call over. */
  | 'replaced'
  | 'failed';

export interface CallEnd {
  /** Who ended the call: us, the far end (or the network on its behalf), or neither (timeouts, media, transport). */
  originator: 'local' | 'remote' | 'system';
  cause: CallEndCause;
  /** The SIP status that ended the call, when one did. */
  status?: number;
  reason?: string;
  /** Text for the user: "Busy", "No answer", "no common codec: the far end offers only G.729". */
  message: string;
}

export interface CallEvents {
  state: [state: CallState];
  /** A 18x arrived. */
  progress: [status: number, reason: string];
  /** A 180 without SDP: play a local ringback tone until early media or the answer (SIPconnect 2.0 §14.9). */
  ringback: [playLocalTone: boolean];
  hold: [hold: HoldState];
  muted: [muted: boolean];
  /** A digit the far end sent in a SIP INFO. */
  dtmf: [digit: string];
  /** A transfer we started with transfer() or transferTo(): trying, ringing, then succeeded or failed. */
  transfer: [progress: TransferProgress];
  ended: [end: CallEnd];
}

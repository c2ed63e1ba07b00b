import type { MediaSession } from '../../media-port';
import type { IncomingRequest } from '../incoming-request';
import type { CallEnd, CallParty, CallState, HoldState } from './call-types';
import type { OfferAnswer } from './offer-answer';
import type { SessionTimer } from './session-timer';

/**
 * What the signalling parts of a call (the INVITE transactions, the dialog usage) may do to the
 * CallSession. The session keeps state, events and media; the parts decide when.
 */
export interface CallControl {
  readonly state: CallState;
  readonly hold: HoldState;
  readonly media: MediaSession;
  readonly offerAnswer: OfferAnswer;
  /** RFC 4028: every INVITE, re-INVITE and UPDATE exchange of the call negotiates it. */
  readonly sessionTimer: SessionTimer;
  /** calling → early, or into terminating/ended via the methods below. */
  early(): void;
  /** The call is up: startedAt is now. */
  established(): void;
  /** We are ending the call (CANCEL or BYE sent): `end` is what the call will report when the exchange is over. */
  terminating(end: CallEnd): void;
  /** The call is over; the first end wins, and one decided in terminating() wins over any later. */
  finish(end: CallEnd): void;
  progress(status: number, reason: string): void;
  ringback(playLocalTone: boolean): void;
  setRemote(party: CallParty): void;
  setHold(hold: Partial<HoldState>): void;
  dtmfReceived(digit: string): void;
  /** A REFER in the call's dialog (we are being transferred); must be answered. */
  referReceived(incoming: IncomingRequest): void;
  /** A NOTIFY in the call's dialog (a transfer of ours reports progress); must be answered. */
  notifyReceived(incoming: IncomingRequest): void;
}

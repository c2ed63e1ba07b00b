/** The transfer API's plain-data types (RFC 3515 REFER, RFC 5589 call transfer). */
import type { CallParty } from '../call/call-types';

/** trying: the REFER is out or the transferee is calling; ringing: the target rings; then the outcome. */
export type TransferState = 'trying' | 'ringing' | 'succeeded' | 'failed';

/** One step of a transfer we started, as the call's 'transfer' event reports it. */
export interface TransferProgress {
  state: TransferState;
  /** The SIP status behind this step: the REFER's response, or the one the transferee reported. */
  status?: number;
  reason?: string;
  /** Text for the user: "Transfer accepted", "Ringing", "Transferred", "Transfer failed: Busy". */
  message: string;
}

/** How a transfer ended; on success our leg is being hung up, on failure the call goes on (resumed if we held it). */
export interface TransferResult extends TransferProgress {
  state: 'succeeded' | 'failed';
}

/** A REFER the far end sent us in a call: what the app is asked to confirm. */
export interface IncomingTransferRequest {
  /** The Refer-To URI without its embedded headers: who we would call. */
  target: string;
  /** Who asked for the transfer (Referred-By), when the REFER says. */
  referredBy?: CallParty;
  /** The Refer-To carries Replaces: an attended transfer that takes over an existing call at the target. */
  attended: boolean;
}

/** UserAgentOptions.transfer: how we act as the transferee. */
export interface TransferOptions {
  /**
   * Asked for every REFER we receive in a call; true accepts (202 and a new call to the target),
   * false declines (603). Without it every transfer is accepted. The far end gives up on the REFER
   * after 32 s (RFC 3261 Timer F), so an app that asks the user must decide before then.
   */
  confirm?: (request: IncomingTransferRequest) => boolean | Promise<boolean>;
}

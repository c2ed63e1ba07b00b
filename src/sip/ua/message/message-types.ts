/** The text-message API's plain-data types (RFC 3428 MESSAGE, RFC 3994 isComposing). */
import type { CallParty } from '../call/call-types';

/** What sendMessage() sends when no content type is given. */
export const TEXT_PLAIN_UTF8 = 'text/plain;charset=utf-8';

/**
 * Largest body we send or take, in UTF-8 octets. RFC 3428 §8 caps MESSAGE at 1300 octets only
 * where the path may not be congestion-controlled; ours is a WebSocket (TCP) to the proxy.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * The SIP identity of one MESSAGE: a resend re-uses it, so a receiver that got the first copy
 * (its 200 lost with the connection) can recognise the second and not show it twice.
 */
export interface MessageAttempt {
  callId: string;
  fromTag: string;
  cseq: number;
}

/**
 * Why a message was not delivered. 'transport': the connection was lost before a final answer
 * (the message may or may not have arrived; the outbox sends it again once registered).
 */
export type MessageFailureCause = 'rejected' | 'timeout' | 'transport' | 'invalid-target' | 'too-large';

export type MessageOutcome =
  | { delivered: true; status: number; reason: string }
  | {
      delivered: false;
      cause: MessageFailureCause;
      status?: number;
      reason?: string;
      /** For the user: "Not delivered: user 1005 is not online (480)". */
      message: string;
    };

/** A text message for us. The body is text exactly as sent: render it as text, never as markup. */
export interface IncomingMessage {
  from: CallParty;
  body: string;
  /** Media type without parameters: "text/plain". */
  contentType: string;
  /** timers.now() when it arrived. */
  receivedAt: number;
  callId: string;
}

/** RFC 3994: the far end is typing ('active') or stopped ('idle'). */
export interface ComposingNotice {
  from: CallParty;
  state: 'active' | 'idle';
  /** Seconds after which an 'active' state lapses unless refreshed (RFC 3994 §3.2); 120 when not given. */
  refresh: number;
  receivedAt: number;
}

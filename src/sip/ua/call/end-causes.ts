import type { SipResponse } from '../../message';
import type { MediaFailure } from '../../media-port';
import type { ResponseSource } from '../../transaction/client-transaction';
import type { CallEnd, CallEndCause } from './call-types';
import { firstWarning } from './warning-header';

/**
 * How a call ends, as data with a message for the user. The status → cause table follows what
 * the far end means by each response (RFC 3261 §21); anything not listed is a plain failure
 * that shows the status and reason.
 */

const STATUS_CAUSES: ReadonlyMap<number, { cause: CallEndCause; message: string }> = new Map([
  [486, { cause: 'busy', message: 'Busy' }],
  [600, { cause: 'busy', message: 'Busy everywhere' }],
  [603, { cause: 'declined', message: 'Declined' }],
  [404, { cause: 'not-found', message: 'Number not found' }],
  [604, { cause: 'not-found', message: 'Number does not exist anywhere' }],
  [410, { cause: 'not-found', message: 'Number no longer in service' }],
  [484, { cause: 'not-found', message: 'Incomplete number' }],
  [480, { cause: 'unavailable', message: 'Unavailable' }],
  [487, { cause: 'cancelled', message: 'Cancelled' }],
]);

/** The end of an outgoing call from the final non-2xx response to its INVITE. `rang`: a 18x had arrived. */
export function endForResponse(response: SipResponse, source: ResponseSource, rang: boolean): CallEnd {
  const { status, reason } = response;
  if (source === 'timeout') {
    // §17.1.1.2 Timer B: nothing but provisional responses, if any, for 64·T1.
    return { originator: 'system', cause: 'request-timeout', status, reason, message: 'No response from the server (request timeout)' };
  }
  if (source === 'transport-error') {
    return { originator: 'system', cause: 'transport-error', status, reason, message: 'Connection to the server lost' };
  }
  if (status === 408) {
    // A 408 after ringing is the network giving up on an unanswered phone; before, nobody was reached.
    return rang
      ? { originator: 'remote', cause: 'no-answer', status, reason, message: 'No answer' }
      : { originator: 'remote', cause: 'request-timeout', status, reason, message: 'Request timeout: the far end did not respond' };
  }
  if (status === 488 || status === 606) return { originator: 'remote', cause: 'no-common-codec', status, reason, message: codecMessage(response) };
  const known = STATUS_CAUSES.get(status);
  if (known) return { originator: 'remote', status, reason, ...known };
  return { originator: 'remote', cause: 'failed', status, reason, message: `Call failed: ${status} ${reason}` };
}

/** Causes that mean the address was never reached, as opposed to reached and busy, declining or silent. */
const UNREACHED: ReadonlySet<CallEndCause> = new Set(['not-found', 'unavailable', 'request-timeout', 'failed']);

/**
 * The end of a redirected call (RFC 3261 §8.1.3.4) with no address left to try: `end` is what the
 * last response would have ended it with, `uri` where the far end sent us. A busy or declining
 * new address keeps its own message; one that was never reached says where we were sent.
 */
export function endForRedirect(end: CallEnd, uri: string): CallEnd {
  if (!UNREACHED.has(end.cause)) return end;
  return { ...end, message: `Call failed: the far end redirected the call to ${uri}, which could not be reached` };
}

/** A 3xx whose Contacts name nothing we can call (none, malformed, or schemes we cannot use). */
export function endForRedirectNowhere(response: SipResponse): CallEnd {
  return { ...endForResponse(response, 'network', false), message: 'Call failed: the far end moved the call with no usable address' };
}

/** More redirected addresses waited than we try (a loop through ever-new addresses, or a long 300 list). */
export function endForTooManyRedirects(response: SipResponse, source: ResponseSource, limit: number): CallEnd {
  return { ...endForResponse(response, source, false), cause: 'failed', message: `Call failed: too many redirects (${limit} addresses tried)` };
}

/** The far end refused our SDP; its Warning (RFC 3261 §20.43) usually says why. */
function codecMessage(response: SipResponse): string {
  const warning = firstWarning(response.getAll('Warning'));
  return warning ? `No common codec (the far end says: ${warning.text})` : 'No common codec: the far end accepts none of our audio codecs';
}

/** The end of a call whose media could not be set up. */
export function endForMediaFailure(failure: MediaFailure): CallEnd {
  const cause: CallEndCause =
    failure.code === 'microphone-denied'
      ? 'microphone-blocked'
      : failure.code === 'no-common-codec' || failure.code === 'no-audio-stream'
        ? 'no-common-codec'
        : 'media-failed';
  return { originator: 'system', cause, message: failure.message };
}

export const LOCAL_HANGUP: CallEnd = { originator: 'local', cause: 'hangup', message: 'Call ended' };
export const REMOTE_HANGUP: CallEnd = { originator: 'remote', cause: 'hangup', message: 'The other party hung up' };
export const LOCAL_CANCEL: CallEnd = { originator: 'local', cause: 'cancelled', message: 'Cancelled' };
/** RFC 4028 §10: the far end stopped refreshing the session, so it is presumed gone. */
export const SESSION_EXPIRED: CallEnd = { originator: 'system', cause: 'failed', message: 'Call ended: the far end stopped refreshing the session (session timer expired)' };

import type { SipResponse, SipUri } from '../../message';
import type { ResponseSource } from '../../transaction/client-transaction';
import { TIMER_F } from '../../transaction/timers';
import { MAX_MESSAGE_BYTES, type MessageOutcome } from './message-types';

type Failure = Extract<MessageOutcome, { delivered: false }>;

/** What a final non-2xx answer (or its absence) to our MESSAGE means, in words for the user. */
export function deliveryFailure(response: SipResponse, source: ResponseSource, target: SipUri, authFailure?: string): Failure {
  if (source === 'timeout') return { delivered: false, cause: 'timeout', message: `Not delivered: no answer within ${TIMER_F / 1000} s` };
  if (source === 'transport-error') return { delivered: false, cause: 'transport', message: 'Not delivered: the connection to the server was lost' };
  const { status, reason } = response;
  const what = authFailure ?? describeStatus(status, reason, target);
  return { delivered: false, cause: 'rejected', status, reason, message: `Not delivered: ${what} (${status})` };
}

export function invalidTarget(target: string): Failure {
  return { delivered: false, cause: 'invalid-target', message: `Not delivered: "${target}" is not an address` };
}

export function tooLarge(): Failure {
  return { delivered: false, cause: 'too-large', message: `Not delivered: the message is larger than ${MAX_MESSAGE_BYTES / 1024} KiB` };
}

function describeStatus(status: number, reason: string, target: SipUri): string {
  const who = target.user !== undefined ? `user ${target.user}` : target.aor;
  switch (status) {
    case 404:
    case 604:
      return `${who} does not exist`;
    case 480:
      return `${who} is not online`;
    case 486:
    case 600:
      return `${who} is busy`;
    case 603:
      return `${who} declined it`;
    case 403:
      return 'the server does not allow it';
    case 405:
    case 501:
      return `${who} does not take text messages`;
    case 408:
      return `${who} did not answer`;
    case 413:
    case 513:
      return 'the message is too large';
    case 415:
      return `${who} does not accept this kind of message`;
    default:
      return status >= 500 && status < 600 ? `server error: ${reason}` : reason;
  }
}

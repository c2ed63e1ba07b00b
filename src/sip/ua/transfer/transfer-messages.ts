import type { CallEnd } from '../call/call-types';
import type { TransferResult } from './transfer-types';

/** What the user is told about a transfer's outcome, from the status the REFER or a NOTIFY carried. */

const REFUSAL_MESSAGES: ReadonlyMap<number, string> = new Map([
  [403, 'the other party refused it'],
  [603, 'the other party declined it'],
  [405, 'the other party cannot transfer calls'],
  [501, 'the other party cannot transfer calls'],
  [420, 'the other party cannot transfer calls'],
  [481, 'the call no longer exists at the other end'],
]);

const TARGET_MESSAGES: ReadonlyMap<number, string> = new Map([
  [486, 'Busy'],
  [600, 'Busy'],
  [603, 'Declined'],
  [404, 'Number not found'],
  [604, 'Number not found'],
  [480, 'Unavailable'],
  [408, 'No answer'],
  [487, 'Cancelled'],
  [481, 'the call to replace no longer exists'],
]);

/** The REFER itself was refused or timed out. */
export function referRefused(status: number, reason: string): TransferResult {
  const why = REFUSAL_MESSAGES.get(status) ?? `${status} ${reason}`;
  return { state: 'failed', status, reason, message: `Transfer failed: ${why}` };
}

/** The transferee's call to the target failed with `status` (a NOTIFY's sipfrag). */
export function targetFailed(status: number, reason: string): TransferResult {
  const why = TARGET_MESSAGES.get(status) ?? `${status} ${reason}`;
  return { state: 'failed', status, reason, message: `Transfer failed: ${why}` };
}

export function failed(message: string): TransferResult {
  return { state: 'failed', message: `Transfer failed: ${message}` };
}

export function succeeded(message = 'Transferred', status?: number, reason?: string): TransferResult {
  return { state: 'succeeded', ...(status === undefined ? {} : { status }), ...(reason === undefined ? {} : { reason }), message };
}

/** How our leg ends after a successful transfer. */
export const TRANSFERRED: CallEnd = { originator: 'local', cause: 'transferred', message: 'Transferred' };
/** How the transferee's first call ends when the transferor hangs it up after the transfer connected. */
export const TRANSFERRED_AWAY: CallEnd = { originator: 'remote', cause: 'transferred', message: 'Transferred' };
/** How a call ends when an INVITE with Replaces took it over (RFC 3891). */
export const REPLACED: CallEnd = { originator: 'remote', cause: 'replaced', message: 'Replaced by a transferred call' };

/*
 * An INVITE with Replaces (RFC 3891 §3): which of our calls it takes over, or why it cannot.
 * The header names the dialog from our side: to-tag is our tag, from-tag the far end's.
 *
 *   matches nothing, or an early dialog we did not start (a call ringing at us) ─> 481
 *   matches a call we are already ending                                      ─> 603
 *   early-only, and the dialog it matches is confirmed                         ─> 486
 *   matches a confirmed dialog, or the early dialog of a call we are making    ─> replace that call
 */
import { SipParseError, type Replaces, type SipRequest } from '../../message';
import type { CallSession } from '../call/call-session';

/** How a call's dialogs relate to a Replaces header (CallSession.replacesMatch). */
export type ReplacesRole = 'confirmed' | 'early-uac' | 'early-uas' | 'ending';

export type ReplacesMatch =
  | { kind: 'replace'; call: CallSession }
  | { kind: 'reject'; status: 400 | 481 | 486 | 603; reason?: string };

export function matchReplaces(request: SipRequest, calls: Iterable<CallSession>): ReplacesMatch {
  let replaces: Replaces | undefined;
  try {
    replaces = request.replaces;
  } catch (error) {
    if (!(error instanceof SipParseError)) throw error;
    return { kind: 'reject', status: 400, reason: 'Bad Replaces' };
  }
  if (request.getLines('Replaces').length !== 1 || !replaces) return { kind: 'reject', status: 400, reason: 'Exactly One Replaces Allowed' };
  for (const call of calls) {
    const role = call.replacesMatch(replaces);
    if (role === undefined) continue;
    switch (role) {
      case 'early-uas':
        return { kind: 'reject', status: 481 };
      case 'ending':
        return { kind: 'reject', status: 603 };
      case 'confirmed':
        return replaces.earlyOnly ? { kind: 'reject', status: 486 } : { kind: 'replace', call };
      case 'early-uac':
        return { kind: 'replace', call };
    }
  }
  return { kind: 'reject', status: 481 };
}

import type { CallLine, CallLineEnd } from '../../stores/calls';
import type { HistoryKind } from '../../stores/history';

/**
 * The history kind of a finished call. An incoming call that was never answered is missed —
 * whoever gave up (the caller cancelling, the network timing out) — unless we turned it down
 * ourselves (Decline, or busy because of call waiting), or another of our devices took it.
 */
export function classifyCall(direction: CallLine['direction'], answered: boolean, end: CallLineEnd): HistoryKind {
  if (direction === 'outgoing') return 'outgoing';
  if (answered || end.cause === 'answered-elsewhere') return 'incoming';
  if (end.originator === 'local' && (end.cause === 'declined' || end.cause === 'busy')) return 'declined';
  return 'missed';
}

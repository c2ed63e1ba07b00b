import type { CallEndCause } from '../../sip';
import type { CallLineEnd, CallRemote } from '../calls';

/**
 * How a call went, from the user's side: `incoming` (answered here), `outgoing` (placed, whether
 * or not it was answered), `missed` (rang here and was never answered, including a caller who
 * gave up) and `declined` (rang here and we turned it down).
 */
export type HistoryKind = 'incoming' | 'outgoing' | 'missed' | 'declined';

/** One finished call; plain data, persisted as is. */
export interface HistoryEntry {
  /** The call session's id. */
  id: string;
  kind: HistoryKind;
  /** The far end as the calls panel showed it; the display name is text from the network. */
  remote: CallRemote;
  /** Date.now() when the call began ringing or dialling. */
  time: number;
  /** Talk time in ms; undefined when the call was never answered. */
  durationMs: number | undefined;
  end: { originator: CallLineEnd['originator']; cause: CallEndCause; message: string };
  /** False for a missed call nobody has looked at in History yet (the app badge counts these). */
  seen: boolean;
}

export interface HistoryState {
  /** By id. */
  entries: Record<string, HistoryEntry>;
}

export const initialHistoryState: HistoryState = { entries: {} };

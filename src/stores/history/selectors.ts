import { formatDuration } from '../calls';
import type { HistoryEntry, HistoryKind, HistoryState } from './state';

export type HistoryFilter = 'all' | 'missed';

/** The entries a filter shows, the newest first. */
export function selectHistoryList(state: HistoryState, filter: HistoryFilter): HistoryEntry[] {
  return Object.values(state.entries)
    .filter((entry) => filter === 'all' || entry.kind === 'missed')
    .sort((a, b) => b.time - a.time || a.id.localeCompare(b.id));
}

/** The newest call we placed, for Redial; undefined before the first one. */
export function selectLastOutgoing(state: HistoryState): HistoryEntry | undefined {
  let last: HistoryEntry | undefined;
  for (const entry of Object.values(state.entries)) {
    if (entry.kind === 'outgoing' && (last === undefined || entry.time > last.time)) last = entry;
  }
  return last;
}

/** Missed calls the user has not seen in History yet: the count on the app badge. */
export function selectMissedUnseen(state: HistoryState): number {
  return Object.values(state.entries).filter((entry) => entry.kind === 'missed' && !entry.seen).length;
}

const KIND_TEXT: Record<HistoryKind, string> = {
  incoming: 'Incoming',
  outgoing: 'Outgoing',
  missed: 'Missed',
  declined: 'Declined',
};

export function kindText(kind: HistoryKind): string {
  return KIND_TEXT[kind];
}

/**
 * What the entry says after its kind: the talk time of an answered call, else why it ended
 * ("Busy", "Cancelled"); a missed call needs no more words than "Missed".
 */
export function entryOutcome(entry: HistoryEntry): string | undefined {
  if (entry.durationMs !== undefined) return formatDuration(entry.durationMs);
  if (entry.kind === 'missed' || entry.kind === 'declined') return undefined;
  return entry.end.message;
}

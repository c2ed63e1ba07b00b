import type { HistoryEntry } from '../../../src/stores/history';

/** A history entry: a call to 1001 that was busy, unless told otherwise. */
export function historyEntry(id: string, time: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    kind: 'outgoing',
    remote: { displayName: undefined, number: '1001', uri: 'sip:1001@127.0.0.1' },
    time,
    durationMs: undefined,
    end: { originator: 'remote', cause: 'busy', message: 'Busy' },
    seen: true,
    ...overrides,
  };
}

/** A missed call from 1001 nobody has looked at yet. */
export function missedEntry(id: string, time: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return historyEntry(id, time, {
    kind: 'missed',
    end: { originator: 'remote', cause: 'cancelled', message: 'Missed call: the caller hung up' },
    seen: false,
    ...overrides,
  });
}

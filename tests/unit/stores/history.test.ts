import { describe, expect, it } from 'vitest';
import { createHistoryStore, entryAddress, entryOutcome, formatCallTime, kindText, selectHistoryList, selectLastOutgoing, selectMissedUnseen } from '../../../src/stores/history';
import { historyEntry } from './history-entry';

describe('history store', () => {
  it('lists the newest first, all or only the missed calls', () => {
    const store = createHistoryStore();
    store.getState().put(historyEntry('a', 1));
    store.getState().put(historyEntry('b', 3, { kind: 'missed', seen: false }));
    store.getState().put(historyEntry('c', 2, { kind: 'declined' }));
    expect(selectHistoryList(store.getState(), 'all').map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(selectHistoryList(store.getState(), 'missed').map((e) => e.id)).toEqual(['b']);
  });

  it('finds the newest call we placed, for Redial, ignoring calls to us', () => {
    const store = createHistoryStore();
    expect(selectLastOutgoing(store.getState())).toBeUndefined();
    store.getState().put(historyEntry('a', 1));
    store.getState().put(historyEntry('b', 3, { remote: { displayName: undefined, number: '1002', uri: 'sip:1002@127.0.0.1' } }));
    store.getState().put(historyEntry('c', 2));
    store.getState().put(historyEntry('d', 4, { kind: 'incoming' }));
    expect(selectLastOutgoing(store.getState())?.id).toBe('b');
  });

  it('counts unseen missed calls until all are marked seen', () => {
    const store = createHistoryStore();
    store.getState().put(historyEntry('a', 1, { kind: 'missed', seen: false }));
    store.getState().put(historyEntry('b', 2, { kind: 'missed', seen: false }));
    store.getState().put(historyEntry('c', 3, { kind: 'missed', seen: true }));
    expect(selectMissedUnseen(store.getState())).toBe(2);
    store.getState().markAllSeen();
    expect(selectMissedUnseen(store.getState())).toBe(0);
    const before = store.getState().entries;
    store.getState().markAllSeen();
    expect(store.getState().entries).toBe(before);
  });

  it('keeps what was recorded meanwhile over what is loaded, and removes and clears', () => {
    const store = createHistoryStore();
    store.getState().put(historyEntry('a', 1, { durationMs: 5 }));
    store.getState().hydrate([historyEntry('a', 1), historyEntry('b', 2)]);
    expect(store.getState().entries.a!.durationMs).toBe(5);
    store.getState().remove('a');
    store.getState().remove('missing');
    expect(Object.keys(store.getState().entries)).toEqual(['b']);
    store.getState().clear();
    expect(store.getState().entries).toEqual({});
  });

  it('says how a call went: talk time when answered, else why it ended', () => {
    expect(kindText('missed')).toBe('Missed');
    expect(entryOutcome(historyEntry('a', 1, { kind: 'incoming', durationMs: 65_000 }))).toBe('01:05');
    expect(entryOutcome(historyEntry('a', 1))).toBe('Busy');
    expect(entryOutcome(historyEntry('a', 1, { kind: 'missed' }))).toBeUndefined();
  });
});

describe('entryAddress', () => {
  const AOR = 'sip:1000@127.0.0.1';

  it('calls back someone in the account domain by number, anyone else by address', () => {
    expect(entryAddress({ displayName: 'Bob', number: '1001', uri: 'sip:1001@127.0.0.1' }, AOR)).toBe('1001');
    expect(entryAddress({ displayName: undefined, number: 'bob', uri: 'sip:bob@example.com;transport=ws' }, AOR)).toBe('sip:bob@example.com');
  });

  it('falls back to the number when the account is not known yet or the address is a tel: URI', () => {
    expect(entryAddress({ displayName: undefined, number: '1001', uri: 'sip:1001@127.0.0.1' }, undefined)).toBe('1001');
    expect(entryAddress({ displayName: undefined, number: '+15550100', uri: 'tel:+15550100' }, AOR)).toBe('+15550100');
  });

  it('gives nothing to call for an anonymous caller', () => {
    expect(entryAddress({ displayName: 'Anonymous', number: 'anonymous', uri: 'sip:anonymous@anonymous.invalid' }, AOR)).toBeUndefined();
    expect(entryAddress({ displayName: undefined, number: 'x', uri: 'sip:x@anonymous.invalid' }, AOR)).toBeUndefined();
  });
});

describe('formatCallTime', () => {
  const now = new Date(2026, 10, 22, 15, 30).getTime();
  const clock = (ms: number) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(ms);

  it('gives the time of a call today, and "Yesterday" with the time for one the day before', () => {
    const morning = new Date(2026, 10, 22, 0, 5).getTime();
    const lateYesterday = new Date(2026, 10, 21, 23, 59).getTime();
    expect(formatCallTime(morning, now)).toBe(clock(morning));
    expect(formatCallTime(lateYesterday, now)).toBe(`Yesterday ${clock(lateYesterday)}`);
  });

  it('adds the date for an older call, and the year only for one from another year', () => {
    const earlier = new Date(2026, 2, 3, 9, 0).getTime();
    const lastYear = new Date(2025, 10, 22, 15, 30).getTime();
    expect(formatCallTime(earlier, now)).toMatch(new RegExp(`${clock(earlier)}$`));
    expect(formatCallTime(earlier, now)).not.toContain('2026');
    expect(formatCallTime(lastYear, now)).toContain('2025');
  });
});

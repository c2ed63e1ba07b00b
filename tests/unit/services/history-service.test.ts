import { describe, expect, it } from 'vitest';
import { createMemoryHistoryRepository, type HistoryRepository } from '../../../src/services/history/history-repository';
import { createHistoryService, HISTORY_LIMIT } from '../../../src/services/history/history-service';
import { createCallsStore, type CallLine } from '../../../src/stores/calls';
import { createHistoryStore, selectMissedUnseen } from '../../../src/stores/history';
import { callLine } from '../support/call-line';
import { missedEntry } from '../stores/history-entry';

const quiet = { log: () => undefined };

function ringing(id: string): CallLine {
  return callLine({ id, direction: 'incoming', state: 'incoming' });
}

async function setup(repository: HistoryRepository = createMemoryHistoryRepository()) {
  const calls = createCallsStore();
  const store = createHistoryStore();
  const service = createHistoryService({ calls, store, repository, now: () => 5_000, logger: quiet });
  await service.ready;
  return { calls, store, service, repository };
}

describe('history service', () => {
  it('saves every ended call and shows it', async () => {
    const t = await setup();
    t.calls.getState().addLine(ringing('a'));
    t.calls.getState().updateLine('a', { state: 'ended', end: { originator: 'remote', cause: 'cancelled', message: 'Missed' } });
    expect(Object.keys(t.store.getState().entries)).toEqual(['a']);
    expect((await t.repository.load()).map((e) => [e.id, e.kind])).toEqual([['a', 'missed']]);
    expect(selectMissedUnseen(t.store.getState())).toBe(1);
  });

  it('loads the saved history; marking it seen clears the missed count, also after a reload', async () => {
    const repository = createMemoryHistoryRepository();
    await repository.putMany([missedEntry('a', 1), missedEntry('b', 2), missedEntry('c', 3, { kind: 'incoming', seen: true })]);
    const t = await setup(repository);
    expect(selectMissedUnseen(t.store.getState())).toBe(2);
    t.service.markAllSeen();
    expect(selectMissedUnseen(t.store.getState())).toBe(0);
    const reloaded = await setup(repository);
    expect(selectMissedUnseen(reloaded.store.getState())).toBe(0);
    expect(Object.keys(reloaded.store.getState().entries).sort()).toEqual(['a', 'b', 'c']);
  });

  it('deletes one entry or clears all, in the store and the database', async () => {
    const repository = createMemoryHistoryRepository();
    await repository.putMany([missedEntry('a', 1), missedEntry('b', 2), missedEntry('c', 3)]);
    const t = await setup(repository);
    t.service.remove('b');
    expect(Object.keys(t.store.getState().entries).sort()).toEqual(['a', 'c']);
    expect((await repository.load()).map((e) => e.id).sort()).toEqual(['a', 'c']);
    t.service.clear();
    expect(t.store.getState().entries).toEqual({});
    expect(await repository.load()).toEqual([]);
  });

  it(`keeps the newest ${HISTORY_LIMIT} calls`, async () => {
    const repository = createMemoryHistoryRepository();
    await repository.putMany(Array.from({ length: HISTORY_LIMIT + 3 }, (_, i) => missedEntry(`e${i}`, i)));
    const t = await setup(repository);
    const kept = Object.values(t.store.getState().entries);
    expect(kept).toHaveLength(HISTORY_LIMIT);
    expect(kept.some((e) => e.id === 'e0' || e.id === 'e2')).toBe(false);
    expect((await repository.load()).length).toBe(HISTORY_LIMIT);
  });

  it('still records calls when the database fails, and says so in the log', async () => {
    const logged: string[] = [];
    const failing: HistoryRepository = { ...createMemoryHistoryRepository(), put: () => Promise.reject(new Error('quota')) };
    const calls = createCallsStore();
    const store = createHistoryStore();
    createHistoryService({ calls, store, repository: failing, now: () => 0, logger: { log: (_level, message) => logged.push(message) } });
    calls.getState().addLine(ringing('a'));
    calls.getState().updateLine('a', { state: 'ended', end: { originator: 'remote', cause: 'cancelled', message: 'Missed' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(Object.keys(store.getState().entries)).toEqual(['a']);
    expect(logged).toEqual(['could not save a call in the history']);
  });
});

import type { Logger } from '../../sip/ports';
import type { CallsStore } from '../../stores/calls';
import type { HistoryEntry, HistoryStore } from '../../stores/history';
import type { HistoryRepository } from './history-repository';
import { startHistoryRecorder } from './history-recorder';

/** Enough for months of calls; beyond it the oldest go, so the list and the database stay quick. */
export const HISTORY_LIMIT = 500;

export interface HistoryServiceOptions {
  calls: CallsStore;
  store: HistoryStore;
  repository: HistoryRepository;
  /** Wall-clock ms. */
  now: () => number;
  logger: Logger;
}

export interface HistoryService {
  /** Settles once the saved history is in the store. */
  readonly ready: Promise<void>;
  remove(id: string): void;
  clear(): void;
  /** The user is looking at the history: missed calls stop counting on the badge. */
  markAllSeen(): void;
  /** Stops recording. */
  dispose(): void;
}

/** The account's call history: records every ended call, keeps it saved, and trims the oldest. */
export function createHistoryService({ calls, store, repository, now, logger }: HistoryServiceOptions): HistoryService {
  const persist = (what: string, write: Promise<void>) => {
    write.catch((error: unknown) => logger.log('warn', `could not save ${what}`, error));
  };

  const trim = () => {
    const entries = Object.values(store.getState().entries);
    if (entries.length <= HISTORY_LIMIT) return;
    const oldest = entries.sort((a, b) => a.time - b.time).slice(0, entries.length - HISTORY_LIMIT).map((e) => e.id);
    for (const id of oldest) store.getState().remove(id);
    persist('the history', repository.delete(oldest));
  };

  const record = (entry: HistoryEntry) => {
    store.getState().put(entry);
    persist('a call in the history', repository.put(entry));
    trim();
  };

  const stop = startHistoryRecorder({ calls, now, record });

  const ready = repository.load().then(
    (saved) => {
      store.getState().hydrate(saved);
      trim();
    },
    (error: unknown) => logger.log('warn', 'could not load the call history', error),
  );

  return {
    ready,
    remove(id) {
      store.getState().remove(id);
      persist('the history', repository.delete([id]));
    },
    clear() {
      store.getState().clear();
      persist('the history', repository.clear());
    },
    markAllSeen() {
      const unseen = Object.values(store.getState().entries).filter((e) => !e.seen);
      if (unseen.length === 0) return;
      store.getState().markAllSeen();
      persist('the history', repository.putMany(unseen.map((e) => ({ ...e, seen: true }))));
    },
    dispose: stop,
  };
}

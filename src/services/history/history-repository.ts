import type { HistoryEntry } from '../../stores/history';

/** Where the account's call history is kept between page loads. */
export interface HistoryRepository {
  load(): Promise<HistoryEntry[]>;
  /** Adds or replaces the entry with the same id. */
  put(entry: HistoryEntry): Promise<void>;
  putMany(entries: readonly HistoryEntry[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

/** Keeps everything in memory: for a browser without IndexedDB (nothing survives a reload) and for tests. */
export function createMemoryHistoryRepository(): HistoryRepository {
  const entries = new Map<string, HistoryEntry>();
  return {
    load: () => Promise.resolve([...entries.values()]),
    put: (entry) => {
      entries.set(entry.id, entry);
      return Promise.resolve();
    },
    putMany: (list) => {
      for (const entry of list) entries.set(entry.id, entry);
      return Promise.resolve();
    },
    delete: (ids) => {
      for (const id of ids) entries.delete(id);
      return Promise.resolve();
    },
    clear: () => {
      entries.clear();
      return Promise.resolve();
    },
  };
}

import type { HistoryEntry, HistoryState } from './state';

export interface HistoryActions {
  /** Adds what was persisted; what is in the store already (recorded meanwhile) wins. */
  hydrate(entries: HistoryEntry[]): void;
  /** Adds or replaces an entry. */
  put(entry: HistoryEntry): void;
  remove(id: string): void;
  clear(): void;
  /** Marks every missed call seen: the user has looked at the history. */
  markAllSeen(): void;
}

type SetState = (update: (state: HistoryState) => Partial<HistoryState>) => void;

/** Plain record-keeping: the history service decides what to record; the store only keeps it. */
export function createHistoryActions(set: SetState): HistoryActions {
  return {
    hydrate: (entries) => set((state) => ({ entries: { ...Object.fromEntries(entries.map((e) => [e.id, e])), ...state.entries } })),
    put: (entry) => set((state) => ({ entries: { ...state.entries, [entry.id]: entry } })),
    remove: (id) =>
      set((state) => {
        if (!(id in state.entries)) return {};
        const { [id]: _removed, ...entries } = state.entries;
        return { entries };
      }),
    clear: () => set(() => ({ entries: {} })),
    markAllSeen: () =>
      set((state) =>
        Object.values(state.entries).some((e) => !e.seen)
          ? { entries: Object.fromEntries(Object.values(state.entries).map((e) => [e.id, e.seen ? e : { ...e, seen: true }])) }
          : {},
      ),
  };
}

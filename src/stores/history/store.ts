import { createStore } from 'zustand/vanilla';
import { createHistoryActions, type HistoryActions } from './actions';
import { initialHistoryState, type HistoryState } from './state';

export type HistoryStoreState = HistoryState & HistoryActions;
export type HistoryStore = ReturnType<typeof createHistoryStore>;

export function createHistoryStore() {
  return createStore<HistoryStoreState>()((set) => ({ ...initialHistoryState, ...createHistoryActions(set) }));
}

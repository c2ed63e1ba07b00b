export type { HistoryEntry, HistoryKind, HistoryState } from './state';
export type { HistoryActions } from './actions';
export { createHistoryStore, type HistoryStore, type HistoryStoreState } from './store';
export { entryAddress } from './entry-address';
export { entryOutcome, kindText, selectHistoryList, selectLastOutgoing, selectMissedUnseen, type HistoryFilter } from './selectors';
export { formatCallTime } from './format-call-time';

import { useContext } from 'react';
import { useStore } from 'zustand';
import type { HistoryService } from '../../../services/history/history-service';
import type { HistoryStoreState } from '../../../stores/history';
import { HistoryServiceContext, HistoryStoreContext } from './history-context';

/** Reads the history store through a selector (which must return a stored value; derive lists with useMemo). */
export function useHistory<T>(selector: (state: HistoryStoreState) => T): T {
  const store = useContext(HistoryStoreContext);
  if (!store) throw new Error('useHistory needs a HistoryStoreContext provider');
  return useStore(store, selector);
}

/** The history service, or undefined while the phone starts. */
export function useHistoryService(): HistoryService | undefined {
  return useContext(HistoryServiceContext);
}

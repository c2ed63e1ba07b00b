import type { ReactNode } from 'react';
import type { HistoryService } from '../../../services/history/history-service';
import type { HistoryStore } from '../../../stores/history';
import { useResolved } from '../../hooks/use-resolved';
import { HistoryServiceContext, HistoryStoreContext } from './history-context';

interface HistoryProviderProps {
  store: HistoryStore;
  /** Resolves once the phone runs; undefined when no account could be set up. */
  service: Promise<HistoryService | undefined>;
  children: ReactNode;
}

/** Gives the tree the history store at once and the history service as soon as the phone has started. */
export function HistoryProvider({ store, service, children }: HistoryProviderProps) {
  const resolved = useResolved(service);
  return (
    <HistoryStoreContext value={store}>
      <HistoryServiceContext value={resolved}>{children}</HistoryServiceContext>
    </HistoryStoreContext>
  );
}

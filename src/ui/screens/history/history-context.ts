import { createContext } from 'react';
import type { HistoryService } from '../../../services/history/history-service';
import type { HistoryStore } from '../../../stores/history';

export const HistoryStoreContext = createContext<HistoryStore | null>(null);

/** The history service once the phone runs; undefined while it starts or when no account is set up. */
export const HistoryServiceContext = createContext<HistoryService | undefined>(undefined);

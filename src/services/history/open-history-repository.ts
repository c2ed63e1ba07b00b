import type { Logger } from '../../sip/ports';
import { createMemoryHistoryRepository, type HistoryRepository } from './history-repository';
import { openIndexedDbHistoryRepository } from './indexed-db-history-repository';

/** The account's call history; in memory when IndexedDB cannot be opened, so calls are still listed for the page's life. */
export async function openHistoryRepository(aor: string, logger: Logger): Promise<HistoryRepository> {
  try {
    return await openIndexedDbHistoryRepository(aor);
  } catch (error) {
    logger.log('warn', 'IndexedDB is unavailable: call history will not survive a reload', error);
    return createMemoryHistoryRepository();
  }
}

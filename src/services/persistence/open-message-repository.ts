import type { Logger } from '../../sip/ports';
import { openIndexedDbMessageRepository } from './indexed-db-message-repository';
import { createMemoryMessageRepository, type MessageRepository } from './message-repository';

/**
 * The account's message database; in memory when IndexedDB cannot be opened (a private window
 * that refuses it), so messaging still works for the page's life.
 */
export async function openMessageRepository(aor: string, logger: Logger): Promise<MessageRepository> {
  try {
    return await openIndexedDbMessageRepository(aor);
  } catch (error) {
    logger.log('warn', 'IndexedDB is unavailable: messages will not survive a reload', error);
    return createMemoryMessageRepository();
  }
}

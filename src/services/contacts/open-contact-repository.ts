import type { Logger } from '../../sip/ports';
import { createMemoryContactRepository, type ContactRepository } from './contact-repository';
import { openIndexedDbContactRepository } from './indexed-db-contact-repository';

/** The address book; in memory when IndexedDB cannot be opened, so contacts still work for the page's life. */
export async function openContactRepository(logger: Logger): Promise<ContactRepository> {
  try {
    return await openIndexedDbContactRepository();
  } catch (error) {
    logger.log('warn', 'IndexedDB is unavailable: contacts will not survive a reload', error);
    return createMemoryContactRepository();
  }
}

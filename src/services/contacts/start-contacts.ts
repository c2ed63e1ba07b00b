import { randomToken, type Logger, type Random } from '../../sip/ports';
import type { ContactsStore } from '../../stores/contacts';
import { createContactsService, type ContactsService } from './contacts-service';
import { openContactRepository } from './open-contact-repository';

/** Opens the address book (for every account) and fills the store from it. */
export async function startContacts(store: ContactsStore, random: Random, logger: Logger): Promise<ContactsService> {
  const repository = await openContactRepository(logger);
  return createContactsService({ store, repository, newId: () => randomToken(random, 16), logger });
}

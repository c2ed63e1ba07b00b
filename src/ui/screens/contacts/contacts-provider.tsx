import type { ReactNode } from 'react';
import type { ContactsService } from '../../../services/contacts/contacts-service';
import type { ContactsStore } from '../../../stores/contacts';
import { useResolved } from '../../hooks/use-resolved';
import { ContactsServiceContext, ContactsStoreContext } from './contacts-context';

interface ContactsProviderProps {
  store: ContactsStore;
  service: Promise<ContactsService | undefined>;
  children: ReactNode;
}

/** Gives the tree the contacts store at once and the contacts service once the address book is open. */
export function ContactsProvider({ store, service, children }: ContactsProviderProps) {
  const resolved = useResolved(service);
  return (
    <ContactsStoreContext value={store}>
      <ContactsServiceContext value={resolved}>{children}</ContactsServiceContext>
    </ContactsStoreContext>
  );
}

import { createContext } from 'react';
import type { ContactsService } from '../../../services/contacts/contacts-service';
import type { ContactsStore } from '../../../stores/contacts';

export const ContactsStoreContext = createContext<ContactsStore | null>(null);

/** The contacts service once the address book is open; undefined until then. */
export const ContactsServiceContext = createContext<ContactsService | undefined>(undefined);

import { useContext } from 'react';
import { useStore } from 'zustand';
import type { ContactsService } from '../../../services/contacts/contacts-service';
import type { ContactsStoreState } from '../../../stores/contacts';
import { ContactsServiceContext, ContactsStoreContext } from './contacts-context';

/** Reads the contacts store through a selector (which must return a stored value; derive lists with useMemo). */
export function useContacts<T>(selector: (state: ContactsStoreState) => T): T {
  const store = useContext(ContactsStoreContext);
  if (!store) throw new Error('useContacts needs a ContactsStoreContext provider');
  return useStore(store, selector);
}

/** The contacts service, or undefined while the address book opens. */
export function useContactsService(): ContactsService | undefined {
  return useContext(ContactsServiceContext);
}

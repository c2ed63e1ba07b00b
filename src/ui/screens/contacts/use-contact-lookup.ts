import { useMemo } from 'react';
import { contactLookup, selectContactList, type ContactLookup } from '../../../stores/contacts';
import { useContacts } from './use-contacts';

/** Finds the contact for a far end (History shows its name); follows changes to the address book. */
export function useContactLookup(): ContactLookup {
  const contacts = useContacts((state) => state.contacts);
  return useMemo(() => contactLookup(selectContactList({ contacts, editor: undefined })), [contacts]);
}

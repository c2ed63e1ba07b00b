export type { Contact, ContactDraft, ContactEditor, ContactsState } from './state';
export type { ContactsActions } from './actions';
export { createContactsStore, type ContactsStore, type ContactsStoreState } from './store';
export { numberKey } from './number-key';
export { contactLookup, searchContacts, selectContactList, type ContactLookup } from './selectors';

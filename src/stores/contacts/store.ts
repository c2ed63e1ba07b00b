import { createStore } from 'zustand/vanilla';
import { createContactsActions, type ContactsActions } from './actions';
import { initialContactsState, type ContactsState } from './state';

export type ContactsStoreState = ContactsState & ContactsActions;
export type ContactsStore = ReturnType<typeof createContactsStore>;

export function createContactsStore() {
  return createStore<ContactsStoreState>()((set) => ({ ...initialContactsState, ...createContactsActions(set) }));
}

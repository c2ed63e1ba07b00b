import type { Contact, ContactEditor, ContactsState } from './state';

export interface ContactsActions {
  /** Adds what was persisted; what is in the store already wins. */
  hydrate(contacts: Contact[]): void;
  /** Adds or replaces contacts by id. */
  put(...contacts: Contact[]): void;
  remove(id: string): void;
  /** Opens the contact form; undefined closes it. */
  setEditor(editor: ContactEditor | undefined): void;
}

type SetState = (update: (state: ContactsState) => Partial<ContactsState>) => void;

/** Plain record-keeping: the contacts service validates and saves; the store only keeps. */
export function createContactsActions(set: SetState): ContactsActions {
  const byId = (contacts: Contact[]) => Object.fromEntries(contacts.map((c) => [c.id, c]));
  return {
    hydrate: (contacts) => set((state) => ({ contacts: { ...byId(contacts), ...state.contacts } })),
    put: (...contacts) => set((state) => ({ contacts: { ...state.contacts, ...byId(contacts) } })),
    remove: (id) =>
      set((state) => {
        if (!(id in state.contacts)) return {};
        const { [id]: _removed, ...contacts } = state.contacts;
        return { contacts };
      }),
    setEditor: (editor) => set(() => ({ editor })),
  };
}

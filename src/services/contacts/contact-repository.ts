import type { Contact } from '../../stores/contacts';

/** Where the address book is kept between page loads. */
export interface ContactRepository {
  load(): Promise<Contact[]>;
  /** Adds or replaces contacts by id, all or none. */
  put(contacts: readonly Contact[]): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Keeps everything in memory: for a browser without IndexedDB (nothing survives a reload) and for tests. */
export function createMemoryContactRepository(): ContactRepository {
  const contacts = new Map<string, Contact>();
  return {
    load: () => Promise.resolve([...contacts.values()]),
    put: (list) => {
      for (const contact of list) contacts.set(contact.id, contact);
      return Promise.resolve();
    },
    delete: (id) => {
      contacts.delete(id);
      return Promise.resolve();
    },
  };
}

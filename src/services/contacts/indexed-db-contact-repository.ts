import { openDB } from 'idb';
import type { ContactRepository } from './contact-repository';
import { CONTACTS_DB_NAME, CONTACTS_SCHEMA_VERSION, upgradeContactsSchema, type ContactsDb } from './contacts-schema';

export async function openIndexedDbContactRepository(): Promise<ContactRepository> {
  const db = await openDB<ContactsDb>(CONTACTS_DB_NAME, CONTACTS_SCHEMA_VERSION, {
    upgrade: (database, oldVersion) => upgradeContactsSchema(database, oldVersion),
    // A newer version of the app in another tab wants to upgrade: let it, rather than block it
    // until this tab closes; this tab's later writes fail and are logged.
    blocking: () => db.close(),
  });
  return {
    load: () => db.getAll('contacts'),
    async put(contacts) {
      // One transaction: an import is saved whole or not at all.
      const tx = db.transaction('contacts', 'readwrite');
      await Promise.all([...contacts.map((contact) => tx.store.put(contact)), tx.done]);
    },
    delete: (id) => db.delete('contacts', id),
  };
}

import type { DBSchema, IDBPDatabase } from 'idb';
import type { Contact } from '../../stores/contacts';

/**
 * The address book's IndexedDB database, one for all accounts (a person's number does not
 * depend on which account calls it). Bump by appending a step to MIGRATIONS.
 */
export const CONTACTS_DB_NAME = 'tabphone-contacts';

export interface ContactsDb extends DBSchema {
  contacts: { key: string; value: Contact };
}

type Migration = (db: IDBPDatabase<ContactsDb>) => void;

/** MIGRATIONS[n] takes the database from version n to n + 1. */
const MIGRATIONS: readonly Migration[] = [
  (db) => {
    db.createObjectStore('contacts', { keyPath: 'id' });
  },
];

export const CONTACTS_SCHEMA_VERSION = MIGRATIONS.length;

/** Runs every migration after `oldVersion` (0 for a new database), in order. */
export function upgradeContactsSchema(db: IDBPDatabase<ContactsDb>, oldVersion: number): void {
  for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(db);
}

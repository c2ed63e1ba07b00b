import type { DBSchema, IDBPDatabase } from 'idb';
import type { HistoryEntry } from '../../stores/history';
import type { ChatMessage, Conversation } from '../../stores/messages';
import type { SavedOutboxEntry } from './message-repository';

/** The app's IndexedDB schema. Bump SCHEMA_VERSION and append a step to MIGRATIONS to change it. */
export interface TabphoneDb extends DBSchema {
  conversations: { key: string; value: Conversation };
  messages: { key: string; value: ChatMessage; indexes: { 'by-peer': string } };
  outbox: { key: string; value: SavedOutboxEntry };
  /** Call history (version 2). */
  calls: { key: string; value: HistoryEntry };
}

type Migration = (db: IDBPDatabase<TabphoneDb>) => void;

/** MIGRATIONS[n] takes the database from version n to n + 1. */
const MIGRATIONS: readonly Migration[] = [
  (db) => {
    db.createObjectStore('conversations', { keyPath: 'peer' });
    const messages = db.createObjectStore('messages', { keyPath: 'id' });
    messages.createIndex('by-peer', 'peer');
    db.createObjectStore('outbox', { keyPath: 'id' });
  },
  // Adds a store and touches nothing else: a version 1 database keeps its messages and outbox.
  (db) => {
    db.createObjectStore('calls', { keyPath: 'id' });
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs every migration after `oldVersion` (0 for a new database), in order. */
export function upgradeSchema(db: IDBPDatabase<TabphoneDb>, oldVersion: number): void {
  for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(db);
}

/** One database per account: an outbox must never be sent from another account. */
export function databaseName(aor: string): string {
  return `tabphone:${aor}`;
}

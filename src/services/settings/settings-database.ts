import type { DBSchema, IDBPDatabase } from 'idb';
import type { StoredSettings } from './stored-settings';

/**
 * The settings database, one per install and apart from the per-account databases
 * (`tabphone:<aor>`): it must be readable before any account is known. Bump by appending to
 * MIGRATIONS; the record inside has a format version of its own (stored-settings.ts).
 */
export const SETTINGS_DATABASE = 'tabphone-settings';

export interface SettingsDb extends DBSchema {
  /** One record, under SETTINGS_KEY. */
  settings: { key: string; value: StoredSettings };
}

export const SETTINGS_KEY = 'settings';

/** What a migration may do to the database; the idb database satisfies it, and so does a test's recorder. */
export type MigratableDb = Pick<IDBPDatabase<SettingsDb>, 'createObjectStore'>;

/** MIGRATIONS[n] takes the database from version n to n + 1. */
const MIGRATIONS: readonly ((db: MigratableDb) => void)[] = [(db) => void db.createObjectStore('settings')];

export const SETTINGS_DB_VERSION = MIGRATIONS.length;

/** Runs every migration after `oldVersion` (0 for a new database), in order. */
export function upgradeSettingsDb(db: MigratableDb, oldVersion: number): void {
  for (const migrate of MIGRATIONS.slice(oldVersion)) migrate(db);
}

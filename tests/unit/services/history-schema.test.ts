import type { IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, upgradeSchema, type TabphoneDb } from '../../../src/services/persistence/schema';

/** Records what a migration asks of the database; the real upgrade runs in Chromium (tests/e2e/history.test.ts). */
function recordingDb() {
  const created: string[] = [];
  const db = {
    createObjectStore(name: string, options: IDBObjectStoreParameters) {
      created.push(`${name} keyPath=${String(options.keyPath)}`);
      return { createIndex: (index: string) => created.push(`${name} index ${index}`) };
    },
    deleteObjectStore(name: string) {
      created.push(`delete ${name}`);
    },
  };
  return { created, db: db as unknown as IDBPDatabase<TabphoneDb> };
}

describe('account database schema', () => {
  it('is at version 2, with call history', () => {
    expect(SCHEMA_VERSION).toBe(2);
  });

  it('creates every store in a new database', () => {
    const { created, db } = recordingDb();
    upgradeSchema(db, 0);
    expect(created).toEqual(['conversations keyPath=peer', 'messages keyPath=id', 'messages index by-peer', 'outbox keyPath=id', 'calls keyPath=id']);
  });

  it('upgrades version 1 by adding the history store only, deleting nothing', () => {
    const { created, db } = recordingDb();
    upgradeSchema(db, 1);
    expect(created).toEqual(['calls keyPath=id']);
  });
});

import { openDB, type IDBPObjectStore } from 'idb';
import { databaseName, SCHEMA_VERSION, upgradeSchema, type TabphoneDb } from '../persistence/schema';
import type { HistoryRepository } from './history-repository';

/** Keeps the history in the account's database (the one its messages live in, version 2 on). */
export async function openIndexedDbHistoryRepository(aor: string): Promise<HistoryRepository> {
  const db = await openDB<TabphoneDb>(databaseName(aor), SCHEMA_VERSION, {
    upgrade: (database, oldVersion) => upgradeSchema(database, oldVersion),
    // A newer version of the app in another tab wants to upgrade: let it, rather than block it
    // until this tab closes; this tab's later writes fail and are logged.
    blocking: () => db.close(),
  });
  /** One transaction for a batch: it is written whole or not at all. */
  const write = async (change: (store: IDBPObjectStore<TabphoneDb, ['calls'], 'calls', 'readwrite'>) => Promise<unknown>[]) => {
    const tx = db.transaction('calls', 'readwrite');
    await Promise.all([...change(tx.store), tx.done]);
  };
  return {
    load: () => db.getAll('calls'),
    put: async (entry) => void (await db.put('calls', entry)),
    putMany: (entries) => write((store) => entries.map((entry) => store.put(entry))),
    delete: (ids) => write((store) => ids.map((id) => store.delete(id))),
    clear: () => db.clear('calls'),
  };
}

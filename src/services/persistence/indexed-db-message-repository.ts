import { openDB } from 'idb';
import type { MessageRepository } from './message-repository';
import { databaseName, SCHEMA_VERSION, upgradeSchema, type TabphoneDb } from './schema';

/** Opens (creating or upgrading) the account's database and keeps messages in it. */
export async function openIndexedDbMessageRepository(aor: string): Promise<MessageRepository> {
  const db = await openDB<TabphoneDb>(databaseName(aor), SCHEMA_VERSION, {
    upgrade: (database, oldVersion) => upgradeSchema(database, oldVersion),
  });
  return {
    async load() {
      const tx = db.transaction(['conversations', 'messages', 'outbox']);
      const [conversations, messages, outbox] = await Promise.all([
        tx.objectStore('conversations').getAll(),
        tx.objectStore('messages').getAll(),
        tx.objectStore('outbox').getAll(),
      ]);
      return { conversations, messages, outbox: outbox.sort((a, b) => a.seq - b.seq) };
    },
    putConversation: async (conversation) => void (await db.put('conversations', conversation)),
    putMessage: async (message) => void (await db.put('messages', message)),
    putOutboxEntry: async (saved) => void (await db.put('outbox', saved)),
    deleteOutboxEntry: (id) => db.delete('outbox', id),
  };
}

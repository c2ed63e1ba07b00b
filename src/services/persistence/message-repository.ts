import type { OutboxEntry } from '../../sip';
import type { ChatMessage, Conversation } from '../../stores/messages';

/** An outbox entry as saved: `seq` keeps the order the messages were first sent in. */
export interface SavedOutboxEntry {
  id: string;
  seq: number;
  entry: OutboxEntry;
}

export interface SavedMessages {
  conversations: Conversation[];
  messages: ChatMessage[];
  /** Oldest first. */
  outbox: SavedOutboxEntry[];
}

/** Where conversations, messages and the outbox are kept between page loads. */
export interface MessageRepository {
  load(): Promise<SavedMessages>;
  putConversation(conversation: Conversation): Promise<void>;
  putMessage(message: ChatMessage): Promise<void>;
  /** Replaces the saved copy with the same id. */
  putOutboxEntry(saved: SavedOutboxEntry): Promise<void>;
  deleteOutboxEntry(id: string): Promise<void>;
}

/** Keeps everything in memory: for a browser without IndexedDB (nothing survives a reload) and for tests. */
export function createMemoryMessageRepository(): MessageRepository {
  const conversations = new Map<string, Conversation>();
  const messages = new Map<string, ChatMessage>();
  const outbox = new Map<string, SavedOutboxEntry>();
  return {
    load: () =>
      Promise.resolve({
        conversations: [...conversations.values()],
        messages: [...messages.values()],
        outbox: [...outbox.values()].sort((a, b) => a.seq - b.seq),
      }),
    putConversation: (conversation) => {
      conversations.set(conversation.peer, conversation);
      return Promise.resolve();
    },
    putMessage: (message) => {
      messages.set(message.id, message);
      return Promise.resolve();
    },
    putOutboxEntry: (saved) => {
      outbox.set(saved.id, saved);
      return Promise.resolve();
    },
    deleteOutboxEntry: (id) => {
      outbox.delete(id);
      return Promise.resolve();
    },
  };
}

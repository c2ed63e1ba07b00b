import { createContext } from 'react';
import type { MessageService } from '../services/message-service';
import type { MessagesStore } from '../stores/messages';

export const MessagesStoreContext = createContext<MessagesStore | null>(null);

/** The message service once the phone runs; undefined while it starts or when no account is set up. */
export const MessageServiceContext = createContext<MessageService | undefined>(undefined);

/** Where a message is: ours on its way ('queued', 'sending'), arrived ('delivered'), or not ('failed'). */
export type ChatMessageState = 'queued' | 'sending' | 'delivered' | 'failed';

/** One text message as the chat view shows it; plain data, persisted as is. */
export interface ChatMessage {
  /** Ours: the outbox entry's id. Theirs: a random id given on arrival. */
  id: string;
  /** The conversation's key (see peer-key.ts). */
  peer: string;
  direction: 'incoming' | 'outgoing';
  /** Text exactly as sent or received: rendered as text, never as markup. */
  body: string;
  /** Date.now() when typed (ours) or received (theirs). */
  time: number;
  /** Incoming messages are 'delivered'. */
  state: ChatMessageState;
  /** Why it was not delivered ('failed' only), for the user. */
  failure?: string;
}

/** One conversation: everything said with one peer. */
export interface Conversation {
  peer: string;
  /** The peer's display name from their last message, shown as text only. */
  displayName?: string;
  unread: number;
}

export interface MessagesState {
  conversations: Record<string, Conversation>;
  /** By id. */
  messages: Record<string, ChatMessage>;
  /** The conversation on screen: new messages in it are read at once. */
  openPeer: string | undefined;
  /** Peers typing to us right now (RFC 3994 isComposing), by conversation key. */
  typing: Record<string, true>;
}

export const initialMessagesState: MessagesState = { conversations: {}, messages: {}, openPeer: undefined, typing: {} };

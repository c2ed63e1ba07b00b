import type { ChatMessage, Conversation, MessagesState } from './state';

/** A conversation as the list shows it. */
export interface ConversationSummary extends Conversation {
  last: ChatMessage | undefined;
}

function byTime(a: ChatMessage, b: ChatMessage): number {
  return a.time - b.time || a.id.localeCompare(b.id);
}

/** A conversation's messages, oldest first. */
export function selectConversationMessages(state: Pick<MessagesState, 'messages'>, peer: string): ChatMessage[] {
  return Object.values(state.messages)
    .filter((message) => message.peer === peer)
    .sort(byTime);
}

/** Every conversation with its last message, the most recent first. */
export function selectConversationList(state: Pick<MessagesState, 'conversations' | 'messages'>): ConversationSummary[] {
  const last = new Map<string, ChatMessage>();
  for (const message of Object.values(state.messages)) {
    const seen = last.get(message.peer);
    if (!seen || byTime(seen, message) < 0) last.set(message.peer, message);
  }
  return Object.values(state.conversations)
    .map((conversation) => ({ ...conversation, last: last.get(conversation.peer) }))
    .sort((a, b) => (b.last?.time ?? 0) - (a.last?.time ?? 0) || a.peer.localeCompare(b.peer));
}

export function selectTotalUnread(state: MessagesState): number {
  return Object.values(state.conversations).reduce((total, conversation) => total + conversation.unread, 0);
}

export const selectOpenPeer = (state: MessagesState) => state.openPeer;

/** Whether `peer` told us they are typing (RFC 3994) and has not stopped, sent or lapsed since. */
export const selectIsTyping = (peer: string) => (state: MessagesState) => state.typing[peer] === true;

/** What the chat view says under one of our messages; undefined for theirs. */
export function deliveryText(message: ChatMessage): string | undefined {
  if (message.direction === 'incoming') return undefined;
  switch (message.state) {
    case 'queued':
      return 'Queued';
    case 'sending':
      return 'Sent';
    case 'delivered':
      return 'Delivered';
    case 'failed':
      return 'Failed';
  }
}

/** The conversation's title: the address book's name for the peer, else the display name they sent, else its key. */
export function conversationTitle(conversation: Conversation, contactName?: string): string {
  return contactName ?? conversation.displayName ?? conversation.peer;
}

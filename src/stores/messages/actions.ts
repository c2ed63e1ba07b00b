import type { ChatMessage, Conversation, MessagesState } from './state';

export interface MessagesActions {
  /** Adds what was persisted; what is in the store already (arrived meanwhile) wins. */
  hydrate(conversations: Conversation[], messages: ChatMessage[]): void;
  /**
   * Adds or replaces a message and makes sure its conversation exists. A new incoming message
   * counts as unread unless its conversation is open.
   */
  putMessage(message: ChatMessage, displayName?: string): void;
  /** Opens a conversation (created if new) and marks it read; undefined closes the open one. */
  openConversation(peer: string | undefined): void;
  /** Records that `peer` is typing to us, or no longer is. */
  setTyping(peer: string, typing: boolean): void;
}

type SetState = (update: (state: MessagesState) => Partial<MessagesState>) => void;

/** Plain record-keeping: the message service decides what happened; the store only records it. */
export function createMessagesActions(set: SetState): MessagesActions {
  return {
    hydrate: (conversations, messages) =>
      set((state) => ({
        conversations: { ...Object.fromEntries(conversations.map((c) => [c.peer, c])), ...state.conversations },
        messages: { ...Object.fromEntries(messages.map((m) => [m.id, m])), ...state.messages },
      })),
    putMessage: (message, displayName) =>
      set((state) => {
        const known = state.conversations[message.peer] ?? { peer: message.peer, unread: 0 };
        const unseen = message.direction === 'incoming' && !(message.id in state.messages) && state.openPeer !== message.peer;
        const conversation: Conversation = {
          ...known,
          ...(displayName !== undefined ? { displayName } : {}),
          unread: known.unread + (unseen ? 1 : 0),
        };
        return {
          conversations: { ...state.conversations, [message.peer]: conversation },
          messages: { ...state.messages, [message.id]: message },
        };
      }),
    setTyping: (peer, typing) =>
      set((state) => {
        if ((state.typing[peer] === true) === typing) return {};
        const rest = Object.fromEntries(Object.entries(state.typing).filter(([key]) => key !== peer)) as Record<string, true>;
        return { typing: typing ? { ...rest, [peer]: true } : rest };
      }),
    openConversation: (peer) =>
      set((state) => {
        if (peer === undefined) return { openPeer: undefined };
        const known = state.conversations[peer] ?? { peer, unread: 0 };
        return { openPeer: peer, conversations: { ...state.conversations, [peer]: { ...known, unread: 0 } } };
      }),
  };
}

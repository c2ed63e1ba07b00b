export type { ChatMessage, ChatMessageState, Conversation, MessagesState } from './state';
export type { MessagesActions } from './actions';
export { createMessagesStore, type MessagesStore, type MessagesStoreState } from './store';
export { peerKey, senderPeer } from './peer-key';
export {
  conversationTitle,
  deliveryText,
  selectConversationList,
  selectConversationMessages,
  selectIsTyping,
  selectOpenPeer,
  selectTotalUnread,
  type ConversationSummary,
} from './selectors';

import { createStore } from 'zustand/vanilla';
import { createMessagesActions, type MessagesActions } from './actions';
import { initialMessagesState, type MessagesState } from './state';

export type MessagesStoreState = MessagesState & MessagesActions;
export type MessagesStore = ReturnType<typeof createMessagesStore>;

export function createMessagesStore() {
  return createStore<MessagesStoreState>()((set) => ({ ...initialMessagesState, ...createMessagesActions(set) }));
}

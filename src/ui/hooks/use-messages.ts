import { useContext } from 'react';
import { useStore } from 'zustand';
import type { MessageService } from '../../services/message-service';
import type { MessagesStoreState } from '../../stores/messages';
import { MessageServiceContext, MessagesStoreContext } from '../messages-context';

/**
 * Reads the messages store through a selector; re-renders only when the selected value changes.
 * The selector must return a stored value (not a new array): derive lists with useMemo.
 */
export function useMessages<T>(selector: (state: MessagesStoreState) => T): T {
  const store = useContext(MessagesStoreContext);
  if (!store) throw new Error('useMessages needs a MessagesStoreContext provider');
  return useStore(store, selector);
}

/** The message service, or undefined while the phone starts (sending then stays disabled). */
export function useMessageService(): MessageService | undefined {
  return useContext(MessageServiceContext);
}

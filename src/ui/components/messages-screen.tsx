import { useEffect } from 'react';
import { selectOpenPeer } from '../../stores/messages';
import { useMessages, useMessageService } from '../hooks/use-messages';
import { MessagesChat } from './messages-chat';
import { MessagesConversationList } from './messages-conversation-list';
import { MessagesNewConversation } from './messages-new-conversation';

/** The conversation list with a field to start one, or the open conversation. */
export function MessagesScreen() {
  const service = useMessageService();
  const openPeer = useMessages(selectOpenPeer);

  // Leaving the screen closes the conversation, so what arrives meanwhile counts as unread.
  useEffect(() => () => service?.openConversation(undefined), [service]);

  if (openPeer !== undefined) return <MessagesChat peer={openPeer} />;
  return (
    <div className="flex flex-col gap-3">
      <MessagesNewConversation />
      <MessagesConversationList />
    </div>
  );
}

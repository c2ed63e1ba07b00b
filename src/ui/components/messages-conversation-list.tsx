import { useMemo } from 'react';
import { conversationTitle, selectConversationList } from '../../stores/messages';
import { useMessages, useMessageService } from '../hooks/use-messages';
import { useContactLookup } from '../screens/contacts/use-contact-lookup';

/** Every conversation, the most recent first: who, the last message, how many are unread. */
export function MessagesConversationList() {
  const service = useMessageService();
  const conversations = useMessages((state) => state.conversations);
  const messages = useMessages((state) => state.messages);
  const lookup = useContactLookup();
  const list = useMemo(
    () => selectConversationList({ conversations, messages }),
    [conversations, messages],
  );

  if (list.length === 0) {
    return <p className="px-1 py-6 text-center text-sm text-slate-500 dark:text-slate-400">No conversations yet.</p>;
  }
  return (
    <ul aria-label="Conversations" className="flex flex-col divide-y divide-slate-100 rounded-2xl bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800">
      {list.map((conversation) => {
        const title = conversationTitle(conversation, lookup({ number: conversation.peer, uri: conversation.peer })?.name);
        const unread = conversation.unread;
        return (
          <li key={conversation.peer}>
            <button
              type="button"
              disabled={!service}
              aria-label={`Conversation with ${title}${unread > 0 ? `, ${unread} unread` : ''}`}
              onClick={() => service?.openConversation(conversation.peer)}
              className="flex w-full items-center gap-3 px-3 py-2.5 text-left first:rounded-t-2xl last:rounded-b-2xl hover:bg-slate-50 dark:hover:bg-slate-800/60"
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{title}</span>
                <span className="block truncate text-sm text-slate-500 dark:text-slate-400">
                  {conversation.last ? `${conversation.last.direction === 'outgoing' ? 'You: ' : ''}${conversation.last.body}` : 'No messages yet'}
                </span>
              </span>
              {unread > 0 && (
                <span className="min-w-5 shrink-0 rounded-full bg-teal-700 px-1.5 text-center text-xs leading-5 font-semibold text-white dark:bg-teal-500 dark:text-slate-950">
                  {unread}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  conversationTitle,
  deliveryText,
  selectConversationMessages,
  selectIsTyping,
  type ChatMessage,
} from '../../stores/messages';
import { useMessages, useMessageService } from '../hooks/use-messages';
import { useContactLookup } from '../screens/contacts/use-contact-lookup';

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** One conversation: its messages oldest first, each of ours with its delivery state, and the field to write. */
export function MessagesChat({ peer }: { peer: string }) {
  const service = useMessageService();
  const conversation = useMessages((state) => state.conversations[peer]);
  const messages = useMessages((state) => state.messages);
  const list = useMemo(
    () => selectConversationMessages({ messages }, peer),
    [messages, peer],
  );
  const typing = useMessages(useMemo(() => selectIsTyping(peer), [peer]));
  const contact = useContactLookup()({ number: peer, uri: peer });
  const title = conversationTitle(conversation ?? { peer, unread: 0 }, contact?.name);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const end = useRef<HTMLLIElement>(null);

  // A block body: scrollIntoView returns a promise in newer browsers, which React would take for a cleanup.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: 'end' });
  }, [list.length]);

  const send = () => {
    if (!service) return;
    const result = service.send(peer, text);
    if (result.ok) setText('');
    else setProblem(result.problem);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  // Enter sends, Shift+Enter starts a new line.
  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      send();
    }
  };

  return (
    <section aria-label={`Conversation with ${title}`} className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-label="Back to conversations"
          onClick={() => service?.openConversation(undefined)}
          className="grid size-9 place-items-center rounded-full text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-5">
            <path d="M15 5l-7 7 7 7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
        <h2 className="min-w-0 truncate font-semibold">{title}</h2>
      </div>

      {/* The log wraps the list: role="log" on the <ol> itself would take its list semantics away from the items. */}
      <div
        role="log"
        aria-label="Messages"
        className="max-h-[50dvh] min-h-32 overflow-y-auto rounded-2xl bg-white p-2 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
      >
        <ol className="flex flex-col gap-2">
          {list.length === 0 && <li className="py-6 text-center text-sm text-slate-500 dark:text-slate-400">No messages yet.</li>}
          {list.map((message) => (
            <MessageBubble key={message.id} message={message} onRetry={() => service?.retry(message.id)} />
          ))}
          <li ref={end} aria-hidden="true" />
        </ol>
      </div>
      {/* Always rendered, so a screen reader announces the notice when its text appears. */}
      <p role="status" aria-label="Typing" className="min-h-4 px-1 text-xs text-slate-600 dark:text-slate-400">
        {typing ? `${title} is typing…` : ''}
      </p>

      <form onSubmit={submit} className="flex items-end gap-2">
        <textarea
          aria-label="Message"
          rows={1}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(undefined);
            if (event.target.value.trim() !== '') service?.typed(peer);
          }}
          onKeyDown={keyDown}
          placeholder="Message"
          className="max-h-32 min-h-10 min-w-0 flex-1 resize-none rounded-xl bg-white px-3 py-2 text-sm ring-1 ring-slate-200 outline-none placeholder:text-slate-400 focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:ring-slate-800 dark:placeholder:text-slate-500 dark:focus:ring-teal-500"
        />
        <button
          type="submit"
          aria-label="Send message"
          disabled={!service}
          className="grid size-10 shrink-0 place-items-center rounded-xl bg-teal-700 text-white hover:bg-teal-800 disabled:opacity-50"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="size-5">
            <path d="M4 12l16-8-6 16-2.5-6.5z" strokeLinejoin="round" />
          </svg>
        </button>
      </form>
      {problem && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </section>
  );
}

/** A message as text only: the body is never markup, whatever it contains. */
function MessageBubble({ message, onRetry }: { message: ChatMessage; onRetry: () => void }) {
  const outgoing = message.direction === 'outgoing';
  const delivery = deliveryText(message);
  return (
    <li className={`flex flex-col ${outgoing ? 'items-end' : 'items-start'}`}>
      <p
        className={`max-w-[85%] rounded-2xl px-3 py-1.5 text-sm break-words whitespace-pre-wrap ${
          outgoing
            ? 'bg-teal-700 text-white'
            : 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100'
        }`}
      >
        {message.body}
      </p>
      <p className="mt-0.5 flex flex-wrap items-center gap-1 px-1 text-xs text-slate-500 dark:text-slate-400">
        <time dateTime={new Date(message.time).toISOString()}>{TIME.format(message.time)}</time>
        {delivery && (
          <>
            <span aria-hidden="true">·</span>
            <span role="status" aria-label="Delivery" className={message.state === 'failed' ? 'text-red-700 dark:text-red-400' : undefined}>
              {delivery}
            </span>
          </>
        )}
        {message.state === 'failed' && (
          <>
            <span aria-hidden="true">—</span>
            <button type="button" onClick={onRetry} className="font-semibold text-teal-800 underline dark:text-teal-300">
              Retry
            </button>
          </>
        )}
      </p>
      {message.failure && <p className="px-1 text-xs text-red-700 dark:text-red-400">{message.failure}</p>}
    </li>
  );
}

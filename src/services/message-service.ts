import { Outbox, type IncomingMessage, type MessageAgent, type OutboxEntry, type SipUri } from '../sip';
import { randomToken, type Logger, type Random } from '../sip/ports';
import { peerKey, senderPeer, type ChatMessage, type MessagesStore } from '../stores/messages';
import type { MessageRepository } from './persistence/message-repository';
import type { TypingNotices } from './typing-notices';

/** The slice of the user agent that sends and takes text messages (a fake stands in for it in tests). */
export type MessageServiceAgent = MessageAgent & {
  on(event: 'message', listener: (message: IncomingMessage) => void): () => void;
};

export interface MessageServiceOptions {
  agent: MessageServiceAgent;
  store: MessagesStore;
  repository: MessageRepository;
  /** The account's address: peers in its domain are keyed by user part. */
  account: SipUri;
  random: Random;
  /** Wall-clock milliseconds: message times outlive the page. */
  now: () => number;
  /** Tells the user about a new message from `peer` (the app shows a notification when the window is hidden). */
  notify?: (notice: MessageNotice) => void;
  /** "Is typing" notices both ways (RFC 3994); none are sent or shown without. */
  typing?: TypingNotices;
  logger: Logger;
}

/** A new message for the user's attention: who (`peer` is the conversation key), and what they said. */
export interface MessageNotice {
  peer: string;
  title: string;
  body: string;
}

export type MessageResult = { ok: true; peer: string } | { ok: false; problem: string };

export interface MessageService {
  /** Settles once the saved conversations are in the store and the saved outbox is queued again. */
  readonly ready: Promise<void>;
  /** Queues `body` for `peer`; it goes out, in order, whenever the account is registered. */
  send(peer: string, body: string): MessageResult;
  /** Sends a failed message again; false when `id` is not a failed message. */
  retry(id: string): boolean;
  /** The conversation key for what the user typed ("1001", "sip:1001@host"), or why it is none. */
  conversationFor(input: string): MessageResult;
  /** The user typed in `peer`'s conversation (the far end may be told). */
  typed(peer: string): void;
  /** Shows a conversation (its messages are read from now on); undefined when none is shown. */
  openConversation(peer: string | undefined): void;
  /** Stops listening to the agent; what is queued stays saved for the next start. */
  dispose(): void;
}

/**
 * Text messages: incoming MESSAGEs into the store and the database, outgoing ones through the
 * core's outbox, whose every change is saved (the persistence contract in src/sip/ua/message/outbox.ts).
 */
export function createMessageService(options: MessageServiceOptions): MessageService {
  const { agent, store, repository, account, random, now, logger } = options;
  const outbox = new Outbox({ agent, random, logger });
  /** Order of each saved outbox entry: increasing across page loads because it follows the clock. */
  const seqs = new Map<string, number>();
  let lastSeq = 0;

  const persist = (what: string, write: Promise<void>) => {
    write.catch((error: unknown) => logger.log('warn', `could not save ${what}`, error));
  };

  const saveConversation = (peer: string) => {
    const conversation = store.getState().conversations[peer];
    if (conversation) persist('a conversation', repository.putConversation(conversation));
  };

  const saveMessage = (message: ChatMessage) => {
    store.getState().putMessage(message);
    persist('a message', repository.putMessage(message));
  };

  const outboxChanged = (entry: OutboxEntry) => {
    const known = store.getState().messages[entry.id];
    const message: ChatMessage = {
      id: entry.id,
      peer: entry.target,
      direction: 'outgoing',
      body: entry.body,
      time: known?.time ?? now(),
      state: entry.state,
      ...(entry.failure ? { failure: entry.failure.message } : {}),
    };
    saveMessage(message);
    if (!known) saveConversation(message.peer);
    if (entry.state === 'delivered') {
      seqs.delete(entry.id);
      persist('the outbox', repository.deleteOutboxEntry(entry.id));
      return;
    }
    let seq = seqs.get(entry.id);
    if (seq === undefined) {
      seq = lastSeq = Math.max(now(), lastSeq + 1);
      seqs.set(entry.id, seq);
    }
    persist('the outbox', repository.putOutboxEntry({ id: entry.id, seq, entry }));
  };

  const received = (incoming: IncomingMessage) => {
    const peer = senderPeer(incoming.from.uri, account);
    const message: ChatMessage = {
      id: randomToken(random, 16),
      peer,
      direction: 'incoming',
      body: incoming.body,
      time: now(),
      state: 'delivered',
    };
    store.getState().putMessage(message, incoming.from.displayName);
    persist('a message', repository.putMessage(message));
    saveConversation(peer);
    options.notify?.({ peer, title: incoming.from.displayName ?? peer, body: incoming.body });
  };

  const unsubscribe = [outbox.on('change', outboxChanged), agent.on('message', received)];

  const ready = repository.load().then(
    (saved) => {
      store.getState().hydrate(saved.conversations, saved.messages);
      for (const { id, seq } of saved.outbox) {
        seqs.set(id, seq);
        lastSeq = Math.max(lastSeq, seq);
      }
      outbox.restore(saved.outbox.map((s) => s.entry));
    },
    (error: unknown) => logger.log('warn', 'could not load saved messages', error),
  );

  const conversationFor = (input: string): MessageResult => {
    if (input.trim() === '') return { ok: false, problem: 'Enter a number or SIP URI' };
    const peer = peerKey(input, account);
    return peer === undefined ? { ok: false, problem: `"${input.trim()}" is not a number or SIP URI` } : { ok: true, peer };
  };

  return {
    ready,
    send(peer, body) {
      const target = conversationFor(peer);
      if (!target.ok) return target;
      if (body.trim() === '') return { ok: false, problem: 'Type a message first' };
      options.typing?.sent(target.peer);
      outbox.send(target.peer, body);
      return target;
    },
    typed: (peer) => options.typing?.typed(peer),
    retry: (id) => outbox.retry(id),
    conversationFor,
    openConversation(peer) {
      store.getState().openConversation(peer);
      if (peer !== undefined) saveConversation(peer);
    },
    dispose() {
      for (const off of unsubscribe) off();
      options.typing?.dispose();
      outbox.dispose();
    },
  };
}

/**
 * A system notification for a new message, only while the window is hidden and only if already
 * allowed; a click brings the window forward and calls `open` (to show the conversation).
 */
export function notifyWhenHidden({ peer, title, body }: MessageNotice, open: () => void): void {
  if (typeof document === 'undefined' || !document.hidden) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag: `message:${peer}` });
  notification.onclick = () => {
    window.focus();
    open();
    notification.close();
  };
}

import { IS_COMPOSING_TYPE, isComposingDocument, type ComposingNotice, type IncomingMessage, type MessageOutcome, type SipUri } from '../sip';
import type { Logger, TimerHandle, Timers } from '../sip/ports';
import { senderPeer, type MessagesStore } from '../stores/messages';

/** RFC 3994 §3.2: without a keystroke for this long we are no longer typing. */
const IDLE_AFTER_MS = 15_000;
/** How long our 'active' lasts at the far end unless refreshed (the refresh element, seconds). */
const ACTIVE_REFRESH_S = 120;
/** Refresh our 'active' well before the far end lets it lapse. */
const REFRESH_ACTIVE_MS = 90_000;
/** Answers saying the far end does not take isComposing documents: stop sending them there. */
const REFUSED = new Set([405, 415, 501]);

/** The slice of the user agent typing notices need (a fake stands in for it in tests). */
export interface TypingAgent {
  on(event: 'composing', listener: (notice: ComposingNotice) => void): () => void;
  on(event: 'message', listener: (message: IncomingMessage) => void): () => void;
  sendMessage(target: string, body: string, contentType: string): { readonly done: Promise<MessageOutcome> };
}

export interface TypingNoticesOptions {
  agent: TypingAgent;
  store: MessagesStore;
  account: SipUri;
  timers: Timers;
  logger: Logger;
}

export interface TypingNotices {
  /** The user typed in `peer`'s conversation: tell them, at most once per refresh period. */
  typed(peer: string): void;
  /** Our message to `peer` went out: it ends our typing there (RFC 3994 §3.3) without an 'idle'. */
  sent(peer: string): void;
  dispose(): void;
}

/**
 * RFC 3994 "is typing" both ways: the far end's notices mark its conversation as typing until it
 * goes idle, sends its message or lets the refresh lapse; our keystrokes send 'active' and, after
 * 15 s without one, 'idle'. A peer that refuses the notices (415 and the like) gets no more.
 */
export function createTypingNotices({ agent, store, account, timers, logger }: TypingNoticesOptions): TypingNotices {
  const lapses = new Map<string, TimerHandle>();
  const ours = new Map<string, { idle: TimerHandle; activeSentAt: number }>();
  const refusing = new Set<string>();

  const theirsStopped = (peer: string) => {
    const lapse = lapses.get(peer);
    if (lapse !== undefined) timers.clearTimeout(lapse);
    lapses.delete(peer);
    store.getState().setTyping(peer, false);
  };

  const noticed = (notice: ComposingNotice) => {
    const peer = senderPeer(notice.from.uri, account);
    theirsStopped(peer);
    if (notice.state !== 'active') return;
    store.getState().setTyping(peer, true);
    lapses.set(peer, timers.setTimeout(() => theirsStopped(peer), notice.refresh * 1000));
  };

  const send = (peer: string, state: 'active' | 'idle') => {
    agent.sendMessage(peer, isComposingDocument(state, ACTIVE_REFRESH_S), IS_COMPOSING_TYPE).done.then(
      (outcome) => {
        if (!outcome.delivered && outcome.status !== undefined && REFUSED.has(outcome.status)) refusing.add(peer);
      },
      (error: unknown) => logger.log('debug', 'typing notice not sent', error),
    );
  };

  const oursStopped = (peer: string) => {
    const typing = ours.get(peer);
    if (typing) timers.clearTimeout(typing.idle);
    ours.delete(peer);
  };

  const unsubscribe = [
    agent.on('composing', noticed),
    agent.on('message', (message) => theirsStopped(senderPeer(message.from.uri, account))),
  ];

  return {
    typed(peer) {
      if (refusing.has(peer)) return;
      const typing = ours.get(peer);
      const now = timers.now();
      const fresh = typing !== undefined && now - typing.activeSentAt < REFRESH_ACTIVE_MS;
      if (!fresh) send(peer, 'active');
      if (typing) timers.clearTimeout(typing.idle);
      const idle = timers.setTimeout(() => {
        ours.delete(peer);
        send(peer, 'idle');
      }, IDLE_AFTER_MS);
      ours.set(peer, { idle, activeSentAt: fresh ? typing.activeSentAt : now });
    },
    sent: oursStopped,
    dispose() {
      for (const off of unsubscribe) off();
      for (const peer of [...ours.keys()]) oursStopped(peer);
      for (const peer of [...lapses.keys()]) theirsStopped(peer);
    },
  };
}

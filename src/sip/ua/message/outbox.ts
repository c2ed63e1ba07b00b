/*
 * The outbox: text messages on their way, kept until a final answer, sent in order per target.
 *
 *   send(), restore() ──> queued ──registered, first of its target, none in flight──> sending
 *                           ^  ^                                                        │
 *                           │  └── connection lost before a final answer: back to the ─┤
 *                           │      head of its target; sent again with the same SIP     │
 *                           │      identity once registered again                       │
 *                retry(id)  │                                                           ├── 2xx ──> delivered
 *                           │                                                           │   (emitted, then dropped)
 *                        failed <── 3xx-6xx, Timer F, unusable target, too large ───────┘
 *                        (kept until retry(id) or discard(id))
 *
 * Persistence contract (the app keeps the outbox in IndexedDB):
 * - Save every entry each 'change' event carries, by `id`, replacing the earlier copy; delete it
 *   when its state is 'delivered' or after discard(id). The entries are plain data.
 * - At start, before or right after the UA starts, call restore() with the saved entries in the
 *   order they were first sent. 'sending' entries (the page went away mid-transaction) are queued
 *   again and resent with their saved `attempt`, so a receiver that did get them shows them once.
 */
import { randomToken, type Logger, type Random } from '../../ports';
import { Emitter } from '../../util/emitter';
import type { RegistrationState } from '../registration';
import { TEXT_PLAIN_UTF8, type MessageAttempt, type MessageOutcome } from './message-types';

export type OutboxState = 'queued' | 'sending' | 'delivered' | 'failed';

/** One message in the outbox: plain data, replaced (never changed) on each state change. */
export interface OutboxEntry {
  /** Random client id, stable for the message's life: the app's key for it. */
  readonly id: string;
  readonly target: string;
  readonly body: string;
  readonly contentType: string;
  readonly state: OutboxState;
  /** SIP identity of the last attempt; a resend re-uses it. Absent before the first attempt. */
  readonly attempt?: MessageAttempt;
  /** Why it failed ('failed' only). */
  readonly failure?: Extract<MessageOutcome, { delivered: false }>;
}

/** The part of the UserAgent the outbox uses. */
export interface MessageAgent {
  readonly registrationState: RegistrationState;
  on(event: 'registration', listener: (state: RegistrationState, cause?: string) => void): () => void;
  sendMessage(target: string, body: string, contentType: string, resend?: MessageAttempt): { readonly attempt: MessageAttempt | undefined; readonly done: Promise<MessageOutcome> };
}

export interface OutboxEvents {
  /** An entry was added or changed state. */
  change: [entry: OutboxEntry];
}

export interface OutboxOptions {
  agent: MessageAgent;
  random: Random;
  logger?: Logger;
}

export class Outbox extends Emitter<OutboxEvents> {
  #list: OutboxEntry[] = [];
  /** Targets with a message in flight: one at a time each keeps their order. */
  readonly #busy = new Set<string>();
  #disposed = false;
  readonly #unsubscribe: () => void;
  readonly #options: OutboxOptions;

  constructor(options: OutboxOptions) {
    super(options.logger);
    this.#options = options;
    this.#unsubscribe = options.agent.on('registration', (state) => {
      if (state === 'registered') this.#pump();
    });
  }

  /** Every entry not delivered yet, oldest first. */
  get entries(): readonly OutboxEntry[] {
    return [...this.#list];
  }

  /**
   * Queues a message; it goes out at once when registered and nothing is ahead of it for `target`.
   * Order is kept per `target` string, so use one spelling per conversation ("1001", not also "sip:1001@…").
   */
  send(target: string, body: string, contentType: string = TEXT_PLAIN_UTF8): OutboxEntry {
    const entry: OutboxEntry = { id: randomToken(this.#options.random, 16), target, body, contentType, state: 'queued' };
    this.#list.push(entry);
    this.safeEmit('change', entry);
    this.#pump();
    return entry;
  }

  /** Queues a failed message again, behind what is queued for its target; false when `id` is not failed. */
  retry(id: string): boolean {
    const entry = this.#find(id);
    if (entry?.state !== 'failed') return false;
    const queued = this.#change(entry, { state: 'queued', failure: undefined }, false);
    this.#list = [...this.#list.filter((e) => e !== queued), queued];
    this.safeEmit('change', queued);
    this.#pump();
    return true;
  }

  /** Drops a queued or failed message; false when `id` is unknown or in flight. */
  discard(id: string): boolean {
    const entry = this.#find(id);
    if (!entry || entry.state === 'sending') return false;
    this.#list = this.#list.filter((e) => e !== entry);
    return true;
  }

  /**
   * Seeds the outbox with persisted entries (see the contract at the top), ahead of any sent
   * since start. Entries whose id is known already, and delivered ones, are skipped.
   */
  restore(entries: readonly OutboxEntry[]): void {
    const known = new Set(this.#list.map((e) => e.id));
    const restored: OutboxEntry[] = [];
    for (const saved of entries) {
      if (known.has(saved.id) || saved.state === 'delivered') continue;
      known.add(saved.id);
      restored.push(saved.state === 'sending' ? { ...saved, state: 'queued' } : { ...saved });
    }
    this.#list = [...restored, ...this.#list];
    for (const entry of restored) if (entry.state === 'queued') this.safeEmit('change', entry);
    this.#pump();
  }

  /** Stops listening to the agent; answers to messages in flight are ignored from now on. */
  dispose(): void {
    this.#disposed = true;
    this.#unsubscribe();
  }

  #pump(): void {
    // A lost connection takes the registration with it (RFC 5626 §4.4), so a message sent back to
    // the queue by it waits here for the next registration.
    if (this.#disposed || this.#options.agent.registrationState !== 'registered') return;
    for (const entry of [...this.#list]) {
      if (entry.state === 'queued' && !this.#busy.has(entry.target)) this.#dispatch(entry);
    }
  }

  #dispatch(entry: OutboxEntry): void {
    this.#busy.add(entry.target);
    const message = this.#options.agent.sendMessage(entry.target, entry.body, entry.contentType, entry.attempt);
    const sending = this.#change(entry, { state: 'sending', attempt: message.attempt ?? entry.attempt });
    void message.done.then((outcome) => this.#finished(sending.id, outcome, message.attempt));
  }

  #finished(id: string, outcome: MessageOutcome, attempt: MessageAttempt | undefined): void {
    const entry = this.#find(id);
    if (this.#disposed || !entry) return;
    this.#busy.delete(entry.target);
    if (outcome.delivered) {
      this.#list = this.#list.filter((e) => e !== entry);
      this.safeEmit('change', { ...entry, state: 'delivered', attempt: attempt ?? entry.attempt });
    } else if (outcome.cause === 'transport') {
      // It may have arrived: the resend carries the same identity, so the receiver can tell.
      this.#change(entry, { state: 'queued', attempt: attempt ?? entry.attempt });
    } else {
      this.#change(entry, { state: 'failed', failure: outcome });
    }
    this.#pump();
  }

  #find(id: string): OutboxEntry | undefined {
    return this.#list.find((e) => e.id === id);
  }

  /** Replaces `entry` with a changed copy in place, announces it (unless told not to), returns it. */
  #change(entry: OutboxEntry, patch: Partial<OutboxEntry>, announce = true): OutboxEntry {
    const next: OutboxEntry = { ...entry, ...patch };
    if (next.failure === undefined) delete (next as { failure?: unknown }).failure;
    this.#list = this.#list.map((e) => (e === entry ? next : e));
    if (announce) this.safeEmit('change', next);
    return next;
  }
}

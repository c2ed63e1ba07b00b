/*
 * One MESSAGE we send (RFC 3428 §4), out of dialog, with a Call-ID of its own.
 *
 *   sending --2xx (200 or 202: both mean delivered, §7)--> delivered
 *      |
 *      +-- 3xx-6xx, Timer F, transport lost, unusable target, too large --> failed
 *
 *   401/407 on the way: answered with credentials (send-with-digest-retry.ts), still sending.
 */
import { utf8Length, type SipRequest, type SipUri } from '../../message';
import { parseCallTarget } from '../call/call-target';
import { sendWithDigestRetry, type DigestRetryDeps, type FinalResponse } from '../send-with-digest-retry';
import type { RequestFactory } from '../request-factory';
import { deliveryFailure, invalidTarget, tooLarge } from './delivery-failure';
import { MAX_MESSAGE_BYTES, type MessageAttempt, type MessageOutcome } from './message-types';

export type OutgoingMessageState = 'sending' | 'delivered' | 'failed';

export interface OutgoingMessageDeps extends DigestRetryDeps {
  factory: RequestFactory;
  /** The account's address: bare numbers and names are in its domain. */
  accountUri: SipUri;
}

export class OutgoingMessage {
  /** Resolves once, with the outcome; never rejects. */
  readonly done: Promise<MessageOutcome>;
  #result: MessageOutcome | undefined;
  #current: SipRequest | undefined;
  #resolve!: (outcome: MessageOutcome) => void;

  constructor(
    deps: OutgoingMessageDeps,
    readonly target: string,
    readonly body: string,
    readonly contentType: string,
    /** The identity of an earlier attempt of this same message, for a resend. */
    resend?: MessageAttempt,
  ) {
    this.done = new Promise((resolve) => (this.#resolve = resolve));
    const uri = parseCallTarget(target, deps.accountUri);
    if (utf8Length(body) > MAX_MESSAGE_BYTES) this.#finish(tooLarge());
    else if (!uri) this.#finish(invalidTarget(target));
    else this.#send(deps, uri, resend);
  }

  get state(): OutgoingMessageState {
    if (!this.#result) return 'sending';
    return this.#result.delivered ? 'delivered' : 'failed';
  }

  get outcome(): MessageOutcome | undefined {
    return this.#result;
  }

  /** Call-ID, From tag and CSeq of the request last sent; undefined when nothing could be sent. */
  get attempt(): MessageAttempt | undefined {
    const request = this.#current;
    if (!request) return undefined;
    return { callId: request.callId, fromTag: request.from.tag ?? '', cseq: request.cseq.seq };
  }

  #send(deps: OutgoingMessageDeps, uri: SipUri, resend: MessageAttempt | undefined): void {
    const { body, contentType } = this;
    const request = deps.factory.create('MESSAGE', uri, {
      callId: resend?.callId,
      fromTag: resend?.fromTag,
      cseq: resend?.cseq,
      // Like MicroSIP's: a MESSAGE forms no dialog, so it names no Contact.
      contact: 'none',
      headers: [['Content-Type', contentType]],
      body,
    });
    sendWithDigestRetry(deps, request, {
      attempt: (attempt) => (this.#current = attempt),
      final: (final) => this.#finish(outcomeOf(final, uri)),
    });
  }

  #finish(outcome: MessageOutcome): void {
    this.#result = outcome;
    this.#resolve(outcome);
  }
}

function outcomeOf({ response, source, authFailure }: FinalResponse, target: SipUri): MessageOutcome {
  const { status, reason } = response;
  if (source === 'network' && status >= 200 && status < 300) return { delivered: true, status, reason };
  return deliveryFailure(response, source, target, authFailure);
}

import { utf8Length } from '../../message';
import type { Timers } from '../../ports';
import { remotePartyOf } from '../call/remote-party';
import type { IncomingRequest } from '../incoming-request';
import type { MethodUsage } from '../usage';
import { IS_COMPOSING_TYPE, parseIsComposing } from './is-composing';
import { MAX_MESSAGE_BYTES, type ComposingNotice, type IncomingMessage } from './message-types';
import { RecentMessages } from './recent-messages';

const TEXT_PLAIN = 'text/plain';
/** The transport decodes frames as UTF-8, so a body declared in any other charset would be garbled. */
const READABLE_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

export interface MessageUsageListener {
  message(message: IncomingMessage): void;
  composing(notice: ComposingNotice): void;
}

/**
 * Takes out-of-dialog MESSAGE requests (RFC 3428 §7): text/plain in UTF-8 becomes a message,
 * an RFC 3994 isComposing document a typing notice; both get 200. Anything else gets 415 with
 * Accept (RFC 3261 §21.4.13), a body over MAX_MESSAGE_BYTES 413, and a resend of a message we
 * took already 200 without a second event.
 */
export class MessageUsage implements MethodUsage {
  readonly method = 'MESSAGE';
  readonly accepts = [TEXT_PLAIN, IS_COMPOSING_TYPE];
  readonly #recent = new RecentMessages();
  readonly #timers: Timers;
  readonly #listener: MessageUsageListener;

  constructor(
    timers: Timers,
    listener: MessageUsageListener,
  ) {
    this.#timers = timers;
    this.#listener = listener;
  }

  receiveRequest(incoming: IncomingRequest): void {
    const { request } = incoming;
    const encoding = request.get('Content-Encoding')?.trim().toLowerCase();
    if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
      incoming.reply(415, { headers: [['Accept-Encoding', 'identity']] });
      return;
    }
    const type = request.contentType;
    if (!this.accepts.includes(type ?? '') || !READABLE_CHARSETS.has(charsetOf(request.get('Content-Type') ?? ''))) {
      incoming.reply(415, { headers: [['Accept', this.accepts.join(', ')]] });
      return;
    }
    if (utf8Length(request.body) > MAX_MESSAGE_BYTES) {
      incoming.reply(413);
      return;
    }
    const from = remotePartyOf(request, request.from);
    const receivedAt = this.#timers.now();
    if (type === IS_COMPOSING_TYPE) {
      const composing = parseIsComposing(request.body);
      if (!composing) {
        incoming.reply(400, { reason: 'Unreadable isComposing Document' });
        return;
      }
      incoming.reply(200);
      this.#listener.composing({ from, ...composing, receivedAt });
      return;
    }
    const fresh = this.#recent.remember(request);
    incoming.reply(200);
    if (fresh) this.#listener.message({ from, body: request.body, contentType: TEXT_PLAIN, receivedAt, callId: request.callId });
  }
}

/** The charset parameter of a Content-Type value, lower-case; UTF-8 when absent (MicroSIP sends a bare `text/plain`). */
function charsetOf(contentType: string): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType);
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}

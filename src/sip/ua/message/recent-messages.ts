import type { SipRequest } from '../../message';

/** How many MESSAGEs we remember: far more than a sender resends after one lost connection. */
const REMEMBERED = 500;

/**
 * The MESSAGEs we took lately, by Call-ID, From tag and CSeq. A sender whose connection dropped
 * before our 200 reached it sends the same request again (outbox.ts re-uses those three); we
 * answer 200 again but show it once. Two different messages never share all three (§8.1.1.5).
 */
export class RecentMessages {
  readonly #keys = new Set<string>();

  /** Remembers `request`; false when it was seen before. */
  remember(request: SipRequest): boolean {
    const key = `${request.callId}\n${request.from.tag ?? ''}\n${request.cseq.seq}`;
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    // A Set iterates in insertion order: the first key is the oldest.
    if (this.#keys.size > REMEMBERED) this.#keys.delete(this.#keys.values().next().value!);
    return true;
  }
}
